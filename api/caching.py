"""Exact HTTP caching for the API: validators from the content version, 304 without the
database, and headers a CDN can act on.

The validators come from the content version the site already keeps
(``public.pagecache``): any change to what readers see starts a new version, and so
does the minute a scheduled item appears. An answer is the same bytes for the same
address under the same version, so ``ETag`` is a strong hash of the two, and
``Last-Modified`` is when the version began. Reading the version is one cache lookup
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
    version = pagecache.content_version()
    if version is None:
        return None
    digest = hashlib.sha256(f"{version}\n{request.get_full_path()}".encode()).hexdigest()
    return Validators(
        etag=f'"{digest[:32]}"', last_modified=int(pagecache.version_started(version))
    )


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
