"""The photo library in the admin: a grid, bulk upload with progress, captions for many.

Photo staff (“Cán bộ phụ trách ảnh”) hold the image permissions only: they use all of
this and never see an article form. Every file goes in through ``services.image_upload``.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, Q, When
from django.forms import modelformset_factory
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import dashboard
from photos import pipeline, services
from photos.models import Image
from photos.renditions import fallback_rendition, social_image_url, thumbnail_url
from photos.usage import Usage

ACCEPT = "image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,image/avif,.heic,.heif"


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# Forms ------------------------------------------------------------------------


class UploadField(forms.FileField):
    """A file field whose browser hint lists our formats; the content is checked later."""

    widget = forms.ClearableFileInput

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": ACCEPT}


def _verified(upload) -> None:
    """Run the library's verification on an uploaded file (nothing is written)."""
    if upload is None:
        return
    try:
        pipeline.prepare(services.read_upload(upload))
    finally:
        upload.seek(0)


class ImageAddForm(forms.ModelForm):
    upload = UploadField(
        label=gettext_lazy("Photo file"),
        help_text=gettext_lazy(
            "JPEG, PNG, WebP, GIF, HEIC or AVIF. It is turned upright and its location "
            "and camera data are removed before anyone can see it."
        ),
    )

    class Meta:
        model = Image
        fields = ["caption", "alt_text", "credit", "place"]

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        _verified(upload)
        return upload


class ImageChangeForm(forms.ModelForm):
    replace_with = UploadField(
        label=gettext_lazy("Replace the file"),
        required=False,
        help_text=gettext_lazy("Articles that show this photo keep showing it, with the new file."),
    )

    class Meta:
        model = Image
        fields = ["caption", "alt_text", "credit", "place", "focal_x", "focal_y"]
        widgets = {
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
        }

    def clean_replace_with(self):
        upload = self.cleaned_data.get("replace_with")
        _verified(upload or None)
        return upload

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("focal_x") is None) != (cleaned.get("focal_y") is None):
            raise ValidationError(_("Give both focal point values, or neither."))
        return cleaned


class CaptionForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["caption", "alt_text", "credit", "place"]
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
            "alt_text": forms.TextInput(),
        }


