"""The read rules of the newsroom, named once and chained everywhere."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import re
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import DatabaseError, connection, models
from django.utils import timezone

if TYPE_CHECKING:
    from articles.models import Article, Author, Campaign, GalleryItem, Image, Section, Tag


# What no list shows: the body and its two search forms.
HEAVY_FIELDS = ("body", "search_text", "search_vector")
# Related articles are chosen among this many of the newest sharing each link.
RELATED_CANDIDATES = 20


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


def cards(ids: list[int]) -> list[Article]:
    """The articles ``ids``, in that order, with what a card shows: section and cover.

    The same objects as ``filter(pk__in=ids).for_cards()``, read with a statement composed
    once per process: for a page's few cards the ORM took longer to compose its
    select_related-and-defer query (2–4 ms here) than the database took to answer it.
    """
    if not ids:
        return []
    marks = ", ".join(["%s"] * len(ids))
    found = {a.pk: a for a in _statement(page=False).articles(f"a.id IN ({marks})", ids)}
    return [found[pk] for pk in ids if pk in found]


def article_page(slug: str) -> Article | None:
    """The published article ``slug`` with all its page shows but the links
    (``article.links``): the body, the section and its parent, the cover, and
    ``has_gallery``. One statement, as ``cards``.
    """
    rule, params = published_sql("a")
    found = _statement(page=True).articles(f"a.slug = %s AND {rule}", [slug, *params])
    return found[0] if found else None


def published_sql(alias: str, now: dt.datetime | None = None) -> tuple[str, list]:
    """``published()`` for the statements of this module: published, and its time has come
    (at ``now``: one moment for every part of a statement)."""
    from articles.models import Article

    return (
        f"{alias}.status = %s AND {alias}.published_at <= %s",
        [Article.Status.PUBLISHED, now or timezone.now()],
    )


class _ArticleStatement:
    """Article rows joined to their section (and its parent) and cover, made into objects
    as ``select_related`` would: the related objects are cached on the article."""

    def __init__(self, *, page: bool) -> None:
        from articles.models import Article, GalleryItem, Image, Section

        self.page = page
        joined = [(Article, "a"), (Section, "s"), (Image, "i")]
        joins = [
            f"JOIN {_table(Section)} s ON s.id = a.section_id",
            f"LEFT JOIN {_table(Image)} i ON i.id = a.cover_id",
        ]
        if page:
            joined.append((Section, "p"))
            joins.append(f"LEFT JOIN {_table(Section)} p ON p.id = s.parent_id")
        columns, self.layout = _columns(joined, skipped=set() if page else {"body"})
        if page:
            columns += f", EXISTS (SELECT 1 FROM {_table(GalleryItem)} g WHERE g.article_id = a.id)"
        self.sql = f"SELECT {columns} FROM {_table(Article)} a {' '.join(joins)} WHERE "

    def articles(self, where: str, params: list) -> list[Article]:
        return [self.made(row) for row in fetch(self.sql + where, params)]

    def made(self, row: tuple) -> Article:
        article, section, cover, *parent = _made(row, self.layout)
        type(article).section.field.set_cached_value(article, section)
        type(article).cover.field.set_cached_value(article, cover)
        if self.page:
            type(section).parent.field.set_cached_value(section, parent[0])
            article.has_gallery = bool(row[-1])
        return article


def _fields(model) -> list:
    return list(model._meta.concrete_fields)


def _converters(fields: list) -> list:
    """The conversions the ORM applies to these columns (dates on SQLite, JSON)."""
    converters = []
    for index, field in enumerate(fields):
        column = field.get_col(field.model._meta.db_table)
        found = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        if found:
            converters.append((index, column, found))
    return converters


def _convert(row: list, converters: list) -> None:
    for index, column, functions in converters:
        for convert in functions:
            row[index] = convert(row[index], column, connection)


def body_images(article_id: int) -> list[Image]:
    """The library photos in an article's body (``article.body_images.all()``, in no
    order), read with a statement composed once per process, as ``cards()``."""
    sql, layout = _body_images_statement()
    return [_made(row, layout)[0] for row in fetch(sql, [article_id])]


def gallery_items(article_id: int) -> list[GalleryItem]:
    """An article's photo story in order, each item with its photo
    (``article.gallery_items.select_related("image")``), as ``body_images()``."""
    sql, layout = _gallery_statement()
    items = []
    for row in fetch(sql, [article_id]):
        item, image = _made(row, layout)
        type(item).image.field.set_cached_value(item, image)
        items.append(item)
    return items


@functools.cache
def _body_images_statement() -> tuple[str, list]:
    from articles.models import Article, Image

    columns, layout = _columns([(Image, "i")])
    linked = _table(Article.body_images.through)
    sql = (
        f"SELECT {columns} FROM {_table(Image)} i "
        f"WHERE i.id IN (SELECT image_id FROM {linked} WHERE article_id = %s)"
    )  # noqa: S608 (names from the models; the id is a parameter)
    return sql, layout


@functools.cache
def _gallery_statement() -> tuple[str, list]:
    from articles.models import GalleryItem, Image

    columns, layout = _columns([(GalleryItem, "g"), (Image, "i")])
    sql = (
        f"SELECT {columns} FROM {_table(GalleryItem)} g JOIN {_table(Image)} i "
        f"ON i.id = g.image_id WHERE g.article_id = %s ORDER BY g.position, g.id"
    )  # noqa: S608 (names from the models; the id is a parameter)
    return sql, layout


def _columns(models: list[tuple], *, skipped: set[str] = frozenset()) -> tuple[str, list]:
    """The columns of ``models`` (``(model, alias)``; the search columns and ``skipped``
    left out) and how to make objects of a row of them (``_made``)."""
    skipped = {"search_text", "search_vector", *skipped}
    columns, layout = [], []
    for model, alias in models:
        fields = [f for f in _fields(model) if f.attname not in skipped]
        columns += [f"{alias}.{connection.ops.quote_name(f.column)}" for f in fields]
        layout.append((model, [f.attname for f in fields], _converters(fields)))
    return ", ".join(columns), layout


def _made(row: tuple, layout: list) -> list:
    """One object per model of ``layout``; None for a LEFT JOIN that found nothing."""
    objects, start = [], 0
    for model, names, converters in layout:
        values = list(row[start : start + len(names)])
        start += len(names)
        if values[0] is None:  # no cover, no parent section
            objects.append(None)
            continue
        _convert(values, converters)
        objects.append(model.from_db(connection.alias, names, values))
    return objects


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


_PLACEHOLDER = re.compile(r"%[%s]")


def fetch(sql: str, params: list) -> list[tuple]:
    """The rows of ``sql`` (values as ``%s`` parameters, never in the text).

    On PostgreSQL each text is prepared once per connection (``PREPARE`` in the same round
    trip as its first ``EXECUTE``), then executed by name with a generic plan: the
    planner's work — 0,7 to 1,6 ms of each article page statement here, as much as running
    it — is done once, not on every request. ``DATABASE_PREPARED_STATEMENTS = False``
    sends the text every time.
    """
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql" or not settings.DATABASE_PREPARED_STATEMENTS:
            cursor.execute(sql, params)
            return cursor.fetchall()
        prepared = _prepared_here()
        name, run = _prepared_run(sql, params, prepared)
        try:
            cursor.execute(run, params)
        except DatabaseError as exc:
            if getattr(exc.__cause__, "pgcode", None) != _NO_SUCH_STATEMENT:
                raise
            # The session forgot them (DISCARD ALL, a pooler that does not keep sessions):
            # prepared again, at once outside a transaction, else by the next request.
            prepared.clear()
            if connection.in_atomic_block:
                raise
            name, run = _prepared_run(sql, params, prepared)
            cursor.execute(run, params)
        prepared.add(name)
        return cursor.fetchall()


_NO_SUCH_STATEMENT = "26000"  # PostgreSQL's invalid_sql_statement_name


def _prepared_run(sql: str, params: list, prepared: set[str]) -> tuple[str, str]:
    """The statement's name and what to send: ``EXECUTE``, after ``PREPARE`` the first time."""
    name = "newsroom_" + hashlib.blake2b(sql.encode(), digest_size=8).hexdigest()
    values = ", ".join(["%s"] * len(params))
    run = f"EXECUTE {name}({values})" if params else f"EXECUTE {name}"
    if name not in prepared:
        numbers = itertools.count(1)
        text = _PLACEHOLDER.sub(lambda m: "%%" if m.group() == "%%" else f"${next(numbers)}", sql)
        run = f"PREPARE {name} AS {text}; {run}"
        if not prepared:
            # Planned once for any values: these statements read by id, slug or a short
            # index walk, whose plan does not depend on the values.
            run = f"SET plan_cache_mode = force_generic_plan; {run}"
    return name, run


