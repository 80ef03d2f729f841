"""The portal's contact details, read from the provincial command's unit.

The "Liên hệ" page, the footer and the English contact page show the same address,
phones, hotline and e-mail: they all come from the command's record (``Unit`` of kind
``command``), kept by administrators. ``portal_contact()`` is cached until a unit changes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

from organisation.models import Unit

logger = logging.getLogger(__name__)
CACHE_KEY = "organisation:portal-contact"
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class PortalContact:
    name: str
    name_en: str = ""
    address: str = ""
    phones: list[str] = field(default_factory=list)
    hotline: str = ""
    email: str = ""
    working_hours: str = ""
    working_hours_en: str = ""
    url: str = ""


def _read() -> PortalContact:
    command = Unit.objects.command()
    if command is None:
        return PortalContact(name=settings.SITE_NAME)
    return PortalContact(
        name=command.name,
        name_en=command.name_en,
        address=command.address,
        phones=command.phone_list,
        hotline=command.hotline,
        email=command.email,
        working_hours=command.working_hours,
        working_hours_en=command.hours_en,
        url=command.get_absolute_url(),
    )


def portal_contact() -> PortalContact:
    """The command's name, address, phones, hotline, e-mail and hours (cached; a dead
    cache costs one query, never the page)."""
    try:
        found = cache.get(CACHE_KEY)
    except Exception as exc:
        logger.warning("cache not used: %s", exc)
        return _read()
    if found is None:
        found = _read()
        try:
            cache.set(CACHE_KEY, found, CACHE_SECONDS)
        except Exception as exc:
            logger.warning("cache not used: %s", exc)
    return found


def forget(**kwargs) -> None:
    try:
        cache.delete(CACHE_KEY)
    except Exception as exc:
        logger.warning("cache not used: %s", exc)
