"""Redis fails: readers and staff keep working, and nothing the staff did is lost.

Each test runs the site's cache on a Redis of its own (``own_redis``, tests/servers.py),
configured as in production, and stops it (the process is gone: connections refused) or
freezes it (SIGSTOP: connections accepted and never answered).
"""

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone
from redis.connection import Connection
from redis.exceptions import TimeoutError as RedisTimeoutError

from articles import services
from articles.models import Article, Section
from public import pageviews
from public.cache_breaker import breaker
from tests.articles.records import record, run_import, write_jsonl
from tests.factories import jpeg_bytes, make_article, make_section

READER_PAGES = ["/", "/chuyen-muc/an-ninh-trat-tu/", "/tim-kiem/?q=tuan+tra", "/rss/"]


@pytest.fixture
def article(db, now):
    section = make_section("An ninh trật tự")
    return make_article(title="Tuần tra đêm giữ bình yên khu phố", section=section)


def beacon_of(client, article) -> str:
    page = client.get(article.get_absolute_url()).content.decode()
    return re.search(r'data-view-beacon="([^"]+)"', page).group(1)


@pytest.fixture
def socket_waits(monkeypatch) -> list[str]:
    """Every time a Redis call waited for its socket timeout."""
    waits = []
    original = Connection.read_response

    def read_response(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except RedisTimeoutError:
            waits.append("timeout")
            raise

    monkeypatch.setattr(Connection, "read_response", read_response)
    return waits


# Redis stopped ------------------------------------------------------------------------


def test_readers_get_every_page_while_redis_is_stopped(client, own_redis, article):
    own_redis.stop()
    for url in [*READER_PAGES, article.get_absolute_url()]:
        assert client.get(url).status_code == 200, url
    assert article.title in client.get("/").content.decode()


def test_staff_save_a_section_while_redis_is_stopped(client, own_redis, administrator, admin_url):
    client.force_login(administrator)
    own_redis.stop()
    response = client.post(
        f"{admin_url}articles/section/add/",
        {"name": "Phòng cháy chữa cháy", "slug": "phong-chay-chua-chay", "position": "3"},
    )
    assert response.status_code == 302
    assert Section.objects.filter(slug="phong-chay-chua-chay").exists()


def test_the_menu_shows_a_section_saved_during_a_redis_blip(
    client, own_redis, administrator, admin_url, article, django_capture_on_commit_callbacks
):
    assert "Phòng cháy chữa cháy" not in client.get("/").content.decode()  # menu cached
    staff = type(client)()
    staff.force_login(administrator)
    own_redis.stop(keep_data=True)
    with django_capture_on_commit_callbacks(execute=True):  # the save commits
        response = staff.post(
            f"{admin_url}articles/section/add/",
            {"name": "Phòng cháy chữa cháy", "slug": "phong-chay-chua-chay", "position": "3"},
        )
    assert response.status_code == 302
    own_redis.start()  # with the menu it held
    breaker.reset()  # as CACHE_BREAKER_SECONDS later
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=6)):
        assert "Phòng cháy chữa cháy" in client.get("/").content.decode()


def test_an_import_that_creates_a_section_works_while_redis_is_stopped(
    own_redis, approver, tmp_path
):
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "camera.jpg").write_bytes(jpeg_bytes((120, 80)))
    (tmp_path / "anh" / "cover.jpg").write_bytes(jpeg_bytes((160, 100)))
    own_redis.stop()
    out, _err = run_import(write_jsonl(tmp_path, record(section="Chuyên mục mới lập")))
    assert "1 đã tạo" in out
    assert Article.objects.get().section.name == "Chuyên mục mới lập"


def test_the_view_beacon_counts_while_redis_is_stopped(client, own_redis, article, caplog):
    beacon = beacon_of(client, article)
    own_redis.stop()
    for _ in range(3):
        assert client.post(beacon).status_code == 204
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    own_redis.start()
    breaker.reset()  # as CACHE_BREAKER_SECONDS later
    assert client.post(beacon).status_code == 204
    assert pageviews.flush_views() == 4  # the views counted while Redis was gone are kept
    article.refresh_from_db()
    assert article.view_count == 4


def test_a_staff_member_publishes_while_redis_is_stopped(client, own_redis, article, approver):
    for url in READER_PAGES:
        client.get(url)  # cached
    own_redis.stop()
    services.article_take_down(article=article, by=approver, reason="Sai sót số liệu")
    assert client.get(article.get_absolute_url()).status_code == 410
    own_redis.start()
    breaker.reset()
    assert client.get(article.get_absolute_url()).status_code == 410
    assert article.title not in client.get("/").content.decode()


# Redis frozen -------------------------------------------------------------------------


def test_a_frozen_redis_makes_a_reader_wait_once_then_not_at_all(
    client, own_redis, article, socket_waits
):
    client.get(article.get_absolute_url())
    own_redis.freeze()
    assert client.get("/chuyen-muc/an-ninh-trat-tu/").status_code == 200
    assert len(socket_waits) == 1  # the first call waits for its timeout, then the breaker
    for url in [*READER_PAGES, article.get_absolute_url()]:
        assert client.get(url).status_code == 200, url
    assert len(socket_waits) == 1  # pages straight from the database, no waiting


def test_after_a_few_seconds_one_call_tries_the_cache_again(
    client, own_redis, article, socket_waits, monkeypatch, settings
):
    clock = [1000.0]
    monkeypatch.setattr(breaker, "clock", lambda: clock[0])
    own_redis.freeze()
    client.get("/")
    client.get("/")
    assert len(socket_waits) == 1
    clock[0] += settings.CACHE_BREAKER_SECONDS + 1
    client.get("/")
    assert len(socket_waits) == 2  # tried again, still frozen: skipped again
    own_redis.thaw()
    clock[0] += settings.CACHE_BREAKER_SECONDS + 1
    client.get("/")
    assert cache.get("site:content-version") is not None  # in use again


def test_a_take_down_during_a_redis_blip_reaches_readers_when_redis_returns(
    client, own_redis, article, approver, django_capture_on_commit_callbacks
):
    assert client.get(article.get_absolute_url()).status_code == 200  # cached for readers
    own_redis.stop(keep_data=True)
    with django_capture_on_commit_callbacks(execute=True):  # the take-down commits
        services.article_take_down(article=article, by=approver, reason="Sai sót số liệu")
    own_redis.start()
    breaker.reset()
    # Redis comes back with everything it held, the old content version included: the
    # change still reaches readers within five seconds (the README's promise).
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=5)):
        assert client.get(article.get_absolute_url()).status_code == 410
        assert article.title not in client.get("/").content.decode()


def test_a_take_down_while_redis_is_frozen_shows_at_once_to_readers_meanwhile(
    client, own_redis, article, approver
):
    client.get(article.get_absolute_url())
    own_redis.freeze()
    services.article_take_down(article=article, by=approver, reason="Sai sót số liệu")
    assert client.get(article.get_absolute_url()).status_code == 410
