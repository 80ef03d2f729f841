"""Purging the proxy or CDN: a change's tags, queued in the database, sent in batches.

``enqueue()`` runs once a change has committed (``public/signals.py``): it records a
``PurgeBatch`` (what administrators see at the desk, read-only) and sends it at once; a
purge that fails or is refused for now (HTTP 429 and its ``Retry-After``) stays queued
and ``manage.py process_purges`` (run every minute, or ``--every 60``) sends it again with
growing delays, merging what is due into batches of ``PURGE_BATCH_SIZE``.

Purgers (``CACHE_PURGER``):

- ``varnish``: ``PURGE`` to each ``PURGE_PROXY_URLS`` with ``xkey-purge: tag tag…``
  (``docker/varnish/default.vcl``; soft purge with ``xkey-softpurge`` when ``PURGE_SOFT``);
- ``nginx``: ``PURGE`` of each address the tags stand for (ngx_cache_purge; nginx knows
  no tags);
- ``cloudflare``: the zone's ``purge_cache`` with ``tags``;
- ``cloudfront``: an invalidation of the addresses' paths (signed with AWS Signature 4);
- ``fastly``: the service's batch purge by surrogate keys (``Fastly-Soft-Purge``);
- ``none``: recorded only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import urllib.error
import urllib.request
import uuid
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone

from public import cachetags
from public.models import PurgeBatch
from public.pagecache import cache_call

logger = logging.getLogger(__name__)


class PurgeError(Exception):
    """A purge not done; ``retry_after`` seconds when the service said when to retry."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _send(method: str, url: str, *, headers: dict, body: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.PURGE_TIMEOUT_SECONDS
        ) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        text = exc.read()[:300].decode(errors="replace")
        raise PurgeError(
            f"{method} {url}: HTTP {exc.code} {text}", retry_after=_retry_after(exc.headers)
        ) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise PurgeError(f"{method} {url}: {exc}") from exc


def _retry_after(headers) -> float | None:
    value = (headers or {}).get("Retry-After")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - timezone.now()).total_seconds())
    except (TypeError, ValueError):
        return None


class Purger:
    name = "none"
    by_address = False  # purges addresses, not tags

    def purge(self, tags: list[str], urls: list[str]) -> None:
        """Send one batch; raise PurgeError when it was not done."""


class VarnishPurger(Purger):
    name = "varnish"

    def purge(self, tags, urls):
        header = "xkey-softpurge" if settings.PURGE_SOFT else "xkey-purge"
        for proxy in settings.PURGE_PROXY_URLS:
            _send("PURGE", proxy.rstrip("/") + "/", headers={header: " ".join(tags)})


class NginxPurger(Purger):
    """ngx_cache_purge: ``PURGE /path`` purges the page cached under that address."""

    name = "nginx"
    by_address = True

    def purge(self, tags, urls):
        site = urlsplit(settings.PURGE_SITE_URL or "http://localhost")
        for proxy in settings.PURGE_PROXY_URLS:
            for url in urls:
                try:
                    _send("PURGE", proxy.rstrip("/") + url, headers={"Host": site.netloc})
                except PurgeError as exc:
                    if "HTTP 404" not in str(exc):  # not cached there: nothing to purge
                        raise


class CloudflarePurger(Purger):
    """Purge by cache tags (up to 30 a request on every plan's limits)."""

    name = "cloudflare"

    def purge(self, tags, urls):
        url = f"{settings.CLOUDFLARE_API_URL}/zones/{settings.CLOUDFLARE_ZONE_ID}/purge_cache"
        headers = {
            "Authorization": f"Bearer {settings.CLOUDFLARE_API_TOKEN}",
            "Content-Type": "application/json",
        }
        _, body = _send("POST", url, headers=headers, body=json.dumps({"tags": tags}).encode())
        answer = json.loads(body or b"{}")
        if not answer.get("success"):
            raise PurgeError(f"Cloudflare: {answer.get('errors')}")


class FastlyPurger(Purger):
    """The batch purge by surrogate keys; soft (marked stale, served while refreshed)."""

    name = "fastly"

    def purge(self, tags, urls):
        url = f"{settings.FASTLY_API_URL}/service/{settings.FASTLY_SERVICE_ID}/purge"
        headers = {"Fastly-Key": settings.FASTLY_API_TOKEN, "Content-Type": "application/json"}
        if settings.PURGE_SOFT:
            headers["Fastly-Soft-Purge"] = "1"
        body = json.dumps({"surrogate_keys": tags}).encode()
        _send("POST", url, headers=headers, body=body)


class CloudFrontPurger(Purger):
    """An invalidation of the paths the tags stand for (CloudFront knows no tags)."""

    name = "cloudfront"
    by_address = True
    version = "2020-05-31"

    def purge(self, tags, urls):
        distribution = settings.CLOUDFRONT_DISTRIBUTION_ID
        base = settings.CLOUDFRONT_API_URL or "https://cloudfront.amazonaws.com"
        path = f"/{self.version}/distribution/{distribution}/invalidation"
        items = "".join(f"<Path>{escape(u)}</Path>" for u in urls)
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/{self.version}/">'
            f"<Paths><Quantity>{len(urls)}</Quantity><Items>{items}</Items></Paths>"
            f"<CallerReference>{uuid.uuid4()}</CallerReference></InvalidationBatch>"
        ).encode()
        headers = _aws_signed("POST", base + path, body, service="cloudfront")
        _send("POST", base + path, headers=headers, body=body)


