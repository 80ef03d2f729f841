"""The ways to report a crime that every article page shows (``reporting.Channel``), kept
under the content version like the menu: a channel saved starts a new version
(``public/signals.py``), so a corrected phone number shows at once."""

from __future__ import annotations

from django.http import HttpRequest

from public.pagecache import cached_value, reader_version
from reporting.models import Channel


def featured_channels(request: HttpRequest | None) -> list[Channel]:
    """The contacts of the box beside every article (113, the duty desk), in order; read
    afresh for staff, like every cached part."""
    return cached_value("contacts", reader_version(request), _read)


def _read() -> list[Channel]:
    return list(Channel.objects.shown().filter(featured=True)[:4])
