"""The documents desk: the list, the form with its files and links, the workflow, and the
spreadsheet import.

Object-level rules (who may edit which document, who may take which step) live in
``documents.services`` and are checked on every request; files go in through
``services.attachment_add`` (verified by ``documents.files``) and nowhere else.
"""

from __future__ import annotations

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import files, services
from documents.models import Attachment, Document, DocumentLink, DocumentType, Field, Issuer
from documents.numbers import number_key
from documents.spreadsheet import SpreadsheetImporter
from documents.validity import Validity
from publishing.admin import WorkflowAdminMixin, status_badge
from vietnamese import text as textfold


class NamedAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]


@admin.register(DocumentType)
class DocumentTypeAdmin(NamedAdmin):
    list_display = ["name", "code", "slug", "position"]


@admin.register(Issuer)
class IssuerAdmin(NamedAdmin):
    list_display = ["name", "code", "slug", "position"]


@admin.register(Field)
class FieldAdmin(NamedAdmin):
    pass


class AttachmentForm(forms.ModelForm):
    upload = forms.FileField(
        label=gettext_lazy("file"),
        required=False,
        help_text=gettext_lazy("PDF or DOCX; checked before it is kept."),
    )

    class Meta:
        model = Attachment
        fields = ["title", "position"]

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if self.instance.pk is None and upload is None and self.has_changed():
            raise ValidationError(_("Choose a file."))
        if upload is not None:
            if self.instance.pk is not None:
                raise ValidationError(_("Delete this file and add the new one instead."))
            data = upload.read()
            self.inspected = files.inspect(data)  # a ValidationError shows on the row
            self.upload_data = data
        return cleaned


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentForm
    extra = 1
    fields = ["upload", "title", "position", "file_link", "kind", "pages", "size_kb"]
    readonly_fields = ["file_link", "kind", "pages", "size_kb"]

    @admin.display(description=gettext_lazy("file"))
    def file_link(self, attachment: Attachment) -> str:
        if not attachment.pk:
            return ""
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("public:document-file", args=[attachment.document.slug, attachment.pk]),
            attachment.original_name or attachment.download_name(),
        )

    @admin.display(description=gettext_lazy("size (KB)"))
    def size_kb(self, attachment: Attachment) -> str:
        return f"{attachment.size // 1024:,}".replace(",", ".") if attachment.pk else ""


class LinkInline(admin.TabularInline):
    model = DocumentLink
    fk_name = "source"
    extra = 1
    autocomplete_fields = ["target"]
    verbose_name = gettext_lazy("this document … another")
    verbose_name_plural = gettext_lazy("links to other documents")


class ImportForm(forms.Form):
    spreadsheet = forms.FileField(
        label=gettext_lazy("spreadsheet (CSV or XLSX)"),
        help_text=gettext_lazy("The first row names the columns (see the guide)."),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("publish the new documents"),
        required=False,
        help_text=gettext_lazy("Needs the right to publish; otherwise they are drafts."),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("only check, save nothing"), required=False, initial=True
    )


