"""A page and its counterpart in the other language: ``hreflang`` links both ways and the
switch, for the pages that have one (the introduction, functions, history, structure,
leaders, contacts, and the articles editors translated)."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery
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


def with_english_slug(articles: QuerySet) -> QuerySet:
    """Articles annotated with ``english_slug``: their published translation's, or None
    (read in the article's own query, not one more)."""
    translation = EnglishPage.objects.published().filter(source_article=OuterRef("pk"))
    return articles.annotate(english_slug=Subquery(translation.values("slug")[:1]))


def english_news_url(article) -> str:
    """The published English translation of an article read ``with_english_slug()``."""
    slug = getattr(article, "english_slug", None)
    return reverse("en:news-item", kwargs={"slug": slug}) if slug else ""


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
