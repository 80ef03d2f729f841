"""The ways to report a crime that every article page shows (``reporting.Channel``), kept
in the cache until a channel changes (``public/signals.py``)."""

from __future__ import annotations

from django.core.cache import cache

from public.pagecache import cache_call
from reporting.models import Channel

CACHE_KEY = "site:reporting-contacts"


def featured_channels() -> list[Channel]:
    """The contacts of the box beside every article (113, the duty desk), in order."""
    channels = cache_call(cache.get, CACHE_KEY)
    if channels is None:
        channels = list(Channel.objects.shown().filter(featured=True)[:4])
        cache_call(cache.set, CACHE_KEY, channels, 3600)
    return channels


def forget() -> None:
    cache_call(cache.delete, CACHE_KEY)
