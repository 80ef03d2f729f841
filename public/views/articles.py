"""The article page, its old addresses, "gone" for a taken-down article, and the preview."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from articles import services
from articles.body import render as render_body
from articles.models import Article, GalleryItem, OldSlug
from public import pageviews
from public.addresses import absolute
from public.languages import english_news_url, pair_parts, with_english_slug
from public.navigation import site_parts
from public.pagecache import cached_parts
from public.templating import render_part


@require_safe
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A published article; its parts are made once per content version for readers."""

    def make() -> dict:
        published = with_english_slug(Article.objects.published().for_page())
        article = published.filter(slug=slug).first()
        if article is None:
            raise Article.DoesNotExist
        return article_parts(request, article)

    try:
        parts = cached_parts(request, "article", slug, make)
    except Article.DoesNotExist:
        return moved_or_gone(request, slug)
    return TemplateResponse(request, "public/article_detail.html", {"parts": parts}, using="jinja2")


def article_parts(request: HttpRequest, article: Article, *, preview: bool = False) -> dict:
    """The article page's <head> and <main>, rendered, with its title and description."""
    published = Article.objects.published()
    context = {
        "article": article,
        "body_html": render_body(article.body),
        "gallery": _gallery(article),
        # The portals' right column: related, most read, latest (as fresh as the parts:
        # the next publication makes new ones). A preview shows the article alone.
        "related": [] if preview else list(published.for_cards().related_to(article)),
        **({} if preview else pageviews.side_lists(request, leaving_out=article.pk)),
        "canonical_url": absolute(article.get_absolute_url()),
        "view_beacon_url": reverse("public:count-view", args=[pageviews.view_token(article.pk)]),
        "preview": preview,
    }
    english = "" if preview else english_news_url(article)
    pair = (
        pair_parts(request, vi=article.get_absolute_url(), en=english, current="vi")
        if english
        else {}
    )
    return {
        **pair,
        "title": article.title,
        "description": Truncator(article.sapo).chars(300),
        "canonical": context["canonical_url"],
        "head": render_part("public/article_head.html", context, request),
        "main": render_part("public/article_main.html", context, request),
        "side": render_part("public/article_side.html", context, request),
        "has_gallery": bool(context["gallery"]),
        **site_parts(request),
    }


def _gallery(article: Article) -> list[GalleryItem]:
    if not getattr(article, "has_gallery", True):
        return []
    return list(article.gallery_items.select_related("image"))


def moved_or_gone(request: HttpRequest, slug: str) -> HttpResponse:
    """An old slug redirects (301); a taken-down article is 410 Gone; anything else 404."""
    old = (
        OldSlug.objects.filter(slug=slug, article__in=Article.objects.published())
        .select_related("article")
        .first()
    )
    if old is not None:
        return HttpResponsePermanentRedirect(old.article.get_absolute_url())
    if Article.objects.filter(slug=slug, status=Article.Status.UNPUBLISHED).exists():
        return render(request, "410.html", status=410, using="jinja2")
    raise Http404


def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The article as readers would see it, even a draft, for staff who may open it at the
    desk (wired under the admin's address, behind its log-in and second factor)."""
    article = get_object_or_404(Article.objects.for_page(), pk=pk)
    if not services.can_view(request.user, article):
        raise PermissionDenied
    parts = article_parts(request, article, preview=True)
    response = TemplateResponse(
        request, "public/article_preview.html", {"parts": parts, "article": article}, using="jinja2"
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response
