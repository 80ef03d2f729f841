from django.conf import settings
from django.http import HttpRequest

from articles.models import Section


def site(request: HttpRequest) -> dict:
    """Site name and the top-level sections for the navigation bar."""
    return {
        "site_name": settings.SITE_NAME,
        "nav_sections": Section.objects.filter(parent__isnull=True).only("name", "slug"),
    }
