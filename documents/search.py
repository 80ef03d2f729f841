"""The documents' list and search: filters that combine, their counts, and the number first.

``/van-ban/?q=45/2023/tt-bca&loai=thong-tu&nam=2023&tinh-trang=con-hieu-luc``

- **The number.** A query that may be a number (a digit and three signs or more) is
  compared by its key (``documents.numbers``): the document whose number is exactly the
  one typed comes first, then those whose number starts with it.
- **The words.** Every word, without diacritics, must occur in the number, the summary,
  the type, issuer, field, signer or the text of its files: PostgreSQL's full-text
  search in the ``newsroom_vi`` configuration on the stored ``search_vector`` (the number
  and summary weigh most), ranked by ``ts_rank`` among the newest ``CANDIDATES``
  matches; on SQLite a whole-word match on the folded ``search_text``.
- **The filters** (type, issuer, field, year of issue, status) combine, and each shows how
  many documents each of its choices would give with the *other* filters as they are.
- Without words the list is the newest issued first.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import operator
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.db.models.functions import ExtractYear
from django.utils import timezone

from documents.models import Document, DocumentType, Field, Issuer
from documents.numbers import looks_like_number, number_key
from documents.querysets import DocumentQuerySet
from documents.validity import (
    BY_SLUG,
    SLUGS,
    Validity,
    computed,
    validity_expression,
    validity_q,
)
from vietnamese.text import words

CONFIG = "newsroom_vi"
MAX_TERMS = 12
CANDIDATES = 1000
# The filters, in the order the form shows them.
Facets = ("doc_type", "issuer", "field", "year", "validity")
_SLUG = re.compile(r"^[a-z0-9-]{1,120}$")


@dataclass(frozen=True)
class Filters:
    """What a reader asked for, read from the address and kept only if well formed."""

    q: str = ""
    doc_type: str = ""
    issuer: str = ""
    field: str = ""
    year: int | None = None
    validity: str = ""

    # The name of each filter in addresses.
    PARAMETERS = {
        "q": "q",
        "doc_type": "loai",
        "issuer": "co-quan",
        "field": "linh-vuc",
        "year": "nam",
        "validity": "tinh-trang",
    }

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> Filters:
        def slug(name: str) -> str:
            value = (params.get(cls.PARAMETERS[name]) or "").strip().lower()
            return value if _SLUG.match(value) else ""

        year = (params.get("nam") or "").strip()
        status = BY_SLUG.get((params.get("tinh-trang") or "").strip(), "")
        return cls(
            q=" ".join((params.get("q") or "").split())[:200],
            doc_type=slug("doc_type"),
            issuer=slug("issuer"),
            field=slug("field"),
            year=int(year) if year.isdigit() and 1945 <= int(year) < 2100 else None,
            validity=str(status),
        )

    def params(self) -> dict[str, str]:
        values = {
            "q": self.q,
            "doc_type": self.doc_type,
            "issuer": self.issuer,
            "field": self.field,
            "year": str(self.year or ""),
            "validity": SLUGS.get(self.validity, "") if self.validity else "",
        }
        return {self.PARAMETERS[k]: v for k, v in values.items() if v}

    def querystring(self) -> str:
        """``q=…&loai=…`` in one order: the key of the list's cached parts."""
        return urlencode(self.params())

    def without(self, name: str) -> Filters:
        return replace(self, **{name: None if name == "year" else ""})

    def choose(self, name: str, value) -> Filters:
        return replace(self, **{name: value})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(words(self.q)))[:MAX_TERMS]


def narrowed(
    documents: DocumentQuerySet,
    filters: Filters,
    today: dt.date,
    *,
    but: str = "",
    ids: dict[str, int | None] | None = None,
):
    """``documents`` narrowed by every filter except ``but`` (and except the words).
    ``ids``: the chosen type, issuer and field by id (``Lists.ids``), which spares a join."""
    for name in ("doc_type", "issuer", "field"):
        if getattr(filters, name) and but != name:
            if ids is None:
                documents = documents.filter(**{f"{name}__slug": getattr(filters, name)})
            else:
                documents = documents.filter(**{f"{name}_id": ids[name]})
    if filters.year and but != "year":
        documents = documents.filter(
            issued_on__gte=dt.date(filters.year, 1, 1),
            issued_on__lt=dt.date(filters.year + 1, 1, 1),
        )
    if filters.validity and but != "validity":
        documents = documents.filter(validity_q(filters.validity, today))
    return documents