def _aws_signed(method: str, url: str, body: bytes, *, service: str) -> dict:
    """AWS Signature Version 4 headers (CloudFront's API is in us-east-1)."""
    key_id = os.environ.get("AWS_ACCESS_KEY_ID", "")
    secret = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
    region = "us-east-1"
    parts = urlsplit(url)
    now = dt.datetime.now(dt.UTC)
    stamp, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    payload = hashlib.sha256(body).hexdigest()
    headers = {"host": parts.netloc, "x-amz-content-sha256": payload, "x-amz-date": stamp}
    signed = ";".join(sorted(headers))
    canonical = "\n".join(
        [
            method,
            parts.path or "/",
            parts.query,
            *(f"{k}:{headers[k]}" for k in sorted(headers)),
            "",
            signed,
            payload,
        ]
    )
    scope = f"{day}/{region}/{service}/aws4_request"
    to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    key = ("AWS4" + secret).encode()
    for part in (day, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["Authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={key_id}/{scope}, SignedHeaders={signed}, "
        f"Signature={signature}"
    )
    headers["Content-Type"] = "text/xml"
    return headers


PURGERS = {
    p.name: p
    for p in (Purger, VarnishPurger, NginxPurger, CloudflarePurger, FastlyPurger, CloudFrontPurger)
}


def purger() -> Purger:
    return PURGERS[settings.CACHE_PURGER]()


def urls_for(tags) -> list[str]:
    """The addresses a purger by address purges for ``tags``: each shown object's own page
    and the list pages named (an object's other appearances are in those lists)."""
    return cachetags.addresses(tags)


# --- the queue -----------------------------------------------------------------------


# Seconds an inline send may take before ``process_due`` sends the batch itself.
_IN_FLIGHT = 60


def enqueue(tags, *, reason: str = "") -> PurgeBatch | None:
    """Record a change's purge and send it now; what fails stays queued. Runs after the
    change committed: a failure here never undoes the change."""
    current = purger()
    urls = urls_for(tags) if current.by_address else []
    tags = sorted(settings.CACHE_TAG_PREFIX + t for t in tags)
    waiting = _waiting(current)
    try:
        batch = PurgeBatch.objects.create(
            reason=reason,
            purger=current.name,
            tags=tags,
            urls=urls,
            status=PurgeBatch.Status.SKIPPED if current.name == "none" else "pending",
            # Sent just below; ``process_due`` leaves it alone meanwhile (or picks it up
            # if this process died sending it).
            next_attempt_at=waiting or timezone.now() + dt.timedelta(seconds=_IN_FLIGHT),
        )
    except DatabaseError as exc:
        logger.warning("purge not recorded (%s): %s", exc, tags)
        return None
    if current.name != "none" and waiting is None:
        process([batch], current)
    return batch


def _waiting(current: Purger) -> dt.datetime | None:
    """Until when the service asked us to wait (its last 429's ``Retry-After``)."""
    until = cache_call(cache.get, f"purge-wait:{current.name}")
    return until if until and until > timezone.now() else None


def process_due(limit: int = 200) -> int:
    """Send what is due (``manage.py process_purges``): the tags of every due batch merged,
    sent ``PURGE_BATCH_SIZE`` at a time. Returns how many batches were done."""
    with transaction.atomic():
        due = list(
            PurgeBatch.objects.select_for_update(skip_locked=True)
            .filter(status=PurgeBatch.Status.PENDING, next_attempt_at__lte=timezone.now())
            .order_by("next_attempt_at", "pk")[:limit]
        )
        if not due:
            return 0
        current = purger()
        if _waiting(current):
            return 0
        return process(due, current)


def process(batches: list[PurgeBatch], current: Purger) -> int:
    tags = sorted({t for b in batches for t in b.tags})
    urls = sorted({u for b in batches for u in b.urls})
    size = max(1, settings.PURGE_BATCH_SIZE)
    items = urls if current.by_address else tags
    now = timezone.now()
    try:
        for start in range(0, max(1, len(items)), size):
            chunk = items[start : start + size]
            if not chunk:
                break
            if current.by_address:
                current.purge([], chunk)
            else:
                current.purge(chunk, [])
    except PurgeError as exc:
        for batch in batches:
            batch.attempts += 1
            batch.last_error = str(exc)[:2000]
            wait = exc.retry_after
            if wait is not None:  # rate-limited: everything else waits as long
                until = now + dt.timedelta(seconds=wait)
                cache_call(cache.set, f"purge-wait:{current.name}", until, int(wait) + 1)
            else:
                wait = min(3600, 15 * 2 ** (batch.attempts - 1))
            batch.next_attempt_at = now + dt.timedelta(seconds=wait)
            # Told to wait (429) is not a failure: the service is there and will purge.
            if exc.retry_after is None and batch.attempts >= settings.PURGE_MAX_ATTEMPTS:
                batch.status = PurgeBatch.Status.FAILED
            logger.warning("purge %s not done (attempt %s): %s", batch.pk, batch.attempts, exc)
        PurgeBatch.objects.bulk_update(
            batches, ["attempts", "last_error", "next_attempt_at", "status"]
        )
        return 0
    for batch in batches:
        batch.attempts += 1
        batch.status = PurgeBatch.Status.DONE
        batch.sent_at = now
        batch.last_error = ""
    PurgeBatch.objects.bulk_update(batches, ["attempts", "status", "sent_at", "last_error"])
    return len(batches)
