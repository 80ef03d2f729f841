"""The read rules of the newsroom, named once and chained everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection, models
from django.db.models.functions import Coalesce
from django.utils import timezone

if TYPE_CHECKING:
    from articles.models import Author, Campaign, Section, Tag


# What no list shows: the body and its two search forms.
HEAVY_FIELDS = ("body", "search_text", "search_vector")
# Related articles are chosen among this many of the newest sharing each link.
RELATED_CANDIDATES = 40


def among(*parts: models.QuerySet) -> models.Q:
    """``pk`` in any of ``parts`` (small, sliced ``values("pk")`` querysets).

    PostgreSQL plans ``pk IN (…) OR pk IN (…)`` as a scan of the whole table, so there it
    is ``pk IN (… UNION ALL …)``: each part an index walk that stops after its slice.
    SQLite cannot slice inside a UNION; its OR of sub-selects is fine at the sizes SQLite
    serves.
    """
    if not parts:
        return models.Q(pk__in=[])
    if connection.features.supports_slicing_ordering_in_compound:
        ids = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        return models.Q(pk__in=ids)
    wanted = models.Q(pk__in=parts[0])
    for part in parts[1:]:
        wanted |= models.Q(pk__in=part)
    return wanted


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        """What readers may see: published, and the publication time has come.

        A scheduled article (published status, time in the future) appears by itself
        at its minute, with no cron job.
        """
        from articles.models import Article

        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def in_section(self, section: Section) -> ArticleQuerySet:
        """Articles of the section and of its sub-sections.

        By id (the sub-sections come from the cached menu): no join, so the lists read
        the (section, publication time) index.
        """
        from articles.context_processors import navigation

        ids = [section.pk]
        if section.parent_id is None:
            top = next((s for s in navigation() if s.pk == section.pk), None)
            ids += [s.pk for s in getattr(top, "subsections", [])]
        return self.filter(section_id__in=ids)

    def in_campaign(self, campaign: Campaign) -> ArticleQuerySet:
        return self.filter(campaigns=campaign)

    def by_author(self, author: Author) -> ArticleQuerySet:
        return self.filter(authors=author)

    def tagged(self, tag: Tag) -> ArticleQuerySet:
        return self.filter(tags=tag)

    def latest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def for_cards(self) -> ArticleQuerySet:
        """What a card shows (title, section, cover, time): one query, no byline.

        The body and the search columns (most of a row's bytes) stay in the database.
        """
        return self.select_related("section", "cover").defer(*HEAVY_FIELDS)

    def most_read(self, *, days: int = 7) -> ArticleQuerySet:
        """Ordered by views over the last ``days`` days (today included), from DailyViews."""
        since = timezone.localdate() - timezone.timedelta(days=days - 1)
        return (
            self.filter(daily_views__day__gte=since)
            .annotate(recent_views=models.Sum("daily_views__views"))
            .order_by("-recent_views", "-published_at", "-pk")
        )

    def related_to(self, article) -> ArticleQuerySet:
        """Other articles sharing a campaign, tags or the section, best overlap first.

        Uses the article's prefetched tags and campaigns; one query.
        """
        from articles.models import Article

        tag_ids = [t.pk for t in article.tags.all()]
        campaign_ids = [c.pk for c in article.campaigns.all()]
        links = Article.tags.through.objects.filter(tag_id__in=tag_ids)
        campaign_links = Article.campaigns.through.objects.filter(campaign_id__in=campaign_ids)

        def overlap(through_qs) -> models.Subquery:
            return models.Subquery(
                through_qs.filter(article_id=models.OuterRef("pk"))
                .values("article_id")
                .annotate(n=models.Count("*"))
                .values("n"),
                output_field=models.IntegerField(),
            )

        # The candidates: the newest few sharing the section, a tag or a campaign, each read
        # from one index, so that the score is computed on ~100 rows, not the archive. For
        # tags and campaigns "newest" is the highest id, read from the link table alone
        # (walking the publication-time index and probing each tag is far slower).
        newest = self.exclude(pk=article.pk).order_by("-published_at", "-pk").values("pk")

        def newest_linked(through_qs):
            return (
                through_qs.exclude(article_id=article.pk)
                .order_by("-article_id")
                .values("article_id")[:RELATED_CANDIDATES]
            )

        candidates = among(
            newest.filter(section_id=article.section_id)[:RELATED_CANDIDATES],
            *(newest_linked(links.filter(tag_id=tag)) for tag in tag_ids),
            *(newest_linked(campaign_links.filter(campaign_id=c)) for c in campaign_ids),
        )
        return (
            self.filter(candidates)
            .for_cards()
            .annotate(
                relatedness=Coalesce(overlap(campaign_links), 0) * 3
                + Coalesce(overlap(links), 0) * 2
                + models.Case(
                    models.When(section_id=article.section_id, then=1),
                    default=0,
                    output_field=models.IntegerField(),
                )
            )
            .order_by("-relatedness", "-published_at", "-pk")
        )

    def for_listing(self) -> ArticleQuerySet:
        """Everything a list of article cards shows, in a constant number of queries."""
        return self.select_related("section", "cover").prefetch_related("bylines__author")


class CampaignQuerySet(models.QuerySet):
    def active(self, on=None) -> CampaignQuerySet:
        """Campaigns running on the given date (today in Asia/Ho_Chi_Minh by default)."""
        day = on or timezone.localdate()
        return self.filter(starts_on__lte=day).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day)
        )