def _prepared_here() -> set[str]:
    """The names prepared on the open connection (a new connection starts with none)."""
    raw = connection.connection
    known = getattr(connection, "prepared_statements", None)
    if known is None or known[0] is not raw:
        known = connection.prepared_statements = (raw, set())
    return known[1]


@functools.cache
def _statement(*, page: bool) -> _ArticleStatement:
    return _ArticleStatement(page=page)


def related_articles(article: Article, count: int = 4) -> list[Article]:
    """Published articles sharing a campaign, tags or the section, best overlap first.

    The best ``count``, from the article's tags and campaigns (``article.links``). The
    candidates are the newest few sharing the section, a tag or a campaign, each read from
    one index, so that the score is computed on ~100 rows, not the archive. For tags and
    campaigns "newest" is the highest id, read from the link table alone (walking the
    publication-time index and probing each tag is far slower). One statement, as
    ``cards()``.
    """
    from articles.models import Article

    table, now = Article._meta.db_table, timezone.now()
    rule, rule_params = published_sql("n", now)
    links = {
        "tag": (Article.tags.through._meta.db_table, [t.pk for t in article.links.tags]),
        "campaign": (
            Article.campaigns.through._meta.db_table,
            [c.pk for c in article.links.campaigns],
        ),
    }
    candidates = [
        f"SELECT id FROM (SELECT id FROM {table} n WHERE section_id = %s AND {rule} "
        f"AND id <> %s ORDER BY published_at DESC, id DESC LIMIT {RELATED_CANDIDATES}) s"
    ]
    candidate_params: list = [article.section_id, *rule_params, article.pk]
    score, score_params = "CASE WHEN a.section_id = %s THEN 1 ELSE 0 END", [article.section_id]
    for column, weight in (("campaign", 3), ("tag", 2)):
        through, ids = links[column]
        for pk in ids:
            candidates.append(
                f"SELECT article_id FROM (SELECT article_id FROM {through} "
                f"WHERE {column}_id = %s AND article_id <> %s "
                f"ORDER BY article_id DESC LIMIT {RELATED_CANDIDATES}) s"
            )
            candidate_params += [pk, article.pk]
        if ids:
            marks = ", ".join(["%s"] * len(ids))
            score += (
                f" + {weight} * (SELECT COUNT(*) FROM {through} l "
                f"WHERE l.article_id = a.id AND l.{column}_id IN ({marks}))"
            )
            score_params += ids
    rule, rule_params = published_sql("a", now)
    best = (
        f"SELECT id FROM (SELECT a.id FROM {table} a "
        f"WHERE a.id IN ({' UNION '.join(candidates)}) AND {rule} "
        f"ORDER BY {score} DESC, a.published_at DESC, a.id DESC LIMIT {count}) best"
    )  # noqa: S608 (names from the models; values are parameters)
    # The same score orders the rows read: it costs nothing on four rows.
    return _statement(page=False).articles(
        f"a.id IN ({best}) ORDER BY {score} DESC, a.published_at DESC, a.id DESC",
        [*candidate_params, *rule_params, *score_params, *score_params],
    )
