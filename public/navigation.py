"""The menu (top-level sections in order, each with its sub-sections, cached until one
changes) and the site's header and footer that show it."""

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string

from articles.models import Section
from public.pagecache import cache_call

CACHE_KEY = "site:nav-sections"


def navigation() -> list[Section]:
    """Top-level sections in menu order, each with ``subsections``."""
    sections = cache_call(cache.get, CACHE_KEY)
    if sections is None:
        every = list(Section.objects.all())
        sections = [s for s in every if s.parent_id is None]
        for section in sections:
            section.subsections = [s for s in every if s.parent_id == section.pk]
        cache_call(cache.set, CACHE_KEY, sections, 600)
    return sections


def forget() -> None:
    cache_call(cache.delete, CACHE_KEY)


def site_parts(request: HttpRequest, *, nav_current: str = "") -> dict:
    """The site's header and footer as a page's parts (they show the day and the menu)."""
    context = {"nav_current": nav_current, "nav_sections": navigation()}
    return {
        "site_header": render_to_string("includes/site_header.html", context, request),
        "site_footer": render_to_string("includes/site_footer.html", context, request),
    }
