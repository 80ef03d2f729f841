"""Accent- and case-insensitive search over published articles.

PostgreSQL: full-text search in the ``newsroom_vi`` configuration (``simple`` + ``unaccent``,
created by migration 0004) on the stored ``search_vector`` (kept by a trigger, GIN index,
migration 0007); the 200 newest matches are ranked by ``ts_rank_cd`` with a bonus for a
match in the title, discounted by age.
SQLite (development): every query word must occur as a whole word in the folded
``search_text``; the ranking is computed in Python on the same principles.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.db import connection, models
from django.db.models.functions import Extract
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from articles.querysets import ArticleQuerySet
from articles.textfold import fold, words

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


def search(query: Query, base: ArticleQuerySet | None = None) -> ArticleQuerySet | list:
    """Published articles matching every word of ``query``, best first.

    Returns a queryset (PostgreSQL) or a list of ids-ordered articles built lazily by
    ``SearchResults`` (SQLite); both paginate with Django's Paginator.
    """
    base = base if base is not None else Article.objects.published()
    if not query:
        return base.none()
    if connection.vendor == "postgresql":
        return _search_postgres(query, base)
    return SearchResults(query, base)


def _search_postgres(query: Query, base: ArticleQuerySet) -> ArticleQuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    # Folded words joined with AND: the typed text may hold tsquery syntax characters.
    tsquery = SearchQuery(" & ".join(query.terms), search_type="raw", config=CONFIG)
    # Only the newest CANDIDATES matches are ranked: a word found in half the archive
    # costs one walk down the publication-time index, not a ranking of 50.000 rows.
    candidates = (base.filter(search_vector=tsquery).order_by("-published_at", "-pk").values("pk"))[
        :CANDIDATES
    ]
    title = SearchVector("title", config=CONFIG)
    age_days = models.ExpressionWrapper(
        Extract(timezone.now() - models.F("published_at"), "epoch") / 86400.0,
        output_field=models.FloatField(),
    )
    return (
        Article.objects.filter(pk__in=candidates)
        .select_related("section", "cover")
        .defer("search_text")  # the snippet needs the body
        .annotate(
            relevance=(
                SearchRank(models.F("search_vector"), tsquery, cover_density=True)
                + SearchRank(title, tsquery, cover_density=True) * 2
            )
            / models.Func(
                models.Value(2.0),
                age_days / HALF_LIFE_DAYS,
                function="POWER",
                output_field=models.FloatField(),
            )
        )
        .order_by("-relevance", "-published_at", "-pk")
    )


class SearchResults:
    """SQLite: match in SQL, rank the newest matches in Python, load one page of articles."""

    def __init__(self, query: Query, base: ArticleQuerySet) -> None:
        matches = base
        for term in query.terms:
            matches = matches.filter(search_text__contains=f" {term} ")
        self.query = query
        self.matches = matches
        self.base = base
        self._ids: list[int] | None = None

    def ranked_ids(self) -> list[int]:
        if self._ids is None:
            now = timezone.now()
            phrase = " " + " ".join(self.query.terms) + " "
            scored = []
            newest = self.matches.order_by("-published_at", "-pk")[:CANDIDATES]
            for pk, title, text, published_at in newest.values_list(
                "pk", "title", "search_text", "published_at"
            ):
                title_words = set(words(title))
                score = sum(text.count(f" {t} ") for t in self.query.terms) / math.sqrt(
                    len(text) / 40 + 1
                )
                score += 2 * sum(t in title_words for t in self.query.terms)
                score += 2 if phrase in text else 0
                age = (now - published_at).total_seconds() / 86400
                scored.append((score / 2 ** (age / HALF_LIFE_DAYS), published_at, pk))
            scored.sort(reverse=True)
            self._ids = [pk for _score, _when, pk in scored]
        return self._ids

    def count(self) -> int:
        return len(self.ranked_ids())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        ids = self.ranked_ids()[item] if isinstance(item, slice) else [self.ranked_ids()[item]]
        cards = self.base.select_related("section", "cover").defer("search_text", "search_vector")
        by_id = {a.pk: a for a in cards.filter(pk__in=ids)}
        found = [by_id[pk] for pk in ids if pk in by_id]
        return found if isinstance(item, slice) else found[0]


_TOKEN = re.compile(r"\w+|\W+")


def _marked(tokens: list[str], query: Query) -> set[int]:
    """Indexes of the tokens to mark: the whole phrase where it occurs, else every term."""
    folded = [fold(tok) for tok in tokens]
    word_at = [i for i, tok in enumerate(tokens) if tok[:1].isalnum() or tok[:1] == "_"]
    n = len(query.terms)
    phrase = set()
    if n > 1:
        for k in range(len(word_at) - n + 1):
            if tuple(folded[word_at[k + j]] for j in range(n)) == query.terms:
                phrase.update(word_at[k : k + n])
    if phrase:
        return phrase
    return {i for i in word_at if folded[i] in query.terms}


def highlight(text: str, query: Query, *, length: int = 260) -> SafeString:
    """An escaped excerpt of ``text`` around the first match, matched words in <mark>.

    Where the reader's words occur together as a phrase, only the phrase is marked.
    """
    text = " ".join(strip_tags(text or "").split())
    tokens = _TOKEN.findall(text)
    marked = _marked(tokens, query)
    first = min(marked, default=None)
    start = 0
    if first is not None:
        # Start a few words before the first match so that it reads in context.
        offset = sum(len(tok) for tok in tokens[:first])
        if offset > length // 2:
            start = max(0, first - 12)
    out, used = [], 0
    if start:
        out.append("… ")
    for i, tok in enumerate(tokens[start:], start):
        if used + len(tok) > length and used:
            out.append("…")
            break
        used += len(tok)
        out.append(f"<mark>{escape(tok)}</mark>" if i in marked else escape(tok))
    return mark_safe("".join(out))  # every piece escaped above


def _has_phrase(text: str, query: Query) -> bool:
    return (" " + " ".join(query.terms) + " ") in (" " + " ".join(words(text)) + " ")


def snippet(article: Article, query: Query) -> SafeString:
    """The sapo when it holds a match, else the body around the first match."""
    texts = (article.sapo, strip_tags(article.body))
    for text in texts:  # the phrase first…
        if _has_phrase(text, query):
            return highlight(text, query)
    for text in texts:  # …then any of the words
        if set(words(text)) & set(query.terms):
            return highlight(text, query)
    return highlight(article.sapo, query)
