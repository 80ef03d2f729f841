"""The import journal and the old links: what came in from an old portal, and from where.

``ImportRun`` is one pass over an archive; ``ImportItem`` is one item of a source (keyed by
the source's name and the item's old id or GUID) with the hash of its content, so that a
second pass knows what did not change. ``ImportedMedia`` remembers which photo of the
library an old address became. ``Redirect`` answers an old address with the new page (301),
or with 410 for an item deliberately left behind.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from photos.models import Image


class Reader(models.TextChoices):
    WXR = "wxr", _("WordPress (WXR)")
    NUKEVIET = "nukeviet", _("NukeViet 4 (MySQL dump)")
    HTML = "html", _("Saved HTML pages")


class ImportRun(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    source = models.CharField(_("source"), max_length=50)
    reader = models.CharField(_("reader"), max_length=10, choices=Reader.choices)
    path = models.CharField(_("archive"), max_length=500)
    options = models.JSONField(_("options"), default=dict, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    total = models.PositiveIntegerField(_("items"), default=0)
    processed = models.PositiveIntegerField(_("processed"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    message = models.TextField(_("message"), blank=True)
    plan = models.TextField(_("plan"), blank=True)
    report = models.CharField(_("report (CSV)"), max_length=500, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.source} ({self.get_reader_display()}) #{self.pk}"

    def is_active(self) -> bool:
        return self.state in (self.State.WAITING, self.State.RUNNING)

    def rate(self) -> float:
        """Items per second since the import started."""
        end = self.finished_at or timezone.now()
        seconds = (end - self.started_at).total_seconds()
        return self.processed / seconds if seconds > 0 and self.processed else 0.0

    def seconds_left(self) -> int | None:
        rate = self.rate()
        if not rate or not self.total:
            return None
        return int(max(self.total - self.processed, 0) / rate)


class ImportItem(models.Model):
    """One item of an old portal, as far as it got: the journal's row."""

    class Outcome(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        UNCHANGED = "unchanged", _("Unchanged")
        SKIPPED = "skipped", _("Skipped")
        FAILED = "failed", _("Failed")

    source = models.CharField(_("source"), max_length=50)
    old_id = models.CharField(_("old id"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20)
    content_hash = models.CharField(_("content hash"), max_length=64)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    image = models.ForeignKey(
        Image,
        verbose_name=_("photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    run = models.ForeignKey(
        ImportRun,
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="items",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(fields=["source", "old_id"], name="importitem_unique_old_id")
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.old_id}"


class ImportedMedia(models.Model):
    """An old address of a photo and the library photo it became."""

    source = models.CharField(_("source"), max_length=50)
    url = models.CharField(_("old address"), max_length=1000)
    image = models.ForeignKey(
        Image, verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("imported photo")
        verbose_name_plural = _("imported photos")
        constraints = [
            models.UniqueConstraint(fields=["source", "url"], name="importedmedia_unique_url")
        ]

    def __str__(self) -> str:
        return self.url


class Redirect(models.Model):
    """An old address (of this site or a retired domain) and where it goes now."""

    host = models.CharField(
        _("old domain"),
        max_length=200,
        blank=True,
        help_text=_("Empty: the address is answered whatever the domain."),
    )
    old_path = models.CharField(
        _("old address"),
        max_length=1000,
        help_text=_("A path (/news/an-ninh/vu-an-12.html) or an id in the query (?p=12)."),
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    target = models.CharField(
        _("new address"),
        max_length=1000,
        blank=True,
        help_text=_("Used when no article is chosen: a path of this site or a full address."),
    )
    gone = models.BooleanField(
        _("gone (410)"),
        default=False,
        help_text=_("The item was deliberately not brought over: the address answers 410."),
    )
    source = models.CharField(_("source"), max_length=50, blank=True)
    hits = models.PositiveIntegerField(_("hits"), default=0, editable=False)

    class Meta:
        ordering = ["host", "old_path"]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            models.UniqueConstraint(fields=["host", "old_path"], name="redirect_unique_address")
        ]

    def __str__(self) -> str:
        return f"{self.host}{self.old_path}"

    def destination(self) -> str:
        if self.article_id is not None:
            return self.article.get_absolute_url()
        return self.target
