"""Each filter's counts, however many filters are chosen, are the plain count of the
published documents that choice would give with the other filters as they are."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from documents.models import Document, DocumentType, Field, Issuer
from documents.search import DocumentSearch, Facets, Filters, narrowed
from documents.validity import BY_SLUG
from tests.factories import make_document


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def documents(db, today):
    types = [
        DocumentType.objects.create(name="Thông tư", code="TT"),
        DocumentType.objects.create(name="Kế hoạch", code="KH"),
    ]
    issuers = [
        Issuer.objects.create(name="Bộ Công an", code="BCA"),
        Issuer.objects.create(name="Công an tỉnh Sông Lam", code="CAT"),
    ]
    fields = [Field.objects.create(name="Cư trú"), Field.objects.create(name="An ninh mạng"), None]
    years = [today.year - 6, today.year - 2, today.year]
    for n in range(36):
        issued = dt.date(years[n % 3], 3, 1 + n % 20)
        dated = {}
        if n % 4 == 1:  # out of force
            dated = {"effective_from": issued, "expires_on": issued + dt.timedelta(days=30)}
        elif n % 4 == 2:  # not yet in force
            dated = {"effective_from": today + dt.timedelta(days=10 + n)}
        if n % 9 == 3:  # set by hand
            dated["validity_override"] = "partial"
            dated["validity_reason"] = "Một số điều bị bãi bỏ."
        make_document(
            number=f"{n + 1}/{issued.year}/TT-BCA",
            doc_type=types[n % 2],
            issuer=issuers[n // 2 % 2],
            field=fields[n % 3],
            issued_on=min(issued, today),
            **dated,
        )
    # Seen by no one: counted nowhere.
    make_document(number="90/2025/TT-BCA", status="draft", published_at=None)
    make_document(number="91/2025/TT-BCA", published_at=timezone.now() + dt.timedelta(days=1))


def plain_counts(filters: Filters, name: str, today: dt.date) -> dict[str, int]:
    """Every value of ``name``, with the other filters as they are: one count() each."""
    published = Document.objects.published()
    values = {
        "doc_type": [t.slug for t in DocumentType.objects.all()],
        "issuer": [i.slug for i in Issuer.objects.all()],
        "field": [f.slug for f in Field.objects.all()],
        "year": sorted({d.year for d in published.values_list("issued_on", flat=True)}),
        "validity": list(BY_SLUG),
    }[name]
    counts = {}
    for value in values:
        chosen = filters.choose(name, BY_SLUG[value] if name == "validity" else value)
        n = narrowed(published, chosen, today).count()
        if n:
            counts[str(value)] = n
    return counts


CHOICES = [
    {},
    {"loai": "thong-tu"},
    {"tinh-trang": "con-hieu-luc"},
    {"loai": "ke-hoach", "co-quan": "bo-cong-an"},
    {"co-quan": "cong-an-tinh-song-lam", "tinh-trang": "het-hieu-luc"},
    {"linh-vuc": "cu-tru", "tinh-trang": "het-hieu-luc-mot-phan"},
    {"loai": "thong-tu", "tinh-trang": "chua-co-hieu-luc", "linh-vuc": "an-ninh-mang"},
    {
        "loai": "thong-tu",
        "co-quan": "bo-cong-an",
        "linh-vuc": "cu-tru",
        "tinh-trang": "con-hieu-luc",
    },
    {"loai": "khong-co-loai-nay", "co-quan": "bo-cong-an"},
]


@pytest.mark.parametrize("params", CHOICES)
@pytest.mark.parametrize("with_year", [False, True])
def test_each_filter_counts_what_its_choices_would_give(documents, today, params, with_year):
    if with_year:
        params = {**params, "nam": str(today.year - 2)}
    filters = Filters.from_query(params)
    search = DocumentSearch(filters, today=today)
    facets = search.facets()
    for name in Facets:
        shown = {c.value: c.count for c in facets[name] if c.count}
        assert shown == plain_counts(filters, name, today), name
    assert (
        search.results().count() == narrowed(Document.objects.published(), filters, today).count()
    )


def test_the_counts_and_the_total_take_one_query(documents, today, django_assert_num_queries):
    """On PostgreSQL; SQLite counts filter by filter (one query each) and the total."""
    search = DocumentSearch(
        Filters.from_query(
            {"loai": "thong-tu", "nam": str(today.year), "tinh-trang": "con-hieu-luc"}
        ),
        today=today,
    )
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else len(Facets) + 1):
        search.facets()
        search.results().count()
