"""Whatever a visitor types into an address, the site answers with a page, never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.public_input import clean_search_query, is_valid_page
from tests.factories import make_article, make_author, make_campaign, make_image, make_section

# Any Unicode text a browser can send (lone surrogates cannot be encoded in a URL).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(db):
    """A small site with more than one page of articles in a section."""
    section = make_section("An ninh trật tự")
    author = make_author()
    campaign = make_campaign("Vì an ninh Tổ quốc")
    cover = make_image()
    articles = [
        make_article(section=section, authors=[author], campaigns=[campaign], cover=cover)
        for _ in range(22)
    ]
    tag = articles[0].tags.create(name="huyện Phú Lương", slug="huyen-phu-luong")
    return {
        "article": articles[0].get_absolute_url(),
        "listings": [
            section.get_absolute_url(),
            tag.get_absolute_url(),
            author.get_absolute_url(),
            campaign.get_absolute_url(),
        ],
    }


def public_urls(site) -> list[str]:
    return ["/", site["article"], *site["listings"], "/sitemap.xml", "/tim-kiem/"]


@FUZZ
@given(value=any_text, key=st.sampled_from(["page", "q", "p", "utm_source", "x"]))
def test_no_query_parameter_makes_a_public_page_fail(site, value, key):
    client = Client(raise_request_exception=False)
    for url in public_urls(site):
        response = client.get(url, {key: value})
        assert response.status_code < 500, (url, key, value, response.status_code)


@FUZZ
@given(segment=any_text.filter(lambda s: s and "/" not in s and "?" not in s and "#" not in s))
def test_no_slug_makes_a_public_page_fail(site, segment):
    client = Client(raise_request_exception=False)
    for prefix in ["/bai-viet/", "/chuyen-muc/", "/the/", "/tac-gia/", "/chien-dich/", "/media/"]:
        response = client.get(f"{prefix}{segment}/")
        assert response.status_code < 500, (prefix, segment, response.status_code)


@FUZZ
@given(raw=st.binary(max_size=200))
def test_no_raw_bytes_in_the_query_string_make_a_page_fail(site, raw):
    from urllib.parse import quote_from_bytes

    client = Client(raise_request_exception=False)
    query = "page=" + quote_from_bytes(raw) + "&q=" + quote_from_bytes(raw)
    for url in public_urls(site):
        response = client.get(f"{url}?{query}")
        assert response.status_code < 500, (url, raw, response.status_code)


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "١", "2" * 5000, "99999", "%00", ""])
def test_a_page_that_is_not_a_page_number_is_not_found(client, site, page):
    response = client.get(site["listings"][0], {"page": page})
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_real_page_numbers_still_work(client, site):
    assert client.get(site["listings"][0], {"page": "2"}).status_code == 200
    assert client.get(site["listings"][0], {"page": "last"}).status_code == 200


def test_nul_in_a_query_is_refused_before_it_reaches_the_database(client, site):
    response = client.get("/", {"q": "an ninh\x00"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  an   ninh\tto quoc ", "an ninh to quoc"),
        ("an ninh Tổ quốc", "an ninh Tổ quốc"),
        ("ba\u0300i vie\u0302\u0301t", "bài viết"),  # decomposed, as some phones send it
        ("\u200b\u0000xin chào\x1b", "\u200bxin chào"),
        (None, ""),
    ],
)
def test_search_queries_are_cleaned(raw, expected):
    assert clean_search_query(raw) == expected


def test_search_queries_are_cut_at_the_limit_on_a_word(settings):
    settings.SEARCH_QUERY_MAX_LENGTH = 20
    assert clean_search_query("phòng chống tội phạm ma túy") == "phòng chống tội phạm"
    assert clean_search_query("x" * 50) == "x" * 20


def test_the_search_query_a_view_receives_is_already_capped(rf, settings):
    from newsroom.middleware import PublicInputMiddleware

    settings.SEARCH_QUERY_MAX_LENGTH = 10
    seen = {}

    def view(request):
        seen.update(request.GET)
        return None

    PublicInputMiddleware(view)(rf.get("/tim-kiem/", {"q": "an ninh trật tự xã hội", "page": "2"}))
    assert seen == {"q": ["an ninh"], "page": ["2"]}


@pytest.mark.parametrize(("raw", "ok"), [("1", True), ("12", True), ("last", True), ("01", False)])
def test_page_numbers(raw, ok):
    assert is_valid_page(raw) is ok