def narrowing(filters: Filters, today: dt.date, ids: dict, *, but: str = "") -> models.Q:
    """``narrowed()`` as a condition (for counts taken in one pass)."""
    wanted = models.Q()
    for name in ("doc_type", "issuer", "field"):
        if getattr(filters, name) and but != name:
            wanted &= models.Q(**{f"{name}_id": ids[name]})
    if filters.year and but != "year":
        wanted &= models.Q(
            issued_on__gte=dt.date(filters.year, 1, 1),
            issued_on__lt=dt.date(filters.year + 1, 1, 1),
        )
    if filters.validity and but != "validity":
        wanted &= validity_q(filters.validity, today)
    return wanted


class Lists:
    """The types, issuers and fields (short lists: one small query each)."""

    def __init__(self) -> None:
        self.by_id = {
            "doc_type": {t.pk: t for t in DocumentType.objects.only("name", "slug", "position")},
            "issuer": {i.pk: i for i in Issuer.objects.only("name", "slug", "position")},
            "field": {f.pk: f for f in Field.objects.only("name", "slug", "position")},
        }

    def ids(self, filters: Filters) -> dict[str, int | None]:
        """The chosen entries' ids; an unknown slug gives None (nothing matches it)."""
        found = {}
        for name, entries in self.by_id.items():
            slug = getattr(filters, name)
            found[name] = next((pk for pk, e in entries.items() if e.slug == slug), None)
        return found


class IdPages:
    """A queryset paged in two steps: the page's ids from the index alone, then its rows
    (a late page skips thousands of ids, never thousands of wide rows). ``total``, when
    known already, spares the count."""

    def __init__(self, documents: DocumentQuerySet, total=None) -> None:
        self.documents = documents
        self.total = total

    def count(self) -> int:
        return self.total() if self.total is not None else self.documents.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        ids = list(self.documents.values_list("pk", flat=True)[item])
        by_id = Document.objects.filter(pk__in=ids).for_list().in_bulk()
        return [by_id[pk] for pk in ids if pk in by_id]


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Candidate:
    """A document matching the words, with what the filters and the ranking read."""

    pk: int
    doc_type_id: int
    issuer_id: int
    field_id: int | None
    issued_on: dt.date
    validity: str
    key: str
    rank: float


