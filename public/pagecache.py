"""What readers get from the cache: whole pages, and the parts pages are made of.

Everything is stored under the *content version*: a token that changes whenever something
the public site shows is saved or deleted (``public/signals.py`` calls
``content_changed()``) and when the next scheduled item's minute comes (scheduling writes
nothing at that minute, so the version carries the time it expires). A change is
therefore on every page at the next request, with nothing to expire by hand; nginx's
5-second micro-cache in front (``docker/nginx.conf``) adds at most 5 seconds.

Two layers, both Django's cache framework with versioned keys:

- ``PublicPageCacheMiddleware`` keeps whole anonymous GET responses (``PAGE_CACHE_SECONDS``);
- with it off, or on a miss, pages are joined from cached parts (``FRAGMENT_CACHE_SECONDS``):
  ``cached_parts()`` in the views, ``{% fragment %}`` in templates.

Staff never get or store anything cached (they see previews, and pages must show their
edits at once): a request with a logged-in user skips both layers and is marked
``Cache-Control: private``. A cache that does not answer is skipped: pages then come
from the database, slower but whole (``public/cache_breaker.py`` makes that fast).

Faults. A change made while the cache cannot be reached is not lost: each commit that
changes what readers see also writes a new token in the database (``ContentVersion``),
and the cached version is checked against it every ``RECHECK_SECONDS``, so a cache that
comes back holding the old version keeps it at most that long. Nothing made in a request
during which the database failed is stored (a page or a part made of what the database
did not say, e.g. a 404 from a failed lookup, would outlive the outage).
"""

from __future__ import annotations

import contextvars
import hashlib
import logging
import secrets
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.db.models import Subquery
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from articles.models import Article
from notices.models import WantedNotice
from public import cachetags
from public.cache_breaker import CacheSkipped
from public.models import ContentVersion
from questions.models import Question

logger = logging.getLogger(__name__)

VERSION_KEY = "site:content-version"
# Headers a cached page keeps; anything per-request (cookies, CSRF) never goes in.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag", "Location")
# Responses worth keeping: pages, feeds, sitemaps, their redirects and "gone".
_CACHEABLE_STATUS = {200, 301, 404, 410}
# The version is re-checked at least this often even with nothing scheduled.
_MAX_VERSION_SECONDS = 3600
# The cached version is compared with the database's token this often: the longest a
# cache that missed a change (it was down at that moment) keeps showing the old pages.
RECHECK_SECONDS = 5
# Site-wide things under a content version (the menu, the identity, the contacts).
SITE_WIDE_SECONDS = 600
_DOWN = object()


def cache_call(method, *args, failed=None):
    """A call to the cache that answers ``failed`` (None) when the cache is down.

    What is cached can always be made again: a dead Redis slows pages, never breaks them.
    While the circuit breaker keeps the cache skipped, nothing is logged per call.
    """
    try:
        return method(*args)
    except CacheSkipped:
        return failed
    except Exception as exc:
        logger.warning("cache not used: %s", exc)
        return failed


def content_version() -> str | None:
    """The current content version; None when the cache or the database does not answer
    (then nothing is cached, and the page itself says what is wrong).

    The cached entry is ``(version, token, until, recheck_at)``: the version pages are
    stored under, the database's token it was made at, when the next scheduled item
    appears, and when to compare the token again.
    """
    return _current()[0]


def content_state() -> tuple[str, str] | None:
    """The content version and the database's token it has seen; None when the cache or
    the database does not answer. A change retired by its tags leaves the version as it is
    but brings a new token (``record_change``): together they change with anything
    readers see (the API's validators, ``api/caching.py``)."""
    version, _until, token = _current(with_token=True)
    return None if version is None else (version, token)


def _current(*, with_token: bool = False) -> tuple:
    """The content version and when it ends (the next scheduled item's time), and with
    ``with_token`` the token it has seen."""
    entry = cache_call(cache.get, VERSION_KEY, failed=_DOWN)
    if entry is _DOWN:
        return (None, 0.0, "") if with_token else (None, 0.0)
    now = time.time()
    found = None
    if isinstance(entry, tuple) and len(entry) == 4 and now < entry[2]:
        version, token, until, recheck_at = entry
        if now < recheck_at:
            found = version, until, token
        else:
            try:
                same = stored_token() == token
            except DatabaseError as exc:
                # Nothing can change while the database is down: readers keep the pages
                # cached before the outage, and it is asked again in RECHECK_SECONDS.
                logger.warning("content version not checked: %s", exc)
                same = True
            if same:
                fresh = (version, token, until, now + RECHECK_SECONDS)
                cache_call(cache.set, VERSION_KEY, fresh, max(1, int(until - now)))
                found = version, until, token
    if found is None:
        try:
            found = _new_version(now)
        except DatabaseError as exc:  # the database is down: serve uncached
            logger.warning("page cache not used: %s", exc)
            found = None, 0.0, ""
    return found if with_token else found[:2]


