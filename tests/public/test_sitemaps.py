"""Sitemap index, its parts, the Google News sitemap and robots.txt."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.factories import make_article, make_campaign, make_section

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def locs(response, path: str = ".//s:loc") -> list[str]:
    assert response.status_code == 200
    return [e.text for e in ET.fromstring(response.content).findall(path, NS)]


@pytest.fixture
def site(db, now):
    section = make_section("An ninh trật tự")
    campaign = make_campaign("Vì an ninh Tổ quốc")
    article = make_article(title="Bài mới đăng", section=section, campaigns=[campaign])
    return section, campaign, article


def test_sitemap_is_an_index_of_articles_sections_campaigns_and_the_police_sections(client, site):
    parts = locs(client.get("/sitemap.xml"))
    assert [p.rsplit("/", 1)[1] for p in parts] == [
        "sitemap-articles.xml",
        "sitemap-sections.xml",
        "sitemap-campaigns.xml",
        "sitemap-police.xml",
        "sitemap-notices.xml",
        "sitemap-questions.xml",
        "sitemap-documents.xml",
        "sitemap-about.xml",
        "sitemap-en.xml",
    ]


def test_sitemap_parts_use_the_site_address(client, site):
    section, campaign, article = site
    assert locs(client.get("/sitemap-articles.xml")) == [
        f"http://127.0.0.1:8000{article.get_absolute_url()}"
    ]
    assert locs(client.get("/sitemap-sections.xml")) == [
        f"http://127.0.0.1:8000{section.get_absolute_url()}"
    ]
    assert locs(client.get("/sitemap-campaigns.xml")) == [
        f"http://127.0.0.1:8000{campaign.get_absolute_url()}"
    ]


def test_news_sitemap_lists_the_last_48_hours(client, site):
    _section, _campaign, recent = site
    make_article(title="Bài cũ ba ngày", published_at=timezone.now() - dt.timedelta(days=3))
    response = client.get("/news-sitemap.xml")
    assert locs(response) == [f"http://127.0.0.1:8000{recent.get_absolute_url()}"]
    root = ET.fromstring(response.content)
    news = root.find(".//news:news", NS)
    assert news.findtext("news:title", namespaces=NS) == "Bài mới đăng"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "vi"
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Công an tỉnh Sông Lam"
    assert news.findtext("news:publication_date", namespaces=NS).endswith("+07:00")


def test_robots_txt_points_at_both_sitemaps(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text
    assert "Sitemap: http://127.0.0.1:8000/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text