class DocumentSearch:
    """The published documents a reader's filters and words give, best first.

    Without words: the list, paged from the index, and every filter's counts in one pass
    over ``document_facets_idx`` (PostgreSQL's GROUPING SETS). With words: the newest
    ``CANDIDATES`` documents matching them are read once (a few columns each), ranked,
    and both the results and the filters' counts are taken from them; with filters
    chosen, a second read takes the candidates among the documents they allow.
    """

    def __init__(self, filters: Filters, *, today: dt.date | None = None) -> None:
        self.filters = filters
        self.today = today or timezone.localdate()
        self.postgres = connection.vendor == "postgresql"
        self.key = number_key(filters.q) if looks_like_number(filters.q) else ""
        self.lists = Lists()
        self.ids = self.lists.ids(filters)
        self.published = Document.objects.published()
        self.documents = narrowed(self.published, filters, self.today, ids=self.ids)
        self._ids: list[int] | None = None
        self._pool: list[Candidate] | None = None

    def _words(self) -> models.Q:
        terms = self.filters.terms
        if self.postgres:
            self.tsquery = SearchQuery(" & ".join(terms), search_type="raw", config=CONFIG)
            return models.Q(search_vector=self.tsquery)
        wanted = models.Q()
        for term in terms:
            wanted &= models.Q(search_text__contains=f" {term} ")
        return wanted

    def _match(self) -> models.Q:
        match = self._words()
        if self.key:
            match |= models.Q(number_key__startswith=self.key)
        return match

    def _candidates(self, documents: DocumentQuerySet) -> list[Candidate]:
        """The newest matches among ``documents``, a few columns each, with their rank."""
        found = documents.filter(self._match()).order_by("-issued_on", "-pk")
        columns = [
            "pk", "doc_type_id", "issuer_id", "field_id", "issued_on", "effective_from",
            "expires_on", "validity_override", "number_key",
        ]  # fmt: skip
        if self.postgres:
            found = found.annotate(rank=SearchRank(models.F("search_vector"), self.tsquery))
            rows = [
                (*row[:-1], row[-1]) for row in found.values_list(*columns, "rank")[:CANDIDATES]
            ]
        else:
            rows = [
                (*row[:-2], self._score(row[-2], row[-1]))
                for row in found.values_list(*columns, "search_text", "summary")[:CANDIDATES]
            ]
        return [
            Candidate(
                pk=pk, doc_type_id=doc_type_id, issuer_id=issuer_id, field_id=field_id,
                issued_on=issued_on, key=key, rank=rank or 0.0,
                validity=computed(
                    issued_on=issued_on, effective_from=effective_from, expires_on=expires_on,
                    override=override, today=self.today,
                ),
            )
            for (pk, doc_type_id, issuer_id, field_id, issued_on, effective_from, expires_on,
                 override, key, rank) in rows
        ]  # fmt: skip

    def _keeps(self, candidate: Candidate, *, but: str = "") -> bool:
        filters = self.filters
        for name in ("doc_type", "issuer", "field"):
            if getattr(filters, name) and but != name:
                if getattr(candidate, f"{name}_id") != self.ids[name]:
                    return False
        if filters.year and but != "year" and candidate.issued_on.year != filters.year:
            return False
        return not (
            filters.validity and but != "validity" and candidate.validity != filters.validity
        )

    @property
    def pool(self) -> list[Candidate]:
        """The candidates regardless of the filters (for their counts)."""
        if self._pool is None:
            self._pool = self._candidates(self.published)
        return self._pool

    # Results -----------------------------------------------------------------------

    def results(self):
        """What a Paginator pages through: ranked ids when words were typed, else the
        newest issued first."""
        if not self.filters.terms:
            total = self._one_pass_total if self.postgres else None
            return IdPages(self.documents.latest_first(), total)
        return self

    def ranked_ids(self) -> list[int]:
        if self._ids is None:
            chosen = any(getattr(self.filters, n) for n in Facets)
            found = self._candidates(self.documents) if chosen else self.pool
            exact = [c for c in found if self.key and c.key == self.key]
            start = [
                c for c in found if self.key and c.key != self.key and c.key.startswith(self.key)
            ]
            first = {c.pk for c in exact + start}
            worded = sorted(
                (c for c in found if c.pk not in first),
                key=lambda c: (c.rank, c.issued_on, c.pk),
                reverse=True,
            )
            self._ids = [c.pk for c in exact + start + worded]
        return self._ids

    def _score(self, text: str, summary: str) -> float:
        terms = self.filters.terms
        in_summary = set(words(summary))
        score = sum(text.count(f" {t} ") for t in terms) / math.sqrt(len(text) / 40 + 1)
        return score + 2 * sum(t in in_summary for t in terms)

    def count(self) -> int:
        return len(self.ranked_ids())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        ids = self.ranked_ids()[item] if isinstance(item, slice) else [self.ranked_ids()[item]]
        by_id = Document.objects.filter(pk__in=ids).for_list().in_bulk()
        found = [by_id[pk] for pk in ids if pk in by_id]
        return found if isinstance(item, slice) else found[0]

    # Filters and their counts ------------------------------------------------------

    def facets(self) -> dict[str, list[Choice]]:
        """Each filter's choices with the number of documents each would give, the other
        filters applied: from the index without words, from the candidates with them."""
        if self.filters.terms:
            counts = {
                name: Counter(self._value(c, name) for c in self.pool if self._keeps(c, but=name))
                for name in Facets
            }
        elif self.postgres:
            counts = self._one_pass()
        else:
            counts = {name: self._counted(name) for name in Facets}
        return {name: self._choices(name, counts[name]) for name in Facets}

    def _one_pass(self) -> dict[str, Counter]:
        """Every filter's counts, and the total, in one pass over the published documents
        (PostgreSQL's GROUPING SETS): each count is filtered by the other filters."""
        if hasattr(self, "_passed"):
            return self._passed
        columns = {
            "doc_type": models.F("doc_type_id"),
            "issuer": models.F("issuer_id"),
            "field": models.F("field_id"),
            # date_part's float, not EXTRACT's numeric (slower to compute and to hash).
            "year": models.Func(
                models.F("issued_on"),
                template="date_part('year', %(expressions)s)",
                output_field=models.FloatField(),
            ),
            "validity": validity_expression(self.today),
        }
        # Every column read here is in ``document_facets_idx`` (whose condition is the
        # publication rule's ``status``): PostgreSQL reads the index alone, never the wide
        # rows. A count that no other filter narrows is a plain ``count(*)``, the same one
        # for all of them (PostgreSQL computes it once); the others count the rows their
        # ``keep_`` column keeps.
        kept = {}
        for name in (*Facets, "all"):
            wanted = narrowing(self.filters, self.today, self.ids, but=name)
            if wanted:
                kept[f"keep_{name}"] = models.ExpressionWrapper(
                    wanted, output_field=models.BooleanField()
                )
        documents = self.published.order_by()
        chosen = [name for name in Facets if getattr(self.filters, name)]
        if len(chosen) > 1:
            # Every count applies all the chosen filters but one at most: a document that
            # two of them leave out is in none, and need not be grouped.
            documents = documents.filter(
                functools.reduce(
                    operator.or_,
                    (narrowing(self.filters, self.today, self.ids, but=name) for name in chosen),
                )
            )
        inner = documents.annotate(
            **{f"facet_{name}": column for name, column in columns.items()}, **kept
        ).values(*(f"facet_{name}" for name in Facets), *kept)
        sql, params = inner.query.sql_with_params()
        sets = ", ".join(f"(facet_{name})" for name in Facets)
        counted = ", ".join(
            f"count(*) FILTER (WHERE keep_{name})" if f"keep_{name}" in kept else "count(*)"
            for name in (*Facets, "all")
        )
        groupings = ", ".join(f"GROUPING(facet_{name})" for name in Facets)
        query = (
            f"SELECT {groupings}, {', '.join(f'facet_{n}' for n in Facets)}, {counted} "
            f"FROM ({sql}) AS documents GROUP BY GROUPING SETS ({sets}, ())"
        )
        counts = {name: Counter() for name in Facets}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            for row in cursor.fetchall():
                grouped, values, numbers = row[:5], row[5:10], row[10:]
                if all(grouped):
                    total = numbers[-1]
                    continue
                at = grouped.index(0)
                if numbers[at]:
                    value = int(values[at]) if Facets[at] == "year" else values[at]
                    counts[Facets[at]][value] = numbers[at]
        self._passed = counts
        self._total = total
        return counts

    def _one_pass_total(self) -> int:
        self._one_pass()
        return self._total

    @staticmethod
    def _value(candidate: Candidate, name: str):
        if name == "year":
            return candidate.issued_on.year
        if name == "validity":
            return candidate.validity
        return getattr(candidate, f"{name}_id")

    def _counted(self, name: str) -> Counter:
        documents = narrowed(self.published, self.filters, self.today, but=name, ids=self.ids)
        documents = documents.order_by()
        if name == "validity":
            counts = documents.aggregate(
                **{
                    status.value: models.Count("pk", filter=validity_q(status, self.today))
                    for status in Validity
                }
            )
            return Counter(counts)
        column = "year" if name == "year" else f"{name}_id"
        if name == "year":
            documents = documents.annotate(year=ExtractYear("issued_on"))
        return Counter(dict(documents.values_list(column).annotate(n=models.Count("pk"))))

    def _choices(self, name: str, counts: Counter) -> list[Choice]:
        chosen = getattr(self.filters, name)
        if name == "validity":
            return [
                Choice(SLUGS[s], str(s.label), counts.get(s.value, 0), s == chosen)
                for s in Validity
                if counts.get(s.value) or s == chosen
            ]
        if name == "year":
            return [
                Choice(str(year), str(year), n, year == chosen)
                for year, n in sorted(counts.items(), reverse=True)
                if year
            ]
        entries = self.lists.by_id[name]
        shown = sorted(
            (entries[pk] for pk in counts if pk in entries), key=lambda e: (e.position, e.name)
        )
        return [Choice(e.slug, e.name, counts[e.pk], e.slug == chosen) for e in shown]
