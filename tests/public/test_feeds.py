"""RSS 2.0: the latest articles, per section and per campaign."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from tests.factories import jpeg_bytes, make_article, make_campaign, make_image, make_section


@pytest.fixture
def article(db):
    return make_article(
        title="Ra quân đợt cao điểm tấn công trấn áp tội phạm",
        sapo="Hơn 2.000 cán bộ, chiến sĩ tham gia lễ ra quân & diễu hành <bảo đảm> an ninh.",
        cover=make_image(data=jpeg_bytes((1200, 750))),
        section=make_section("An ninh trật tự"),
        campaigns=[make_campaign("Vì an ninh Tổ quốc")],
        published_at=dt.datetime(2023, 3, 21, 1, 44, tzinfo=dt.UTC),
    )


def items(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # well-formed XML or this raises
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.findall("./channel/item")


def test_latest_feed_has_full_sapo_local_date_and_cover_enclosure(client, article):
    [item] = items(client.get("/rss/"))
    assert item.findtext("title") == article.title
    assert item.findtext("description") == article.sapo  # whole, unescaped once parsed
    assert item.findtext("link") == f"http://127.0.0.1:8000{article.get_absolute_url()}"
    assert item.findtext("pubDate") == "Tue, 21 Mar 2023 08:44:00 +0700"
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == f"http://127.0.0.1:8000{article.cover.file.url}"
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == article.cover.file.size
    assert item.findtext("category") == "An ninh trật tự"


def test_section_and_campaign_feeds_hold_only_their_articles(client, article):
    other = make_article(title="Bài của chuyên mục khác", section=make_section("Chuyển đổi số"))
    section_items = items(client.get(f"/chuyen-muc/{article.section.slug}/rss/"))
    assert [i.findtext("title") for i in section_items] == [article.title]
    campaign = article.campaigns.get()
    campaign_items = items(client.get(f"/chien-dich/{campaign.slug}/rss/"))
    assert [i.findtext("title") for i in campaign_items] == [article.title]
    latest = [i.findtext("title") for i in items(client.get("/rss/"))]
    assert latest == [other.title, article.title]


def test_feed_of_an_unknown_section_is_404(client, db):
    assert client.get("/chuyen-muc/khong-co/rss/").status_code == 404


def test_pages_announce_their_feeds(client, article):
    assert 'type="application/rss+xml"' in client.get("/").content.decode()
    section_page = client.get(article.section.get_absolute_url()).content.decode()
    assert f'href="/chuyen-muc/{article.section.slug}/rss/"' in section_page
