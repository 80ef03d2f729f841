"""The home page: the headline, featured and latest stories, a block per main section,
the latest crime warnings, the active campaigns and "most read".

The page is chosen, then read: the stories of the top, of each section's block, of the
warnings' block and of "most read" are picked by id from the newest few hundred published
articles (a short walk down the publication-time index), and every card is then read in
one query. A story appears once: the section blocks leave out what the top and the latest
list show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from articles.models import Article, Campaign, Section
from articles.querysets import among
from public.addresses import absolute
from public.models import MostRead
from public.navigation import navigation, site_parts
from public.pagecache import cached_parts
from public.pageviews import MOST_READ, RANKED
from public.templating import render_part
from public.views.documents import new_documents

TOP = 40  # the stories the top of the page is chosen from (the newest)
FEATURED = 5  # featured stories under the headline (4–6)
LATEST = 10
SECTION_BLOCK_SIZE = 4
LATEST_WARNINGS = 4  # the crime warnings' block
# Section blocks are filled from this many of the newest; a quieter section is read from
# its own index, in the same query as the cards.
RECENT = 300


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Its body is made once per content version; "most read" in it is as old as that."""
    parts = cached_parts(request, "home", "", lambda: home_parts(request))
    context = {"parts": parts, "canonical_url": absolute("/"), "nav_current": "/"}
    return TemplateResponse(request, "public/home.html", context, using="jinja2")


def home_parts(request: HttpRequest) -> dict:
    menu = navigation(request)
    choice = HomeChoice.make(menu)
    context = {
        "stories": choice.stories,
        "section_blocks": choice.blocks,
        "most_read": choice.most_read,
        "active_campaigns": list(Campaign.objects.active().select_related("cover")[:4]),
        "latest_warnings": choice.warnings,
        "new_documents": new_documents(),
    }
    return {
        "main": render_part("public/home_main.html", context, request),
        **site_parts(request, nav_current="/"),
    }


@dataclass(frozen=True)
class TopStories:
    headline: Article | None
    featured: list[Article]
    latest: list[Article]


