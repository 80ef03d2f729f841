"""A publication time outside 1945–2099 is refused at every door, and one that got into
the database anyway (a hand-written UPDATE, an old dump) breaks no page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Tag
from public.pagecache import content_version
from tests.articles.forms import article_form_data
from tests.factories import make_article, make_author, make_section

# What PostgreSQL accepts and Python's datetime cannot hold, or holds at its very edge.
STORED = [
    "0001-01-01 00:00:00+00",
    "10000-01-01 00:00:00+00",
    "294276-12-31 00:00:00+00",
    "0044-03-15 12:00:00+00 BC",
    "infinity",
    "-infinity",
]


@pytest.fixture
def postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("a time beyond Python's years can be stored by PostgreSQL only")


@pytest.fixture
def newsroom(db, now):
    section = make_section("An ninh trật tự")
    author = make_author()
    tag = Tag.objects.create(name="huyện Phú Lương")
    good = make_article(title="Tuần tra đêm giữ bình yên khu phố", section=section, tags=[tag])
    bad = make_article(title="Bài có ngày đăng sai", section=section, tags=[tag])
    return {"good": good, "bad": bad, "section": section, "author": author, "tag": tag}


def store(article: Article, moment: str) -> None:
    """Write the time straight into the database, past every door."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET published_at = %s::timestamptz WHERE id = %s",
            [moment, article.pk],
        )


@pytest.mark.parametrize("moment", STORED)
def test_readers_pages_answer_with_a_bad_row_in_the_database(client, postgres, newsroom, moment):
    store(newsroom["bad"], moment)
    good, bad = newsroom["good"], newsroom["bad"]
    pages = [
        "/",
        newsroom["section"].get_absolute_url(),
        newsroom["tag"].get_absolute_url(),
        newsroom["author"].get_absolute_url(),
        "/tim-kiem/?q=tuan+tra",
        "/tim-kiem/?q=bai+co+ngay+dang+sai",
        "/rss/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
        good.get_absolute_url(),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert bad.title not in response.content.decode(), url  # not a publication
    assert good.title in client.get("/").content.decode()
    assert good.title in client.get("/tim-kiem/?q=tuan+tra").content.decode()
    assert client.get(bad.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("moment", STORED)
def test_the_page_cache_stays_on_with_a_bad_row_in_the_database(client, postgres, newsroom, moment):
    store(newsroom["bad"], moment)
    assert content_version() is not None
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert len(queries) == 0  # served from the page cache


@pytest.mark.parametrize("moment", STORED)
def test_the_desk_lists_the_article_and_asks_for_a_real_time(
    client, postgres, newsroom, approver, moment
):
    store(newsroom["bad"], moment)
    client.force_login(approver)
    listing = client.get(reverse("admin:articles_article_changelist"))
    assert listing.status_code == 200
    assert "Bài có ngày đăng sai" in listing.content.decode()
    for year in ("1", "9999"):  # the list's date links
        by_year = f"{reverse('admin:articles_article_changelist')}?published_at__year={year}"
        assert client.get(by_year).status_code in (200, 302), year
    bad = Article.objects.get(pk=newsroom["bad"].pk)
    change = reverse("admin:articles_article_change", args=[bad.pk])
    assert client.get(change).status_code == 200
    response = client.post(change, article_form_data(bad))  # as the form shows it
    assert response.status_code == 200  # the form again, with the message
    errors = str(response.context["errors"])
    # Years before 1000 are shown unpadded ("02/01/1"): then the date itself is refused.
    assert "từ năm 1945 đến năm 2099" in errors or "Nhập một ngày hợp lệ" in errors


@pytest.mark.parametrize("date", ["01/01/0001", "31/12/1899", "01/01/2100", "31/12/9999"])
def test_the_desk_refuses_a_time_outside_the_years_in_vietnamese(client, approver, newsroom, date):
    client.force_login(approver)
    good = newsroom["good"]
    change = reverse("admin:articles_article_change", args=[good.pk])
    data = article_form_data(good, published_at_0=date, published_at_1="08:00")
    response = client.post(change, data)
    assert response.status_code == 200
    assert "Thời điểm đăng phải nằm trong khoảng từ năm 1945 đến năm 2099." in (
        response.content.decode()
    )
    good.refresh_from_db()
    assert good.published_at.year == 2023
