"""English pages: each one the translation of a Vietnamese page, and linked to it.

An English page translates an introduction page (the introduction itself, functions and
duties, history) or a news article that editors chose to translate. It remembers what the
Vietnamese said when the English was last saved (a digest, and the text itself to show
what changed since); when the Vietnamese changes afterwards, the desk flags the English
page as out of date. English pages go through the same workflow as articles.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import staff_reference
from articles.body import plain_text
from articles.body import prepare as prepare_body
from articles.models import Article
from organisation.models import Page
from publishing.models import Publishable, PublishableQuerySet, WorkflowStep
from vietnamese.slugs import unique_slug
from vietnamese.text import source_digest


class EnglishPageQuerySet(PublishableQuerySet):
    def news(self) -> EnglishPageQuerySet:
        return self.filter(source_article__isnull=False)

    def about(self) -> EnglishPageQuerySet:
        return self.filter(source_page__isnull=False)

    def latest_first(self) -> EnglishPageQuerySet:
        return self.order_by("-published_at", "-pk")


class EnglishPage(Publishable):
    source_page = models.OneToOneField(
        Page,
        verbose_name=_("Vietnamese page"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="english",
    )
    source_article = models.OneToOneField(
        Article,
        verbose_name=_("Vietnamese article"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="english",
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Made from the English title; never changes once published."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Cleaned of anything unsafe every time it is saved.")
    )
    source_digest = models.CharField(max_length=64, blank=True, editable=False)
    source_snapshot = models.JSONField(default=dict, blank=True, editable=False)
    translated_at = models.DateTimeField(
        _("English saved at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = staff_reference(_("created by"))
    updated_by = staff_reference(_("updated by"))

    objects = EnglishPageQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("English page")
        verbose_name_plural = _("English pages")
        permissions = [
            ("submit_englishpage", _("Can submit an English page for review")),
            ("edit_any_englishpage", _("Can edit other people's unpublished English pages")),
            ("return_englishpage", _("Can return an English page with a comment")),
            ("forward_englishpage", _("Can forward an English page for approval")),
            ("publish_englishpage", _("Can approve and publish an English page")),
            ("take_down_englishpage", _("Can take down a published English page")),
            ("archive_englishpage", _("Can archive and restore an English page")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source_page__isnull=True, source_article__isnull=False)
                | models.Q(source_page__isnull=False, source_article__isnull=True),
                name="englishpage_one_source",
                violation_error_message=_(
                    "An English page translates one Vietnamese page or one article."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="englishpage_published_has_time",
            ),
        ]
        indexes = [
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(status="published", source_article__isnull=False),
                name="englishpage_news_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.title = " ".join(self.title.split())
        self.body = prepare_body(self.body).html
        if not self.slug:
            self.slug = unique_slug(
                self.title,
                exists=lambda s: EnglishPage.objects.exclude(pk=self.pk).filter(slug=s).exists(),
                max_length=200,
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.source_article_id:
            return reverse("en:news-item", kwargs={"slug": self.slug})
        if self.source_page.kind == Page.Kind.INTRODUCTION:
            return reverse("en:home")
        return reverse("en:page", kwargs={"slug": self.slug})

    @property
    def source(self) -> Page | Article:
        return self.source_article if self.source_article_id else self.source_page

    # Freshness ---------------------------------------------------------------------

    @staticmethod
    def snapshot_of(source: Page | Article) -> dict[str, str]:
        """What a translator translated: the source's title, lead and plain text."""
        lead = source.sapo if isinstance(source, Article) else source.summary
        return {"title": source.title, "summary": lead, "text": plain_text(source.body)}

    @staticmethod
    def digest_of(source: Page | Article) -> str:
        lead = source.sapo if isinstance(source, Article) else source.summary
        return source_digest(source.title, lead, source.body)

    def mark_translated(self) -> None:
        """The English now translates the Vietnamese as it stands (saved by a translator)."""
        self.source_digest = self.digest_of(self.source)
        self.source_snapshot = self.snapshot_of(self.source)
        self.translated_at = timezone.now()

    def is_out_of_date(self) -> bool:
        """The Vietnamese changed after the English was last saved."""
        return self.source_digest != self.digest_of(self.source)

    is_out_of_date.boolean = True  # type: ignore[attr-defined]
    is_out_of_date.short_description = _("out of date")  # type: ignore[attr-defined]


class EnglishStep(WorkflowStep):
    page = models.ForeignKey(
        EnglishPage, verbose_name=_("English page"), on_delete=models.CASCADE, related_name="steps"
    )

    class Meta(WorkflowStep.Meta):
        verbose_name = _("English page workflow step")
        verbose_name_plural = _("English page workflow history")

    def __str__(self) -> str:
        return f"{self.page}: {self.get_action_display()}"
