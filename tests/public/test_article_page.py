"""The article page: what a reader sees, shares and what search engines read."""

import datetime as dt
import json
import re

import pytest

from articles.models import Article, Tag
from photos import renditions
from tests.factories import (
    jpeg_bytes,
    make_article,
    make_author,
    make_campaign,
    make_image,
    make_section,
)


@pytest.fixture
def article(db):
    parent = make_section("Chuyển đổi số")
    section = make_section("Cải cách hành chính", parent=parent)
    cover = make_image(
        data=jpeg_bytes((1280, 800)), caption="Lễ ra quân tại quảng trường", credit="Ảnh: Minh Hà"
    )
    figure = make_image(data=jpeg_bytes((640, 400)))
    return make_article(
        title="Ra quân đợt cao điểm bảo đảm trật tự an toàn giao thông dịp cuối năm",
        sapo="Hơn 2.000 cán bộ, chiến sĩ tham gia lễ ra quân.",
        body=(
            "<p>Lực lượng đã kiểm tra 130.000 lượt phương tiện.</p>"
            f'<figure class="image"><img src="{figure.file.url}" width="640" height="400">'
            "<figcaption>Tổ công tác kiểm tra nồng độ cồn</figcaption></figure>"
        ),
        section=section,
        cover=cover,
        authors=[make_author("Nguyễn Văn An", "Công an huyện Phú Lương")],
        published_at=dt.datetime(2023, 3, 21, 1, 44, tzinfo=dt.UTC),
        tags=[Tag.objects.create(name="huyện Phú Lương")],
        campaigns=[make_campaign("Vì an ninh Tổ quốc")],
    )


