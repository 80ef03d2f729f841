"""Every public page has a title, a meta description and an absolute canonical address."""

import re
from html import unescape

import pytest

from articles.models import Article, Tag
from tests.factories import make_article, make_author, make_campaign, make_section


@pytest.fixture
def urls(db):
    section = make_section("An ninh trật tự", description="Đấu tranh phòng, chống tội phạm.")
    tag = Tag.objects.create(name="huyện Phú Lương")
    author = make_author("Lê Thị Hạnh", "Phòng Tham mưu")
    campaign = make_campaign("Vì an ninh Tổ quốc", slogan="Toàn dân bảo vệ an ninh")
    article = make_article(
        title="Tuần tra bảo đảm an ninh dịp lễ",
        section=section,
        tags=[tag],
        authors=[author],
        campaigns=[campaign],
    )
    gone = make_article(title="Bài đã gỡ", status=Article.Status.UNPUBLISHED)
    return {
        "/": 200,
        section.get_absolute_url(): 200,
        tag.get_absolute_url(): 200,
        author.get_absolute_url(): 200,
        campaign.get_absolute_url(): 200,
        article.get_absolute_url(): 200,
        "/tim-kiem/?q=an+ninh": 200,
        "/tim-kiem/": 200,
        "/khong-co/": 404,
        gone.get_absolute_url(): 410,
    }


def test_title_description_and_canonical_on_every_page(client, urls):
    for url, status in urls.items():
        response = client.get(url)
        assert response.status_code == status, url
        html = response.content.decode()
        titles = re.findall(r"<title>([^<]+)</title>", html)
        assert len(titles) == 1 and "Công an tỉnh Sông Lam" in titles[0], url
        description = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert description and len(description.group(1).strip()) > 20, url
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
        assert len(canonical) == 1 and canonical[0].startswith("http://127.0.0.1:8000/"), url
        assert html.count("<h1") == 1, url
        assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html, url


def test_listing_titles_and_descriptions_say_what_is_listed(client, urls):
    html = client.get("/chuyen-muc/an-ninh-trat-tu/").content.decode()
    assert "<title>An ninh trật tự — Công an tỉnh Sông Lam</title>" in html
    assert '<meta name="description" content="Đấu tranh phòng, chống tội phạm.">' in html
    html = client.get("/the/huyen-phu-luong/").content.decode()
    assert "<title>Thẻ: huyện Phú Lương — Công an tỉnh Sông Lam</title>" in html


def test_an_article_description_is_its_lead_cut_at_a_word_limit_for_search_and_shares(client, db):
    short = "Công an huyện Phú Lương ra quân bảo đảm an toàn giao thông & trật tự."
    long = "Lực lượng Cảnh sát giao thông tăng cường tuần tra, kiểm soát. " * 8  # ~500 chars
    pages = {}
    for sapo in (short, long):
        article = make_article(title=f"Tuần tra dịp lễ {len(sapo)}", sapo=sapo)
        pages[sapo] = client.get(article.get_absolute_url()).content.decode()

    def meta(html: str, attribute: str, name: str) -> str:
        return unescape(re.search(f'<meta {attribute}="{name}" content="([^"]*)">', html)[1])

    html = pages[short]
    assert meta(html, "name", "description") == short  # escaped in the page, whole
    assert "&amp; trật tự" in html
    html = pages[long]
    for attribute, name, limit in [
        ("name", "description", 300),
        ("property", "og:description", 300),
    ]:
        cut = meta(html, attribute, name)
        assert len(cut) == limit and cut.endswith("…") and long.startswith(cut[:-1])
    # X (Twitter) falls back to the og: tags: they are not written twice.
    assert 'name="twitter:card"' in html and "twitter:description" not in html
