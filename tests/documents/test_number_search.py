"""A reader finds a document by its number however they type it, and first."""

import pytest

from documents.models import DocumentType, Issuer
from documents.numbers import clean_number, number_key
from documents.search import DocumentSearch, Filters
from tests.factories import make_document


def found(q: str, **filters) -> list[str]:
    search = DocumentSearch(Filters(q=q, **filters))
    return [d.number for d in search.results()[:10]]


@pytest.fixture
def documents(db):
    council = Issuer.objects.create(name="HĐND tỉnh Sông Lam", code="HĐND")
    resolution = DocumentType.objects.create(name="Nghị quyết", code="NQ")
    make_document(number="45/2023/TT-BCA", summary="Thông tin, tuyên truyền trên môi trường mạng")
    make_document(number="145/2023/TT-BCA", summary="Quy định về cư trú")
    make_document(number="45/2024/TT-BCA", summary="Quy định về căn cước")
    make_document(
        number="05/2019/NQ-HĐND",
        issuer=council,
        doc_type=resolution,
        summary="Mức chi hỗ trợ an ninh",
    )
    make_document(
        number="15/2019/NQ-HĐND", issuer=council, doc_type=resolution, summary="Mức chi phòng cháy"
    )
    make_document(
        number="12/2025/TT-BCA",
        summary="Hướng dẫn tổ chức Công an xã, bãi bỏ Thông tư 45/2023/TT-BCA một phần",
    )


def test_numbers_are_compared_by_letters_and_digits_folded():
    assert number_key("05/2019/NQ-HĐND") == "052019nqhdnd"
    assert number_key(" 45 / 2023 / tt – bca ") == "452023ttbca"
    assert clean_number("45 / 2023 / TT – BCA") == "45/2023/TT-BCA"


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("45/2023/TT-BCA", "45/2023/TT-BCA"),
        ("45/2023/tt-bca", "45/2023/TT-BCA"),
        ("45 / 2023 / TT BCA", "45/2023/TT-BCA"),
        ("05/2019/nq-hdnd", "05/2019/NQ-HĐND"),
        ("05/2019/NQ-HĐND", "05/2019/NQ-HĐND"),
        ("05/2019/NQHDND", "05/2019/NQ-HĐND"),
    ],
)
def test_the_number_typed_finds_its_document_first(documents, typed, first):
    results = found(typed)
    assert results[0] == first


def test_a_number_quoted_in_another_summary_comes_after_the_document_itself(documents):
    results = found("45/2023/tt-bca")
    assert results[0] == "45/2023/TT-BCA"
    assert "12/2025/TT-BCA" in results[1:]


def test_the_start_of_a_number_lists_the_documents_it_begins(documents):
    assert set(found("45/2023")) >= {"45/2023/TT-BCA"}
    assert "145/2023/TT-BCA" not in found("45/2023")[:1]


def test_words_without_diacritics_find_the_summary(documents):
    assert found("cu tru") == ["145/2023/TT-BCA"]
    assert set(found("muc chi")) == {"05/2019/NQ-HĐND", "15/2019/NQ-HĐND"}


def test_filters_combine_with_the_words_and_count_the_other_choices(documents):
    search = DocumentSearch(Filters(q="muc chi", issuer="hdnd-tinh-song-lam"))
    assert sorted(d.number for d in search.results()[:10]) == ["05/2019/NQ-HĐND", "15/2019/NQ-HĐND"]
    issuers = {c.label: c.count for c in search.facets()["issuer"]}
    assert issuers == {"HĐND tỉnh Sông Lam": 2}
    listing = DocumentSearch(Filters(doc_type="thong-tu"))
    assert listing.results().count() == 4
    # The issuer filter counts every issuer under the type chosen, its own choice aside.
    counts = {c.label: c.count for c in listing.facets()["issuer"]}
    assert counts == {"Bộ Công an": 4}
    types = {c.label: c.count for c in listing.facets()["doc_type"]}
    assert types == {"Thông tư": 4, "Nghị quyết": 2}


def test_a_draft_is_found_by_no_one(documents):
    make_document(number="99/2026/TT-BCA", status="draft", published_at=None)
    assert found("99/2026/TT-BCA") == []
