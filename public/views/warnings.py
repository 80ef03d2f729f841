"""Crime warnings (“Cảnh báo”): articles of the warning kind, all of them or by method, and
the share image each one has, drawn from its title (``public/share_images.py``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from articles.models import Article, Method
from public import share_images
from public.pagecache import cache_call
from public.views.listings import ListingView


@dataclass(frozen=True)
class AllWarnings:
    """The warnings page's own header (all methods)."""

    name: str
    description: str
    slug: str = ""

    def __str__(self) -> str:
        return self.name


class WarningsView(ListingView):
    """/canh-bao/ and /canh-bao/thu-doan/<method>/: warnings, newest first, 20 a page."""

    model = Method
    kind = "warnings"

    def get(self, request: HttpRequest, slug: str = "") -> HttpResponse:
        return super().get(request, slug)

    @property
    def has_side(self) -> bool:
        return True

    def feed_url(self, slug: str) -> str:
        return reverse("public:warnings-feed")

    def extra_context(self, listing) -> dict:
        return {
            "methods": list(
                Method.objects.filter(
                    articles__in=Article.objects.published().warnings()
                ).distinct()
            )
        }

    def get_listing(self, slug: str):
        if not slug:
            return AllWarnings(
                name=_("Crime warnings"),
                description=_(
                    "The methods criminals use in the province now, how to recognise them and "
                    "what to do. Share them with your family."
                ),
            )
        return get_object_or_404(Method, slug=slug)

    def articles(self, published, listing, request):
        if isinstance(listing, Method):
            return published.by_method(listing)
        return published.warnings()

    def title(self, listing) -> str:
        if isinstance(listing, Method):
            return _("Warning: %(method)s") % {"method": listing.name}
        return str(listing)

    def description(self, listing) -> str:
        return Truncator(listing.description).chars(300) or self.title(listing)


@require_safe
@cache_control(max_age=86400, public=True)
def warning_share_image(request: HttpRequest, slug: str) -> HttpResponse:
    """The 1200×630 card of a published warning (og:image), made once per title."""
    article = Article.objects.published().warnings().filter(slug=slug).only("title", "slug").first()
    if article is None:
        raise Http404
    methods = ", ".join(m.name for m in article.methods.all()[:3])
    digest = hashlib.sha1(f"{article.title}|{methods}".encode(), usedforsecurity=False)
    key = f"share-image:{article.pk}:{digest.hexdigest()}"
    data = cache_call(cache.get, key)
    if data is None:
        data = share_images.warning_card(
            article.title, label=_("WARNING"), detail=methods, site=settings.SITE_NAME
        )
        cache_call(cache.set, key, data, 7 * 86400)
    return HttpResponse(data, content_type="image/png")
