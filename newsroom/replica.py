"""A read replica: anonymous readers' reads go to ``replica``, everything else to the primary.

Configured by ``DATABASE_REPLICA_URL`` (a PostgreSQL streaming replica); without it there
is no ``replica`` alias and every query goes to ``default`` as before. The rules:

* a write, and every read outside a request (commands, the scheduler), use the primary;
* in a request, reads use the replica only for a safe method (GET/HEAD) from a client
  without a session cookie: staff are logged in, so every staff request reads the primary,
  and so does anybody whose session might have been written a moment ago;
* read-your-writes: a request that wrote (any POST that reached the database, a reader's
  question as an editor's save) sets a short cookie, and that client's reads go to the
  primary for ``DATABASE_REPLICA_PIN_SECONDS`` — past the lag the replica is allowed;
* no reader reads what is older than the last change: each commit that changes a row
  (``post_save``/``post_delete``; sessions aside) notes the primary's WAL position in the
  shared cache, and the replica is read only once it has replayed past it. Without that, a
  reader asking for an article published a second ago would get the replica's 404, and the
  page cache would keep that 404 under the new content version;
* the replica's health is checked at most every ``DATABASE_REPLICA_CHECK_SECONDS`` in each
  process: unreachable, or behind by more than ``DATABASE_REPLICA_MAX_LAG`` seconds, and
  reads go to the primary with a logged warning until a later check finds it well again;
* a replica that fails in the middle of a safe request: the request is answered again from
  the primary (``process_exception``), so the reader gets the page, not an error.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

REPLICA = "replica"
PRIMARY = "default"
PIN_COOKIE = "rp"  # "read the primary": its value is when the pin ends (Unix seconds)

# In a request: may its reads go to the replica? Outside one (None): never.
_reads_may_use_replica: contextvars.ContextVar[bool | None] = contextvars.ContextVar(
    "reads_may_use_replica", default=None
)
# In a request: did it write? (then the client is pinned to the primary for a while)
_wrote: contextvars.ContextVar[list | None] = contextvars.ContextVar("wrote", default=None)

# The lag in seconds (0 on a primary or a replica that has replayed all it received),
# and how far it has replayed (a WAL position as a number; NULL on a primary).
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
END, pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint
"""
PRIMARY_LSN_SQL = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint"
NEEDED_KEY = "replica:needed-lsn"
# A replica that has not replayed the last change is asked again at most this often.
CATCH_UP_CHECK_SECONDS = 0.2


@dataclass
class Health:
    usable: bool = True
    lag: float = 0.0
    state: str = "ok"  # ok | behind | down
    checked: float = float("-inf")
    replayed: int | None = None  # None: not a streaming replica (nothing to wait for)


_health = Health()
_lock = threading.Lock()


def configured() -> bool:
    return REPLICA in settings.DATABASES


def replica_lag() -> tuple[float, int | None]:
    """Ask the replica how far behind it is, in seconds and in WAL replayed (raises
    DatabaseError when it is down)."""
    with connections[REPLICA].cursor() as cursor:
        if connections[REPLICA].vendor != "postgresql":
            return 0.0, None
        cursor.execute(LAG_SQL)
        lag, replayed = cursor.fetchone()
        return float(lag or 0), replayed


def health(*, force: bool = False) -> Health:
    """The replica's health, checked again when the last check is old enough."""
    now = time.monotonic()
    if not force and now - _health.checked < settings.DATABASE_REPLICA_CHECK_SECONDS:
        return _health
    with _lock:
        if not force and now - _health.checked < settings.DATABASE_REPLICA_CHECK_SECONDS:
            return _health
        _health.checked = now
        token = _reads_may_use_replica.set(None)  # the check itself is not routed
        try:
            (lag, replayed), state = replica_lag(), "ok"
            if lag > settings.DATABASE_REPLICA_MAX_LAG:
                state = "behind"
        except DatabaseError as exc:
            connections[REPLICA].close()
            lag, replayed, state = 0.0, None, "down"
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        finally:
            _reads_may_use_replica.reset(token)
        if state != _health.state:
            if state == "down":
                logger.warning("replica unreachable, reads go to the primary: %s", detail)
            elif state == "behind":
                logger.warning(
                    "replica %.1f s behind (more than %s s), reads go to the primary",
                    lag,
                    settings.DATABASE_REPLICA_MAX_LAG,
                )
            else:
                logger.warning("replica well again (%.1f s behind), reads go to it", lag)
        _health.lag, _health.state, _health.usable = lag, state, state == "ok"
        _health.replayed = replayed
        return _health