class CaptionDefaultsForm(forms.Form):
    credit = forms.CharField(
        label=gettext_lazy("Credit for every photo"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Filled in wherever a photo's own credit is left empty."),
    )
    place = forms.CharField(
        label=gettext_lazy("Place for every photo"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Filled in wherever a photo's own place is left empty."),
    )


CaptionFormSet = modelformset_factory(Image, form=CaptionForm, extra=0)


# Filters ----------------------------------------------------------------------


class UsageFilter(admin.SimpleListFilter):
    title = gettext_lazy("use")
    parameter_name = "use"

    def lookups(self, request, model_admin):
        return [("used", _("In use")), ("unused", _("Not used"))]

    def queryset(self, request, queryset):
        if self.value() == "used":
            return queryset.filter(in_use=True)
        if self.value() == "unused":
            return queryset.filter(in_use=False)
        return queryset


# Admin ------------------------------------------------------------------------


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    desk_menu = 2  # in the desk's menu, after the articles
    change_list_template = "admin/photos/image/change_list.html"
    list_display = ["thumbnail", "caption", "credit", "place", "dimensions", "uploaded_at"]
    list_filter = [
        UsageFilter,
        ("uploaded_by", admin.RelatedOnlyFieldListFilter),
        "uploaded_at",
    ]
    list_per_page = 60
    search_fields = ["search_text"]  # see get_search_results: accent-insensitive
    search_help_text = gettext_lazy(
        "Caption, credit, place or file name; accents optional (“phu luong” finds “Phú Lương”)."
    )
    date_hierarchy = "uploaded_at"
    show_facets = admin.ShowFacets.NEVER
    readonly_fields = [
        "focal_picker",
        "used_in",
        "taken_at",
        "dimensions",
        "original_details",
        "uploaded_by",
        "uploaded_at",
    ]

    class Media:
        css = {"all": ["css/admin-images.css"]}
        js = ["js/focal-point.js"]

    # Lists and search --------------------------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by").with_usage()

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.matching(search_term), False

    @admin.display(description=gettext_lazy("preview"))
    def thumbnail(self, image: Image) -> str:
        return format_html(
            '<img src="{}" alt="" width="96" height="{}" loading="lazy" class="image-thumb">',
            thumbnail_url(image),
            round(96 * image.height / image.width) if image.width else 64,
        )

    @admin.display(description=gettext_lazy("size"))
    def dimensions(self, image: Image) -> str:
        return f"{image.width} × {image.height} px"

    @admin.display(description=gettext_lazy("original file"))
    def original_details(self, image: Image) -> str:
        size = filesizeformat(image.original_size)
        kept = _("kept privately on the server") if image.private_original else _("not kept")
        return format_html(
            "{} · {} · {}<br>{}: {}",
            image.original_filename or "—",
            image.original_format or "—",
            size,
            _("Untouched original with camera data"),
            kept,
        )

    @admin.display(description=gettext_lazy("used in"))
    def used_in(self, image: Image) -> str:
        if not image.pk:
            return "—"
        usage = services.image_usage(image)
        if not usage:
            return _("Not used by any article or campaign: it can be deleted.")
        return format_html(
            '<ul class="used-in">{}</ul>',
            format_html_join("", "<li>{}</li>", ((line,) for line in _usage_lines(usage))),
        )

    @admin.display(description=gettext_lazy("photo and focal point"))
    def focal_picker(self, image: Image) -> str:
        if not image.pk:
            return "—"
        src, width, height = fallback_rendition(image, 960)
        focal_x, focal_y = image.focal_point
        return format_html(
            '<div class="focal-picker" data-focal-picker data-x="{}" data-y="{}" '
            'data-ratio="{}">'
            '<img src="{}" width="{}" height="{}" alt="">'
            '<span class="focal-picker__crop" aria-hidden="true"></span>'
            '<span class="focal-picker__dot" aria-hidden="true"></span></div>'
            '<p class="help">{} <a href="{}">{}</a></p>',
            f"{focal_x:.3f}",
            f"{focal_y:.3f}",
            f"{pipeline.SOCIAL_SIZE[0] / pipeline.SOCIAL_SIZE[1]:.4f}",
            src,
            width,
            height,
            _(
                "Click the face or subject that crops must keep. "
                "The frame shows the 1200×630 picture for Facebook and Zalo."
            ),
            social_image_url(image),
            _("Open the social picture"),
        )

    # Forms --------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ImageChangeForm if obj is not None else ImageAddForm
        if obj is None or self.has_change_permission(request, obj):
            kwargs["fields"] = None  # the form's own fields, with the upload and replace ones
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["upload", "caption", "alt_text", "credit", "place"]})]
        fieldsets = [
            (None, {"fields": ["focal_picker", "caption", "alt_text", "credit", "place"]}),
            (
                _("Focal point"),
                {
                    "fields": [("focal_x", "focal_y")],
                    "description": _("Set by clicking the photo above, or typed here."),
                },
            ),
            (_("Where it is used"), {"fields": ["used_in"]}),
            (_("File"), {"fields": ["replace_with", "dimensions", "taken_at", "original_details"]}),
            (_("Record"), {"classes": ["collapse"], "fields": ["uploaded_by", "uploaded_at"]}),
        ]
        if not self.has_change_permission(request, obj):
            return self.get_fieldsets_for_viewing(fieldsets)
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_fieldsets_for_viewing(self, fieldsets):
        """Someone who may only look at a photo is offered no file to replace it with."""
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "replace_with"]})
            for name, options in fieldsets
        ]

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        upload = form.cleaned_data["upload"]
        return services.image_upload(
            file=upload,
            original_name=upload.name,
            uploaded_by=request.user,
            caption=form.cleaned_data["caption"],
            alt_text=form.cleaned_data["alt_text"],
            credit=form.cleaned_data["credit"],
            place=form.cleaned_data["place"],
        )

    def save_related(self, request, form, formsets, change) -> None:
        if change:  # a new photo has no relations to save: the service stored it whole
            super().save_related(request, form, formsets, change)

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            return  # stored by save_form, through the upload service
        super().save_model(request, obj, form, change)
        replacement = form.cleaned_data.get("replace_with")
        if replacement:
            services.image_replace(
                image=obj, file=replacement, by=request.user, original_name=replacement.name
            )
        elif {"focal_x", "focal_y"} & set(form.changed_data):
            focal = None if obj.focal_x is None else (obj.focal_x, obj.focal_y)
            services.image_set_focal_point(image=obj, focal_point=focal)

    # Deleting -----------------------------------------------------------------

    def get_deleted_objects(self, objs, request):
        protected = []
        for image in objs:
            usage = services.image_usage(image)
            for line in _usage_lines(usage, prefix=f"{image}: " if len(objs) > 1 else ""):
                protected.append(line)
        if protected:
            return [], {}, set(), protected
        return super().get_deleted_objects(objs, request)

    def delete_model(self, request, obj) -> None:
        services.image_delete(image=obj)

    def delete_queryset(self, request, queryset) -> None:
        for image in queryset:
            services.image_delete(image=image)

    # Bulk upload and captions ----------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="photos_image_upload"),
            path("upload/file/", view(self.upload_file_view), name="photos_image_upload_file"),
            path("captions/", view(self.captions_view), name="photos_image_captions"),
            *super().get_urls(),
        ]

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        """The bulk upload page; without JavaScript its form posts every file at once."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        results = []
        if request.method == "POST":
            for upload in request.FILES.getlist("files"):
                results.append(_upload_one(request, upload))
            stored = [r["id"] for r in results if r["ok"]]
            if stored and all(r["ok"] for r in results):
                return HttpResponseRedirect(_captions_url(stored))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Upload photos"),
            "accept": ACCEPT,
            "max_bytes": settings.IMAGE_MAX_BYTES,
            "max_mb": settings.IMAGE_MAX_BYTES // (1024 * 1024),
            "results": results,
            "stored_ids": ",".join(str(r["id"]) for r in results if r["ok"]),
        }
        return TemplateResponse(request, "admin/photos/image/upload.html", context)

    def upload_file_view(self, request: HttpRequest) -> JsonResponse:
        """One file per request (the page's script sends them one by one, with progress)."""
        if request.method != "POST":
            return JsonResponse({"ok": False, "error": _("Send the file with POST.")}, status=405)
        if not self.has_add_permission(request):
            return JsonResponse(
                {"ok": False, "error": _("You may not add photos to the library.")}, status=403
            )
        upload = request.FILES.get("file")
        if upload is None:
            return JsonResponse({"ok": False, "error": _("No file was received.")}, status=400)
        # A refused photo is an answer, not a failed request: 200 with ``ok: false`` and
        # the reason, which the page shows beside that file (a 4xx would also land in
        # the browser console as an error, for a batch that went as it should).
        return JsonResponse(_upload_one(request, upload))

    def captions_view(self, request: HttpRequest) -> HttpResponse:
        """One form for the captions, credit and place of many photos at once."""
        ids = [int(i) for i in request.GET.get("ids", "").split(",") if i.strip().isdigit()][:500]
        queryset = Image.objects.filter(pk__in=ids)
        if ids:  # in the order the files were picked
            queryset = queryset.order_by(Case(*(When(pk=pk, then=n) for n, pk in enumerate(ids))))
        if not self.has_change_permission(request):
            if not self.has_add_permission(request):
                raise PermissionDenied
            queryset = queryset.filter(uploaded_by=request.user)  # what they just uploaded
        if request.method == "POST":
            defaults = CaptionDefaultsForm(request.POST, prefix="all")
            formset = CaptionFormSet(request.POST, queryset=queryset)
            if defaults.is_valid() and formset.is_valid():
                saved = _save_captions(formset, defaults.cleaned_data)
                self.message_user(
                    request,
                    _("Captions saved for %(count)s photos.") % {"count": len(saved)},
                    messages.SUCCESS,
                )
                changelist = reverse("admin:photos_image_changelist")
                return HttpResponseRedirect(
                    f"{changelist}?id__in={','.join(str(pk) for pk in ids)}"
                )
        else:
            defaults = CaptionDefaultsForm(prefix="all")
            formset = CaptionFormSet(queryset=queryset)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Captions for the uploaded photos"),
            "formset": formset,
            "defaults": defaults,
            "rows": [(form, thumbnail_url(form.instance)) for form in formset],
        }
        return TemplateResponse(request, "admin/photos/image/captions.html", context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "upload_url": reverse("admin:photos_image_upload"),
        }
        return super().changelist_view(request, extra_context)


