"""The home page: the headline, featured and latest stories, a block per main section,
the active campaigns and "most read"."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from articles.models import Article, Campaign, Section
from articles.querysets import among
from public.addresses import absolute
from public.navigation import navigation
from public.pageviews import most_read_list

NEWEST = 40  # the stories the top of the page is chosen from
FEATURED = 5  # featured stories under the headline (4–6)
LATEST = 10
SECTION_BLOCK_SIZE = 4


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    # Lazy: the page's body is a cached fragment, and a fragment found costs no query.
    stories = SimpleLazyObject(lambda: TopStories.choose(newest_cards()))
    context = {
        "stories": stories,
        "section_blocks": SimpleLazyObject(lambda: section_blocks(exclude=stories.shown)),
        "active_campaigns": SimpleLazyObject(
            lambda: list(Campaign.objects.active().select_related("cover")[:4])
        ),
        "most_read": SimpleLazyObject(most_read_list),
        "canonical_url": absolute("/"),
        "nav_current": "/",
    }
    return TemplateResponse(request, "public/home.html", context)


def newest_cards() -> list[Article]:
    return list(Article.objects.published().for_cards().latest_first()[:NEWEST])


@dataclass(frozen=True)
class TopStories:
    headline: Article | None
    featured: list[Article]
    latest: list[Article]

    @property
    def shown(self) -> set[int]:
        """The stories at the top of the page (the section blocks do not repeat them)."""
        return {a.pk for a in [self.headline, *self.featured] if a}

    @classmethod
    def choose(cls, newest: list[Article]) -> TopStories:
        """The newest featured story leads; up to five featured follow, filled up with the
        latest on a slow day; then the ten latest not shown above."""
        featured = [a for a in newest if a.featured]
        headline = featured[0] if featured else (newest[0] if newest else None)
        chosen = [a for a in featured if a is not headline][:FEATURED]
        if len(chosen) < 4:
            chosen += [a for a in newest if a is not headline and a not in chosen][
                : 4 - len(chosen)
            ]
        above = {a.pk for a in [headline, *chosen] if a}
        return cls(headline, chosen, [a for a in newest if a.pk not in above][:LATEST])


def section_blocks(*, exclude: set[int]) -> list[tuple[Section, list[Article]]]:
    """The newest articles of every top-level section (sub-sections included), one query:
    the newest few of each section, each read from the (section, publication time) index,
    then the newest of each top-level block picked here (never a scan of the archive)."""
    top_of: dict[int, int] = {}
    for section in navigation():
        top_of[section.pk] = section.pk
        top_of.update({sub.pk: section.pk for sub in section.subsections})
    newest = Article.objects.published().exclude(pk__in=exclude).latest_first().values("pk")
    wanted = among(*(newest.filter(section_id=pk)[:SECTION_BLOCK_SIZE] for pk in top_of))
    by_section: dict[int, list[Article]] = {}
    for article in Article.objects.filter(wanted).for_cards().latest_first():
        block = by_section.setdefault(top_of[article.section_id], [])
        if len(block) < SECTION_BLOCK_SIZE:
            block.append(article)
    return [(s, by_section[s.pk]) for s in navigation() if by_section.get(s.pk)]
