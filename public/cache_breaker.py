"""The cache's circuit breaker: a Redis that fails is left alone for a few seconds.

Why. Everything the site keeps in Redis can be made again from the database, so a dead
cache must cost readers nothing. It did cost them: with Redis frozen (a paused process,
a full swap, a network that drops packets) every cache call waited for its socket
timeout, a page makes several, and with 2 sync gunicorn workers the site was down
although PostgreSQL answered every query. Timeouts alone do not help enough (a page still
waits once per call), so after one failure the cache is not asked at all for
``CACHE_BREAKER_SECONDS``; then one call tries again (and, failing, opens it again).

How. ``BreakerConnectionFactory`` (django-redis' ``CONNECTION_FACTORY``, set in
``newsroom/settings.py`` with short timeouts) gives every Redis connection of the process
— Django's cache, the view-count buffer's raw client — the class ``BreakerConnection``,
which checks the breaker before it connects or sends, and opens it when the socket fails
or times out. While it is open, calls fail at once with ``CacheSkipped`` (a Redis
``ConnectionError``, so every guard that already handles a dead Redis handles it too).
The breaker is per process: each gunicorn worker pays one timeout, then serves from the
database. It opens and closes with one line in the log each, not one per call.

The figures (``make faults``, scenario 3: gunicorn with 2 sync workers, PostgreSQL and
Redis of its own, 431 articles, 20 section pages one after another with Redis paused by
SIGSTOP). Before, with 1-second timeouts and no breaker: every page 5.1 s (each of its
five cache calls waited its timeout), 101.6 s for the 20, /healthz 2.0 s. After, with
0.25-second timeouts and the breaker: the first page per worker 0.3 s, the others served
from the database, median 54 ms, 1.4 s for the 20, /healthz 14 ms.
"""

from __future__ import annotations

import logging
import socket
import threading
import time

from django.conf import settings
from django_redis.pool import ConnectionFactory
from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What the breaker counts as "the cache does not answer" (a wrong command does not).
FAILURES = (RedisConnectionError, RedisTimeoutError, socket.timeout, OSError)


class CacheSkipped(RedisConnectionError):
    """The breaker is open: the cache was not asked."""


class Breaker:
    """Closed (calls go through) or open until a moment (calls fail at once)."""

    def __init__(self, clock=time.monotonic) -> None:
        self.clock = clock
        self.open_until = 0.0
        self.failing = False  # from the first failure to the next answer (for the log)
        self.lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self.clock() < self.open_until

    def check(self) -> None:
        if self.open_until and self.is_open:
            raise CacheSkipped(f"cache skipped for {settings.CACHE_BREAKER_SECONDS} s")

    def failed(self, error: BaseException) -> None:
        with self.lock:
            if self.is_open:
                return
            self.open_until = self.clock() + settings.CACHE_BREAKER_SECONDS
            first, self.failing = not self.failing, True
        if first:
            logger.warning(
                "cache does not answer (%s): skipped, then tried every %s s",
                error,
                settings.CACHE_BREAKER_SECONDS,
            )

    def succeeded(self) -> None:
        if self.failing:
            with self.lock:
                was_failing, self.failing, self.open_until = self.failing, False, 0.0
            if was_failing:
                logger.warning("cache answers again")

    def reset(self) -> None:
        self.open_until, self.failing = 0.0, False


breaker = Breaker()


class BreakerConnection(Connection):
    """A Redis connection that asks the breaker first and tells it when the socket fails."""

    def connect_check_health(self, *args, **kwargs):
        breaker.check()
        try:
            return super().connect_check_health(*args, **kwargs)
        except CacheSkipped:
            raise
        except FAILURES as error:
            breaker.failed(error)
            raise

    def send_packed_command(self, *args, **kwargs):
        breaker.check()
        try:
            return super().send_packed_command(*args, **kwargs)
        except CacheSkipped:
            raise
        except FAILURES as error:
            breaker.failed(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except CacheSkipped:
            raise
        except FAILURES as error:
            breaker.failed(error)
            raise
        breaker.succeeded()
        return response


class BreakerConnectionFactory(ConnectionFactory):
    """django-redis' connection factory, with connections of the class above."""

    def get_connection_pool(self, params: dict):
        return super().get_connection_pool({**params, "connection_class": BreakerConnection})
