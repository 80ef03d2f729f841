"""The menu (top-level sections in order, each with its sub-sections, cached under the
content version) and the site's header and footer that show it."""

from django.core.cache import cache
from django.http import HttpRequest

from articles.models import Section
from public.pagecache import cache_call, cached_parts, content_version, part_key
from public.templating import render_part

MENU_SECONDS = 600


def navigation(request: HttpRequest | None = None) -> list[Section]:
    """Top-level sections in menu order, each with ``subsections`` (looked up once a request).

    Kept under the content version, like pages: a section saved, added or moved, a
    restore, starts a new one, so the menu never lists a section that is gone.
    """
    if request is not None:
        if not hasattr(request, "_navigation"):
            request._navigation = navigation()
        return request._navigation
    version = content_version()
    key = part_key("menu", version, "") if version else None
    sections = cache_call(cache.get, key) if key else None
    if sections is None:
        every = list(Section.objects.all())
        sections = [s for s in every if s.parent_id is None]
        for section in sections:
            section.subsections = [s for s in every if s.parent_id == section.pk]
        if key:
            cache_call(cache.set, key, sections, MENU_SECONDS)
    return sections


def site_parts(request: HttpRequest, *, nav_current: str = "") -> dict:
    """The site's header and footer as a page's parts (they show the day and the menu),
    themselves made once per content version, day and marked menu entry."""

    def make() -> dict:
        context = {"nav_current": nav_current}
        return {
            "site_header": render_part("includes/site_header.html", context, request),
            "site_footer": render_part("includes/site_footer.html", context, request),
        }

    return cached_parts(request, "site", nav_current, make)
