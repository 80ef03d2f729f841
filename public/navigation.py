"""The menu (top-level sections in order, each with its sub-sections), the portal's
identity (its masthead and footer lines) and the site's header and footer that show
them; all kept under the content version, which any change to them renews."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Section
from public.models import PortalIdentity
from public.pagecache import cached_parts, cached_value, content_version
from public.templating import render_part


def navigation(request: HttpRequest | None = None) -> list[Section]:
    """Top-level sections in menu order, each with ``subsections`` (looked up once a request).

    Kept under the content version, like pages: a section saved, added or moved, a
    restore, starts a new one, so the menu never lists a section that is gone.
    """
    if request is not None:
        if not hasattr(request, "_navigation"):
            request._navigation = navigation()
        return request._navigation
    return cached_value("menu", content_version(), _read_menu)


def _read_menu() -> list[Section]:
    every = list(Section.objects.all())
    sections = [s for s in every if s.parent_id is None]
    for section in sections:
        section.subsections = [s for s in every if s.parent_id == section.pk]
    return sections


def portal(request: HttpRequest | None = None) -> PortalIdentity:
    """The portal's identity (looked up once a request, kept under the content version).
    Before an administrator has filled it in, the site's name stands for the agency."""
    if request is not None:
        if not hasattr(request, "_portal"):
            request._portal = portal()
        return request._portal
    return cached_value("identity", content_version(), _read_identity)


def _read_identity() -> PortalIdentity:
    identity = PortalIdentity.objects.filter(pk=PortalIdentity.SINGLETON).first()
    return identity or PortalIdentity(governing_agency=settings.SITE_NAME)


# The pages a police portal carries besides the news sections, in menu order.
PORTAL_PAGES = [
    (_("About the force"), "public:about"),
    (_("Legal documents"), "public:documents"),
    (_("Wanted notices"), "public:notices"),
    (_("Crime warnings"), "public:warnings"),
    (_("Report a crime"), "public:reporting"),
    (_("Questions and answers"), "public:questions"),
    (_("Contact"), "public:contact"),
]


def portal_pages() -> list[tuple[str, str]]:
    """``(label, address)`` of the portal's own pages (header, menu panel, footer)."""
    return [(label, reverse(name)) for label, name in PORTAL_PAGES]


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
