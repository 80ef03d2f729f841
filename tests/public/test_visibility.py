"""Readers see published articles only: drafts and scheduled ones stay invisible (404)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article


@pytest.fixture
def draft(db):
    return make_article(title="Bản nháp chưa được duyệt đăng", status=Article.Status.DRAFT)


@pytest.fixture
def scheduled(db, now):
    return make_article(
        title="Bài hẹn giờ đăng vào sáng mai", published_at=timezone.now() + dt.timedelta(hours=2)
    )


@pytest.fixture
def live(db, now):
    return make_article(title="Bài đã đăng trên trang")


def test_published_rule_keeps_only_live_articles(live, draft, scheduled):
    assert list(Article.objects.published()) == [live]
    assert [live.is_published(), draft.is_published(), scheduled.is_published()] == [
        True,
        False,
        False,
    ]


@pytest.mark.parametrize("status", ["draft", "submitted", "returned", "archived"])
def test_unpublished_states_are_404_for_readers(client, db, status):
    article = make_article(status=status)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_scheduled_article_is_404_until_its_minute(client, scheduled):
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    with time_machine.travel(scheduled.published_at - dt.timedelta(seconds=1)):
        assert client.get(scheduled.get_absolute_url()).status_code == 404
    with time_machine.travel(scheduled.published_at):
        assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_home_lists_only_published_articles(client, live, draft, scheduled):
    page = client.get("/").content.decode()
    assert live.title in page
    assert draft.title not in page
    assert scheduled.title not in page


def test_sitemap_lists_every_published_article_and_nothing_else(client, live, draft, scheduled):
    others = [make_article(title=f"Tin ngắn an ninh trật tự số {i}") for i in range(3)]
    response = client.get("/sitemap-articles.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for article in [live, *others]:
        assert f"{article.get_absolute_url()}</loc>" in xml
    assert draft.slug not in xml
    assert scheduled.slug not in xml


def test_section_listing_shows_only_published(client, live, draft, scheduled):
    page = client.get(live.section.get_absolute_url()).content.decode()
    assert live.title in page
    assert draft.title not in page
    assert scheduled.title not in page


# --- Every place a reader can find articles: only published ones, ever. -------------------

HIDDEN = {
    "draft": {"status": Article.Status.DRAFT},
    "submitted": {"status": Article.Status.SUBMITTED},
    "returned": {"status": Article.Status.RETURNED},
    "forwarded": {"status": Article.Status.FORWARDED},
    "scheduled": {"published_at_offset": dt.timedelta(hours=3)},
    "taken down": {"status": Article.Status.UNPUBLISHED},
    "archived": {"status": Article.Status.ARCHIVED},
}


@pytest.fixture
def newsroom(db, now):
    """One live article and one hidden article per state, sharing section, tag and campaign."""
    from articles.models import Tag
    from public import pageviews
    from public.models import DailyViews
    from tests.factories import make_author, make_campaign, make_section

    shared = {
        "section": make_section("An ninh trật tự"),
        "tags": [Tag.objects.create(name="huyện Phú Lương")],
        "campaigns": [make_campaign("Vì an ninh Tổ quốc")],
        "authors": [make_author("Lê Thị Hạnh", "Phòng Tham mưu")],
    }
    live = make_article(title="Tuần tra an ninh khu dân cư đã đăng", **shared)
    hidden = []
    for name, state in HIDDEN.items():
        overrides = dict(state)
        offset = overrides.pop("published_at_offset", -dt.timedelta(minutes=30))
        hidden.append(
            make_article(
                title=f"Tuần tra an ninh khu dân cư ẩn {name}",
                published_at=timezone.now() + offset,
                featured=True,
                **overrides,
                **shared,
            )
        )
    for article in [live, *hidden]:
        DailyViews.objects.create(article=article, day=timezone.localdate(), views=100)
    pageviews.rank_most_read()
    return live, hidden


def assert_only_live(content: bytes, newsroom) -> None:
    live, hidden = newsroom
    text = content.decode()
    assert live.title in text or live.slug in text  # sitemaps carry only the address
    for article in hidden:
        assert article.title not in text, article.title
        assert article.slug not in text, article.slug


def test_home_lists_and_most_read_hide_unpublished(client, newsroom):
    response = client.get("/")
    assert_only_live(response.content, newsroom)
    assert response.context["most_read"] == [newsroom[0]]


def test_tag_author_and_campaign_pages_hide_unpublished(client, newsroom):
    live = newsroom[0]
    for url in [
        live.tags.get().get_absolute_url(),
        live.authors.get().get_absolute_url(),
        live.campaigns.get().get_absolute_url(),
    ]:
        assert_only_live(client.get(url).content, newsroom)


def test_feeds_hide_unpublished(client, newsroom):
    live = newsroom[0]
    for url in [
        "/rss/",
        f"/chuyen-muc/{live.section.slug}/rss/",
        f"/chien-dich/{live.campaigns.get().slug}/rss/",
    ]:
        assert_only_live(client.get(url).content, newsroom)


def test_news_sitemap_hides_unpublished(client, newsroom):
    assert_only_live(client.get("/news-sitemap.xml").content, newsroom)


def test_search_hides_unpublished(client, newsroom):
    response = client.get("/tim-kiem/", {"q": "tuan tra an ninh khu dan cu"})
    assert_only_live(response.content, newsroom)
    assert response.context["paginator"].count == 1


def test_related_articles_hide_unpublished(client, newsroom):
    from tests.factories import make_article as make

    live = newsroom[0]
    reader_page = make(
        title="Bài đang đọc",
        section=live.section,
        tags=list(live.tags.all()),
        campaigns=list(live.campaigns.all()),
    )
    response = client.get(reader_page.get_absolute_url())
    assert response.context["related"] == [live]
    assert_only_live(response.content, newsroom)


def test_section_page_and_article_sitemap_hide_unpublished(client, newsroom):
    assert_only_live(client.get(newsroom[0].section.get_absolute_url()).content, newsroom)
    assert_only_live(client.get("/sitemap-articles.xml").content, newsroom)


def test_hidden_articles_have_no_page_of_their_own(client, newsroom):
    live, hidden = newsroom
    assert client.get(live.get_absolute_url()).status_code == 200
    answers = {
        a.title.rsplit("ẩn ", 1)[1]: client.get(a.get_absolute_url()).status_code for a in hidden
    }
    assert answers == {
        "draft": 404,
        "submitted": 404,
        "returned": 404,
        "forwarded": 404,
        "scheduled": 404,
        "taken down": 410,
        "archived": 404,
    }


def test_the_admin_calls_scheduled_what_the_rule_calls_scheduled(client, editor, newsroom):
    client.force_login(editor)
    listed = client.get("/quan-tri/articles/article/", {"status": "scheduled"}).content.decode()
    scheduled = [a for a in newsroom[1] if a.is_scheduled()]
    assert [a.title for a in scheduled] == ["Tuần tra an ninh khu dân cư ẩn scheduled"]
    for article in [newsroom[0], *newsroom[1]]:
        assert (article.title in listed) == (article in scheduled), article.title
