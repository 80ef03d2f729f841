from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from public.navigation import navigation, portal, portal_pages


def site(request: HttpRequest) -> dict:
    """Site name, address, today's date, the navigation bar, the portal's identity and
    its own pages.

    Views mark the menu entry of their page with ``nav_current`` (its address).
    """
    return {
        "today": timezone.localdate(),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        # Lazy: feeds and sitemaps render templates too, and never show the menu.
        "nav_sections": SimpleLazyObject(lambda: navigation(request)),
        "portal": SimpleLazyObject(lambda: portal(request)),
        "portal_pages": SimpleLazyObject(portal_pages),
    }
