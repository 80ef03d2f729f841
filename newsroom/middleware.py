"""Project-wide request/response guards: browser policy, public input, rate limits."""

import logging
import time
from collections.abc import Callable
from urllib.parse import unquote

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _
from django_redis.client import DefaultClient

from newsroom.client_ip import client_ip
from newsroom.errors import static_page
from newsroom.public_input import (
    MAX_PARAMETER_LENGTH,
    clean_search_query,
    clean_text,
    has_control_characters,
    is_valid_page,
)
from public.cache_breaker import CacheSkipped

logger = logging.getLogger(__name__)

Handler = Callable[[HttpRequest], HttpResponse]


def is_admin_path(path: str) -> bool:
    return path.startswith("/" + settings.ADMIN_URL)


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (Django has no setting for it): one fixed header."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's style and image sources widened.

    The public site has no inline style at all. The admin does: Django's change list
    writes a <style> block, admin columns write style="" attributes, and CKEditor 5
    (whose documented CSP asks for style-src 'unsafe-inline') sets style attributes for
    image sizes and table layouts while editing; no nonce can cover attributes. So under
    the admin path only, style-src allows 'unsafe-inline' (a nonce must not be listed
    with it: browsers then ignore 'unsafe-inline') and img-src allows data:/blob:
    (CKEditor previews an image being uploaded from a blob: URL). Scripts stay strict
    everywhere: our own origin, or the nonce.
    """

    ADMIN_REPLACE = {
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    }

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request.path_info):
            parts.replace = {**self.ADMIN_REPLACE, **(parts.replace or {})}
        return parts


_WHITESPACE_CONTROLS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


class PublicInputMiddleware:
    """Validate the query string of every public request before any view sees it.

    - A path or query with control characters is refused (404): no URL of ours has them,
      and NUL in particular makes PostgreSQL raise. Tabs and line breaks in the query
      count as spaces (pasted search text has them).
    - ``page`` must be a page number (``1`` … ``99999`` or ``last``): anything else is
      a 404, like a page past the end.
    - ``q`` is cleaned for search (NFC, spaces collapsed, SEARCH_QUERY_MAX_LENGTH);
      every other value is cut to MAX_PARAMETER_LENGTH characters.

    The admin and the API have their own parameters and are left alone.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The API checks its own parameters, strictly, and answers in problem+json
        # (newsroom/api_gate.py, api/params.py).
        if not is_admin_path(request.path_info) and not request.path_info.startswith("/api/"):
            self.validate(request)
        return self.get_response(request)

    def validate(self, request: HttpRequest) -> None:
        # Tabs and line breaks pasted into the search box are whitespace, not an attack.
        query_string = unquote(request.META.get("QUERY_STRING", ""), errors="replace")
        if has_control_characters(request.path_info) or has_control_characters(
            query_string.translate(_WHITESPACE_CONTROLS)
        ):
            raise Http404("control characters in the address")
        if not request.GET:
            return
        cleaned = QueryDict(mutable=True)
        for key, values in request.GET.lists():
            for value in values:
                if key == "page":
                    if not is_valid_page(value.strip()):
                        raise Http404("not a page number")
                    value = value.strip()
                elif key == "q":
                    value = clean_search_query(value)
                else:
                    value = clean_text(value, max_length=MAX_PARAMETER_LENGTH)
                cleaned.appendlist(clean_text(key, max_length=100), value)
        cleaned._mutable = False
        request.GET = cleaned


def _rate(text: str) -> tuple[int, int]:
    count, unit = text.split("/")
    return int(count), {"s": 1, "m": 60, "h": 3600}[unit]


class RateLimitMiddleware:
    """Per-address fixed-window limit on the paths in RATE_LIMITED_PATHS (search, feeds),
    and on what is sent (POST) to the public forms of RATE_LIMITED_FORMS (FORM_RATE_LIMIT).

    It stands after the page cache: a page served from the cache costs nothing and is not
    counted; what it limits is asking the site to make pages (every new query or feed).

    Counting uses the cache (Redis in production, shared by all workers; its INCR is
    atomic). Over the limit the visitor gets a friendly 429 page with Retry-After. When
    the cache is down the request is let through: a missing limit is better than a
    missing site.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST":
            form = next((p for p in settings.RATE_LIMITED_FORMS if request.path_info == p), None)
            if form is not None:
                wait = self.wait_seconds(request, f"form:{form}", settings.FORM_RATE_LIMIT)
                if wait:
                    response = static_page(
                        "429_form.html",
                        status=429,
                        retry_minutes=max(1, round(wait / 60)),
                        back=form,
                    )
                    response["Retry-After"] = str(wait)
                    return response
        prefix = next(
            (p for p in settings.RATE_LIMITED_PATHS if request.path_info.startswith(p)), None
        )
        if prefix is not None:
            wait = self.wait_seconds(request, prefix)
            if wait:
                response = static_page(
                    "429.html",
                    status=429,
                    title=_("Too many requests"),
                    retry_minutes=max(1, round(wait / 60)),
                )
                response["Retry-After"] = str(wait)
                return response
        return self.get_response(request)

    def wait_seconds(self, request: HttpRequest, prefix: str, rate: str = "") -> int:
        """0 when the request may go ahead, else the seconds until the window ends."""
        return window_wait(
            f"ratelimit:{prefix}:{client_ip(request)}", rate or settings.PUBLIC_RATE_LIMIT
        )


def window_wait(key: str, rate: str) -> int:
    """One more request counted under ``key`` in the current fixed window of ``rate``
    ("60/m"): 0 when it may go ahead, else the seconds until the window ends."""
    limit, period = _rate(rate)
    now = int(time.time())
    window = now - now % period
    key = f"{key}:{window}"
    try:
        count = _count(key, period + 5)
    except CacheSkipped:  # the breaker keeps a failing cache skipped: said once already
        return 0
    except Exception as exc:  # the cache is down or evicted the key: let it through
        logger.warning("rate limit not applied: %s", exc)
        return 0
    if count <= limit:
        return 0
    return window + period - now


def _count(key: str, lifetime: int) -> int:
    """One more under ``key``, kept ``lifetime`` seconds (on Redis from its last count:
    the key names its window, so a longer life changes no count). On Redis one round trip,
    INCR and EXPIRE in one transaction (two with ``add`` and ``incr``: ~0,2 ms more on
    each API request, bench/api.py); on any other cache its ``add`` then ``incr``."""
    client = getattr(cache, "client", None)
    if isinstance(client, DefaultClient):
        name = cache.make_key(key)
        transaction = client.get_client(write=True).pipeline()
        transaction.incr(name)
        transaction.expire(name, lifetime)
        return transaction.execute()[0]
    cache.add(key, 0, timeout=lifetime)
    return cache.incr(key)
