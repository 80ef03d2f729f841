"""Legal documents (văn bản) as the national legal database shows them: number, type,
issuer, signer, dates, field, scope, status of validity, typed links to other documents,
attached files (PDF, DOCX) and the articles that cite them.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import staff_reference
from articles.models import Article
from documents.numbers import clean_number, number_key
from documents.querysets import DocumentQuerySet
from documents.validity import Validity, computed
from publishing.models import Publishable, WorkflowStep
from vietnamese.slugs import unique_slug
from vietnamese.text import search_document

# The extracted text kept for search, in characters: a tsvector holds at most 1 MB.
FULL_TEXT_LIMIT = 200_000


class Named(models.Model):
    """A short list editors keep (types, issuers, fields), in their order."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in lists and filters: smaller comes first.")
    )

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name = " ".join(self.name.split())
        if not self.slug:
            model = type(self)
            self.slug = unique_slug(
                self.name,
                exists=lambda s: model.objects.exclude(pk=self.pk).filter(slug=s).exists(),
                max_length=120,
            )
        super().save(*args, **kwargs)


class DocumentType(Named):
    """Luật, Nghị định, Thông tư, Quyết định, Nghị quyết, Chỉ thị, Công văn, Kế hoạch…"""

    code = models.CharField(
        _("abbreviation"), max_length=20, blank=True, help_text=_("As in numbers: “TT”, “QĐ”.")
    )

    class Meta(Named.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class Issuer(Named):
    """Cơ quan ban hành: Quốc hội, Chính phủ, Bộ Công an, UBND tỉnh, Công an tỉnh…"""

    code = models.CharField(
        _("abbreviation"), max_length=30, blank=True, help_text=_("As in numbers: “BCA”.")
    )

    class Meta(Named.Meta):
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")


class Field(Named):
    """Lĩnh vực: An ninh trật tự, Giao thông, Phòng cháy chữa cháy, Cư trú…"""

    class Meta(Named.Meta):
        verbose_name = _("field")
        verbose_name_plural = _("fields")


class Scope(models.TextChoices):
    NATIONAL = "national", _("Nationwide")
    PROVINCE = "province", _("Province-wide")
    FORCE = "force", _("Within the police force")


class Document(Publishable):
    number = models.CharField(
        _("number"),
        max_length=80,
        help_text=_("Số ký hiệu as printed on the document: “45/2023/TT-BCA”."),
    )
    number_key = models.CharField(_("number for search"), max_length=80, editable=False)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Made from the number; never changes once the document is published."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Trích yếu: what the document is about, as printed on it.")
    )
    doc_type = models.ForeignKey(
        DocumentType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="documents"
    )
    issuer = models.ForeignKey(
        Issuer, verbose_name=_("issuer"), on_delete=models.PROTECT, related_name="documents"
    )
    field = models.ForeignKey(
        Field,
        verbose_name=_("field"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.NATIONAL
    )
    signer_title = models.CharField(
        _("signer's title"), max_length=200, blank=True, help_text=_("“Bộ trưởng”, “KT. Giám đốc”.")
    )
    signer_name = models.CharField(_("signed by"), max_length=120, blank=True)
    issued_on = models.DateField(_("date of issue"))
    effective_from = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the document takes effect on its date of issue."),
    )
    expires_on = models.DateField(
        _("out of force from"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty while it is in force. Set by itself when a document that replaces "
            "or repeals it is linked."
        ),
    )
    validity_override = models.CharField(
        _("status set by hand"),
        max_length=20,
        choices=Validity.choices,
        blank=True,
        help_text=_(
            "Leave empty to compute the status from the dates. “Partly out of force” can "
            "only be set here, with its reason."
        ),
    )
    validity_reason = models.TextField(
        _("reason for the status"),
        blank=True,
        help_text=_("Shown to readers: which articles were repealed, and by what."),
    )
    articles = models.ManyToManyField(
        Article,
        verbose_name=_("articles citing it"),
        blank=True,
        related_name="cited_documents",
        help_text=_("News articles that cite or explain this document."),
    )
    full_text = models.TextField(
        _("full text"),
        blank=True,
        editable=False,
        help_text=_("Read from the attached files that have a text layer, for search."),
    )
    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = staff_reference(_("created by"))
    updated_by = staff_reference(_("updated by"))

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        permissions = [
            ("submit_document", _("Can submit a document for review")),
            ("edit_any_document", _("Can edit other people's unpublished documents")),
            ("return_document", _("Can return a document with a comment")),
            ("forward_document", _("Can forward a document for approval")),
            ("schedule_document", _("Can set the publication time of a document")),
            ("publish_document", _("Can approve and publish a document")),
            ("take_down_document", _("Can take down a published document")),
            ("archive_document", _("Can archive and restore a document")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["number_key", "issuer"],
                name="document_unique_number_issuer",
                violation_error_message=_("This issuer already has a document with this number."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="document_published_has_time",
                violation_error_message=_("A published document needs a publication time."),
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(effective_from__isnull=True)
                | models.Q(expires_on__gt=models.F("effective_from")),
                name="document_expires_after_effect",
                violation_error_message=_(
                    "A document cannot go out of force before it is in force."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(validity_override="") | ~models.Q(validity_reason=""),
                name="document_override_has_reason",
                violation_error_message=_("A status set by hand needs its reason."),
            ),
        ]
        indexes = [
            # Public lists, newest issued first, whole or by type or issuer.
            # A page of the list: its ids read from the index alone (publication time
            # included), then its rows.
            models.Index(
                fields=["-issued_on", "-id", "published_at"],
                condition=models.Q(status="published"),
                name="document_public_order_idx",
            ),
            # The filters' counts read from the index alone, never the wide rows (which
            # carry the text of the files).
            models.Index(
                fields=[
                    "published_at",
                    "doc_type",
                    "issuer",
                    "field",
                    "issued_on",
                    "effective_from",
                    "expires_on",
                    "validity_override",
                ],
                condition=models.Q(status="published"),
                name="document_facets_idx",
            ),
            models.Index(
                fields=["doc_type", "-issued_on", "-id"],
                condition=models.Q(status="published"),
                name="document_type_order_idx",
            ),
            models.Index(
                fields=["issuer", "-issued_on", "-id"],
                condition=models.Q(status="published"),
                name="document_issuer_order_idx",
            ),
            # The number typed whole or its start (LIKE 'key%' needs the pattern operator class).
            models.Index(
                fields=["number_key"], name="document_number_idx", opclasses=["varchar_pattern_ops"]
            ),
            # The feed and the admin: newest published first.
            models.Index(fields=["status", "-published_at"], name="document_status_pub_idx"),
        ]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        if self.validity_override and not self.validity_reason.strip():
            raise ValidationError({"validity_reason": _("A status set by hand needs its reason.")})
        if self.expires_on and self.expires_on <= (self.effective_from or self.issued_on):
            raise ValidationError(
                {"expires_on": _("A document cannot go out of force before it is in force.")}
            )

    def save(self, *args, **kwargs) -> None:
        self.number = clean_number(self.number)
        self.number_key = number_key(self.number)
        self.summary = self.summary.strip()
        if not self.slug:
            self.slug = unique_slug(
                self.number,
                exists=lambda s: Document.objects.exclude(pk=self.pk).filter(slug=s).exists(),
                max_length=120,
            )
        self.full_text = self.full_text[:FULL_TEXT_LIMIT]
        self.search_text = search_document(
            self.number,
            self.summary,
            getattr(self.doc_type, "name", "") if self.doc_type_id else "",
            getattr(self.issuer, "name", "") if self.issuer_id else "",
            getattr(self.field, "name", "") if self.field_id else "",
            self.signer_name,
            self.full_text,
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text", "number", "number_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:document", kwargs={"slug": self.slug})

    @property
    def title(self) -> str:
        """``Thông tư 45/2023/TT-BCA``: how a document is named in a sentence."""
        return f"{self.doc_type.name} {self.number}"

    def validity(self, *, today=None) -> Validity:
        return computed(
            issued_on=self.issued_on,
            effective_from=self.effective_from,
            expires_on=self.expires_on,
            override=self.validity_override,
            today=today,
        )

    def get_validity_display(self) -> str:
        return self.validity().label

    @property
    def in_force_from(self):
        return self.effective_from or self.issued_on


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    """van-ban/2026/12/<random>.pdf: the original name is kept only as data."""
    suffix = PurePath(filename).suffix.lower()
    suffix = suffix if suffix in {".pdf", ".docx"} else ".bin"
    return timezone.localdate().strftime("van-ban/%Y/%m/") + uuid.uuid4().hex + suffix


class Attachment(models.Model):
    """A file of a document (the full text, an annex), verified when it came in."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=200)
    kind = models.CharField(_("format"), max_length=10, choices=Kind.choices, editable=False)
    title = models.CharField(
        _("label"), max_length=200, blank=True, help_text=_("“Toàn văn”, “Phụ lục I”.")
    )
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0, editable=False)
    checksum = models.CharField(_("SHA-256"), max_length=64, db_index=True, editable=False)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    text = models.TextField(_("text"), blank=True, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)
    uploaded_by = staff_reference(_("uploaded by"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")
        constraints = [
            models.UniqueConstraint(fields=["document", "checksum"], name="attachment_unique_file"),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name or self.kind

    def download_name(self) -> str:
        """``45-2023-TT-BCA.pdf`` (``…-2.pdf`` for the second file)."""
        stem = "".join(c if c.isalnum() else "-" for c in self.document.number).strip("-")
        suffix = f"-{self.position + 1}" if self.position else ""
        return f"{stem}{suffix}.{self.kind}"


class DocumentLink(models.Model):
    """``source`` guides, amends, replaces or repeals ``target``; shown on both."""

    class Kind(models.TextChoices):
        GUIDES = "guides", _("Guides")
        AMENDS = "amends", _("Amends")
        REPLACES = "replaces", _("Replaces")
        REPEALS = "repeals", _("Repeals")

    # How the link reads from the other end.
    INVERSE = {
        Kind.GUIDES: _("Guided by"),
        Kind.AMENDS: _("Amended by"),
        Kind.REPLACES: _("Replaced by"),
        Kind.REPEALS: _("Repealed by"),
    }

    source = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="links_out"
    )
    kind = models.CharField(_("link"), max_length=20, choices=Kind.choices)
    target = models.ForeignKey(
        Document,
        verbose_name=_("other document"),
        on_delete=models.CASCADE,
        related_name="links_in",
    )

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("link to another document")
        verbose_name_plural = _("links to other documents")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="documentlink_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="documentlink_not_itself",
                violation_error_message=_("A document cannot be linked to itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display().lower()} {self.target}"

    @property
    def inverse_label(self) -> str:
        return str(self.INVERSE[self.Kind(self.kind)])


class DocumentStep(WorkflowStep):
    """One step of a document through the workflow: who, when, from/to, and why."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="steps"
    )

    class Meta(WorkflowStep.Meta):
        verbose_name = _("document workflow step")
        verbose_name_plural = _("document workflow history")

    def __str__(self) -> str:
        return f"{self.document}: {self.get_action_display()}"
