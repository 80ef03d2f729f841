"""/tim-kiem/?q=…: accent- and case-insensitive search, best match first, paginated.

A search's parts are kept, like a list's, under the content version and the words and
page asked for: readers often look for the same things ("lừa đảo", "tuyển sinh").
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from public.addresses import absolute
from public.navigation import site_parts
from public.pagecache import cached_parts
from public.search import BESIDE, Query, matching_notices, matching_questions, snippet
from public.search import search as find
from public.templating import render_part

PAGE_SIZE = 10


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = Query.parse(request.GET.get("q", ""))
    number = request.GET.get("page") or "1"
    parts = cached_parts(
        request, "search", f"{query.text}?{number}", lambda: search_parts(request, query, number)
    )
    context = {"parts": parts, "query": query, "canonical_url": absolute(request.path)}
    return TemplateResponse(request, "public/search.html", context, using="jinja2")


def search_parts(request: HttpRequest, query: Query, number: str) -> dict:
    context = {"query": query}
    if query and number in ("1", ""):
        # The police sections first: a name or a question is what many readers look for.
        context.update(
            notices=matching_notices(query), questions=matching_questions(query), beside=BESIDE
        )
    if query:
        paginator = Paginator(find(query), PAGE_SIZE)
        try:
            page = paginator.page(paginator.num_pages if number == "last" else number)
        except InvalidPage as exc:  # not a number, or beyond the end
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
    return {
        "title": render_part("public/search_title.txt", context, request).strip(),
        "head": render_part("public/search_head.html", context, request),
        "main": render_part("public/search_main.html", context, request),
        **site_parts(request),
    }