def has_replayed_the_last_change() -> bool:
    """Has the replica replayed the last change noted in the shared cache?"""
    try:
        needed = cache.get(NEEDED_KEY)
    except Exception:  # a cache that is down: the lag threshold alone decides
        needed = None
    state = health()
    if needed is None or state.replayed is None or state.replayed >= needed:
        return True
    if time.monotonic() - state.checked >= CATCH_UP_CHECK_SECONDS:
        state = health(force=True)
    return state.replayed is None or state.replayed >= needed


def note_primary_position() -> None:
    """After a commit: the replica must replay up to here before readers read it."""
    if not configured() or connections[PRIMARY].vendor != "postgresql":
        return
    try:
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute(PRIMARY_LSN_SQL)
            position = cursor.fetchone()[0]
        if position > (cache.get(NEEDED_KEY) or 0):
            cache.set(NEEDED_KEY, position, timeout=24 * 3600)
    except Exception as exc:  # never fail a save over this; the lag threshold remains
        logger.warning("could not note the primary's position for the replica: %s", exc)


def _changed(sender, **kwargs) -> None:
    """A row changed: note the primary's position once its transaction commits (once
    per transaction, however many rows it changes)."""
    if sender._meta.app_label == "sessions":
        return  # a session is read from the primary anyway
    primary = connections[PRIMARY]
    if not primary.in_atomic_block:
        note_primary_position()
    elif not any(entry[1] is note_primary_position for entry in primary.run_on_commit):
        transaction.on_commit(note_primary_position, using=PRIMARY)


def mark_down(exc: BaseException) -> None:
    """A query on the replica failed in a request: stop using it until the next check."""
    with _lock:
        if _health.state != "down":
            logger.warning("replica failed in a request, reads go to the primary: %s", exc)
        _health.state, _health.usable, _health.checked = "down", False, time.monotonic()
    connections[REPLICA].close()


class ReplicaRouter:
    """``DATABASE_ROUTERS``: see the module's docstring."""

    def __init__(self) -> None:
        if configured():  # one router per process: note every change's position
            for signal in (post_save, post_delete, m2m_changed):
                signal.connect(_changed, dispatch_uid=f"replica-{signal!r}")

    def db_for_read(self, model, **hints) -> str:
        if _reads_may_use_replica.get() and configured() and health().usable:
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints) -> str:
        wrote = _wrote.get()
        if wrote is not None and not wrote:
            wrote.append(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the same data, whichever copy it was read from

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == PRIMARY  # the replica follows the primary's schema by itself


class ReplicaRoutingMiddleware:
    """Decides, before anything reads the database, where this request's reads go.

    Placed first: the session is read through the router too.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not configured():
            return self.get_response(request)
        wrote: list = []
        may = self._may_use_replica(request) and has_replayed_the_last_change()
        response = self._respond(request, may, wrote)
        if getattr(request, "_replica_failed", False):
            # The replica broke under this safe request: answer it again from the primary.
            request._replica_failed = False
            response = self._respond(request, False, wrote)
        if wrote and request.method not in ("GET", "HEAD"):  # a GET's cookie spoils caching
            seconds = settings.DATABASE_REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                str(int(time.time() + seconds)),
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response

    def _respond(self, request: HttpRequest, may_use_replica: bool, wrote: list) -> HttpResponse:
        tokens = (_reads_may_use_replica.set(may_use_replica), _wrote.set(wrote))
        try:
            return self.get_response(request)
        finally:
            _reads_may_use_replica.reset(tokens[0])
            _wrote.reset(tokens[1])

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, DatabaseError) and _reads_may_use_replica.get():
            mark_down(exception)
            request._replica_failed = True
        return None

    @staticmethod
    def _may_use_replica(request: HttpRequest) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        pinned_until = request.COOKIES.get(PIN_COOKIE, "")
        return not (pinned_until.isdigit() and int(pinned_until) > time.time())
