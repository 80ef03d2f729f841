"""Exact HTTP caching for the API: validators from the content version, 304 without the
database, and headers a CDN can act on.

The validators come from the content state the site already keeps
(``public.pagecache.content_state``): the content version (renewed at the minute a
scheduled item appears, or when the cache missed a change) and the database token every
change renews. An answer is the same bytes for the same address in the same state, so
``ETag`` is a strong hash of the three, and ``Last-Modified`` is when the later of the
two began. Reading the version is one cache lookup
(the database is asked at most every ``RECHECK_SECONDS``): a conditional request is
answered before sessions, authentication or any view, with no query.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import http_date, parse_http_date_safe

from public import pagecache

# Fresh for 5 s in browsers and CDNs, then served stale for at most 5 s more while one
# request revalidates: a publication or a take-down is everywhere within the site's 10 s.
# On an origin error a CDN may keep serving the last good answer for a day.
CACHE_CONTROL = "public, max-age=5, s-maxage=5, stale-while-revalidate=5, stale-if-error=86400"
VARY = "Accept-Encoding"


@dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: int  # seconds since the epoch

    def apply(self, response: HttpResponse) -> HttpResponse:
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        response["Cache-Control"] = CACHE_CONTROL
        response["Vary"] = VARY
        return response


def validators_for(request: HttpRequest) -> Validators | None:
    """The validators of ``request``'s answer now; None while the cache is down (then
    nothing is validated and every answer is made afresh)."""
    state = pagecache.content_state()
    if state is None:
        return None
    version, token = state
    digest = hashlib.sha256(f"{version}\n{token}\n{request.get_full_path()}".encode())
    started = max(pagecache.version_started(version), pagecache.version_started(token))
    return Validators(etag=f'"{digest.hexdigest()[:32]}"', last_modified=int(started))


def _etags(header: str) -> list[str]:
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def not_modified(request: HttpRequest, validators: Validators) -> HttpResponse | None:
    """304 when the client's copy is current (RFC 9110 §13.2.2: If-None-Match first;
    If-Modified-Since only without it)."""
    if request.method not in ("GET", "HEAD"):
        return None
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = _etags(if_none_match)
        # Weak comparison for If-None-Match (§13.1.2): W/"x" matches "x".
        current = validators.etag
        fresh = "*" in tags or any(t.removeprefix("W/") == current for t in tags)
    else:
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        fresh = since is not None and validators.last_modified <= since
    if not fresh:
        return None
    return validators.apply(HttpResponseNotModified())
