"""Public pages. Every read goes through ``Article.objects.published()``."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import DetailView, ListView

from articles import pageviews
from articles.body import render_body
from articles.context_processors import navigation
from articles.models import (
    Article,
    Author,
    Campaign,
    GalleryItem,
    OldSlug,
    Section,
    Tag,
)
from articles.pagecache import (
    cache_call,
    content_version,
    part_key,
    parts,
    parts_version,
)
from articles.querysets import among, article_page, cards, gallery_items, related_articles
from articles.search import Query, search, snippet
from articles.templatetags.fragments import fragment_key
from articles.templatetags.pictures import article_body

HOME_FEATURED = 5  # featured stories under the headline (4–6)
HOME_LATEST = 10
SECTION_BLOCK_SIZE = 4
MOST_READ = 5


def absolute(path: str) -> str:
    """The public address of ``path``, from SITE_URL (never from the Host header)."""
    return settings.SITE_URL + path


class IdsFirstPaginator(Paginator):
    """Pages of a long list: the page's ids from the index first, then only those rows.

    Page 500 skips 10.000 index entries instead of 10.000 rows. With ``remember`` (the
    content version and the list's address) the count and each page's ids are kept in the
    query cache, and the rows are read only if the page's cards are not cached already.
    """

    def __init__(self, *args, remember: tuple[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.remember = remember

    @cached_property
    def count(self) -> int:
        return self.remembered("count", lambda: Paginator.count.func(self))

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.remembered(
            f"page {number}",
            lambda: list(self.object_list.values_list("pk", flat=True)[bottom:top]),
        )
        return self._get_page(PageCards(ids), number, self)

    def remembered(self, what: str, compute):
        if self.remember is None:
            return compute()
        version, address = self.remember
        key = part_key("list", version, f"{address}:{what}")
        value = parts.get(key)
        if value is None:
            value = compute()
            parts.set(key, value, settings.FRAGMENT_CACHE_SECONDS)
        return value


class PageCards(Sequence):
    """A page's articles, read on first use: a page whose cards are cached never reads them."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids

    @cached_property
    def articles(self) -> list[Article]:
        return cards(self.ids)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, index):
        return self.articles[index]


