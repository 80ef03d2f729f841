"""The read rules of the newsroom, named once and chained everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection, models
from django.db.models.expressions import RawSQL
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

    def related_to(self, article, count: int = 4) -> ArticleQuerySet:
        """Other articles sharing a campaign, tags or the section, best overlap first.

        The best ``count``, from the article's tags and campaigns (``article.links``); one
        query. The candidates are the newest few sharing the section, a tag or a campaign,
        each read from one index, so that the score is computed on ~100 rows, not the
        archive. For tags and campaigns "newest" is the highest id, read from the link table
        alone (walking the publication-time index and probing each tag is far slower).
        Written as SQL pieces: built with the ORM, this query cost more to compose than to
        run.
        """
        from articles.models import Article

        table = Article._meta.db_table
        links = {
            "tag": (Article.tags.through._meta.db_table, [t.pk for t in article.links.tags]),
            "campaign": (
                Article.campaigns.through._meta.db_table,
                [c.pk for c in article.links.campaigns],
            ),
        }
        parts = [
            f"SELECT id FROM (SELECT id FROM {table} WHERE section_id = %s AND status = %s "
            f"AND published_at <= %s AND id <> %s "
            f"ORDER BY published_at DESC, id DESC LIMIT {RELATED_CANDIDATES}) s"
        ]
        params: list = [article.section_id, Article.Status.PUBLISHED, timezone.now(), article.pk]
        for column, (through, ids) in links.items():
            for pk in ids:
                parts.append(
                    f"SELECT article_id FROM (SELECT article_id FROM {through} "
                    f"WHERE {column}_id = %s AND article_id <> %s "
                    f"ORDER BY article_id DESC LIMIT {RELATED_CANDIDATES}) s"
                )
                params += [pk, article.pk]

        def score(alias: str) -> tuple[str, list]:
            sql, score_params = (
                f"CASE WHEN {alias}.section_id = %s THEN 1 ELSE 0 END",
                [article.section_id],
            )
            for column, weight in (("campaign", 3), ("tag", 2)):
                through, ids = links[column]
                if ids:
                    marks = ", ".join(["%s"] * len(ids))
                    sql += (
                        f" + {weight} * (SELECT COUNT(*) FROM {through} l WHERE "
                        f"l.article_id = {alias}.id AND l.{column}_id IN ({marks}))"
                    )
                    score_params += ids
            return sql, score_params

        # The best few picked on ids alone; only those rows are then read whole.
        inner, inner_params = score("a")
        best = (
            f"SELECT id FROM (SELECT a.id FROM {table} a WHERE a.id IN ({' UNION '.join(parts)}) "
            f"AND a.status = %s AND a.published_at <= %s "
            f"ORDER BY {inner} DESC, a.published_at DESC, a.id DESC LIMIT {count}) best"
        )
        outer, outer_params = score(table)
        return (
            self.filter(
                pk__in=RawSQL(
                    best, [*params, Article.Status.PUBLISHED, timezone.now(), *inner_params]
                )
            )
            .for_cards()
            .annotate(relatedness=RawSQL(outer, outer_params))
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
