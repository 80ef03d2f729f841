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
