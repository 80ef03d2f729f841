"""/healthz answers for the load balancer: 200 when the database answers (the cache may be
"degraded": pages then come from the database), 503 when it does not."""

import pytest
from django.db.utils import ConnectionHandler

from newsroom import health
from public.cache_breaker import breaker

DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


@pytest.fixture
def dead_database(monkeypatch, settings):
    """Point the health check at a database address where nothing answers."""
    live = settings.DATABASES["default"]
    if live["ENGINE"].endswith("sqlite3"):
        dead = {**live, "NAME": "/nonexistent-folder/newsroom.sqlite3"}
    else:
        dead = {**live, "HOST": "127.0.0.1", "PORT": "1"}
    handler = ConnectionHandler({"default": dead})
    monkeypatch.setattr(health, "connection", handler["default"])
    yield
    handler["default"].close()


def test_healthy_when_database_and_cache_answer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"db": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_site_without_redis_is_degraded_not_down(client, db, settings):
    """A container health check must not restart a site that serves every page."""
    settings.CACHES = DEAD_REDIS
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"db": "ok", "cache": "degraded"}


def test_a_stopped_redis_of_its_own_is_degraded_and_then_ok_again(client, db, own_redis):
    assert client.get("/healthz").json() == {"db": "ok", "cache": "ok"}
    own_redis.stop()
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"db": "ok", "cache": "degraded"})
    own_redis.start()
    breaker.reset()  # as CACHE_BREAKER_SECONDS later
    assert client.get("/healthz").json() == {"db": "ok", "cache": "ok"}


def test_names_the_database_when_it_is_unreachable(client, db, dead_database):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"db": "error", "cache": "ok"}


def test_names_both_when_both_are_down(client, db, settings, dead_database):
    settings.CACHES = DEAD_REDIS
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"db": "error", "cache": "degraded"}


def test_health_check_is_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
