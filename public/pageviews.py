"""Counting page views without touching the article row on every read.

Article pages are served from caches (nginx, the page cache), so the page itself cannot
count: it carries a signed address (``view_token()``) to which ``static/js/share.js`` sends
one POST beacon per reading; ``count_view`` adds it to the buffer.

A page view adds one to a counter in a buffer; ``flush_views()`` rolls the buffer up
into ``DailyViews`` and ``Article.view_count`` in a few bulk statements. With Redis
(production) the buffer is a Redis hash shared by every worker (HINCRBY is atomic); with
any other cache (development, tests) it is a counter in the process's memory.

The flush runs at most once a minute from a request (``VIEWS_FLUSH_SECONDS``, 0 = never),
so "most read" is right within a minute or two with no cron job; ``manage.py flush_views``
does the same on demand.

A beacon never fails a reader: while Redis does not answer, its view goes to the
worker's memory and is written with the next flush that worker makes once Redis is back
(a worker restarted meanwhile loses the views it kept); a flush that fails is logged and
tried again later.
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import threading

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import DatabaseError, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django_redis import get_redis_connection
from redis.exceptions import RedisError

from articles.models import Article
from articles.querysets import ArticleQuerySet
from public.models import DailyViews, MostRead
from public.pagecache import cache_call, cached_value, reader_version

logger = logging.getLogger(__name__)
FLUSH_LOCK_KEY = "views:flush-lock"  # at most one flush from requests per interval
RUNNING_KEY = "views:flush-running"  # at most one flush at a time


class LocalBuffer:
    """Counts in this process's memory: for development and tests (one process)."""

    def __init__(self) -> None:
        self.counts: collections.Counter[tuple[int, str]] = collections.Counter()
        self.lock = threading.Lock()

    def add(self, article_id: int, day: dt.date) -> None:
        with self.lock:
            self.counts[(article_id, day.isoformat())] += 1

    def take(self) -> dict[tuple[int, str], int]:
        with self.lock:
            taken, self.counts = dict(self.counts), collections.Counter()
        return taken

    def put_back(self, counts: dict[tuple[int, str], int]) -> None:
        with self.lock:
            self.counts.update(counts)


class RedisBuffer:
    """A Redis hash ``<article id>:<day>`` → views, shared by every worker."""

    def __init__(self) -> None:
        self.redis = get_redis_connection("default")
        self.pending = cache.make_key("views:pending")
        self.flushing = cache.make_key("views:flushing")

    def add(self, article_id: int, day: dt.date) -> None:
        self.redis.hincrby(self.pending, f"{article_id}:{day.isoformat()}", 1)

    def take(self) -> dict[tuple[int, str], int]:
        # A batch left over by a flush that died is taken first; RENAME is atomic, so
        # views counted while we write to the database go to a fresh hash.
        if not self.redis.exists(self.flushing):
            try:
                self.redis.rename(self.pending, self.flushing)
            except Exception:  # no such key: nothing counted since the last flush
                return {}
        taken = {}
        for field, value in self.redis.hgetall(self.flushing).items():
            article_id, day = field.decode().split(":")
            taken[(int(article_id), day)] = int(value)
        return taken

    def done(self) -> None:
        self.redis.delete(self.flushing)


_local = LocalBuffer()


def buffer() -> LocalBuffer | RedisBuffer:
    if settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
        return RedisBuffer()
    return _local


_SIGNER_SALT = "public.pageviews"


def view_token(article_id: int) -> str:
    """``"42:…"``: the article's id, signed so that nobody counts views of made-up ids."""
    return signing.Signer(salt=_SIGNER_SALT).sign(str(article_id))


