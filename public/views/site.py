"""The small addresses of the site: robots.txt, the favicon, and the view-count beacon."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from public import pageviews
from public.addresses import absolute


@csrf_exempt  # a beacon from a cached page: no form, no token, and it changes nothing else
@require_POST
def count_view(request: HttpRequest, token: str) -> HttpResponse:
    """One reading of an article, sent by the page's script (public/pageviews.py)."""
    article_id = pageviews.article_id_from_token(token)
    if article_id is None:
        raise Http404
    pageviews.record_view(article_id)
    return HttpResponse(status=204)


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "robots.txt",
        {
            "sitemap_url": absolute("/sitemap.xml"),
            "news_sitemap_url": absolute("/news-sitemap.xml"),
        },
        content_type="text/plain; charset=utf-8",
    )


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask for /favicon.ico on every page without a <link rel="icon"> (the admin)."""
    return HttpResponseRedirect(static("img/favicon.png"))
