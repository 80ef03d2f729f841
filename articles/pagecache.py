"""Whole public pages cached for anonymous readers, forgotten the moment content changes.

Every cached page is stored under the *content version*: a token that changes whenever an
article, section, tag, author, campaign or photo is saved or deleted (``articles/signals.py``
calls ``content_changed()`` once the transaction commits) and when the next scheduled
article's minute comes (scheduling writes nothing at that minute, so the version carries the
time it expires). A changed article is therefore on every page at the next request; nginx's
5-second micro-cache in front (``docker/nginx.conf``) adds at most 5 seconds.

Staff never get a cached page: a request with a logged-in user skips the cache, is never
stored and is marked ``Cache-Control: private`` (nginx skips its cache on the session cookie).
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

VERSION_KEY = "site:content-version"
PAGE_PREFIX = "page"
# Headers a cached page keeps; anything per-request (cookies, CSRF) never goes in.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag", "Retry-After")
# Responses worth keeping: pages, feeds, sitemaps, their redirects and "gone".
_CACHEABLE_STATUS = {200, 301, 404, 410}
# The version is re-checked at least this often even with nothing scheduled.
_MAX_VERSION_SECONDS = 3600


def content_version() -> str | None:
    """The current content version (one cache read; one query when it expires).

    None when the cache or the database does not answer: then nothing is cached, and the
    page itself says what is wrong (the 503 page, /healthz).
    """
    try:
        entry = cache.get(VERSION_KEY)
        if entry is not None and time.time() < entry[1]:
            return entry[0]
        return _new_version()
    except Exception as exc:  # Redis or the database is down: serve uncached
        logger.warning("page cache not used: %s", exc)
        return None


_UNSET = object()


def request_content_version(request: HttpRequest | None) -> str | None:
    """The content version cached parts of this request's page are stored under.

    None for staff (they never get or store anything cached), outside a request, and
    while the cache is down. Looked up once per request.
    """
    if request is None:
        return None
    version = getattr(request, "_content_version", _UNSET)
    if version is _UNSET:
        user = getattr(request, "user", None)
        version = None if user is None or user.is_authenticated else content_version()
        request._content_version = version
    return version


def parts_version(request: HttpRequest | None) -> str | None:
    """The version this request's page parts and query caches go under; None when they
    are off (``FRAGMENT_CACHE_SECONDS = 0``) or not for this request (see above)."""
    if not settings.FRAGMENT_CACHE_SECONDS:
        return None
    return request_content_version(request)


def _new_version() -> str:
    from articles.models import Article

    now = timezone.now()
    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    until = time.time() + _MAX_VERSION_SECONDS
    if upcoming is not None:
        until = min(until, upcoming.timestamp())
    version = f"{time.time_ns():x}{secrets.token_hex(3)}"  # unique even at a frozen clock
    cache.set(VERSION_KEY, (version, until), timeout=_MAX_VERSION_SECONDS)
    return version


def content_changed() -> None:
    """Forget every cached page: now, and again once the transaction has committed.

    Again after the commit, or a request reading the old rows meanwhile could cache them
    under the new version.
    """
    _forget()
    transaction.on_commit(_forget)


def _forget() -> None:
    try:
        cache.delete(VERSION_KEY)
    except Exception as exc:  # a save must not fail because Redis is down
        logger.error("cached pages could not be forgotten: %s", exc)


def cache_call(method, *args):
    """``cache.get``/``cache.set`` that answer None when the cache is down.

    What is cached can always be rendered again: a dead Redis slows pages, never breaks them.
    """
    try:
        return method(*args)
    except Exception as exc:
        logger.warning("cache not used: %s", exc)
        return None


def part_key(kind: str, version: str, vary: str) -> str:
    """``kind:version:digest``: what the part varies on is hashed, so the key is of bounded
    length whatever a reader put in the address."""
    digest = hashlib.md5(vary.encode(), usedforsecurity=False).hexdigest()
    return f"{kind}:{version}:{digest}"


class VersionedParts:
    """Cached page parts and query results: in this process's memory, then in Redis.

    Everything stored here is keyed by the content version, so an entry never goes stale
    by a change of content: a new version asks for new keys. What changes by itself ("most
    read" inside the home page's part) still expires after its timeout. Each worker keeps
    up to ``LOCAL_PARTS_BYTES`` (least recently used first out): a part found in memory
    costs no round trip to Redis, which is most of what a fragment costs.

    Objects found in memory are shared between requests: treat them as read-only.
    """

    def __init__(self) -> None:
        self._entries: OrderedDict[str, tuple[float, int, object]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._later = threading.local()

    def get(self, key: str):
        return self.get_many([key]).get(key)

    def get_many(self, keys: list[str]) -> dict:
        """The parts found, in memory first, the others in one round trip to Redis."""
        found, wanted, now = {}, [], time.monotonic()
        # Asked already in this request and missing then: its part is being rendered.
        missing = getattr(self._later, "missing", None)
        held = getattr(self._later, "writes", None) or {}
        with self._lock:
            for key in keys:
                entry = self._entries.get(key)
                if mine := [values[key] for values in held.values() if key in values]:
                    found[key] = mine[0]  # stored by this request, not sent yet
                elif entry is not None and entry[0] > now:
                    self._entries.move_to_end(key)
                    found[key] = entry[2]
                elif missing is None or key not in missing:
                    self._drop(key)
                    wanted.append(key)
        from_redis = {}
        if len(wanted) == 1:  # GET, not MGET: the cheaper command for the common case
            stored = cache_call(cache.get, wanted[0])
            from_redis = {} if stored is None else {wanted[0]: stored}
        elif wanted:
            from_redis = cache_call(cache.get_many, wanted) or {}
        for key, stored in from_redis.items():
            value = stored if isinstance(stored, str) else pickle.loads(stored)  # noqa: S301
            # Redis does not say how long the entry has left: keep it here a short while.
            self._keep(key, value, len(stored), min(settings.FRAGMENT_CACHE_SECONDS, 10))
            found[key] = value
        if missing is not None:
            missing.update(key for key in wanted if key not in found)
        return found

    def set(self, key: str, value, seconds: int) -> None:
        self.set_many({key: value}, seconds)

    def set_many(self, values: dict, seconds: int) -> None:
        """Stored here and in Redis (one round trip); when a reader's request is being
        served (``store_after_response``), both once the response has gone."""
        later = getattr(self._later, "writes", None)
        if later is None:
            self._store(values, seconds)
        else:
            later.setdefault(seconds, {}).update(values)

    def store_after_response(self) -> None:
        """For this thread's request: hold the writes to Redis until the response has gone
        (``flush``), and ask Redis only once for a key it did not have."""
        self._later.writes = {}
        self._later.missing = set()

    def flush(self, **kwargs) -> None:
        """Send the held writes: ``request_finished`` calls it once the reader has the page."""
        writes, self._later.writes = getattr(self._later, "writes", None), None
        self._later.missing = None
        for seconds, values in (writes or {}).items():
            self._store(values, seconds)

    def _store(self, values: dict, seconds: int) -> None:
        # An object goes to Redis pickled by us, once: its length is what it weighs here.
        stored = {
            key: value if isinstance(value, str) else pickle.dumps(value, -1)
            for key, value in values.items()
        }
        for key, value in values.items():
            self._keep(key, value, len(stored[key]), seconds)
        if len(stored) == 1:  # SET, not a MULTI…EXEC pipeline
            cache_call(cache.set, *next(iter(stored.items())), seconds)
        elif stored:
            cache_call(cache.set_many, stored, seconds)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _keep(self, key: str, value, size: int, seconds: int) -> None:
        limit = settings.LOCAL_PARTS_BYTES
        if size > limit // 8:
            return
        with self._lock:
            self._drop(key)
            self._entries[key] = (time.monotonic() + seconds, size, value)
            self._bytes += size
            while self._bytes > limit:
                self._drop(next(iter(self._entries)))

    def _drop(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= entry[1]


parts = VersionedParts()


def _directives(response: HttpResponse) -> set[str]:
    return {d.strip().lower() for d in response.get("Cache-Control", "").split(",")}


def cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith("/" + settings.ADMIN_URL):
        return False
    return not request.user.is_authenticated


def page_key(request: HttpRequest, version: str) -> str:
    """The address, hashed: a key of bounded length whatever a reader puts in the query."""
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"{PAGE_PREFIX}:{version}:{address}"


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache (``PAGE_CACHE_SECONDS``).

    Placed after the authentication middleware: it needs to know who is asking.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if not cacheable_request(request):
            response = self.get_response(request)
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        parts.store_after_response()
        version = request_content_version(request) if seconds else None
        key = page_key(request, version) if version else ""
        if key:
            stored = cache_call(cache.get, key)
            if stored is not None:
                return self.rebuild(stored, request)
        response = self.get_response(request)
        if self.storable(response):
            response["X-Accel-Expires"] = str(settings.PROXY_CACHE_SECONDS)
            if key:
                cache_call(cache.set, key, self.freeze(response), seconds)
        return response

    @staticmethod
    def storable(response: HttpResponse) -> bool:
        return (
            response.status_code in _CACHEABLE_STATUS
            and not response.streaming
            and not response.cookies
            and "private" not in _directives(response)
            and not {"no-store", "no-cache", "max-age=0"} & _directives(response)
        )

    @staticmethod
    def freeze(response: HttpResponse) -> tuple:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        headers = {h: response[h] for h in (*_KEPT_HEADERS, "Location") if h in response}
        return (response.status_code, headers, response.content)

    @staticmethod
    def rebuild(stored: tuple, request: HttpRequest) -> HttpResponse:
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        response["X-Accel-Expires"] = str(settings.PROXY_CACHE_SECONDS)
        return response