SCHEDULED = (Article, WantedNotice, Question)  # what may appear at a set time


def _new_version(now: float) -> tuple[str, float, str]:
    token, upcoming = _token_and_upcoming()
    until = min([now + _MAX_VERSION_SECONDS, *(when.timestamp() for when in upcoming if when)])
    version = f"{time.time_ns():x}{secrets.token_hex(3)}"  # unique even at a frozen clock
    entry = (version, token, until, now + RECHECK_SECONDS)
    cache_call(cache.set, VERSION_KEY, entry, max(1, int(until - now)))
    return version, until, token or ""


def version_started(version: str) -> float:
    """When ``version`` (or a token ``record_change`` wrote) was made, in seconds since
    the epoch; 0 for a token of another form."""
    try:
        return int(version[:-6], 16) / 1e9
    except ValueError:
        return 0.0


def stored_token() -> str | None:
    return ContentVersion.objects.values_list("token", flat=True).first()


def _token_and_upcoming() -> tuple[str | None, list]:
    """The database's token and when the next scheduled item of each kind appears, read
    in one query (a new version costs one round trip, not one per content type)."""
    upcoming = {
        f"next_{i}": Subquery(
            model.objects.scheduled().order_by("published_at").values("published_at")[:1]
        )
        for i, model in enumerate(SCHEDULED)
    }
    row = ContentVersion.objects.annotate(**upcoming).values("token", *upcoming).first()
    if row is None:  # no change recorded yet
        return None, [model.objects.next_scheduled_at() for model in SCHEDULED]
    return row.pop("token"), list(row.values())


def content_changed(tags: set[str] | None = None) -> None:
    """A change to what readers see, once the transaction has committed (a reader of the
    old rows meanwhile started before the purge, so what it makes is not kept).

    With ``tags`` (``public/cachetags.py``), only the pages and parts carrying one of
    them are retired; without, every one (a new content version)."""
    if tags is None:
        _forget()
        transaction.on_commit(record_change, robust=True)
    else:
        transaction.on_commit(lambda: record_change(tags), robust=True)


def record_change(tags: set[str] | None = None) -> None:
    """A new token in the database, then the tags purged in the cache (or, without tags,
    the cached version forgotten). Also run after a restore (``scripts/backup.py``): the
    restored rows are a change like any other.

    The cached version keeps the database's token it has seen: when the purge reached
    the cache, the version takes the new token along; when it did not (the cache was
    down), the tokens differ and the next check (``RECHECK_SECONDS``) starts a new
    version, retiring everything."""
    # Made like a version (its time first): the API's Last-Modified reads it.
    token = f"{time.time_ns():x}{secrets.token_hex(3)}"
    changed = {"token": token, "changed_at": timezone.now()}
    old = stored_token()
    if not ContentVersion.objects.filter(pk=1).update(**changed):
        ContentVersion.objects.update_or_create(pk=1, defaults=changed)
    if not tags or not purge_tags(tags):
        _forget()
        return
    entry = cache_call(cache.get, VERSION_KEY, failed=_DOWN)
    if isinstance(entry, tuple) and len(entry) == 4:
        version, token, until, recheck_at = entry
        if token != old:  # a change the cache missed before this one: start afresh
            _forget()
            return
        # The change may be an item scheduled sooner than the version's end (retired by
        # tags, the version is kept): it must still end at that item's minute.
        _token, upcoming = _token_and_upcoming()
        until = min([until, *(when.timestamp() for when in upcoming if when)])
        fresh = (version, changed["token"], until, recheck_at)
        cache_call(cache.set, VERSION_KEY, fresh, max(1, int(until - time.time())))


# Purges are numbered (one counter in the cache, ``PURGE_SEQUENCE_KEY``) and each tag keeps
# the number of its last purge: a page or part made when the counter was at N is retired
# by a purge of one of its tags numbered above N (clock-free: right on servers whose clocks
# differ, and under a frozen clock). Kept without expiry; a stamp the cache lost retires
# what carries its tag (the conservative answer).
TAG_KEY = "tag-purged:"
PURGE_SEQUENCE_KEY = "tag-purge-sequence"


# The counter as a request first read it: what the request makes is stamped with it (an
# older number is the safe side: a purge made meanwhile retires it), one round trip a
# request instead of one per part made.
_request_sequence: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "purge_sequence", default=None
)


