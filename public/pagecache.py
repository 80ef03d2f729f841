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
    entry = cache_call(cache.get, VERSION_KEY, failed=_DOWN)
    if entry is _DOWN:
        return None
    now = time.time()
    if isinstance(entry, tuple) and len(entry) == 4 and now < entry[2]:
        version, token, until, recheck_at = entry
        if now < recheck_at:
            return version
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
            return version
    try:
        return _new_version(now)
    except DatabaseError as exc:  # the database is down: serve uncached
        logger.warning("page cache not used: %s", exc)
        return None


SCHEDULED = (Article, WantedNotice, Question)  # what may appear at a set time


def _new_version(now: float) -> str:
    token, upcoming = _token_and_upcoming()
    until = min([now + _MAX_VERSION_SECONDS, *(when.timestamp() for when in upcoming if when)])
    version = f"{time.time_ns():x}{secrets.token_hex(3)}"  # unique even at a frozen clock
    entry = (version, token, until, now + RECHECK_SECONDS)
    cache_call(cache.set, VERSION_KEY, entry, max(1, int(until - now)))
    return version


def version_started(version: str) -> float:
    """When ``version`` was made (seconds since the epoch): nothing readers see has
    changed since (a change starts a new version), so it is a true Last-Modified."""
    return int(version[:-6], 16) / 1e9


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


def content_changed() -> None:
    """Start a new content version: now, and again once the transaction has committed
    (or a reader of the old rows meanwhile could store them under the new version),
    when the database's token changes too (the trace a missed deletion cannot lose)."""
    _forget()
    transaction.on_commit(record_change, robust=True)


def record_change() -> None:
    """A new token in the database, then the cached version forgotten. Also run after a
    restore (``scripts/backup.py``): the restored rows are a change like any other."""
    changed = {"token": secrets.token_hex(8), "changed_at": timezone.now()}
    if not ContentVersion.objects.filter(pk=1).update(**changed):
        ContentVersion.objects.update_or_create(pk=1, defaults=changed)
    _forget()


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
        request._content_version = (
            None if user is None or user.is_authenticated else content_version()
        )
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
    parts = cache_call(cache.get, key)
    if parts is None:
        parts = make()
        if not database_failed():
            cache_call(cache.set, key, parts, settings.FRAGMENT_CACHE_SECONDS)
    return parts


def cached_value(
    name: str, version: str | None, read: Callable[[], object], seconds: int = SITE_WIDE_SECONDS
) -> object:
    """``read()`` kept under ``version`` for at most ``seconds`` (site-wide things every
    page shows: the menu, the portal's identity, the reporting contacts, the side lists);
    read afresh without a version."""
    key = part_key(name, version, "") if version else None
    found = cache_call(cache.get, key) if key else None
    if found is None:
        found = read()
        if key and not database_failed():
            cache_call(cache.set, key, found, seconds)
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
        if key:
            stored = cache_call(cache.get, key)
            if stored is not None:
                return self.rebuild(stored)
        response = self.get_response(request)
        if self.storable(response):
            response["X-Accel-Expires"] = str(settings.PROXY_CACHE_SECONDS)
            if key:
                cache_call(cache.set, key, self.freeze(response), seconds)
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
        response["X-Accel-Expires"] = str(settings.PROXY_CACHE_SECONDS)
        return response
