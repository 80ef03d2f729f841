"""English pages under /en/: English whatever the browser, Vietnamese pages Vietnamese
whatever the browser; each page links its counterpart both ways (hreflang, the switch)."""

import pytest
from django.test import Client

from english.models import EnglishPage
from english.services import english_save
from organisation.models import Page, Unit
from publishing.models import Status
from tests.factories import make_article, make_unit


@pytest.fixture
def pages(db, editor):
    make_unit("Công an tỉnh Sông Lam", kind=Unit.Kind.COMMAND, name_en="Sông Lam Provincial Police")
    intro = Page.objects.create(
        kind=Page.Kind.INTRODUCTION, title="Giới thiệu chung", body="<p>Công an tỉnh</p>"
    )
    duties = Page.objects.create(
        kind=Page.Kind.FUNCTIONS, title="Chức năng, nhiệm vụ", body="<p>Nhiệm vụ</p>"
    )
    article = make_article(title="Cảnh báo thủ đoạn giả danh công an")
    translations = {}
    for source in ({"source_page": intro}, {"source_page": duties}, {"source_article": article}):
        page = EnglishPage(title=f"English {len(translations)}", body="<p>In English</p>", **source)
        english_save(page=page, by=editor)
        EnglishPage.objects.filter(pk=page.pk).update(
            status=Status.PUBLISHED, published_at=article.published_at
        )
        translations[next(iter(source.values()))] = page
    return intro, duties, article, translations


def alternates(html: str) -> dict[str, str]:
    found = {}
    for line in html.splitlines():
        if 'rel="alternate" hreflang=' in line:
            lang = line.split('hreflang="')[1].split('"')[0]
            found[lang] = line.split('href="')[1].split('"')[0]
    return found


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("/gioi-thieu/", "/en/"),
        ("/gioi-thieu/chuc-nang-nhiem-vu/", "/en/about/english-1/"),
        ("/gioi-thieu/co-cau-to-chuc/", "/en/structure/"),
        ("/gioi-thieu/lanh-dao/", "/en/leaders/"),
        ("/lien-he/", "/en/contact/"),
    ],
)
def test_hreflang_links_each_page_to_its_counterpart_both_ways(client, pages, vi, en):
    intro, duties, _article, _translations = pages
    duties.slug = "chuc-nang-nhiem-vu"
    duties.save()
    vietnamese, english = client.get(vi), client.get(en)
    assert vietnamese.status_code == english.status_code == 200
    for response in (vietnamese, english):
        links = alternates(response.content.decode())
        assert (
            links["vi"].endswith(vi)
            and links["en"].endswith(en)
            and links["x-default"].endswith(vi)
        )
    assert f'href="{en}" hreflang="en"' in vietnamese.content.decode()
    assert f'href="{vi}" hreflang="vi"' in english.content.decode()


def test_a_translated_article_and_its_english_point_at_each_other(client, pages):
    _intro, _duties, article, translations = pages
    english = translations[article]
    html = client.get(article.get_absolute_url()).content.decode()
    assert alternates(html)["en"].endswith(english.get_absolute_url())
    html = client.get(english.get_absolute_url()).content.decode()
    assert alternates(html)["vi"].endswith(article.get_absolute_url())


def test_an_untranslated_article_has_no_switch(client, pages):
    other = make_article(title="Bài chưa dịch")
    html = client.get(other.get_absolute_url()).content.decode()
    assert "hreflang" not in html and "language-switch" not in html


def test_vietnamese_pages_stay_vietnamese_whatever_the_browser_asks(pages):
    browser = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    response = browser.get("/gioi-thieu/")
    html = response.content.decode()
    assert response["Content-Language"] == "vi"
    assert '<html lang="vi">' in html and "Cơ cấu tổ chức" in html
    assert "Accept-Language" not in response.get("Vary", "")


def test_english_pages_are_english_whatever_the_browser_asks(pages):
    browser = Client(HTTP_ACCEPT_LANGUAGE="vi-VN,vi;q=0.9")
    response = browser.get("/en/")
    html = response.content.decode()
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in html
    assert "Organisation chart" in html and "Cơ cấu tổ chức" not in html
    assert "Liên hệ" not in html and "Contact" in html


def test_an_english_page_and_a_vietnamese_page_never_share_a_cached_part(client, pages):
    for _ in range(2):  # the second time from the caches
        assert "Organisation chart" in client.get("/en/structure/").content.decode()
        html = client.get("/gioi-thieu/co-cau-to-chuc/").content.decode()
        assert "Cơ cấu tổ chức" in html and "Organisation chart" not in html


def test_a_draft_translation_is_not_shown(client, pages):
    _intro, duties, _article, translations = pages
    EnglishPage.objects.filter(pk=translations[duties].pk).update(status=Status.DRAFT)
    assert client.get(translations[duties].get_absolute_url()).status_code == 404
    html = client.get(duties.get_absolute_url()).content.decode()
    assert "hreflang" not in html
