"""The newsroom's content: articles, their authors, sections, tags and campaigns."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import staff_reference
from articles.body import prepare as prepare_body
from articles.querysets import ArticleQuerySet, CampaignQuerySet, SectionQuerySet
from photos.models import Image
from publishing.models import Publishable, WorkflowStep
from vietnamese.slugs import unique_slug
from vietnamese.text import search_document


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

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:section", kwargs={"slug": self.slug})

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
        return reverse("public:tag", kwargs={"slug": self.slug})


class Author(SluggedModel):
    """A byline: a staff member or an outside contributor with no login."""

    name = models.CharField(_("name"), max_length=120)
    unit = models.CharField(
        _("unit"),
        max_length=200,
        blank=True,
        help_text=_("Shown in brackets after the name: “Công an xã Phú Lương”."),
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
        return reverse("public:author", kwargs={"slug": self.slug})

    @property
    def byline(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def slug_source(self) -> str:
        return self.byline


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
        return reverse("public:campaign", kwargs={"slug": self.slug})


class Method(SluggedModel):
    """A crime method crime warnings are filed under (“Lừa đảo qua mạng”, “Giả danh công an”)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order on the warnings page: smaller comes first.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("crime method")
        verbose_name_plural = _("crime methods")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:warning-method", kwargs={"slug": self.slug})


class Article(Publishable, SluggedModel):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        WARNING = "warning", _("Crime warning")

    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text=_(
            "A crime warning is also listed under “Cảnh báo”, on the home page, with its "
            "methods, the signs and what to do, and a share image made from its title."
        ),
    )
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
    methods = models.ManyToManyField(
        Method,
        verbose_name=_("crime methods"),
        blank=True,
        related_name="articles",
        help_text=_("For a crime warning: the methods it warns about."),
    )
    warning_signs = models.TextField(
        _("how to recognise it"),
        blank=True,
        help_text=_("For a crime warning: one sign per line; shown as a list beside the text."),
    )
    warning_advice = models.TextField(
        _("what to do"),
        blank=True,
        help_text=_("For a crime warning: one piece of advice per line."),
    )
    authors = models.ManyToManyField(
        Author,
        verbose_name=_("authors"),
        through="Byline",
        related_name="articles",
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Shown among the featured stories on the home page."),
    )
    lock_version = models.PositiveIntegerField(
        _("version"),
        default=0,
        editable=False,
        help_text=_("Goes up at every save: a form opened on an older version cannot overwrite."),
    )
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    word_count = models.PositiveIntegerField(_("words"), default=0, editable=False)
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
            # Crime warnings, newest first (the warnings page and the home page's block).
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(status="published", kind="warning"),
                name="article_warning_order_idx",
            ),
            # The admin's list, newest first, whatever the status.
            models.Index(fields=["-published_at", "-id"], name="article_admin_order_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.title = " ".join(self.title.split())
        prepared = prepare_body(self.body)
        self.body = prepared.html
        self.word_count = prepared.word_count
        self.search_text = search_document(self.title, self.sapo, prepared.text)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "word_count", "search_text"}
        super().save(*args, **kwargs)
        if update_fields is None or "body" in update_fields:
            # The library photos it shows (they cannot be deleted meanwhile).
            self.body_images.set(prepared.image_ids)

    def get_absolute_url(self) -> str:
        return reverse("public:article", kwargs={"slug": self.slug})

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

    @property
    def is_warning(self) -> bool:
        return self.kind == self.Kind.WARNING

    @property
    def sign_list(self) -> list[str]:
        return [
            line.strip(" -•\t") for line in self.warning_signs.splitlines() if line.strip(" -•\t")
        ]

    @property
    def advice_list(self) -> list[str]:
        return [
            line.strip(" -•\t") for line in self.warning_advice.splitlines() if line.strip(" -•\t")
        ]

    @property
    def author_list(self) -> list[Author]:
        """Its authors in byline order (from prefetched bylines: ``for_page()``)."""
        return [b.author for b in self.bylines.all()]

    @property
    def byline(self) -> str:
        """ "Nguyễn Văn An (Công an xã Phú Lương), Trần Bình" — uses prefetched bylines."""
        return ", ".join(b.author.byline for b in self.bylines.all())


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


class Transition(WorkflowStep):
    """One step of an article through the workflow: who, when, from/to, and why."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="transitions"
    )

    class Meta(WorkflowStep.Meta):
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
