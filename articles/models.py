"""The newsroom's content: articles, their authors, sections, tags, campaigns, images."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import quote

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.querysets import ArticleQuerySet, CampaignQuerySet, fetch
from articles.sanitize import clean_body
from articles.slugs import unique_slug
from articles.textfold import fold_accents, search_document

_BODY_IMAGE_ID = re.compile(r'data-image-id="(\d+)"')


def staff_reference(verbose_name) -> models.ForeignKey:
    """Who did something: kept as history, so deleting the account only blanks it."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


def slug_address(name: str, slug: str) -> str:
    """``reverse(name, kwargs={"slug": slug})``, the pattern reversed once per process.

    A page links to some thirty articles, sections and tags; ``reverse()`` took 46 µs each.
    """
    before, after = _around_slug(name, get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
    return f"{before}{quote(slug, safe='')}{after}"


@lru_cache(maxsize=32)
def _around_slug(name: str, prefix: str, urlconf) -> tuple[str, str]:
    # ``prefix`` (the script prefix reverse() puts first) is part of the cache key.
    before, after = reverse(name, kwargs={"slug": "slug-here"}, urlconf=urlconf).split("slug-here")
    return before, after


class SluggedModel(models.Model):
    """A named thing whose slug is made from its name once and then kept."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(
                self.slug_source(),
                exists=self.slug_taken,
                max_length=self._meta.get_field("slug").max_length,
            )
        super().save(*args, **kwargs)

    def slug_source(self) -> str:
        return self.name

    def slug_taken(self, slug: str) -> bool:
        return type(self)._default_manager.exclude(pk=self.pk).filter(slug=slug).exists()


class Section(SluggedModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Sections nest one level only: a parent cannot itself have a parent."),
    )
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in the menu: smaller comes first.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_address("articles:section", self.slug)

    def clean(self) -> None:
        if self.parent_id and (self.parent.parent_id or self.parent_id == self.pk):
            raise ValidationError({"parent": _("Sections nest one level only.")})


class Tag(SluggedModel):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_address("articles:tag", self.slug)


class Author(SluggedModel):
    """A byline: a staff member or an outside contributor with no login."""

    name = models.CharField(_("name"), max_length=120)
    unit = models.CharField(
        _("unit"),
        max_length=200,
        blank=True,
        help_text=_("Shown in brackets after the name: “Công an huyện Phú Lương”."),
    )
    slug = models.SlugField(_("slug"), max_length=140, unique=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text=_("Leave empty for an outside contributor."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(fields=["name", "unit"], name="author_unique_name_unit"),
        ]

    def __str__(self) -> str:
        return self.byline

    def get_absolute_url(self) -> str:
        return slug_address("articles:author", self.slug)

    @property
    def byline(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def slug_source(self) -> str:
        return self.byline


def image_upload_to(instance: Image, filename: str) -> str:
    """anh/2026/11/26/<random>.jpg — the original name is kept only as data."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in {".jpg", ".jpeg", ".png", ".webp", ".gif"}:
        suffix = ".bin"
    return timezone.localdate().strftime("anh/%Y/%m/%d/") + uuid.uuid4().hex + suffix


class ImageQuerySet(models.QuerySet):
    def with_usage(self) -> ImageQuerySet:
        """Annotate ``in_use``: a cover, a campaign cover, a body photo or a gallery photo."""
        return self.annotate(
            in_use=models.Exists(Article.objects.filter(cover=models.OuterRef("pk")))
            | models.Exists(Campaign.objects.filter(cover=models.OuterRef("pk")))
            | models.Exists(BodyImage.objects.filter(image=models.OuterRef("pk")))
            | models.Exists(GalleryItem.objects.filter(image=models.OuterRef("pk")))
        )

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
        _("SHA-256"), max_length=64, db_index=True, editable=False, blank=True
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


class Campaign(SluggedModel):
    """An emulation movement or programme that runs over a period."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    slogan = models.CharField(_("slogan"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Leave empty for a standing movement.")
    )
    cover = models.ForeignKey(
        Image,
        verbose_name=_("cover image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cover_of_campaigns",
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_start",
                violation_error_message=_("A campaign cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_address("articles:campaign", self.slug)


class Article(SluggedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned to the reporter")
        FORWARDED = "forwarded", _("Awaiting approval")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Taken down")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_("Made from the title; never changes once the article is published."),
    )
    sapo = models.TextField(
        _("sapo"),
        blank=True,
        help_text=_("The lead: 1–3 sentences shown in bold under the title and in listings."),
    )
    body = models.TextField(
        _("body"), blank=True, help_text=_("Cleaned of anything unsafe every time it is saved.")
    )
    cover = models.ForeignKey(
        Image,
        verbose_name=_("cover image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cover_of",
    )
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    campaigns = models.ManyToManyField(
        Campaign, verbose_name=_("campaigns"), blank=True, related_name="articles"
    )
    body_images = models.ManyToManyField(
        Image,
        verbose_name=_("photos in the body"),
        through="BodyImage",
        blank=True,
        editable=False,
        related_name="in_body_of",
    )
    authors = models.ManyToManyField(
        Author,
        verbose_name=_("authors"),
        through="Byline",
        related_name="articles",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_(
            "Readers see a published article from this minute on; a future time schedules it."
        ),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Shown among the featured stories on the home page."),
    )
    first_published_at = models.DateTimeField(
        _("first published at"), null=True, blank=True, editable=False
    )
    takedown_reason = models.TextField(_("reason for taking down"), blank=True, editable=False)
    lock_version = models.PositiveIntegerField(
        _("version"),
        default=0,
        editable=False,
        help_text=_("Goes up at every save: a form opened on an older version cannot overwrite."),
    )
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    search_text = models.TextField(
        _("search text"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Title, sapo and body without accents, for search; filled on every save."),
    )
    search_vector = SearchVectorField(
        null=True,
        editable=False,
        help_text=_("The search text as PostgreSQL indexes it; kept up to date by the database."),
    )
    source = models.CharField(
        _("import source"),
        max_length=50,
        blank=True,
        editable=False,
        help_text=_("Where an imported article came from (with its id there)."),
    )
    source_id = models.CharField(_("id in the source"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = staff_reference(_("created by"))
    updated_by = staff_reference(_("updated by"))

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        get_latest_by = "published_at"
        permissions = [
            ("submit_article", _("Can submit an article for review")),
            ("edit_any_article", _("Can edit other people's unpublished articles")),
            ("return_article", _("Can return an article with a comment")),
            ("forward_article", _("Can forward an article for approval")),
            ("schedule_article", _("Can set the publication time")),
            ("publish_article", _("Can approve and publish an article")),
            ("take_down_article", _("Can take down a published article")),
            ("archive_article", _("Can archive and restore an article")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("A published article needs a publication time."),
            ),
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~models.Q(source_id=""),
                name="article_unique_source_id",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub_idx"),
            models.Index(fields=["section", "status", "-published_at"], name="article_section_idx"),
            # Public lists, newest first: read in index order, stop after one page.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(status="published"),
                name="article_published_order_idx",
            ),
            models.Index(
                fields=["section", "-published_at", "-id"],
                condition=models.Q(status="published"),
                name="article_section_order_idx",
            ),
            # The admin's list, newest first, whatever the status.
            models.Index(fields=["-published_at", "-id"], name="article_admin_order_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        from articles.images import link_body_images  # images.py imports this module

        self.title = " ".join(self.title.split())
        self.body = link_body_images(clean_body(self.body))
        self.search_text = search_document(self.title, self.sapo, self.body)
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            # Derived from the body: the library photos it shows (they cannot be deleted).
            ids = {int(i) for i in _BODY_IMAGE_ID.findall(self.body)}
            self.body_images.set(Image.objects.filter(pk__in=ids).values_list("pk", flat=True))

    def get_absolute_url(self) -> str:
        return slug_address("articles:detail", self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so that a changed slug leaves a redirect behind (articles/signals.py).
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    def slug_source(self) -> str:
        return self.title

    def slug_taken(self, slug: str) -> bool:
        # An old slug keeps redirecting to its article: a new article may not take it.
        return super().slug_taken(slug) or OldSlug.objects.filter(slug=slug).exists()

    def is_published(self) -> bool:
        """Mirror of ``Article.objects.published()`` for one article."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    is_published.boolean = True  # type: ignore[attr-defined]
    is_published.short_description = _("public")  # type: ignore[attr-defined]

    @cached_property
    def links(self) -> ArticleLinks:
        """Its authors (byline order), tags and campaigns, as the article page shows them.

        One query for the three (the page's budget is six): name, unit and slug of each,
        the rest of their fields left in the database.
        """
        return ArticleLinks.load(self.pk)

    @property
    def byline(self) -> str:
        """ "Nguyễn Văn An (Công an huyện Phú Lương), Trần Bình" — uses prefetched bylines."""
        return ", ".join(b.author.byline for b in self.bylines.all())


@dataclass
class ArticleLinks:
    authors: list[Author]
    tags: list[Tag]
    campaigns: list[Campaign]

    @classmethod
    def load(cls, article_id: int) -> ArticleLinks:
        def table(model) -> str:
            return model._meta.db_table

        tags, campaigns = Article.tags.through, Article.campaigns.through
        nothing = "CAST(NULL AS INTEGER)"
        sql = f"""
            SELECT 'a', a.id, a.name, a.unit, a.slug, b.position, b.id, CAST(NULL AS DATE)
            FROM {table(Byline)} b JOIN {table(Author)} a ON a.id = b.author_id
            WHERE b.article_id = %s
            UNION ALL
            SELECT 't', t.id, t.name, '', t.slug, {nothing}, {nothing}, CAST(NULL AS DATE)
            FROM {table(tags)} l JOIN {table(Tag)} t ON t.id = l.tag_id WHERE l.article_id = %s
            UNION ALL
            SELECT 'c', c.id, c.name, '', c.slug, {nothing}, {nothing}, c.starts_on
            FROM {table(campaigns)} l JOIN {table(Campaign)} c ON c.id = l.campaign_id
            WHERE l.article_id = %s
        """  # noqa: S608 (table names from the models, values as parameters)
        rows = fetch(sql, [article_id] * 3)

        def made(model, kind: str, order) -> list:
            # Fields in the model's own order, the others deferred (loaded if ever asked).
            names = [f.attname for f in model._meta.concrete_fields if f.attname in _LINK_FIELDS]
            chosen = sorted((r for r in rows if r[0] == kind), key=order)
            found = [dict(zip(_LINK_FIELDS, r[1:5], strict=True)) for r in chosen]
            return [model.from_db(connection.alias, names, [f[n] for n in names]) for f in found]

        return cls(
            authors=made(Author, "a", lambda r: (r[5], r[6])),
            tags=made(Tag, "t", lambda r: r[2]),
            campaigns=made(Campaign, "c", lambda r: (-_ordinal(r[7]), r[2])),
        )


_LINK_FIELDS = ("id", "name", "unit", "slug")


def _ordinal(day) -> int:
    """A date as a number, whether the database gave a date or ISO text (SQLite)."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return day.toordinal() if day else 0


class Byline(models.Model):
    """An author of an article, in byline order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_unique_author"),
        ]

    def __str__(self) -> str:
        return self.author.byline


