"""Section, tag, author and campaign pages: paginated with real links."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import make_article, make_author, make_campaign, make_section


@pytest.fixture
def section_with_45(db, now):
    section = make_section("An ninh trật tự")
    for i in range(45):
        make_article(
            title=f"Tin an ninh số {i}",
            section=section,
            published_at=timezone.now() - dt.timedelta(hours=i + 1),
        )
    return section


def test_pages_have_numbered_links_and_rel_prev_next(client, section_with_45):
    url = section_with_45.get_absolute_url()
    first = client.get(url).content.decode()
    assert f'<link rel="next" href="http://127.0.0.1:8000{url}?page=2">' in first
    assert 'rel="prev"' not in first
    assert f'href="{url}?page=3"' in first
    assert "Tin an ninh số 0<" in first and "Tin an ninh số 19<" in first
    assert "Tin an ninh số 20<" not in first

    second = client.get(url + "?page=2").content.decode()
    assert f'<link rel="prev" href="http://127.0.0.1:8000{url}">' in second  # page 1: bare URL
    assert f'<link rel="next" href="http://127.0.0.1:8000{url}?page=3">' in second
    assert f'<link rel="canonical" href="http://127.0.0.1:8000{url}?page=2">' in second
    assert '<span class="pagination__page" aria-current="page">' in second
    assert "Tin an ninh số 20<" in second

    last = client.get(url + "?page=3").content.decode()
    assert "Tin an ninh số 44<" in last
    assert 'rel="next"' not in last


@pytest.mark.parametrize("page", ["4", "0", "abc", "-1"])
def test_a_page_beyond_the_end_is_404(client, section_with_45, page):
    url = section_with_45.get_absolute_url()
    assert client.get(f"{url}?page={page}").status_code == 404


def test_a_parent_section_lists_its_subsections_articles(client, db):
    parent = make_section("Chuyển đổi số")
    child = make_section("Cải cách hành chính", parent=parent)
    article = make_article(title="Cấp căn cước cho người cao tuổi tại nhà", section=child)
    assert article.title in client.get(parent.get_absolute_url()).content.decode()


def test_tag_author_and_campaign_pages(client, db):
    from articles.models import Tag

    tag = Tag.objects.create(name="huyện Phú Lương")
    author = make_author("Lê Thị Hạnh", "Phòng Tham mưu")
    campaign = make_campaign(
        "Vì an ninh Tổ quốc",
        slogan="Toàn dân bảo vệ an ninh",
        description="Phong trào toàn dân bảo vệ an ninh Tổ quốc.",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
    )
    article = make_article(
        title="Bài có đủ thẻ", tags=[tag], authors=[author], campaigns=[campaign]
    )
    other = make_article(title="Bài không liên quan")
    for url, expected in [
        (tag.get_absolute_url(), "huyện Phú Lương"),
        (author.get_absolute_url(), "Phòng Tham mưu"),
        (campaign.get_absolute_url(), "“Toàn dân bảo vệ an ninh”"),
    ]:
        html = client.get(url).content.decode()
        assert expected in html, url
        assert article.title in html and other.title not in html, url
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "Từ 01/01/2026 đến 31/12/2026" in html
    assert "Phong trào toàn dân bảo vệ an ninh Tổ quốc." in html


def test_unknown_listing_is_404(client, db):
    for url in ["/chuyen-muc/khong-co/", "/the/khong-co/", "/tac-gia/khong-co/", "/chien-dich/x/"]:
        assert client.get(url).status_code == 404
