"""The menu (top-level sections in order, each with its sub-sections, cached until one
changes), the portal's identity (its masthead and footer lines, cached until an
administrator saves it) and the site's header and footer that show them."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from articles.models import Section
from public.models import PortalIdentity
from public.pagecache import cache_call, cached_parts
from public.templating import render_part

CACHE_KEY = "site:nav-sections"
IDENTITY_KEY = "site:identity"


def navigation(request: HttpRequest | None = None) -> list[Section]:
    """Top-level sections in menu order, each with ``subsections`` (looked up once a request)."""
    if request is not None:
        if not hasattr(request, "_navigation"):
            request._navigation = navigation()
        return request._navigation
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


def portal(request: HttpRequest | None = None) -> PortalIdentity:
    """The portal's identity (looked up once a request, cached until it is saved). Before
    an administrator has filled it in, the site's name stands for the agency."""
    if request is not None:
        if not hasattr(request, "_portal"):
            request._portal = portal()
        return request._portal
    identity = cache_call(cache.get, IDENTITY_KEY)
    if identity is None:
        identity = PortalIdentity.objects.filter(pk=PortalIdentity.SINGLETON).first()
        identity = identity or PortalIdentity(governing_agency=settings.SITE_NAME)
        cache_call(cache.set, IDENTITY_KEY, identity, 600)
    return identity


def forget_portal() -> None:
    cache_call(cache.delete, IDENTITY_KEY)


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
