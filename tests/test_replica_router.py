"""The read replica's router (newsroom/replica.py), decision by decision.

A real streaming replica, stopped, lagging and caught up, is in tests/test_faults_tier.py;
here the replica's answers are stood in for, so that each rule is checked on its own.
"""

from __future__ import annotations

import logging
import time

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import RequestFactory

from newsroom import replica
from newsroom.replica import PIN_COOKIE, ReplicaRouter, ReplicaRoutingMiddleware

factory = RequestFactory()
may_use_replica = ReplicaRoutingMiddleware._may_use_replica


@pytest.fixture(autouse=True)
def fresh_health(monkeypatch, settings):
    settings.DATABASE_REPLICA_MAX_LAG = 5
    settings.DATABASE_REPLICA_CHECK_SECONDS = 2
    monkeypatch.setattr(replica, "_health", replica.Health())


def test_an_anonymous_reader_reads_the_replica():
    assert may_use_replica(factory.get("/tin-tuc/"))
    assert may_use_replica(factory.head("/"))


def test_staff_and_anybody_with_a_session_read_the_primary(settings):
    request = factory.get("/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert not may_use_replica(request)


def test_a_form_sent_reads_and_writes_the_primary():
    assert not may_use_replica(factory.post("/hoi-dap/gui/"))


def test_a_client_that_just_wrote_reads_the_primary_until_its_pin_ends():
    pinned = factory.get("/", HTTP_COOKIE=f"{PIN_COOKIE}={int(time.time()) + 10}")
    assert not may_use_replica(pinned)
    ended = factory.get("/", HTTP_COOKIE=f"{PIN_COOKIE}={int(time.time()) - 1}")
    assert may_use_replica(ended)


def test_writes_and_migrations_go_to_the_primary_only():
    router = ReplicaRouter()
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica", "articles")


def test_reads_outside_a_request_use_the_primary():
    assert ReplicaRouter().db_for_read(None) == "default"


def test_a_write_in_a_request_pins_the_client_to_the_primary(client, monkeypatch, db, editor):
    monkeypatch.setattr(replica, "configured", lambda: True)
    monkeypatch.setattr(replica, "health", lambda **kw: replica.Health(usable=False))
    from tests.conftest import PASSWORD

    answer = client.post("/quan-tri/login/", {"username": editor.username, "password": PASSWORD})
    assert answer.status_code == 302
    pin = answer.cookies[PIN_COOKIE]
    assert int(pin.value) > time.time() and pin["max-age"] == 15 and pin["httponly"]
    assert PIN_COOKIE not in client.get("/").cookies  # reading sets nothing


def test_an_unreachable_replica_is_left_with_a_warning_and_used_again_when_back(
    monkeypatch, caplog
):
    def down():
        raise OperationalError("connection refused")

    monkeypatch.setattr(replica, "replica_lag", down)
    monkeypatch.setattr(replica.connections["default"], "close", lambda: None)
    monkeypatch.setattr(replica, "connections", {"replica": replica.connections["default"]})
    with caplog.at_level(logging.WARNING, logger="newsroom.replica"):
        assert replica.health(force=True).state == "down"
        assert not replica.health().usable
        monkeypatch.setattr(replica, "replica_lag", lambda: (0.3, 1000))
        assert replica.health().state == "down"  # not checked again before its time
        assert replica.health(force=True).usable
    messages = [record.getMessage() for record in caplog.records]
    assert messages[0].startswith("replica unreachable, reads go to the primary")
    assert messages[1].startswith("replica well again")


def test_a_replica_behind_the_threshold_is_left_with_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(replica, "replica_lag", lambda: (7.25, 1000))
    with caplog.at_level(logging.WARNING, logger="newsroom.replica"):
        state = replica.health(force=True)
    assert (state.state, state.usable) == ("behind", False)
    assert "replica 7.2 s behind (more than 5 s), reads go to the primary" in caplog.text


def test_readers_wait_for_the_replica_to_replay_the_last_change(monkeypatch):
    monkeypatch.setattr(replica, "replica_lag", lambda: (0.0, 1000))
    replica.health(force=True)
    cache.set(replica.NEEDED_KEY, 1500)
    assert not replica.has_replayed_the_last_change()
    monkeypatch.setattr(replica, "replica_lag", lambda: (0.0, 1600))
    replica._health.checked = time.monotonic() - 1  # a check is due for a replica behind
    assert replica.has_replayed_the_last_change()
    cache.delete(replica.NEEDED_KEY)
    assert replica.has_replayed_the_last_change()