@dataclass(eq=False)
class HomeChoice:
    """Which articles the home page shows where; ``make()`` reads them."""

    top: list[int] = field(default_factory=list)
    featured_ids: set[int] = field(default_factory=set)
    blocks_ids: dict[int, list[int]] = field(default_factory=dict)  # top section → ids
    most_read_ids: list[int] = field(default_factory=list)
    warnings_ids: list[int] = field(default_factory=list)
    cards: dict[int, Article] = field(default_factory=dict)
    menu: list[Section] = field(default_factory=list)

    @classmethod
    def make(cls, menu: list[Section]) -> HomeChoice:
        choice = cls(menu=menu)
        published = Article.objects.published()
        recent = list(
            published.latest_first().values_list("pk", "section_id", "featured", "kind")[:RECENT]
        )
        choice.top = [pk for pk, *_ in recent[:TOP]]
        choice.featured_ids = {pk for pk, _section, featured, _kind in recent[:TOP] if featured}
        quiet = choice.fill_blocks(recent)
        choice.warnings_ids = [pk for pk, *_, kind in recent if kind == Article.Kind.WARNING][
            :LATEST_WARNINGS
        ]
        choice.most_read_ids = list(MostRead.objects.values_list("article_id", flat=True)[:RANKED])
        wanted = {*choice.top, *choice.most_read_ids, *choice.warnings_ids}
        wanted.update(pk for ids in choice.blocks_ids.values() for pk in ids)
        # A section the recent articles do not fill: its newest, from its own index, are
        # read with the other cards.
        shown = choice.above_ids()
        newest = published.exclude(pk__in=shown).latest_first()
        parts = [
            newest.filter(section_id__in=[s.pk, *(sub.pk for sub in s.subsections)]).values("pk")[
                :SECTION_BLOCK_SIZE
            ]
            for s in quiet
        ]
        # Few warnings lately: the newest ones, from their own index, in the same query.
        rare_warnings = len(choice.warnings_ids) < LATEST_WARNINGS
        if rare_warnings:
            parts.append(published.warnings().latest_first().values("pk")[:LATEST_WARNINGS])
        reading = models.Q(pk__in=wanted) | among(*parts) if parts else models.Q(pk__in=wanted)
        choice.cards = published.filter(reading).for_cards().in_bulk()
        choice.fill_quiet(quiet, shown)
        if rare_warnings:
            choice.warnings_ids = [a.pk for a in choice.newest_first if a.is_warning][
                :LATEST_WARNINGS
            ]
        return choice

    def fill_blocks(self, recent: list[tuple[int, int, bool, str]]) -> list[Section]:
        """The newest few of each top section (its sub-sections included) among the recent
        articles, the top stories left out; returns the sections they do not fill."""
        shown = self.above_ids()
        self.blocks_ids = {s.pk: [] for s in self.menu}
        for pk, section_id, _featured, _kind in recent:
            block = self.blocks_ids.get(self.top_of.get(section_id))
            if block is not None and pk not in shown and len(block) < SECTION_BLOCK_SIZE:
                block.append(pk)
        return [s for s in self.menu if len(self.blocks_ids[s.pk]) < SECTION_BLOCK_SIZE]

    def fill_quiet(self, quiet: list[Section], shown: set[int]) -> None:
        for section in quiet:
            self.blocks_ids[section.pk] = [
                a.pk
                for a in self.newest_first
                if self.top_of.get(a.section_id) == section.pk and a.pk not in shown
            ][:SECTION_BLOCK_SIZE]

    @cached_property
    def newest_first(self) -> list[Article]:
        return sorted(self.cards.values(), key=lambda a: (a.published_at, a.pk), reverse=True)

    @cached_property
    def top_of(self) -> dict[int, int]:
        """Each section's top-level section (itself for a top-level one)."""
        top_of = {s.pk: s.pk for s in self.menu}
        top_of.update({sub.pk: s.pk for s in self.menu for sub in s.subsections})
        return top_of

    def above_ids(self) -> set[int]:
        """The headline, the featured and the latest stories: the section blocks do not
        repeat them (a block shows its section's next stories, or is left out)."""
        headline, featured, latest = self.stories_from(self.top)
        return {a for a in [headline, *featured, *latest] if a}

    def stories_from(self, ids: list[int]) -> tuple[int | None, list[int], list[int]]:
        """The newest featured story leads; up to five featured follow, filled up with the
        latest on a slow day; then the ten latest not shown above."""
        featured = [pk for pk in ids if pk in self.featured_ids]
        headline = featured[0] if featured else (ids[0] if ids else None)
        chosen = [pk for pk in featured if pk != headline][:FEATURED]
        if len(chosen) < 4:
            chosen += [pk for pk in ids if pk != headline and pk not in chosen][: 4 - len(chosen)]
        above = {headline, *chosen}
        return headline, chosen, [pk for pk in ids if pk not in above][:LATEST]

    @property
    def stories(self) -> TopStories:
        headline, featured, latest = self.stories_from(self.top)
        return TopStories(
            headline=self.cards.get(headline),
            featured=self._cards(featured),
            latest=self._cards(latest),
        )

    @property
    def blocks(self) -> list[tuple[Section, list[Article]]]:
        blocks = [(s, self._cards(self.blocks_ids[s.pk])) for s in self.menu]
        return [(s, articles) for s, articles in blocks if articles]

    @property
    def warnings(self) -> list[Article]:
        return self._cards(self.warnings_ids)

    @property
    def most_read(self) -> list[Article]:
        return self._cards(self.most_read_ids)[:MOST_READ]

    def _cards(self, ids: list[int]) -> list[Article]:
        return [self.cards[pk] for pk in ids if pk in self.cards]
