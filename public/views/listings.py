"""Lists of one section, tag, author or campaign: published articles, newest first, 20 a page.

A list's parts (its header, cards, pagination, side box and <head> links) are made once
per content version and page, and shared by every reader: a reader's list costs no query
once made. "Most read" beside it is its own cached list, fresher than the parts.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views import View

from articles.models import Article, Author, Campaign, Section, Tag
from articles.querysets import ArticleQuerySet
from public import cachetags
from public.addresses import page_url
from public.navigation import navigation, site_parts
from public.pagecache import cached_parts
from public.pageviews import side_lists
from public.templating import render_part


class ListingView(View):
    """The shared rule of every public list; a kind says what it lists and how it looks."""

    model: type[models.Model]
    kind = ""
    feed_url_name = ""
    paginate_by = 20
    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        number = request.GET.get("page") or "1"
        parts = cached_parts(
            request, self.kind, f"{slug}?{number}", lambda: self.make_parts(request, slug, number)
        )
        context = {
            "parts": parts,
            "most_read": SimpleLazyObject(lambda: side_lists(request)["most_read"]),
            "nav_current": parts["nav_current"],
        }
        return TemplateResponse(request, "public/listing.html", context, using="jinja2")

    def make_parts(self, request: HttpRequest, slug: str, number: str) -> dict:
        listing = self.get_listing(slug)
        if isinstance(listing, models.Model):  # not the warnings' own page (all methods)
            cachetags.add(cachetags.list_tag(listing))
        articles = self.articles(Article.objects.published(), listing, request)
        paginator = Paginator(articles.for_cards().latest_first(), self.paginate_by)
        try:
            page = paginator.page(paginator.num_pages if number == "last" else number)
        except InvalidPage as exc:  # not a number, or beyond the last page
            raise Http404 from exc
        context = {
            "listing": listing,
            "page_obj": page,
            "paginator": paginator,
            "object_list": page.object_list,
            "is_paginated": paginator.num_pages > 1,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "feed_url": self.feed_url(slug),
            **self.extra_context(listing),
        }
        nav_current = request.path if self.kind == "section" else ""
        title = self.title(listing)
        if page.number > 1:
            title = f"{title} – {_('page %(n)s') % {'n': page.number}}"

        def part(name: str) -> str:
            return render_part(f"public/listing/{name}.html", context, request)

        return {
            "title": title,
            "description": self.description(listing),
            "canonical": page_url(request.path, page.number, absolute_url=True),
            "head": part("head"),
            "header": part(f"{self.kind}_header"),
            "main": part("main"),
            "side": part(f"{self.kind}_side") if self.has_side else "",
            # After "most read": the feed is for the few who subscribe.
            "feed": part("feed"),
            "nav_current": nav_current,
            **site_parts(request, nav_current=nav_current),
        }

    def get_listing(self, slug: str) -> models.Model:
        return get_object_or_404(self.model, slug=slug)

    @property
    def has_side(self) -> bool:
        return self.kind == "section"

    def extra_context(self, listing) -> dict:
        """What a kind's own header or side box shows besides the list."""
        return {}

    def feed_url(self, slug: str) -> str:
        return reverse(self.feed_url_name, args=[slug]) if self.feed_url_name else ""

    def articles(self, published: ArticleQuerySet, listing, request) -> ArticleQuerySet:
        raise NotImplementedError

    def title(self, listing) -> str:
        return str(listing)

    def description(self, listing) -> str:
        if getattr(listing, "description", ""):
            return Truncator(listing.description).chars(300)
        return _("Articles of %(site)s: %(name)s.") % {"site": settings.SITE_NAME, "name": listing}


class SectionView(ListingView):
    model = Section
    kind = "section"
    feed_url_name = "public:section-feed"

    def get_listing(self, slug: str) -> Section:
        return get_object_or_404(Section.objects.select_related("parent"), slug=slug)

    def articles(self, published, listing, request):
        top = next((s for s in navigation(request) if s.pk == listing.pk), None)
        return published.in_section(listing, top.subsections if top else [])


class TagView(ListingView):
    model = Tag
    kind = "tag"

    def articles(self, published, listing, request):
        return published.tagged(listing)

    def title(self, listing) -> str:
        return _("Tag: %(name)s") % {"name": listing.name}


class AuthorView(ListingView):
    model = Author
    kind = "author"

    def articles(self, published, listing, request):
        return published.by_author(listing)

    def title(self, listing) -> str:
        return listing.byline

    def description(self, listing) -> str:
        return _("Articles by %(name)s.") % {"name": listing.byline}


class CampaignView(ListingView):
    model = Campaign
    kind = "campaign"
    feed_url_name = "public:campaign-feed"

    def get_listing(self, slug: str) -> Campaign:
        return get_object_or_404(Campaign.objects.select_related("cover"), slug=slug)

    def articles(self, published, listing, request):
        return published.in_campaign(listing)

    def description(self, listing) -> str:
        return Truncator(listing.slogan or listing.description).chars(300)
