"""/tim-kiem/?q=…: accent- and case-insensitive search, best match first, paginated."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from public.addresses import absolute
from public.search import Query, snippet
from public.search import search as find

PAGE_SIZE = 10


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = Query.parse(request.GET.get("q", ""))
    context = {"query": query, "canonical_url": absolute(request.path)}
    if query:
        paginator = Paginator(find(query), PAGE_SIZE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
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
    return TemplateResponse(request, "public/search.html", context)
