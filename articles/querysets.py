"""The read rules of articles, named once and chained everywhere.

What readers may see is ``published()`` (``publishing.models``); the rest narrows or
orders it: ``Article.objects.published().in_section(s).for_cards().latest_first()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection, models
from django.utils import timezone

from publishing.models import PublishableQuerySet

if TYPE_CHECKING:
    from articles.models import Article, Author, Campaign, Method, Section, Tag

# What a card shows: the article's title, lead, time and address, its section's name and
# address, its cover. Nothing else is read (the body and search columns are most of a row).
CARD_FIELDS = (
    "title", "slug", "sapo", "status", "published_at", "featured", "section_id", "cover_id", "kind",
    "section__name", "section__slug", "section__parent_id",
    "cover__file", "cover__width", "cover__height", "cover__renditions", "cover__caption",
    "cover__alt_text", "cover__credit",
)  # fmt: skip
# Related articles are chosen among this many of the newest sharing each link, for the
# article's first few tags (in name order: the tags an editor gives first are no likelier).
RELATED_CANDIDATES = 20
RELATED_TAGS = 3
RELATED_WEIGHTS = {"campaigns": 3, "tags": 2, "section": 1}


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


class ArticleQuerySet(PublishableQuerySet):
    def in_section(self, section: Section, subsections: list[Section] | None = None):
        """Articles of the section and of its sub-sections, by their ids: the (section,
        publication time) index answers both the page and the count. ``subsections``
        saves asking the database for them (the menu has them)."""
        if subsections is None:
            subsections = list(section.children.only("pk"))
        return self.filter(section_id__in=[section.pk, *(s.pk for s in subsections)])

    def warnings(self) -> ArticleQuerySet:
        """Crime warnings (``Article.Kind.WARNING``)."""
        return self.filter(kind="warning")

    def by_method(self, method: Method) -> ArticleQuerySet:
        return self.warnings().filter(methods=method)

    def in_campaign(self, campaign: Campaign) -> ArticleQuerySet:
        return self.filter(campaigns=campaign)

    def by_author(self, author: Author) -> ArticleQuerySet:
        return self.filter(authors=author)

    def tagged(self, tag: Tag) -> ArticleQuerySet:
        return self.filter(tags=tag)

    def latest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def for_cards(self) -> ArticleQuerySet:
        """What a card shows (title, section, cover, time): one query, no byline."""
        return self.select_related("section", "cover").only(*CARD_FIELDS)

    def for_page(self) -> ArticleQuerySet:
        """Everything the article page shows: its section and the section's parent, the
        cover, whether it has a photo story, the authors in byline order, tags and
        campaigns (four queries)."""
        gallery = self.model._meta.get_field("gallery_items").related_model
        return (
            self.select_related("section__parent", "cover")
            .annotate(
                has_gallery=models.Exists(gallery.objects.filter(article=models.OuterRef("pk")))
            )
            .prefetch_related(self._bylines(), "tags", "campaigns")
        )

    def for_listing(self) -> ArticleQuerySet:
        """Cards with their bylines (feeds, the admin), in a constant number of queries."""
        return self.select_related("section", "cover").prefetch_related(self._bylines())

    def _bylines(self) -> models.Prefetch:
        byline = self.model._meta.get_field("bylines").related_model
        return models.Prefetch("bylines", queryset=byline.objects.select_related("author"))

    def related_to(self, article: Article, count: int = 4) -> ArticleQuerySet:
        """Articles sharing a campaign, tags or the section with ``article``, best overlap
        first (a campaign weighs 3, a tag 2, the section 1), then the newest.

        The candidates are the newest ``RELATED_CANDIDATES`` of each link, each read from
        an index, so that the score is computed on a few dozen rows, not the archive.
        ``article``'s tags and campaigns are taken as prefetched (``for_page()``).
        """
        model = type(article)
        others = self.exclude(pk=article.pk)
        newest = others.latest_first().values("pk")
        parts = [newest.filter(section_id=article.section_id)[:RELATED_CANDIDATES]]
        score = models.Case(
            models.When(section_id=article.section_id, then=RELATED_WEIGHTS["section"]),
            default=0,
        )
        for name in ("campaigns", "tags"):
            linked = [obj.pk for obj in getattr(article, name).all()][:RELATED_TAGS]
            if not linked:
                continue
            through = getattr(model, name).through
            column = f"{getattr(model, name).field.m2m_reverse_field_name()}_id"
            links = through.objects.exclude(article_id=article.pk)
            for pk in linked:
                parts.append(
                    links.filter(**{column: pk})
                    .order_by("-article_id")
                    .values("article_id")[:RELATED_CANDIDATES]
                )
            shared = (
                through.objects.filter(
                    article_id=models.OuterRef("pk"), **{f"{column}__in": linked}
                )
                .order_by()
                .values("article_id")
                .annotate(n=models.Count("*"))
                .values("n")
            )
            score = score + RELATED_WEIGHTS[name] * models.functions.Coalesce(
                models.Subquery(shared), 0
            )
        return (
            others.filter(among(*parts))
            .alias(score=score)
            .order_by(models.F("score").desc(), "-published_at", "-pk")[:count]
        )


class SectionQuerySet(models.QuerySet):
    def with_subsections(self, slug: str) -> tuple[Section | None, list[Section]]:
        """The section ``slug`` and its sub-sections, in one query."""
        family = list(self.filter(models.Q(slug=slug) | models.Q(parent__slug=slug)))
        section = next((s for s in family if s.slug == slug), None)
        return section, [s for s in family if section and s.parent_id == section.pk]


class CampaignQuerySet(models.QuerySet):
    def active(self, on=None) -> CampaignQuerySet:
        """Campaigns running on the given date (today in Asia/Ho_Chi_Minh by default)."""
        day = on or timezone.localdate()
        return self.filter(starts_on__lte=day).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day)
        )