def test_breadcrumb_names_the_section_and_its_parent(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    crumbs = html.split('class="breadcrumb"')[1].split("</nav>")[0]
    assert re.findall(r">([^<>]+)</a>", crumbs) == [
        "Trang chủ",
        "Chuyển đổi số",
        "Cải cách hành chính",
    ]


def test_body_images_are_lazy_and_take_their_caption_as_alt(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    body = html.split('class="article__body"')[1]
    img = re.search(r"<img [^>]*>", body).group(0)
    assert 'alt="Tổ công tác kiểm tra nồng độ cồn"' in img
    assert 'loading="lazy"' in img and 'width="640"' in img and 'height="400"' in img
    cover = re.search(r"<img [^>]*>", html.split('class="article__cover"')[1]).group(0)
    assert 'alt="Lễ ra quân tại quảng trường"' in cover
    assert 'fetchpriority="high"' in cover and 'loading="lazy"' not in cover


def test_a_photo_without_alt_text_or_caption_is_described_by_the_title(client, article):
    """A photo's alt text, else its caption, else the title of what it illustrates."""
    bare = make_article(
        title="Bắt giữ đối tượng trộm cắp", section=article.section, cover=make_image()
    )
    described = make_article(
        title="Tuần tra đêm", section=article.section, cover=make_image(alt_text="Tổ tuần tra")
    )
    html = client.get(article.get_absolute_url()).content.decode()
    related = html.split('class="related"')[1]
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', related)
    assert bare.title in alts and "Tổ tuần tra" in alts and described.title not in alts
    cover = re.search(
        r"<img [^>]*>",
        client.get(bare.get_absolute_url()).content.decode().split('class="article__cover"')[1],
    ).group(0)
    assert f'alt="{bare.title}"' in cover


def test_every_image_on_the_page_has_alt_text(client, article):
    make_article(title="Bài liên quan có ảnh", section=article.section, cover=make_image())
    html = client.get(article.get_absolute_url()).content.decode()
    images = re.findall(r"<img [^>]*>", html)
    assert len(images) >= 3
    emblems = [i for i in images if "img/emblem.svg" in i]
    assert len(emblems) == 2  # the masthead's and the footer's, beside the site's name
    assert emblems == [i for i in images if 'alt=""' in i]  # only the decorative emblem
    for img in images:
        assert "alt=" in img


def test_campaign_badges_tags_and_share_links(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    campaign = article.campaigns.get()
    assert f'<a class="badge badge--campaign" href="{campaign.get_absolute_url()}">' in html
    assert 'href="/the/huyen-phu-luong/">huyện Phú Lương</a>' in html
    quoted = "http%3A%2F%2F127.0.0.1%3A8000%2Fbai-viet%2F" + article.slug + "%2F"
    assert f"https://www.facebook.com/sharer/sharer.php?u={quoted}" in html
    assert f"https://sp.zalo.me/share_to_zalo?url={quoted}" in html
    assert f'data-copy="http://127.0.0.1:8000{article.get_absolute_url()}"' in html
    assert "/static/js/share.js" in html
    assert "<script>" not in html and ' style="' not in html  # ready for a strict CSP


def test_related_articles_prefer_shared_campaign_and_tags(client, article):
    other_section = make_section("Tin tức – Sự kiện")
    same_campaign = make_article(
        title="Cùng phong trào", section=other_section, campaigns=list(article.campaigns.all())
    )
    same_tag = make_article(title="Cùng thẻ", section=other_section, tags=list(article.tags.all()))
    same_section = make_article(title="Cùng chuyên mục", section=article.section)
    unrelated = make_article(title="Không liên quan", section=other_section)
    related = client.get(article.get_absolute_url()).context["related"]
    assert related == [same_campaign, same_tag, same_section]
    assert unrelated not in related


def test_open_graph_twitter_card_and_canonical(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    url = f"http://127.0.0.1:8000{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert '<meta property="og:description" content="Hơn 2.000 cán bộ' in html
    # The 1200×630 social crop of the cover, never the original.
    social = renditions.social_image_url(article.cover)
    assert social.startswith("http://127.0.0.1:8000/media/") and social.endswith(".jpg")
    assert f'<meta property="og:image" content="{social}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f"<title>{article.title} — Công an tỉnh Sông Lam</title>" in html
    assert '<meta name="description" content="Hơn 2.000 cán bộ' in html


def test_json_ld_news_article(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["datePublished"] == "2023-03-21T08:44:00+07:00"
    assert data["dateModified"].endswith("+07:00")
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Nguyễn Văn An",
            "url": "http://127.0.0.1:8000/tac-gia/nguyen-van-an-cong-an-huyen-phu-luong/",
            "affiliation": {"@type": "Organization", "name": "Công an huyện Phú Lương"},
        }
    ]
    assert data["image"][0]["url"] == renditions.social_image_url(article.cover)
    assert data["publisher"]["name"] == "Công an tỉnh Sông Lam"
    assert data["publisher"]["logo"]["url"] == "http://127.0.0.1:8000/static/img/logo.png"


def test_json_ld_cannot_close_its_script_element(client, db):
    article = make_article(title="Tiêu đề có </script><script>alert(1)</script> lạ")
    html = client.get(article.get_absolute_url()).content.decode()
    ld = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in ld
    assert json.loads(ld)["headline"].startswith("Tiêu đề có </script>")


def test_a_changed_slug_redirects_permanently_from_the_old_url(client, article):
    old_url = article.get_absolute_url()
    article.slug = "ra-quan-cao-diem-giao-thong-cuoi-nam"
    article.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/bai-viet/ra-quan-cao-diem-giao-thong-cuoi-nam/"
    assert client.get(response["Location"]).status_code == 200
    # and back again: the current slug is never also a redirect
    article.slug = old_url.split("/")[2]
    article.save()
    assert client.get(old_url).status_code == 200
    assert client.get("/bai-viet/ra-quan-cao-diem-giao-thong-cuoi-nam/").status_code == 301


def test_a_new_article_cannot_take_an_old_slug(client, article):
    old_slug = article.slug
    article.slug = "duong-dan-moi"
    article.save()
    twin = make_article(title=article.title)
    assert twin.slug != old_slug


def test_an_old_slug_of_a_draft_does_not_reveal_it(client, article):
    old_url = article.get_absolute_url()
    article.slug = "ban-nhap-doi-ten"
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(old_url).status_code == 404


def test_a_taken_down_article_is_410_gone_in_vietnamese(client, article):
    Article.objects.filter(pk=article.pk).update(status=Article.Status.UNPUBLISHED)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    html = response.content.decode()
    assert "Bài viết đã được gỡ" in html
    assert article.title not in html


def test_authors_tags_and_campaigns_show_in_their_order(client, db, django_assert_num_queries):
    article = make_article(
        title="Ba tác giả, hai thẻ, hai phong trào",
        authors=[make_author("Trần Bình", "Phòng PC06"), make_author("An Văn Sơn", "")],
        tags=[
            Tag.objects.create(name="xã Yên Ninh"),
            Tag.objects.create(name="an toàn giao thông"),
        ],
        campaigns=[
            make_campaign("Toàn dân bảo vệ an ninh Tổ quốc", starts_on=dt.date(2020, 1, 1)),
            make_campaign("Vì an ninh Tổ quốc", starts_on=dt.date(2025, 1, 1)),
        ],
    )
    with django_assert_num_queries(4):  # the article, then bylines, tags and campaigns
        fresh = Article.objects.for_page().get(pk=article.pk)
        authors, tags, campaigns = fresh.author_list, fresh.tags.all(), fresh.campaigns.all()
    assert [a.byline for a in authors] == ["Trần Bình (Phòng PC06)", "An Văn Sơn"]
    assert [t.name for t in tags] == ["an toàn giao thông", "xã Yên Ninh"]
    assert [c.name for c in campaigns] == [
        "Vì an ninh Tổ quốc",
        "Toàn dân bảo vệ an ninh Tổ quốc",
    ]
    html = client.get(article.get_absolute_url()).content.decode()
    byline = html.index("Trần Bình (Phòng PC06)")
    assert byline < html.index("An Văn Sơn", byline)  # the byline order, not the alphabet
    assert '<p class="article__signature">Trần Bình – An Văn Sơn</p>' in html
    assert html.index(">an toàn giao thông<") < html.index(">xã Yên Ninh<")
