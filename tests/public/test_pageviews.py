"""View counting: no write to the article row per page view, flushed in bulk, most read."""

import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from public import pageviews
from public.models import DailyViews
from tests.factories import make_article

on_redis = settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"


def read(client, article) -> None:
    """A reader opens the article; its script sends the view beacon."""
    page = client.get(article.get_absolute_url())
    beacon = re.search(r'data-view-beacon="([^"]+)"', page.content.decode()).group(1)
    assert client.post(beacon).status_code == 204


@pytest.fixture
def article(db, now):
    return make_article(title="Bài được nhiều người đọc")


def test_a_page_view_does_not_write_to_the_article_row(client, article):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    # Reads: SELECTs, and on PostgreSQL the article page's prepared SELECTs (EXECUTE).
    reads = ("SELECT", "EXECUTE NEWSROOM_", "PREPARE NEWSROOM_", "SET PLAN_CACHE_MODE")
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(reads)]
    assert writes == []
    assert not any("FOR UPDATE" in q["sql"].upper() for q in queries)
    article.refresh_from_db()
    assert article.view_count == 0  # buffered until the next flush


def test_flush_writes_views_per_day_and_the_total(client, article):
    other = make_article(title="Bài khác")
    for _ in range(3):
        read(client, article)
    read(client, other)
    assert pageviews.flush_views() == 4
    assert pageviews.flush_views() == 0  # nothing counted twice
    article.refresh_from_db()
    assert article.view_count == 3
    today = timezone.localdate()
    assert DailyViews.objects.get(article=article, day=today).views == 3
    read(client, article)
    call_command("flush_views", verbosity=0)
    assert DailyViews.objects.get(article=article, day=today).views == 4
    assert Article.objects.get(pk=article.pk).view_count == 4


def test_views_after_midnight_go_to_the_new_day(client, article):
    read(client, article)
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        read(client, article)
        read(client, article)
    pageviews.flush_views()
    days = dict(DailyViews.objects.values_list("day", "views"))
    today = timezone.localdate()
    assert days == {today: 1, today + dt.timedelta(days=1): 2}


def test_views_of_a_deleted_article_are_dropped(client, article):
    read(client, article)
    Article.objects.filter(pk=article.pk).delete()
    assert pageviews.flush_views() == 0


def test_requests_flush_at_most_once_per_interval(client, article, settings):
    settings.VIEWS_FLUSH_SECONDS = 60
    read(client, article)  # first view of the interval: flushed at once
    read(client, article)  # buffered until the interval is over
    article.refresh_from_db()
    assert article.view_count == 1


def test_most_read_on_the_home_page_follows_views_after_a_flush(client, article):
    other = make_article(title="Bài ít người đọc")
    read(client, other)
    for _ in range(3):
        read(client, article)
    pageviews.flush_views()
    assert client.get("/").context["most_read"] == [article, other]


@pytest.mark.skipif(not on_redis, reason="needs REDIS_URL (the PostgreSQL + Redis CI run)")
def test_redis_buffer_is_shared_and_survives_a_failed_flush(client, article, monkeypatch):
    read(client, article)
    read(client, article)

    def broken(counts):
        raise RuntimeError("database gone")

    monkeypatch.setattr(pageviews, "_write", broken)
    with pytest.raises(RuntimeError):
        pageviews.flush_views()
    monkeypatch.undo()
    read(client, article)  # counted in a fresh hash meanwhile
    assert pageviews.flush_views() == 2  # the batch left over first
    assert pageviews.flush_views() == 1
    article.refresh_from_db()
    assert article.view_count == 3


def test_opening_the_page_without_its_beacon_is_not_a_view(client, article):
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.head(article.get_absolute_url()).status_code == 200
    assert pageviews.flush_views() == 0


def test_a_page_served_from_the_cache_still_counts(client, article):
    read(client, article)
    read(client, article)  # the same page again, now from the page cache
    assert pageviews.flush_views() == 2


def test_a_made_up_beacon_counts_nothing(client, article):
    assert client.post(f"/luot-xem/{article.pk}:forged/").status_code == 404
    assert client.post(f"/luot-xem/{article.pk}/").status_code == 404
    assert client.get(f"/luot-xem/{pageviews.view_token(article.pk)}/").status_code == 405
    assert pageviews.flush_views() == 0
