from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from articles.models import Section
from articles.pagecache import cache_call
from articles.signals import NAV_CACHE_KEY


def navigation() -> list[Section]:
    """Top-level sections in menu order, each with ``subsections``; cached until one changes."""
    sections = cache_call(cache.get, NAV_CACHE_KEY)
    if sections is None:
        every = list(Section.objects.all())
        sections = [s for s in every if s.parent_id is None]
        for section in sections:
            section.subsections = [s for s in every if s.parent_id == section.pk]
        cache_call(cache.set, NAV_CACHE_KEY, sections, 600)
    return sections


def site(request: HttpRequest) -> dict:
    """Site name, address, today's date and the navigation bar.

    Views mark the menu entry of their page with ``nav_current`` (its address).
    """
    return {
        "today": timezone.localdate(),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        # Lazy: feeds and sitemaps render templates too, and never show the menu.
        "nav_sections": SimpleLazyObject(navigation),
    }
