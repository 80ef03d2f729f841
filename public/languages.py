"""A page and its counterpart in the other language: ``hreflang`` links both ways and the
switch, for the pages that have one (the introduction, functions, history, structure,
leaders, contacts, and the articles editors translated)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from english.models import EnglishPage
from public.templating import render_part

# Vietnamese pages drawn from the data, and their English counterparts (always there).
GENERATED = {
    "public:structure": "en:structure",
    "public:leaders": "en:leaders",
    "public:contact": "en:contact",
    "public:about": "en:home",
}


def pair_parts(request: HttpRequest, *, vi: str, en: str, current: str) -> dict[str, str]:
    """``<link rel="alternate" hreflang>`` for both (and x-default: Vietnamese) and the
    switch to the other one; ``current`` is "vi" or "en"."""
    context = {"vi": vi, "en": en, "current": current}
    return {
        "alternates": render_part("includes/alternates.html", context, request),
        "switch": render_part("includes/language_switch.html", context, request),
    }


def generated_pair(request: HttpRequest, name: str, current: str) -> dict[str, str]:
    return pair_parts(request, vi=reverse(name), en=reverse(GENERATED[name]), current=current)


def english_of(source_field: str, source_id: int) -> str:
    """The address of the published English page translating a Vietnamese one, or ""."""
    page = (
        EnglishPage.objects.published()
        .filter(**{source_field: source_id})
        .select_related("source_page")
        .only("slug", "source_page__kind", "source_article_id", "source_page_id")
        .first()
    )
    return page.get_absolute_url() if page else ""