def _captions_url(ids: list[int]) -> str:
    return f"{reverse('admin:photos_image_captions')}?ids={','.join(map(str, ids))}"


def _upload_one(request: HttpRequest, upload) -> dict:
    name = services.clean_filename(upload.name)
    try:
        image, created = services.add_image(
            upload, original_name=upload.name, uploaded_by=request.user
        )
    except ValidationError as error:
        return {"ok": False, "name": name, "error": _error_text(error)}
    return {
        "ok": True,
        "id": image.pk,
        "created": created,
        "name": name,
        "note": "" if created else _("Already in the library: the existing photo is used."),
        "thumbnail": thumbnail_url(image),
        "width": image.width,
        "height": image.height,
        "change_url": reverse("admin:photos_image_change", args=[image.pk]),
    }


def _save_captions(formset, defaults: dict) -> list[Image]:
    saved = []
    for form in formset:
        image = form.save(commit=False)
        for key in ("credit", "place"):
            if defaults.get(key) and not getattr(image, key):
                setattr(image, key, defaults[key])
        image.save()
        saved.append(image)
    return saved


def _usage_lines(usage: Usage, prefix: str = "") -> list[str]:
    """One line per owner: what it is, a link to it in the admin, how it shows the photo."""
    lines = []
    for owner, labels in usage.owners.items():
        meta = owner._meta
        when = getattr(owner, "published_at", None)
        note = date_format(when, "SHORT_DATETIME_FORMAT") if when else ""
        if not note and hasattr(owner, "get_status_display"):
            note = owner.get_status_display()
        lines.append(
            format_html(
                '{}{}: <a href="{}">{}</a> ({})',
                prefix,
                capfirst(meta.verbose_name),
                reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[owner.pk]),
                owner,
                "; ".join([", ".join(labels), *([note] if note else [])]),
            )
        )
    return lines


# The desk's front page --------------------------------------------------------

LATEST_SHOWN = 12


@dashboard.register("library", template="admin/dashboard/library.html", order=50)
def latest_uploads(request: HttpRequest) -> dict | None:
    """For those who look after the library (they may delete photos: photo staff and
    administrators): the latest uploads, what still lacks a caption, and the bulk upload."""
    if not request.user.has_perm("photos.delete_image"):
        return None
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    counts = Image.objects.aggregate(
        today=Count("pk", filter=Q(uploaded_at__gte=today)),
        uncaptioned=Count("pk", filter=Q(caption="")),
    )
    latest = list(Image.objects.select_related("uploaded_by")[:LATEST_SHOWN])
    uncaptioned = [image.pk for image in latest if not image.caption]
    return {
        "counts": counts,
        "latest": [(image, thumbnail_url(image)) for image in latest],
        "upload_url": reverse("admin:photos_image_upload"),
        "captions_url": _captions_url(uncaptioned) if uncaptioned else "",
        "list_url": reverse("admin:photos_image_changelist"),
    }
