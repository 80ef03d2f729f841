"""The address a request came from, for lock-outs and rate limits.

Behind reverse proxies REMOTE_ADDR is the last proxy, so every visitor would share one
address (and one lock-out). Each trusted proxy appends the address it saw to
X-Forwarded-For; with TRUSTED_PROXY_COUNT proxies the client is the entry that many
places from the end. Entries further left were written by the client and are ignored.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        # Fewer hops than configured: the request did not come through all the proxies.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
