"""The ways to report a crime that every article page shows (``reporting.Channel``), kept
under the content version like the menu: a channel saved starts a new version
(``public/signals.py``), so a corrected phone number shows at once."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

from public.pagecache import cache_call, part_key, reader_version
from reporting.models import Channel

CONTACTS_SECONDS = 3600


def featured_channels(request: HttpRequest | None) -> list[Channel]:
    """The contacts of the box beside every article (113, the duty desk), in order; read
    afresh for staff, like every cached part."""
    version = reader_version(request)
    key = part_key("contacts", version, "") if version else None
    channels = cache_call(cache.get, key) if key else None
    if channels is None:
        channels = list(Channel.objects.shown().filter(featured=True)[:4])
        if key:
            cache_call(cache.set, key, channels, CONTACTS_SECONDS)
    return channels