def article_id_from_token(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=_SIGNER_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def record_view(article_id: int) -> None:
    """Count one view of the article ``article_id`` today; flush now and then."""
    day = timezone.localdate()
    try:
        buffer().add(article_id, day)
    except (RedisError, OSError):  # Redis is down: kept here until it answers again
        _local.add(article_id, day)
    interval = settings.VIEWS_FLUSH_SECONDS
    if interval and cache_call(cache.add, FLUSH_LOCK_KEY, 1, interval):
        try:
            flush_views()
        except (DatabaseError, RedisError, OSError) as exc:  # the view itself is counted
            logger.warning("page views not flushed, kept for the next flush: %s", exc)


def flush_views() -> int:
    """Move buffered views into the database; returns how many views were written.

    Views a worker kept in its memory while Redis was down are written with its batch.
    """
    if not cache_call(cache.add, RUNNING_KEY, 1, 300):
        return 0
    try:
        store = buffer()
        counts = store.take()
        kept = _local.take() if store is not _local else {}
        for key, n in kept.items():
            counts[key] = counts.get(key, 0) + n
        written = 0
        if counts:
            try:
                written = _write(counts)
            except Exception:
                _local.put_back(counts if store is _local else kept)
                raise  # a Redis batch stays in its "flushing" hash for the next run
        if isinstance(store, RedisBuffer):
            store.done()
        if written:
            rank_most_read()
        return written
    finally:
        cache_call(cache.delete, RUNNING_KEY)


@transaction.atomic
def _write(counts: dict[tuple[int, str], int]) -> int:
    existing_ids = set(
        Article.objects.filter(pk__in={pk for pk, _day in counts}).values_list("pk", flat=True)
    )
    counts = {key: n for key, n in counts.items() if key[0] in existing_ids}  # deleted since
    if not counts:
        return 0
    days = {dt.date.fromisoformat(day) for _pk, day in counts}
    rows = {
        (row.article_id, row.day.isoformat()): row
        for row in DailyViews.objects.select_for_update().filter(
            article_id__in=existing_ids, day__in=days
        )
    }
    new = []
    for (article_id, day), n in counts.items():
        row = rows.get((article_id, day))
        if row is None:
            new.append(DailyViews(article_id=article_id, day=dt.date.fromisoformat(day), views=n))
        else:
            row.views += n
    DailyViews.objects.bulk_update(list(rows.values()), ["views"])
    DailyViews.objects.bulk_create(new)
    per_article: collections.Counter[int] = collections.Counter()
    for (article_id, _day), n in counts.items():
        per_article[article_id] += n
    Article.objects.filter(pk__in=per_article).update(
        view_count=models.F("view_count")
        + models.Case(
            *(models.When(pk=pk, then=models.Value(n)) for pk, n in per_article.items()),
            default=models.Value(0),
            output_field=models.PositiveIntegerField(),
        )
    )
    return sum(per_article.values())


MOST_READ = 5
# Ranked at each roll-up: more than the list shows, for articles taken down meanwhile.
RANKED = 20


def side_lists(
    request: HttpRequest | None, *, leaving_out: int | None = None
) -> dict[str, list[Article]]:
    """The side lists "most read" and "latest news" (without the article being read,
    ``leaving_out``), kept for readers under the request's content version."""
    # Also read again after each roll-up of views, which ranks "most read" anew.
    seconds = settings.VIEWS_FLUSH_SECONDS or 60
    lists = cached_value(
        "side-lists", reader_version(request), _read_side_lists, seconds, site_wide=False
    )
    return {
        which: [article for article in articles if article.pk != leaving_out][:MOST_READ]
        for which, articles in lists.items()
    }


def _read_side_lists() -> dict[str, list[Article]]:
    """Both side lists in one query, one more of each than shown (for the article that
    leaves itself out); kept under the content version like the menu, so an article taken
    down leaves them at once."""
    published = Article.objects.published()
    newest = published.latest_first().values("pk")[: MOST_READ + 1]
    cards = list(
        published.filter(models.Q(most_read__isnull=False) | models.Q(pk__in=newest))
        .for_cards()
        .annotate(rank=models.F("most_read__position"))
        .latest_first()
    )
    ranked = sorted((card for card in cards if card.rank is not None), key=lambda c: c.rank)
    return {"most_read": ranked[: MOST_READ + 1], "latest": cards[: MOST_READ + 1]}


def most_read(articles: ArticleQuerySet, *, days: int = 7) -> ArticleQuerySet:
    """``articles`` ordered by views over the last ``days`` days (today included)."""
    since = timezone.localdate() - dt.timedelta(days=days - 1)
    return (
        articles.filter(daily_views__day__gte=since)
        .annotate(recent_views=models.Sum("daily_views__views"))
        .order_by("-recent_views", "-published_at", "-pk")
    )


@transaction.atomic
def rank_most_read() -> list[MostRead]:
    """Rank the most read published articles of the last seven days (after each roll-up)."""
    ranked = most_read(Article.objects.published()).values_list("pk", "recent_views")[:RANKED]
    rows = [
        MostRead(article_id=pk, position=position, views=views)
        for position, (pk, views) in enumerate(ranked, start=1)
    ]
    MostRead.objects.all().delete()
    return MostRead.objects.bulk_create(rows)
