"""The minimal public site: what a reader sees on the home page and an article page."""

import datetime as dt

import pytest

from tests.factories import jpeg_bytes, make_article, make_author, make_campaign, make_image


@pytest.fixture
def article(db):
    cover = make_image(data=jpeg_bytes((1280, 800)), caption="Lễ ra quân", credit="Ảnh: Minh Hà")
    figure = make_image(data=jpeg_bytes((640, 400)), caption="Kiểm tra phương tiện")
    return make_article(
        title="Ra quân đợt cao điểm bảo đảm trật tự an toàn giao thông dịp cuối năm",
        sapo="Hơn 2.000 cán bộ, chiến sĩ tham gia lễ ra quân.",
        body=(
            "<p>Lực lượng đã kiểm tra 130.000 lượt phương tiện.</p>"
            f'<figure class="image"><img src="{figure.file.url}" alt="" width="640" height="400"'
            f' data-image-id="{figure.pk}"><figcaption>Kiểm tra phương tiện</figcaption></figure>'
        ),
        cover=cover,
        authors=[
            make_author("Nguyễn Văn An", "Công an huyện Phú Lương"),
            make_author("Nhóm PV", ""),
        ],
        published_at=dt.datetime(2023, 3, 21, 1, 44, tzinfo=dt.UTC),
        campaigns=[make_campaign("Vì an ninh Tổ quốc", slogan="Toàn dân bảo vệ an ninh")],
    )


def test_article_page_shows_the_article_as_a_newspaper_does(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert html.count("<h1") == 1
    assert f'<h1 class="article__title">{article.title}</h1>' in html
    assert ">Nguyễn Văn An (Công an huyện Phú Lương)</a>" in html
    assert ">Nhóm PV</a>" in html
    assert '<time datetime="2023-03-21T08:44:00+07:00">08:44, 21/03/2023</time>' in html
    assert '<p class="article__sapo">Hơn 2.000 cán bộ, chiến sĩ tham gia lễ ra quân.</p>' in html
    assert "Lễ ra quân" in html and "Ảnh: Minh Hà" in html
    assert "<figcaption>Kiểm tra phương tiện</figcaption>" in html
    assert "Vì an ninh Tổ quốc" in html


def test_image_sizes_are_never_written_with_thousands_separators(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'width="1280" height="800"' in html
    assert "1.280" not in html


def test_listing_pages_of_section_tag_author_and_campaign(client, article):
    author = article.authors.first()
    campaign = article.campaigns.first()
    for url in [
        article.section.get_absolute_url(),
        author.get_absolute_url(),
        campaign.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert article.title in response.content.decode()
    assert "Toàn dân bảo vệ an ninh" in client.get(campaign.get_absolute_url()).content.decode()


def test_unknown_pages_answer_a_vietnamese_404(client, db):
    response = client.get("/bai-viet/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_pages_use_a_constant_number_of_queries(client, article, django_assert_max_num_queries):
    for i in range(10):
        make_article(title=f"Tin an ninh trật tự trong ngày số {i}", authors=[make_author()])
    # The first page after a change also starts the new content version (one query) and
    # reads the menu and the portal's identity again.
    with django_assert_max_num_queries(8):
        client.get("/")
    # The reporting contacts and the side lists: once per version.
    with django_assert_max_num_queries(8):
        client.get(article.get_absolute_url())
    with django_assert_max_num_queries(6):
        client.get(article.section.get_absolute_url())
