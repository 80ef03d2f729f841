"""The photo library: one record per photo, its cleaned file and renditions."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import staff_reference
from photos import usage
from vietnamese.text import fold_accents


def image_upload_to(instance: Image, filename: str) -> str:
    """anh/2026/11/26/<random>.jpg — the original name is kept only as data."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in {".jpg", ".jpeg", ".png", ".webp", ".gif"}:
        suffix = ".bin"
    return timezone.localdate().strftime("anh/%Y/%m/%d/") + uuid.uuid4().hex + suffix


def content_name(digest: str, extension: str) -> str:
    """anh/2026/11/26/<first 32 hex digits of the content's SHA-256>.jpg"""
    return timezone.localdate().strftime("anh/%Y/%m/%d/") + digest[:32] + extension


class ImageQuerySet(models.QuerySet):
    def with_usage(self) -> ImageQuerySet:
        """Annotate ``in_use``: shown by an article, a campaign… (``photos.usage``)."""
        return self.annotate(in_use=usage.shown())

    def matching(self, query: str) -> ImageQuerySet:
        """Every word of ``query`` in the caption, alt text, credit, place or file name,
        accents optional ("phu luong" finds "Phú Lương")."""
        for word in fold_accents(query).split():
            self = self.filter(search_text__contains=word)
        return self

    def used(self) -> ImageQuerySet:
        return self.with_usage().filter(in_use=True)

    def unused(self) -> ImageQuerySet:
        return self.with_usage().filter(in_use=False)


class Image(models.Model):
    """A photo of the library. Its stored file is upright and carries no metadata."""

    file = models.ImageField(_("file"), upload_to=image_upload_to)
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the photo; also used as alt text when that is empty."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True, help_text=_("“Ảnh: …”"))
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Where the photo was taken, as readers know it: “xã Yên Ninh, Phú Lương”."),
    )
    taken_at = models.DateTimeField(
        _("taken at"),
        null=True,
        blank=True,
        help_text=_("Read from the camera before its metadata was removed; staff only."),
    )
    focal_x = models.FloatField(
        _("focal point (across)"),
        null=True,
        blank=True,
        help_text=_("0 = left edge, 1 = right edge. Crops keep this point in the picture."),
    )
    focal_y = models.FloatField(
        _("focal point (down)"),
        null=True,
        blank=True,
        help_text=_("0 = top edge, 1 = bottom edge."),
    )
    original_filename = models.CharField(_("original file name"), max_length=255, blank=True)
    original_format = models.CharField(
        _("original format"), max_length=10, blank=True, editable=False
    )
    original_size = models.PositiveBigIntegerField(
        _("original size (bytes)"), default=0, editable=False
    )
    private_original = models.CharField(
        _("private original"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The untouched upload, kept outside the public folder if the site is so set."),
    )
    checksum = models.CharField(
        _("SHA-256"),
        max_length=64,
        db_index=True,
        editable=False,
        blank=True,
        help_text=_("Of the file as it was uploaded: the same upload is stored once."),
    )
    file_checksum = models.CharField(
        _("SHA-256 of the stored file"),
        max_length=64,
        db_index=True,
        editable=False,
        blank=True,
        help_text=_("Of the cleaned file: a photo exported and imported again is itself."),
    )
    renditions = models.JSONField(
        _("renditions"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("The resized copies readers get, made once when the file is stored."),
    )
    search_text = models.TextField(editable=False, blank=True)
    uploaded_by = staff_reference(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        indexes = [models.Index(fields=["-uploaded_at", "-id"], name="image_library_order_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(focal_x__isnull=True) & models.Q(focal_y__isnull=True))
                | (
                    models.Q(focal_x__gte=0, focal_x__lte=1)
                    & models.Q(focal_y__gte=0, focal_y__lte=1)
                ),
                name="image_focal_point_inside",
                violation_error_message=_(
                    "The focal point needs both values, each between 0 and 1."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.caption or self.original_filename or self.file.name

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_accents(
            " ".join([self.caption, self.alt_text, self.credit, self.place, self.original_filename])
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def alt(self) -> str:
        return self.alt_text or self.caption

    @property
    def focal_point(self) -> tuple[float, float]:
        """Where crops centre: the staff's choice, else the middle."""
        if self.focal_x is None or self.focal_y is None:
            return (0.5, 0.5)
        return (self.focal_x, self.focal_y)
