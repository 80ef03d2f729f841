"""Imports in the admin: start one (an upload or a file on the server), read its dry run,
then import; watch it go; download its report. The old addresses, seen and edited.

Administrators only (``imports.add_importrun``, see accounts/roles.py). The import itself
runs as ``manage.py import_archive --run <id>`` in a process of its own
(``services.import_run_launch``): the web worker only starts it and shows its counts.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imports import services
from imports.models import ImportItem, ImportRun, Reader, Redirect
from imports.redirects import address_key

STALLED_AFTER = dt.timedelta(minutes=2)
SUFFIXES = {Reader.WXR: {".xml"}, Reader.NUKEVIET: {".sql"}}


def _allowed(value: str, *, folder: bool = False) -> Path:
    """A path on the server inside one of IMPORT_ALLOWED_DIRS, that exists."""
    if not settings.IMPORT_ALLOWED_DIRS:
        raise ValidationError(
            _("No folder on the server is open to imports (IMPORT_ALLOWED_DIRS): upload the file.")
        )
    candidate = Path(value.strip()).resolve()
    if not any(candidate.is_relative_to(Path(d)) for d in settings.IMPORT_ALLOWED_DIRS):
        raise ValidationError(
            _("%(path)s is outside the folders open to imports: %(dirs)s.")
            % {"path": value, "dirs": ", ".join(settings.IMPORT_ALLOWED_DIRS)}
        )
    if folder and not candidate.is_dir():
        raise ValidationError(_("No such folder on the server: %(path)s.") % {"path": value})
    if not folder and not candidate.exists():
        raise ValidationError(_("No such file on the server: %(path)s.") % {"path": value})
    return candidate


class ImportStartForm(forms.Form):
    reader = forms.ChoiceField(label=gettext_lazy("Old portal's software"), choices=Reader.choices)
    source = forms.SlugField(
        label=gettext_lazy("Source name"),
        max_length=50,
        help_text=gettext_lazy(
            "A short name for the old portal (backan, thainguyen): importing again under the "
            "same name updates what came in, it never makes a copy."
        ),
    )
    archive = forms.FileField(
        label=gettext_lazy("Archive (upload)"),
        required=False,
        help_text=gettext_lazy("WordPress: the .xml export; NukeViet: the .sql dump."),
    )
    server_path = forms.CharField(
        label=gettext_lazy("…or a path on the server"),
        required=False,
        max_length=500,
        help_text=gettext_lazy(
            "For a large archive or a folder of saved pages, copied to a folder open to imports."
        ),
    )
    mapping = forms.FileField(
        label=gettext_lazy("Mapping file (TOML)"),
        required=False,
        help_text=gettext_lazy(
            "Old authors, sections and tags to this site's (docs/migration.md). An author it "
            "does not map is listed in the dry run and the item is not imported."
        ),
    )
    uploads = forms.CharField(
        label=gettext_lazy("Copy of the old uploads folder on the server"),
        required=False,
        max_length=500,
    )
    old_url = forms.URLField(
        label=gettext_lazy("Old portal's address"),
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("Photos named by a relative address are read from it."),
    )
    allow_hosts = forms.CharField(
        label=gettext_lazy("Hosts photos may be downloaded from"),
        required=False,
        help_text=gettext_lazy("Separated by commas; empty: photos are read from the folder only."),
    )
    missing_media = forms.ChoiceField(
        label=gettext_lazy("A photo that cannot be read"),
        choices=[
            ("drop", gettext_lazy("is dropped from the article")),
            ("link", gettext_lazy("is kept as a link to the old address")),
        ],
    )
    selectors = forms.CharField(
        label=gettext_lazy("Saved HTML: selector file on the server"),
        required=False,
        max_length=500,
    )
    prefix = forms.CharField(
        label=gettext_lazy("NukeViet: table prefix"), initial="nv4", max_length=30, required=False
    )

    def clean_archive(self):
        archive = self.cleaned_data.get("archive")
        if archive and archive.size > settings.IMPORT_UPLOAD_MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(max)s: copy it to the server and give its path.")
                % {"max": filesizeformat(settings.IMPORT_UPLOAD_MAX_BYTES)}
            )
        return archive

    def clean_mapping(self):
        mapping = self.cleaned_data.get("mapping")
        if mapping and mapping.size > 2 * 1024 * 1024:
            raise ValidationError(_("A mapping file this large is not one."))
        return mapping

    def clean(self):
        data = super().clean()
        reader, archive, server_path = (
            data.get("reader"),
            data.get("archive"),
            data.get("server_path"),
        )
        if bool(archive) == bool(server_path):
            raise ValidationError(_("Upload the archive or give its path on the server (one)."))
        if archive is not None:
            if reader == Reader.HTML:
                self.add_error(
                    "archive", _("Saved pages are a folder: give its path on the server.")
                )
            elif Path(archive.name).suffix.lower() not in SUFFIXES.get(reader, set()):
                self.add_error(
                    "archive",
                    _("This is not a %(kind)s file (%(suffixes)s expected).")
                    % {
                        "kind": Reader(reader).label,
                        "suffixes": ", ".join(sorted(SUFFIXES.get(reader, set()))),
                    },
                )
        for name, folder in (("server_path", reader == Reader.HTML), ("uploads", True)):
            if data.get(name):
                try:
                    data[name] = _allowed(data[name], folder=folder)
                except ValidationError as error:
                    self.add_error(name, error)
        if data.get("selectors"):
            try:
                data["selectors"] = _allowed(data["selectors"])
            except ValidationError as error:
                self.add_error("selectors", error)
        elif reader == Reader.HTML:
            self.add_error("selectors", _("Saved pages are read with a selector file."))
        return data

    def options(self, mapping_path: Path | None) -> dict:
        data = self.cleaned_data
        hosts = [h.strip().lower() for h in (data.get("allow_hosts") or "").split(",") if h.strip()]
        options = {
            "mapping": str(mapping_path) if mapping_path else "",
            "uploads": str(data["uploads"]) if data.get("uploads") else "",
            "allow_hosts": hosts,
            "missing_media": data["missing_media"],
            "old_url": data.get("old_url") or "",
            "selectors": str(data["selectors"]) if data.get("selectors") else "",
            "prefix": data.get("prefix") or "nv4",
        }
        return {key: value for key, value in options.items() if value}


def _resumable(run: ImportRun) -> bool:
    """Stopped before its end: failed, or "running" with nothing written for two minutes
    (its process was killed with the server). One still going is never started twice."""
    if run.dry_run or run.state == ImportRun.State.DONE:
        return False
    if run.state == ImportRun.State.FAILED:
        return True
    last = (
        ImportItem.objects.filter(run=run)
        .order_by("-updated_at")
        .values_list("updated_at", flat=True)
        .first()
    ) or run.started_at
    return timezone.now() - last > STALLED_AFTER


def _keep_upload(upload, folder: Path) -> Path:
    """An uploaded file, written under IMPORT_UPLOAD_DIR (a name of ours, the suffix kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()[:8]}"
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return target


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "__str__", "dry_run", "state", "total", "created", "updated", "unchanged",
        "skipped", "failed", "started_by", "started_at", "report_link",
    ]  # fmt: skip
    list_filter = ["state", "reader", "dry_run", "source"]
    list_select_related = ["started_by"]
    search_fields = ["source", "path"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("imports.add_importrun")

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # read-only: a run is the record of what happened

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("imports.view_importrun")

    @admin.display(description=gettext_lazy("report (CSV)"))
    def report_link(self, run: ImportRun) -> str:
        if not run.report:
            return "—"
        url = reverse("admin:imports_importrun_report", args=[run.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/import/", view(self.import_view), name="imports_importrun_import"),
            path("<int:pk>/resume/", view(self.resume_view), name="imports_importrun_resume"),
            path("<int:pk>/report/", view(self.report_view), name="imports_importrun_report"),
            *super().get_urls(),
        ]

    def _run(self, request: HttpRequest, pk: int, *, start: bool) -> ImportRun:
        if not (self.has_add_permission(request) if start else self.has_view_permission(request)):
            raise PermissionDenied
        return get_object_or_404(ImportRun.objects.select_related("started_by"), pk=pk)

    # Start: the form, then a dry run ---------------------------------------------------

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportStartForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            folder = Path(settings.IMPORT_UPLOAD_DIR) / uuid.uuid4().hex
            data = form.cleaned_data
            archive = (
                _keep_upload(data["archive"], folder)
                if data.get("archive")
                else data["server_path"]
            )
            mapping = _keep_upload(data["mapping"], folder) if data.get("mapping") else None
            run = services.import_run_create(
                source=data["source"], reader=data["reader"], path=str(archive),
                options=form.options(mapping), dry_run=True, by=request.user,
            )  # fmt: skip
            services.import_run_launch(run=run)
            return redirect("admin:imports_importrun_change", run.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import an old portal"),
            "form": form,
            "opts": self.model._meta,
            "allowed_dirs": settings.IMPORT_ALLOWED_DIRS,
        }
        return TemplateResponse(request, "admin/imports/importrun/start.html", context)

    # The run: its plan or its progress, the button to import ---------------------------

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        if not str(object_id).isdigit():
            raise Http404
        run = self._run(request, int(object_id), start=False)
        failures = ImportItem.objects.filter(run=run, outcome=ImportItem.Outcome.FAILED)
        later = ImportRun.objects.filter(source=run.source, pk__gt=run.pk, dry_run=False)
        seconds = run.seconds_left()
        context = {
            **self.admin_site.each_context(request),
            "title": str(run),
            "run": run,
            "opts": self.model._meta,
            "can_start": self.has_add_permission(request),
            "failures": failures.order_by("old_id")[:50],
            "failure_count": failures.count(),
            "imported_after": later.order_by("pk").first() if run.dry_run else None,
            "percent": int(100 * run.processed / run.total) if run.total else 0,
            "time_left": f"{seconds // 60}:{seconds % 60:02d}" if seconds is not None else "—",
            "rate": f"{run.rate():.1f}".replace(".", ","),
            "refresh": run.is_active(),
            "can_resume": self.has_add_permission(request) and _resumable(run),
        }
        return TemplateResponse(request, "admin/imports/importrun/run.html", context)

    def import_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        run = self._run(request, pk, start=True)
        if request.method != "POST":
            return redirect("admin:imports_importrun_change", run.pk)
        if not run.dry_run or run.state != ImportRun.State.DONE:
            messages.error(request, _("Only a finished dry run can be imported."))
            return redirect("admin:imports_importrun_change", run.pk)
        real = services.import_run_repeat(run=run, by=request.user)
        services.import_run_launch(run=real)
        messages.success(request, _("The import has started."))
        return redirect("admin:imports_importrun_change", real.pk)

    def resume_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        run = self._run(request, pk, start=True)
        if request.method == "POST" and _resumable(run):
            services.import_run_launch(run=run, resume=True)
            messages.success(request, _("The import goes on from where it stopped."))
        return redirect("admin:imports_importrun_change", run.pk)

    def report_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        run = self._run(request, pk, start=False)
        report = Path(run.report) if run.report else None
        if report is None or not report.is_file():
            raise Http404(_("This import has no report."))
        return FileResponse(
            report.open("rb"), as_attachment=True, filename=report.name, content_type="text/csv"
        )


class RedirectForm(forms.ModelForm):
    class Meta:
        model = Redirect
        fields = ["host", "old_path", "article", "target", "gone", "source"]

    def clean_host(self) -> str:
        return (self.cleaned_data.get("host") or "").strip().lower()

    def clean_old_path(self) -> str:
        """Kept the way a request is looked up: decoded, no trailing slash, or ``?p=12``."""
        value = (self.cleaned_data.get("old_path") or "").strip()
        if "://" not in value and not value.startswith(("/", "?")):
            value = "/" + value
        return address_key(value)[1]

    def clean(self):
        data = super().clean()
        if not data.get("gone") and not data.get("article") and not data.get("target"):
            raise ValidationError(
                _("Choose the article, write the new address, or tick “gone (410)”.")
            )
        return data


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    form = RedirectForm
    list_display = ["__str__", "destination_link", "gone", "source", "hits"]
    list_filter = ["gone", "source", "host"]
    search_fields = ["old_path", "host", "target", "article__title"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]
    readonly_fields = ["hits"]
    fields = ["host", "old_path", "article", "target", "gone", "source", "hits"]

    @admin.display(description=gettext_lazy("new address"))
    def destination_link(self, redirect_row: Redirect) -> str:
        if redirect_row.gone:
            return "410"
        destination = redirect_row.destination()
        return format_html('<a href="{}">{}</a>', destination, destination) if destination else "—"
