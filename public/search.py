"""Accent- and case-insensitive search over published articles.

PostgreSQL: full-text search in the ``newsroom_vi`` configuration (``simple`` + ``unaccent``,
created by migration 0004) on the stored ``search_vector`` (kept by a trigger, GIN index,
migrations 0007 and 0009, the title as its weightiest part); the 200 newest matches are
ranked by ``ts_rank``, discounted by age.
SQLite (development): every query word must occur as a whole word in the folded
``search_text``; the ranking is computed in Python on the same principles.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from articles.body import paragraphs
from articles.models import Article
from articles.querysets import ArticleQuerySet
from notices.models import WantedNotice
from questions.models import Question
from vietnamese.text import fold, words

CONFIG = "newsroom_vi"
MAX_TERMS = 12
# An article loses half its weight after this many days: relevance first, then recency.
HALF_LIFE_DAYS = 60
# Matches ranked per search, newest first (20 pages of results): enough for a reader.
CANDIDATES = 200


@dataclass(frozen=True)
class Query:
    text: str  # as typed, trimmed
    terms: tuple[str, ...]  # folded words, deduplicated, in order

    @classmethod
    def parse(cls, text: str) -> Query:
        text = " ".join((text or "").split())[:200]
        terms = tuple(dict.fromkeys(words(text)))[:MAX_TERMS]
        return cls(text=text, terms=terms)

    def __bool__(self) -> bool:
        return bool(self.terms)


def search(query: Query, base: ArticleQuerySet | None = None) -> SearchResults | ArticleQuerySet:
    """Published articles matching every word of ``query``, best first.

    Returns ``SearchResults`` (ranked ids first, then one page of articles), which
    paginates with Django's Paginator.
    """
    base = base if base is not None else Article.objects.published()
    if not query:
        return base.none()
    return SearchResults(query, base)


class SearchResults:
    """The newest ``CANDIDATES`` matches ranked by id (one query), then one page of rows.

    PostgreSQL matches ``search_vector`` and ranks with ``ts_rank`` in the same walk (the
    title weighs most: it is the vector's "A" part, see migration 0009); the score is
    then discounted by age here. Neither step reads an article's body. SQLite matches
    whole words in the folded ``search_text`` and ranks in Python on the same
    principles. ``count()`` is the number of ranked ids: no separate count query.
    """

    def __init__(self, query: Query, base: ArticleQuerySet) -> None:
        self.query = query
        self.base = base
        self.postgres = connection.vendor == "postgresql"
        if self.postgres:
            # Folded words joined with AND: the typed text may hold tsquery syntax.
            self.tsquery = SearchQuery(" & ".join(query.terms), search_type="raw", config=CONFIG)
            self.matches = base.filter(search_vector=self.tsquery)
        else:
            self.matches = base
            for term in query.terms:
                self.matches = self.matches.filter(search_text__contains=f" {term} ")
        self._ids: list[int] | None = None

    def ranked_ids(self) -> list[int]:
        if self._ids is None:
            # Only the newest CANDIDATES matches are ranked: a word found in half the
            # archive costs one walk down the publication-time index.
            newest = self.matches.order_by("-published_at", "-pk")[:CANDIDATES]
            scores = self._scored_in_sql(newest) if self.postgres else self._scored(newest)
            now = timezone.now()
            ranked = sorted(
                (
                    (score / 2 ** ((now - published_at).total_seconds() / 86400 / HALF_LIFE_DAYS),
                     published_at, pk)
                    for pk, score, published_at in scores
                ),
                reverse=True,
            )  # fmt: skip
            self._ids = [pk for _score, _when, pk in ranked]
        return self._ids

    def _scored_in_sql(self, newest: ArticleQuerySet) -> list[tuple[int, float, dt.datetime]]:
        """``ts_rank`` computed in the same index walk that finds the matches."""
        rank = SearchRank(models.F("search_vector"), self.tsquery)
        return list(newest.annotate(rank=rank).values_list("pk", "rank", "published_at"))

    def _scored(self, newest: ArticleQuerySet) -> list[tuple[int, float, dt.datetime]]:
        terms = self.query.terms
        phrase = " " + " ".join(terms) + " "
        scored = []
        for pk, title, text, published_at in newest.values_list(
            "pk", "title", "search_text", "published_at"
        ):
            title_words = set(words(title))
            score = sum(text.count(f" {t} ") for t in terms) / math.sqrt(len(text) / 40 + 1)
            score += 2 * sum(t in title_words for t in terms)
            score += 2 if phrase in text else 0
            scored.append((pk, score, published_at))
        return scored

    def count(self) -> int:
        return len(self.ranked_ids())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        ids = self.ranked_ids()[item] if isinstance(item, slice) else [self.ranked_ids()[item]]
        # The snippet needs the body: read for this page's articles only.
        cards = self.base.select_related("section", "cover").defer("search_text", "search_vector")
        by_id = {a.pk: a for a in cards.filter(pk__in=ids)}
        found = [by_id[pk] for pk in ids if pk in by_id]
        return found if isinstance(item, slice) else found[0]


# Wanted notices and answered questions shown beside the articles a search finds.
BESIDE = 3


def matching_notices(query: Query) -> list[WantedNotice]:
    """Wanted notices readers may see (``public()``) whose name, other names, decision
    number or offence hold every word; one more than ``BESIDE`` tells there are more."""
    if not query:
        return []
    found = WantedNotice.objects.public()
    for term in query.terms:
        found = found.filter(search_text__contains=f" {term} ")
    return list(found.select_related("offence").latest_first()[: BESIDE + 1])


def matching_questions(query: Query) -> list[Question]:
    """Answered questions whose title, question or answer hold every word."""
    if not query:
        return []
    found = Question.objects.answered().matching(query.terms).select_related("topic")
    return list(found.latest_first()[: BESIDE + 1])


_TOKEN = re.compile(r"\w+|\W+")
_WORD_START = re.compile(r"\w")


@functools.lru_cache(maxsize=65536)
def _fold_word(token: str) -> str:
    """Folded once per worker: a body is a few hundred of the same syllables."""
    return fold(token)


class _Tokens:
    """A text split into words and what lies between, each word folded (once)."""

    def __init__(self, text: str) -> None:
        self.tokens = _TOKEN.findall(" ".join((text or "").split()))
        # Words and what lies between alternate: every other token is a word.
        first = 0 if self.tokens and _WORD_START.match(self.tokens[0]) else 1
        self.word_at = range(first, len(self.tokens), 2)
        self.folded = {i: _fold_word(self.tokens[i]) for i in self.word_at}

    def phrase(self, query: Query) -> set[int]:
        """Indexes of the words where the query's words occur together, in order."""
        n, found, at = len(query.terms), set(), self.word_at
        for k in range(len(at) - n + 1):
            if self.folded[at[k]] == query.terms[0] and all(
                self.folded[at[k + j]] == query.terms[j] for j in range(1, n)
            ):
                found.update(at[k : k + n])
        return found

    def marked(self, query: Query) -> set[int]:
        """The words to mark: the whole phrase where it occurs, else every term."""
        phrase = self.phrase(query) if len(query.terms) > 1 else set()
        return phrase or {i for i in self.word_at if self.folded[i] in query.terms}


def highlight(text: str | _Tokens, query: Query, *, length: int = 260) -> SafeString:
    """An escaped excerpt of ``text`` around the first match, matched words in <mark>.

    Where the reader's words occur together as a phrase, only the phrase is marked, as
    one mark ("<mark>Công an</mark>", not two).
    """
    split = text if isinstance(text, _Tokens) else _Tokens(text)
    tokens = split.tokens
    marked = split.marked(query)
    first = min(marked, default=None)
    start = 0
    if first is not None:
        # Start a few words before the first match so that it reads in context.
        offset = sum(len(tok) for tok in tokens[:first])
        if offset > length // 2:
            start = max(0, first - 12)
    out, used, open_mark = [], 0, False
    if start:
        out.append("… ")
    for i, tok in enumerate(tokens[start:], start):
        if used + len(tok) > length and used:
            break
        used += len(tok)
        # The space between two marked words stays inside the mark.
        inside = i in marked or (tok.isspace() and i - 1 in marked and i + 1 in marked)
        if inside and not open_mark:
            out.append("<mark>")
        elif not inside and open_mark:
            out.append("</mark>")
        open_mark = inside
        out.append(html.escape(tok))
    else:
        i = len(tokens)
    if open_mark:
        out.append("</mark>")
    if i < len(tokens):
        out.append("…")
    return mark_safe("".join(out))  # every piece escaped above


def snippet(article: Article, query: Query) -> SafeString:
    """The sapo when it holds a match, else the paragraph of the body that holds it: one
    block of running text, never a heading or a photo's caption run into the next line."""
    texts = [_Tokens(article.sapo), *(_Tokens(text) for text in paragraphs(article.body))]
    if len(query.terms) > 1:
        for text in texts:  # the phrase first…
            if text.phrase(query):
                return highlight(text, query)
    for text in texts:  # …then any of the words
        if set(text.folded.values()) & set(query.terms):
            return highlight(text, query)
    return highlight(texts[0], query)