class PublishedArticlesMixin:
    """The shared rule of every public list: published articles, newest first, paginated."""

    paginate_by = 20
    page_kwarg = "page"
    paginator_class = IdsFirstPaginator

    def get_queryset(self):
        return Article.objects.published().for_cards().latest_first()

    def get_paginator(self, queryset, per_page, **kwargs):
        version = parts_version(self.request)
        if version is not None:
            kwargs["remember"] = (version, self.request.path)
        return self.paginator_class(queryset, per_page, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["canonical_url"] = page_url(self.request.path, page.number, absolute_url=True)
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        return context


def page_url(path: str, number: int, *, query: str = "", absolute_url: bool = False) -> str:
    """Page 1 is the bare address; later pages add ``?page=N``."""
    params = [p for p in [query, f"page={number}" if number > 1 else ""] if p]
    url = path + ("?" + "&".join(params) if params else "")
    return absolute(url) if absolute_url else url


class HomeView(PublishedArticlesMixin, ListView):
    """Headline, featured stories, latest, one block per main section, campaigns, most read."""

    template_name = "articles/home.html"
    paginate_by = None

    def get_queryset(self):
        return super().get_queryset()[:40]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stories = HomeStories(context["object_list"])
        # Lazy: the page's blocks are a cached fragment; a fragment found costs no query.
        context.update(
            headline=SimpleLazyObject(lambda: stories.chosen[0]),
            featured=SimpleLazyObject(lambda: stories.chosen[1]),
            latest=SimpleLazyObject(lambda: stories.chosen[2]),
            section_blocks=SimpleLazyObject(lambda: section_blocks(exclude=stories.chosen[3])),
            active_campaigns=SimpleLazyObject(
                lambda: list(Campaign.objects.active().select_related("cover")[:4])
            ),
            most_read=SimpleLazyObject(most_read),
            canonical_url=absolute("/"),
            nav_current="/",
        )
        return context


class HomeStories:
    """The headline, featured and latest stories, chosen from the 40 newest on first use."""

    def __init__(self, newest) -> None:
        self.newest = newest

    @cached_property
    def chosen(self) -> tuple[Article | None, list[Article], list[Article], set[int]]:
        articles = list(self.newest)
        featured = [a for a in articles if a.featured]
        headline = featured[0] if featured else (articles[0] if articles else None)
        chosen = [a for a in featured if a is not headline][:HOME_FEATURED]
        if len(chosen) < 4:  # a slow news day: fill up with the latest stories
            chosen += [a for a in articles if a is not headline and a not in chosen][
                : 4 - len(chosen)
            ]
        shown = {a.pk for a in [headline, *chosen] if a}
        latest = [a for a in articles if a.pk not in shown][:HOME_LATEST]
        return headline, chosen, latest, shown


def section_blocks(*, exclude: set[int]) -> list[tuple[Section, list[Article]]]:
    """The newest articles of every top-level section (sub-sections included), one query.

    The newest few of each section, each read from the (section, publication time) index,
    then the newest of each top-level block picked here: never a scan of the archive.
    """
    top_of: dict[int, int] = {}
    for section in navigation():
        top_of[section.pk] = section.pk
        top_of.update({sub.pk: section.pk for sub in section.subsections})
    newest = (
        Article.objects.published()
        .exclude(pk__in=exclude)
        .order_by("-published_at", "-pk")
        .values("pk")
    )
    wanted = among(*(newest.filter(section_id=pk)[:SECTION_BLOCK_SIZE] for pk in top_of))
    by_section: dict[int, list[Article]] = {}
    for article in Article.objects.filter(wanted).for_cards().latest_first():
        block = by_section.setdefault(top_of[article.section_id], [])
        if len(block) < SECTION_BLOCK_SIZE:
            block.append(article)
    return [(s, by_section[s.pk]) for s in navigation() if by_section.get(s.pk)]


def most_read() -> list[Article]:
    """The side list "most read": a query cache, as fresh as the view counts it sums."""
    key = f"most-read:{content_version()}"
    articles = cache_call(cache.get, key)
    if articles is None:
        articles = list(Article.objects.published().most_read().for_cards()[:MOST_READ])
        cache_call(cache.set, key, articles, settings.VIEWS_FLUSH_SECONDS or 60)
    return articles


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"

    def get_object(self, queryset=None) -> Article:
        """The article with all it shows, from the query cache when a reader asks."""
        slug = self.kwargs["slug"]
        version = parts_version(self.request)
        if version is None:
            return self.published_article(slug)
        key = part_key("article", version, slug)
        # The article and its page's two parts (keyed by slug) in one round trip; the
        # parts wait in this worker's memory for the template.
        found = parts.get_many(
            [
                key,
                fragment_key(version, "article-head", slug),
                fragment_key(version, "article-main", slug),
            ]
        )
        article = found.get(key)
        if article is None:
            article = self.published_article(slug)
            article.links  # noqa: B018 (loaded now, to be cached with the article)
            parts.set(key, article, settings.FRAGMENT_CACHE_SECONDS)
        return article

    @staticmethod
    def published_article(slug: str) -> Article:
        """Found by the ``published()`` rule, read with all the page shows (one query)."""
        article = article_page(slug)
        if article is None:
            raise Http404
        return article

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            self.object = self.get_object()
        except Http404:
            return moved_or_gone(request, self.kwargs["slug"])
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        return super().get_context_data(**article_page_parts(self.object), **kwargs)


def article_page_parts(article: Article) -> dict:
    """What the article page shows besides the article itself (the admin preview too).

    Lazy: the page's main part is a cached fragment, and a fragment found costs no query.
    """

    def gallery() -> list[GalleryItem]:
        if not getattr(article, "has_gallery", True):
            return []
        return gallery_items(article.pk)

    return {
        "body_html": SimpleLazyObject(lambda: render_body(article_body(article))),
        "gallery": SimpleLazyObject(gallery),
        "related": SimpleLazyObject(lambda: related_articles(article)),
        "canonical_url": absolute(article.get_absolute_url()),
        "view_beacon_url": SimpleLazyObject(
            lambda: reverse("articles:count-view", args=[pageviews.view_token(article.pk)])
        ),
    }


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
        return render(request, "410.html", status=410)
    raise Http404


class FilteredListView(PublishedArticlesMixin, ListView):
    """A paginated list of one section, tag, author or campaign."""

    model_class: type = Section
    template_name = "articles/article_list.html"
    feed_url_name = ""

    def get_filter_object(self):
        return get_object_or_404(self.model_class, slug=self.kwargs["slug"])

    def filter_articles(self, queryset, obj):
        raise NotImplementedError

    def get_queryset(self):
        self.filter_object = self.get_filter_object()
        return self.filter_articles(super().get_queryset(), self.filter_object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            listing=self.filter_object,
            most_read=SimpleLazyObject(most_read),
            **kwargs,
        )


class SectionView(FilteredListView):
    model_class = Section
    template_name = "articles/section_detail.html"

    def get_filter_object(self):
        return get_object_or_404(Section.objects.select_related("parent"), slug=self.kwargs["slug"])

    def filter_articles(self, queryset, obj):
        return queryset.in_section(obj)

    def get_context_data(self, **kwargs):
        return super().get_context_data(nav_current=self.request.path, **kwargs)


class TagView(FilteredListView):
    model_class = Tag
    template_name = "articles/tag_detail.html"

    def filter_articles(self, queryset, obj):
        return queryset.tagged(obj)


class AuthorView(FilteredListView):
    model_class = Author
    template_name = "articles/author_detail.html"

    def filter_articles(self, queryset, obj):
        return queryset.by_author(obj)


class CampaignView(FilteredListView):
    model_class = Campaign
    template_name = "articles/campaign_detail.html"

    def get_filter_object(self):
        return get_object_or_404(Campaign.objects.select_related("cover"), slug=self.kwargs["slug"])

    def filter_articles(self, queryset, obj):
        return queryset.in_campaign(obj)


SEARCH_PAGE_SIZE = 10


@require_safe
def search_view(request: HttpRequest) -> HttpResponse:
    """/tim-kiem/?q=…: accent- and case-insensitive, best match first, paginated."""
    query = Query.parse(request.GET.get("q", ""))
    context = {"query": query, "canonical_url": absolute(request.path)}
    if query:
        paginator = Paginator(search(query), SEARCH_PAGE_SIZE)
        number = request.GET.get("page") or 1
        try:
            page = paginator.page(number)
        except Exception as exc:  # not a number, or beyond the end
            raise Http404 from exc
        for article in page.object_list:
            article.snippet = snippet(article, query)
        context.update(
            page_obj=page,
            paginator=paginator,
            is_paginated=paginator.num_pages > 1,
            page_range=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            page_query=urlencode({"q": query.text}),
        )
    return TemplateResponse(request, "articles/search.html", context)


@csrf_exempt  # a beacon from a cached page: no form, no token, and it changes nothing else
@require_POST
def count_view(request: HttpRequest, token: str) -> HttpResponse:
    """One reading of an article, sent by the page's script (articles/pageviews.py)."""
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
