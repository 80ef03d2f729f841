"""Search and feeds are limited per address, with a friendly page when it is reached."""

import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def limited(settings):
    settings.PUBLIC_RATE_LIMIT = "3/m"
    settings.RATE_LIMITED_PATHS = ["/tim-kiem/", "/rss/", "/sitemap.xml"]


def test_the_limit_applies_per_address_with_a_vietnamese_429(db, limited):
    reader = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(3):
        assert reader.get("/sitemap.xml", {"lan": n}).status_code == 200
    response = reader.get("/sitemap.xml", {"lan": 3})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bạn đang thao tác hơi nhanh" in html
    assert "Vui lòng chờ khoảng 1 phút" in html
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Content-Security-Policy" in response
    # Another reader is not affected.
    assert Client(REMOTE_ADDR="203.0.113.10").get("/sitemap.xml").status_code == 200


def test_search_and_feeds_are_limited_by_default(db, settings):
    assert settings.RATE_LIMITED_PATHS == ["/rss/", "/tim-kiem/", "/truy-na/tra-cuu/"]
    assert settings.PUBLIC_RATE_LIMIT == "60/m"
    settings.PUBLIC_RATE_LIMIT = "2/m"
    reader = Client(REMOTE_ADDR="203.0.113.11")
    codes = [reader.get("/tim-kiem/", {"q": f"an ninh {n}"}).status_code for n in range(3)]
    assert codes[-1] == 429
    codes = [reader.get("/rss/", {"n": n}).status_code for n in range(3)]
    assert codes[-1] == 429


def test_a_page_served_from_the_cache_is_not_counted(db, limited):
    reader = Client(REMOTE_ADDR="203.0.113.14")
    assert all(reader.get("/sitemap.xml").status_code == 200 for _ in range(6))
    assert reader.get("/sitemap.xml", {"lan": "moi"}).status_code == 200


def test_other_pages_are_not_limited(db, limited):
    reader = Client(REMOTE_ADDR="203.0.113.12")
    assert all(reader.get("/").status_code == 200 for _ in range(5))


def test_a_broken_cache_lets_readers_through(db, limited, monkeypatch):
    from django_redis.cache import RedisCache

    from newsroom import middleware

    dead = RedisCache(
        "redis://127.0.0.1:1/0", {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2}}
    )
    monkeypatch.setattr(middleware, "cache", dead)
    reader = Client(REMOTE_ADDR="203.0.113.13")
    assert all(reader.get("/sitemap.xml").status_code == 200 for _ in range(5))


def test_the_limit_must_be_written_as_count_per_period():
    from tests.test_settings import settings_in_subprocess

    result = settings_in_subprocess("settings.DEBUG", SECRET_KEY="x" * 50, PUBLIC_RATE_LIMIT="lots")
    assert result.returncode != 0
    assert "PUBLIC_RATE_LIMIT" in result.stderr