def purge_sequence() -> int | None:
    """The purge counter (taken before a page or part is made: once a request); None: the
    cache is down."""
    memo = _request_sequence.get()
    if memo is not None:
        if "number" not in memo:
            memo["number"] = _read_sequence()
        return memo["number"]
    return _read_sequence()


def _read_sequence() -> int | None:
    found = cache_call(cache.get, PURGE_SEQUENCE_KEY, failed=_DOWN)
    if found is None:  # never set, or lost: start above anything given before
        cache_call(cache.add, PURGE_SEQUENCE_KEY, time.time_ns() // 1000)
        found = cache_call(cache.get, PURGE_SEQUENCE_KEY, failed=_DOWN)
    return None if found is _DOWN or found is None else found


def purge_tags(tags) -> bool:
    """Retire every cached page and part carrying one of ``tags``; False when the cache
    did not answer."""
    if _read_sequence() is None:
        return False
    number = cache_call(cache.incr, PURGE_SEQUENCE_KEY, failed=_DOWN)
    if number is _DOWN or number is None:
        return False
    done = cache_call(cache.set_many, {TAG_KEY + t: number for t in tags}, None, failed=_DOWN)
    memo = _request_sequence.get()
    if memo is not None:
        memo.pop("stamps", None)
    return done is not _DOWN


def _stamps(tags) -> dict | None:
    """The purge stamps of ``tags`` (``{key: number}``, a tag never purged left out); in a
    reader's request each is asked for once, whatever number of parts carries it."""
    memo = _request_sequence.get()
    known = memo.setdefault("stamps", {}) if memo is not None else {}
    keys = [TAG_KEY + t for t in tags if TAG_KEY + t not in known]
    if keys:
        found = cache_call(cache.get_many, keys)
        if found is None:
            return None
        known.update({key: found.get(key) for key in keys})
    return {TAG_KEY + t: known[TAG_KEY + t] for t in tags if known.get(TAG_KEY + t) is not None}


def recall(key: str):
    """What is cached under ``key`` if none of its tags was purged since it was made (one
    ``get_many`` of the tags' stamps); its tags go on the response being built."""
    entry = cache_call(cache.get, key)
    if not (isinstance(entry, tuple) and len(entry) == 3):
        return None
    built_at, tags, value = entry
    stamps = _stamps(tags)
    if stamps is None or any(stamps.get(TAG_KEY + t, built_at + 1) > built_at for t in tags):
        return None
    cachetags.add(*tags)
    return value


def remember(key: str, value, tags, built_at: int | None, seconds: int) -> None:
    """Keep ``value`` with its tags (made when the purge counter was at ``built_at``),
    unless one of them was purged while it was being made."""
    if built_at is None:
        return
    stamps = _stamps(tags)
    if stamps is None or any(stamp > built_at for stamp in stamps.values()):
        return
    # A tag never purged gets its first stamp; ``add`` leaves one a purge wrote meanwhile
    # (a purge after ``built_at`` must still retire what is stored here, at its next read).
    for tag in tags:
        if TAG_KEY + tag not in stamps:
            cache_call(cache.add, TAG_KEY + tag, built_at, None)
    cache_call(cache.set, key, (built_at, tuple(sorted(tags)), value), seconds)


def _forget() -> None:
    cache_call(cache.delete, VERSION_KEY)


def database_failed() -> bool:
    """Whether a query failed in this request: Django marks the connection until it next
    commits, rolls back or is checked at the start of a request."""
    return any(c.errors_occurred for c in connections.all(initialized_only=True))


def reader_version(request: HttpRequest | None) -> str | None:
    """The version this request may read and store cached things under: None for staff,
    outside a request and while the cache is down. Looked up once per request."""
    if request is None:
        return None
    if not hasattr(request, "_content_version"):
        user = getattr(request, "user", None)
        staff = user is None or user.is_authenticated
        request._content_version, request._content_until = (None, 0.0) if staff else _current()
    return request._content_version


def parts_version(request: HttpRequest | None) -> str | None:
    """``reader_version``, or None when page parts are off (``FRAGMENT_CACHE_SECONDS = 0``)."""
    if not settings.FRAGMENT_CACHE_SECONDS:
        return None
    return reader_version(request)


def part_key(kind: str, version: str, vary: str) -> str:
    """``kind:version:digest``: what the part varies on is hashed, so the key is of bounded
    length whatever a reader put in the address."""
    digest = hashlib.md5(vary.encode(), usedforsecurity=False).hexdigest()
    return f"{kind}:{version}:{digest}"


def cached_parts(request: HttpRequest, kind: str, vary: str, make: Callable[[], dict]) -> dict:
    """The parts of a page (a dict of rendered HTML and text) made by ``make()`` once per
    content version and day, and shared by every reader; made afresh for staff.

    A page whose parts include the site's header and footer (``navigation.site_parts()``)
    is then
    one round trip to the cache, whatever its address carries (``?fbclid=…``).
    """
    version = parts_version(request)
    if version is None:
        return make()
    key = part_key(kind, version, f"{vary}:{timezone.localdate()}")
    parts = recall(key)
    if parts is None:
        built_at = purge_sequence()
        with cachetags.collecting() as tags:
            parts = make()
            cachetags.add(*cachetags.for_address(request))
        if not database_failed():
            remember(key, parts, tags, built_at, settings.FRAGMENT_CACHE_SECONDS)
    return parts


def cached_value(
    name: str,
    version: str | None,
    read: Callable[[], object],
    seconds: int = SITE_WIDE_SECONDS,
    *,
    site_wide: bool = True,
) -> object:
    """``read()`` kept under ``version`` for at most ``seconds``; read afresh without a
    version.

    ``site_wide``: what every page shows in its frame (the menu, the portal's identity,
    the reporting contacts), tagged ``site`` alone. Otherwise (the side lists) it carries
    the tags of the objects it holds, so that a correction or a take-down of one of them
    retires it and every page it went into."""
    key = part_key(name, version, "") if version else None
    scope = cachetags.site_wide() if site_wide else cachetags.collecting()
    with scope as collected:
        found = recall(key) if key else None
        if found is None:
            built_at = purge_sequence()
            found = read()
            if key and not database_failed():
                tags = {cachetags.SITE} if site_wide else collected
                remember(key, found, tags, built_at, seconds)
    return found


def cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith("/" + settings.ADMIN_URL):
        return False
    return not request.user.is_authenticated


def page_key(request: HttpRequest, version: str) -> str:
    return part_key("page", version, request.get_full_path())


def _directives(response: HttpResponse) -> set[str]:
    return {d.strip().lower() for d in response.get("Cache-Control", "").split(",")}


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache (``PAGE_CACHE_SECONDS``).

    Placed after the authentication middleware: it needs to know who is asking.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable_request(request):
            response = self.get_response(request)
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        seconds = settings.PAGE_CACHE_SECONDS
        version = reader_version(request) if seconds else None
        key = page_key(request, version) if version else ""
        memo = _request_sequence.set({})
        try:
            with cachetags.collecting() as tags:
                stored = recall(key) if key else None
                if stored is None:
                    built_at = purge_sequence() if key else None
                    response = self.get_response(request)
                    cachetags.add(*cachetags.for_address(request))
        finally:
            _request_sequence.reset(memo)
        if stored is not None:
            return self.for_the_edge(request, self.rebuild(stored), tags)
        if self.storable(response):
            if response.status_code != 200:
                tags.add(cachetags.MISSING)  # a page that appears later, a redirect
            if key:
                remember(key, self.freeze(response), tags, built_at, seconds)
            self.for_the_edge(request, response, tags)
        return response

    @staticmethod
    def for_the_edge(request: HttpRequest, response: HttpResponse, tags) -> HttpResponse:
        """How long the proxy or CDN keeps the page (``EDGE_CACHE_SECONDS``, never past
        the next scheduled item's minute), what it serves while refreshing it or while
        the app fails, and the page's tags (stripped by the shipped proxies)."""
        edge = settings.EDGE_CACHE_SECONDS
        until = getattr(request, "_content_until", 0.0)
        if until:
            edge = max(1, min(edge, int(until - time.time())))
        response["X-Accel-Expires"] = str(edge)
        patch_cache_control(
            response,
            public=True,
            max_age=settings.BROWSER_CACHE_SECONDS,
            s_maxage=edge,
            stale_while_revalidate=settings.EDGE_STALE_WHILE_REVALIDATE,
            stale_if_error=settings.EDGE_STALE_IF_ERROR,
        )
        cachetags.set_headers(response, tags)
        return response

    @staticmethod
    def storable(response: HttpResponse) -> bool:
        directives = _directives(response)
        return (
            response.status_code in _CACHEABLE_STATUS
            and not response.streaming
            and not response.cookies
            and "private" not in directives
            and not {"no-store", "no-cache", "max-age=0"} & directives
            and not database_failed()
        )

    @staticmethod
    def freeze(response: HttpResponse) -> tuple:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        headers = {h: response[h] for h in _KEPT_HEADERS if h in response}
        return (response.status_code, headers, response.content)

    @staticmethod
    def rebuild(stored: tuple) -> HttpResponse:
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        return response