@admin.register(Document)
class DocumentAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    change_list_template = "admin/documents/document/change_list.html"
    list_display = [
        "number",
        "summary_short",
        "doc_type",
        "issuer",
        "issued_on",
        "validity_column",
        "status_column",
        "is_published",
    ]
    list_display_links = ["number"]
    list_filter = ["status", "doc_type", "issuer", "field", "scope", "issued_on"]
    list_select_related = ["doc_type", "issuer"]
    list_per_page = 50
    show_full_result_count = False
    search_fields = ["number", "summary"]
    date_hierarchy = "issued_on"
    # Types, issuers and fields are short lists: plain choices; articles are many.
    autocomplete_fields = ["articles"]
    inlines = [AttachmentInline, LinkInline]
    readonly_fields = [
        "status_display",
        "links_in_display",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    fieldsets = [
        (None, {"fields": ["number", "doc_type", "issuer", "summary", "field", "scope"]}),
        (gettext_lazy("Signature"), {"fields": ["signer_title", "signer_name"]}),
        (
            gettext_lazy("Dates and status"),
            {
                "fields": [
                    "issued_on",
                    "effective_from",
                    "expires_on",
                    "validity_override",
                    "validity_reason",
                ]
            },
        ),
        (gettext_lazy("Related"), {"fields": ["articles", "links_in_display"]}),
        (gettext_lazy("Publication"), {"fields": ["status_display", "published_at", "slug"]}),
        (
            gettext_lazy("Record"),
            {
                "classes": ["collapse"],
                "fields": ["created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    # The workflow (publishing.admin) -------------------------------------------------

    def authored(self, request: HttpRequest, obj: Document) -> bool:
        return services.is_author(obj, request.user)

    def record_step(self, obj: Document, **step):
        return services.record_step(obj, **step)

    def steps(self, obj: Document):
        return obj.steps.all()

    # Lists ---------------------------------------------------------------------------

    def get_queryset(self, request):
        return services.desk_documents(request.user, super().get_queryset(request))

    @admin.display(description=gettext_lazy("summary"))
    def summary_short(self, document: Document) -> str:
        return Truncator(document.summary).chars(90)

    @admin.display(description=gettext_lazy("validity"))
    def validity_column(self, document: Document) -> str:
        status = document.validity()
        return format_html(
            '<span class="nr-validity nr-validity--{}">{}</span>', status, status.label
        )

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_column(self, document: Document) -> str:
        return status_badge(document)

    @admin.display(description=gettext_lazy("status"))
    def status_display(self, document: Document) -> str:
        return status_badge(document) if document.pk else Document.Status.DRAFT.label

    @admin.display(description=gettext_lazy("linked from other documents"))
    def links_in_display(self, document: Document) -> str:
        links = document.links_in.select_related("source") if document.pk else []
        if not links:
            return "—"
        return format_html_join(
            mark_safe("<br>"),
            "{}: {}",
            ((link.inverse_label, link.source.number) for link in links),
        )

    def get_search_results(self, request, queryset, search_term):
        """A number in any spelling, or words without accents."""
        key = number_key(search_term)
        by_number = queryset.filter(number_key__startswith=key) if key else queryset.none()
        worded = queryset
        for term in textfold.words(search_term):
            worded = worded.filter(search_text__contains=f" {term}")
        return (by_number | worded) if key else worded, False

    # Who may change what ---------------------------------------------------------------

    def has_change_permission(self, request, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or services.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.status == Document.Status.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("documents.schedule_document"):
            fields.append("published_at")
        if obj is not None and obj.first_published_at:
            fields.append("slug")
        return fields

    # Saving ----------------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision(manage_manually=False):
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj: Document, form, change) -> None:
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        reversion.set_comment(", ".join(form.changed_data))

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is Attachment:
            return self._save_attachments(request, form.instance, formset)
        super().save_formset(request, form, formset, change)
        if formset.model is DocumentLink:
            for link in form.instance.links_out.select_related("source", "target"):
                services.apply_link(link)

    def _save_attachments(self, request, document: Document, formset) -> None:
        """Files through the services (verified, stored, read); what the admin's change
        message lists is kept as a formset's save() would."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for row in formset.forms:
            if not row.has_changed() and not row.cleaned_data.get("DELETE"):
                continue
            instance = row.instance
            if row.cleaned_data.get("DELETE") and instance.pk:
                services.attachment_remove(attachment=instance, by=request.user)
                formset.deleted_objects.append(instance)
            elif instance.pk:
                instance.title = row.cleaned_data.get("title", "")
                instance.position = row.cleaned_data.get("position", 0)
                instance.save(update_fields=["title", "position"])
                formset.changed_objects.append((instance, row.changed_data))
            elif getattr(row, "upload_data", None):
                added = services.attachment_add(
                    document=document,
                    data=row.upload_data,
                    original_name=row.cleaned_data["upload"].name,
                    title=row.cleaned_data.get("title", ""),
                    by=request.user,
                )
                formset.new_objects.append(added)

    # The spreadsheet import -----------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="documents_document_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        report = None
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["spreadsheet"]
            publish = form.cleaned_data["publish"]
            if publish and not request.user.has_perm("documents.publish_document"):
                raise PermissionDenied
            importer = SpreadsheetImporter(by=request.user, publish=publish)
            report = importer.run(upload.read(), upload.name, dry_run=form.cleaned_data["dry_run"])
            if not form.cleaned_data["dry_run"] and report.ok:
                self.message_user(
                    request,
                    _("Imported: %(created)s created, %(updated)s updated, %(skipped)s skipped.")
                    % vars(report),
                    messages.SUCCESS,
                )
                return redirect("admin:documents_document_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import documents from a spreadsheet"),
            "form": form,
            "report": report,
            "opts": self.model._meta,
            "validity_labels": [status.label for status in Validity],
        }
        return TemplateResponse(request, "admin/documents/document/import.html", context)