class Transition(models.Model):
    """One step of an article through the workflow: who, when, from/to, and why."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submit for review")
        RETURN = "return", _("Return to the reporter")
        FORWARD = "forward", _("Forward for approval")
        APPROVE = "approve", _("Approve and publish")
        TAKE_DOWN = "take_down", _("Take down")
        ARCHIVE = "archive", _("Archive")
        RESTORE = "restore", _("Restore as a draft")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Article.Status.choices)
    by = staff_reference(_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow history")
        indexes = [models.Index(fields=["action", "-at"], name="transition_action_idx")]

    def __str__(self) -> str:
        return f"{self.article}: {self.get_action_display()}"


class EditPresence(models.Model):
    """Someone has an article open in the editor (a soft lock, refreshed by a heartbeat)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    since = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("open editor")
        verbose_name_plural = _("open editors")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="presence_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.article_id}"


class OldSlug(models.Model):
    """A slug an article had before: its old URL answers 301 to the current one."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    retired_at = models.DateTimeField(_("retired at"), default=timezone.now)

    class Meta:
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")

    def __str__(self) -> str:
        return self.slug


class DailyViews(models.Model):
    """Page views of an article on one day (Asia/Ho_Chi_Minh), rolled up from the buffer."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="daily_views_unique_day"),
        ]
        indexes = [models.Index(fields=["day"], name="daily_views_day_idx")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.views}"


class BodyImage(models.Model):
    """A library photo shown in an article's body (kept in step with the body on save)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    image = models.ForeignKey(Image, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("photo in a body")
        verbose_name_plural = _("photos in bodies")
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="bodyimage_unique"),
        ]

    def __str__(self) -> str:
        return str(self.article)


class GalleryItem(models.Model):
    """One photo of an article's photo story, in order."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="gallery_items"
    )
    image = models.ForeignKey(
        Image, verbose_name=_("photo"), on_delete=models.PROTECT, related_name="gallery_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    caption = models.CharField(
        _("caption in this story"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty to use the library caption."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo of the photo story")
        verbose_name_plural = _("photo story")
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="galleryitem_unique_image"),
        ]

    def __str__(self) -> str:
        return str(self.image)

    @property
    def shown_caption(self) -> str:
        return self.caption or self.image.caption
