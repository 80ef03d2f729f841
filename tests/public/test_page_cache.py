"""Readers get cached pages; a change is on every page at once; staff never get a cached page."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseNotFound
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from public.pagecache import PublicPageCacheMiddleware, cached_parts, content_version
from tests.factories import make_article, make_section


@pytest.fixture
def section(db, now):
    return make_section("An ninh trật tự")


@pytest.fixture
def article(section):
    return make_article(title="Tuần tra đêm giữ bình yên khu phố", section=section)


PAGES = ["/", "/chuyen-muc/an-ninh-trat-tu/", "/rss/", "/tim-kiem/?q=tuan+tra"]


def test_a_second_reader_gets_the_page_from_the_cache(client, article):
    first = client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        second = client.get(article.get_absolute_url())
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["X-Accel-Expires"] == "5"  # nginx keeps it 5 seconds


def test_a_newly_published_article_is_on_every_page_at_once(client, article, section):
    for url in PAGES:
        assert client.get(url).status_code == 200  # cached without the new article
    news = make_article(title="Tuần tra cao điểm dịp Tết", section=section)
    for url in PAGES:
        assert news.title in client.get(url).content.decode(), url


def test_a_corrected_title_shows_at_once_where_the_article_is_listed(client, article):
    for url in [*PAGES, article.get_absolute_url()]:
        client.get(url)
    article.title = "Tuần tra đêm giữ bình yên từng khu phố"
    article.save()
    for url in [*PAGES, article.get_absolute_url()]:
        assert "giữ bình yên từng khu phố" in client.get(url).content.decode(), url


def test_a_taken_down_article_leaves_the_cached_pages_at_once(client, article):
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.title in client.get("/").content.decode()
    article.status = Article.Status.UNPUBLISHED
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 410
    assert article.title not in client.get("/").content.decode()


def test_a_scheduled_article_appears_at_its_minute_although_pages_are_cached(client, section):
    at = timezone.now() + dt.timedelta(minutes=10)
    make_article(title="Bài hẹn giờ đăng", section=section, published_at=at)
    assert "Bài hẹn giờ đăng" not in client.get("/").content.decode()
    with time_machine.travel(at + dt.timedelta(seconds=1)):
        assert "Bài hẹn giờ đăng" in client.get("/").content.decode()


def test_an_article_scheduled_after_pages_were_cached_appears_at_its_minute(
    client, section, article, django_capture_on_commit_callbacks
):
    client.get("/")  # the version is made, with nothing scheduled: it would last an hour
    at = timezone.now() + dt.timedelta(seconds=30)  # sooner than the cached pages expire
    with django_capture_on_commit_callbacks(execute=True):  # retired by its tags
        make_article(title="Bài hẹn giờ sau khi đã lưu trang", section=section, published_at=at)
    assert "Bài hẹn giờ sau khi đã lưu trang" not in client.get("/").content.decode()
    with time_machine.travel(at + dt.timedelta(seconds=1)):
        assert "Bài hẹn giờ sau khi đã lưu trang" in client.get("/").content.decode()


def test_staff_never_get_a_cached_page(client, editor, article):
    client.get("/")  # a reader's visit caches the home page
    client.force_login(editor)
    Article.objects.filter(pk=article.pk).update(title="Sửa thẳng trong cơ sở dữ liệu")
    response = client.get("/")
    assert "Sửa thẳng trong cơ sở dữ liệu" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "X-Accel-Expires" not in response  # nginx must not keep it either
    client.logout()
    # …while readers still get the cached copy until something is saved.
    assert "Sửa thẳng trong cơ sở dữ liệu" not in client.get("/").content.decode()


def test_a_page_seen_by_staff_is_never_cached_for_readers(client, editor, article):
    staff = client.__class__()
    staff.force_login(editor)
    staff.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề mới")
    assert "Tiêu đề mới" in client.get(article.get_absolute_url()).content.decode()


def test_page_cache_can_be_turned_off(client, article, settings):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    client.get("/")
    Article.objects.filter(pk=article.pk).update(title="Không lưu trang")
    assert "Không lưu trang" in client.get("/").content.decode()


def test_a_response_marked_no_cache_is_never_stored(client, db):
    client.get("/healthz")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert len(queries) > 0  # asked the database again
    assert "X-Accel-Expires" not in response


def test_saving_still_works_when_the_cache_is_down(article, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("redis gone")

    monkeypatch.setattr(cache, "delete", down)
    article.title = "Vẫn lưu được khi bộ nhớ đệm hỏng"
    article.save()
    assert Article.objects.get(pk=article.pk).title == "Vẫn lưu được khi bộ nhớ đệm hỏng"


def anonymous_request(rf, path: str = "/the/tuan-tra/"):
    request = rf.get(path)
    request.user = AnonymousUser()
    return request


def titles_or_nothing() -> list[str]:
    """A lookup that takes a failed query for "nothing there": the mistake the caches
    must not keep."""
    try:
        return list(Article.objects.published().values_list("title", flat=True))
    except DatabaseError:
        return []


def test_a_404_made_while_the_database_failed_is_not_kept(rf, database):
    make_article(title="Tuần tra đêm giữ bình yên khu phố")

    def view(request):
        return HttpResponse("tìm thấy") if titles_or_nothing() else HttpResponseNotFound()

    content_version()  # the version is cached: pages are kept during the outage too
    database.stop()
    response = PublicPageCacheMiddleware(view)(anonymous_request(rf))
    assert response.status_code == 404
    assert "X-Accel-Expires" not in response  # nginx does not keep it either
    database.restore()
    assert PublicPageCacheMiddleware(view)(anonymous_request(rf)).status_code == 200


def test_page_parts_made_while_the_database_failed_are_not_kept(rf, database):
    make_article(title="Tuần tra đêm giữ bình yên khu phố")

    def make() -> dict:
        return {"main": ", ".join(titles_or_nothing())}

    content_version()
    database.stop()
    assert cached_parts(anonymous_request(rf), "test", "", make) == {"main": ""}
    database.restore()
    parts = cached_parts(anonymous_request(rf), "test", "", make)
    assert parts == {"main": "Tuần tra đêm giữ bình yên khu phố"}


def test_a_new_content_version_on_demand_retires_every_cached_page(client, article):
    """``manage.py new_content_version``: after a restore, or rows changed past the site."""
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(title="Sửa thẳng trong cơ sở dữ liệu")
    assert "Sửa thẳng" not in client.get(article.get_absolute_url()).content.decode()
    call_command("new_content_version", verbosity=0)
    assert "Sửa thẳng" in client.get(article.get_absolute_url()).content.decode()
