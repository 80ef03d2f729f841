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
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.db.models.functions import ExtractYear
from django.utils import timezone

from documents.models import Document
from documents.numbers import looks_like_number, number_key
from documents.querysets import DocumentQuerySet
from documents.validity import BY_SLUG, SLUGS, Validity, validity_q
from vietnamese.text import words

CONFIG = "newsroom_vi"
MAX_TERMS = 12
CANDIDATES = 500
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


def narrowed(documents: DocumentQuerySet, filters: Filters, today: dt.date, *, but: str = ""):
    """``documents`` narrowed by every filter except ``but`` (and except the words)."""
    if filters.doc_type and but != "doc_type":
        documents = documents.filter(doc_type__slug=filters.doc_type)
    if filters.issuer and but != "issuer":
        documents = documents.filter(issuer__slug=filters.issuer)
    if filters.field and but != "field":
        documents = documents.filter(field__slug=filters.field)
    if filters.year and but != "year":
        documents = documents.filter(
            issued_on__gte=dt.date(filters.year, 1, 1),
            issued_on__lt=dt.date(filters.year + 1, 1, 1),
        )
    if filters.validity and but != "validity":
        documents = documents.filter(validity_q(filters.validity, today))
    return documents


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool


class DocumentSearch:
    """The published documents a reader's filters and words give, best first."""

    def __init__(self, filters: Filters, *, today: dt.date | None = None) -> None:
        self.filters = filters
        self.today = today or timezone.localdate()
        self.postgres = connection.vendor == "postgresql"
        self.key = number_key(filters.q) if looks_like_number(filters.q) else ""
        published = Document.objects.published()
        self.matched = published.filter(self._match()) if filters.terms else published
        self.documents = narrowed(self.matched, filters, self.today)
        self._ids: list[int] | None = None

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

    # Results -----------------------------------------------------------------------

    def results(self):
        """What a Paginator pages through: ranked ids when words were typed, else the
        newest issued first."""
        if not self.filters.terms:
            return self.documents.latest_first().for_list()
        return self

    def ranked_ids(self) -> list[int]:
        if self._ids is None:
            ids: list[int] = []
            if self.key:
                numbered = self.documents.filter(number_key__startswith=self.key)
                rows = numbered.latest_first().values_list("pk", "number_key")[:CANDIDATES]
                exact = [pk for pk, key in rows if key == self.key]
                ids = exact + [pk for pk, key in rows if key != self.key]
            worded = self.documents.filter(self._words()).latest_first()[:CANDIDATES]
            if self.postgres:
                rank = SearchRank(models.F("search_vector"), self.tsquery)
                scored = worded.annotate(rank=rank).values_list("pk", "rank", "issued_on")
            else:
                scored = [
                    (pk, self._score(text, summary), issued)
                    for pk, text, summary, issued in worded.values_list(
                        "pk", "search_text", "summary", "issued_on"
                    )
                ]
            ranked = sorted(scored, key=lambda row: (row[1], row[2], row[0]), reverse=True)
            seen = set(ids)
            ids += [pk for pk, _rank, _issued in ranked if pk not in seen]
            self._ids = ids
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
        filters applied (one query per filter)."""
        facets = {name: self._named(name) for name in ("doc_type", "issuer", "field")}
        facets["year"] = self._years()
        facets["validity"] = self._validity()
        return facets

    def _named(self, name: str) -> list[Choice]:
        rows = (
            narrowed(self.matched, self.filters, self.today, but=name)
            .exclude(**{f"{name}__isnull": True})
            .order_by()
            .values(f"{name}__slug", f"{name}__name", f"{name}__position")
            .annotate(n=models.Count("pk"))
        )
        chosen = getattr(self.filters, name)
        rows = sorted(rows, key=lambda r: (r[f"{name}__position"], r[f"{name}__name"]))
        return [
            Choice(r[f"{name}__slug"], r[f"{name}__name"], r["n"], r[f"{name}__slug"] == chosen)
            for r in rows
        ]

    def _years(self) -> list[Choice]:
        rows = (
            narrowed(self.matched, self.filters, self.today, but="year")
            .order_by()
            .annotate(year=ExtractYear("issued_on"))
            .values("year")
            .annotate(n=models.Count("pk"))
            .order_by("-year")
        )
        return [
            Choice(str(r["year"]), str(r["year"]), r["n"], r["year"] == self.filters.year)
            for r in rows
        ]

    def _validity(self) -> list[Choice]:
        counts = narrowed(self.matched, self.filters, self.today, but="validity").aggregate(
            **{
                status.value: models.Count("pk", filter=validity_q(status, self.today))
                for status in Validity
            }
        )
        return [
            Choice(
                SLUGS[status],
                str(status.label),
                counts[status.value],
                status == self.filters.validity,
            )
            for status in Validity
            if counts[status.value] or status == self.filters.validity
        ]
