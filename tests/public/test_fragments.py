"""With the whole-page cache off, pages are joined from cached parts that follow every change."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section

TZ = timezone.get_fixed_timezone(7 * 60)


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request goes through the view


@pytest.fixture
def article(db, now):
    """A reader's story, in a section of the menu."""
    patrol = make_section("An ninh trật tự")
    return make_article(title="Tuần tra đêm giữ bình yên khu phố", section=patrol)


def current_nav(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" aria-current="page">', html)


def test_a_second_reader_of_an_article_costs_no_query(client, article):
    first = client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        second = client.get(article.get_absolute_url())
    assert second.status_code == 200
    assert len(queries) == 0, [q["sql"] for q in queries]
    assert second.content == first.content
    assert "X-Accel-Expires" in second  # still a reader's page that nginx may keep


def test_a_corrected_article_shows_at_once_on_its_page_and_the_home_page(client, article):
    client.get(article.get_absolute_url())
    client.get("/")
    article.title = "Tuần tra đêm giữ bình yên từng khu phố"
    article.sapo = "Sapo đã sửa."
    article.save()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "giữ bình yên từng khu phố</h1>" in page
    assert "<title>Tuần tra đêm giữ bình yên từng khu phố" in page  # the <head> part too
    assert "Sapo đã sửa." in page
    assert "giữ bình yên từng khu phố" in client.get("/").content.decode()


def test_a_taken_down_article_is_gone_although_its_parts_were_cached(client, article):
    assert client.get(article.get_absolute_url()).status_code == 200
    article.status = Article.Status.UNPUBLISHED
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 410


def test_staff_pages_make_no_cache_call_for_page_parts(client, editor, article, monkeypatch):
    client.force_login(editor)
    client.get(article.get_absolute_url())
    calls = []
    for name in ("get", "set"):
        original = getattr(cache, name)
        monkeypatch.setattr(
            cache, name, lambda key, *a, _o=original, **k: calls.append(key) or _o(key, *a, **k)
        )
    Article.objects.filter(pk=article.pk).update(title="Sửa thẳng trong cơ sở dữ liệu")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Sửa thẳng trong cơ sở dữ liệu" in page
    assert not [key for key in calls if "fragment:" in key or "article:" in key]


def test_pages_are_still_served_when_the_cache_is_down(client, article, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("redis gone")

    for name in ("get", "get_many", "set", "set_many", "add", "incr", "delete"):
        monkeypatch.setattr(cache, name, down)
    for url in ["/", article.get_absolute_url(), "/chuyen-muc/an-ninh-trat-tu/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert article.title in response.content.decode()


def test_the_menu_marks_the_page_a_reader_is_on(client, article):
    section = article.section
    assert current_nav(client.get("/").content.decode()) == ["/"]
    section_page = client.get(section.get_absolute_url()).content.decode()
    assert current_nav(section_page) == [section.get_absolute_url()]
    # The cached header of other pages carries neither mark.
    assert current_nav(client.get(article.get_absolute_url()).content.decode()) == []
    assert current_nav(client.get("/").content.decode()) == ["/"]


def test_the_words_searched_for_stay_on_the_search_page_only(client, article):
    found = client.get("/tim-kiem/", {"q": "tuần tra"}).content.decode()
    assert 'id="search-q" type="search" name="q" value="tuần tra"' in found
    assert "tuần tra" not in client.get("/").content.decode().split("</header>")[0]


def test_the_date_in_the_top_bar_turns_at_midnight_in_vietnam(client, article):
    evening = dt.datetime(2026, 3, 21, 23, 59, tzinfo=TZ)
    pages = ["/", article.get_absolute_url(), article.section.get_absolute_url()]
    with time_machine.travel(evening, tick=False):
        for url in pages:
            assert "21/03/2026" in client.get(url).content.decode(), url
    with time_machine.travel(evening + dt.timedelta(minutes=2), tick=False):
        for url in pages:
            assert "22/03/2026" in client.get(url).content.decode(), url


def test_a_second_reader_gets_the_article_in_two_round_trips(client, article, cache_trips):
    client.get(article.get_absolute_url())
    cache_trips.clear()
    page = client.get(f"{article.get_absolute_url()}?fbclid=chia-se-tu-zalo")
    assert article.title in page.content.decode()
    # The content version, then the article's parts (the site's header and footer
    # included), then the purge stamps of the tags the parts carry (one get_many): since
    # a change retires only the parts showing it (cache tags), a part is good only if
    # none of its tags was purged after it was made, and its tags are known once it is read.
    assert [method for method, _keys in cache_trips] == ["get", "get", "get_many"]


def test_a_second_reader_of_a_list_page_costs_no_query(client, article):
    section = article.section
    client.get(section.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        again = client.get(section.get_absolute_url()).content.decode()
    assert article.title in again
    assert len(queries) == 0, [q["sql"] for q in queries]
    newer = make_article(title="Bắt nhanh đối tượng cướp giật tài sản", section=section)
    assert newer.title in client.get(section.get_absolute_url()).content.decode()


def test_the_first_reader_asks_the_cache_once_for_each_missing_part(client, article, cache_trips):
    other = make_article(title="Tổng kết đợt cao điểm tấn công tội phạm", section=article.section)
    client.get(other.get_absolute_url())  # the header and footer are cached now
    cache_trips.clear()
    page = client.get(article.get_absolute_url())
    assert article.title in page.content.decode()
    asked = [keys for method, keys in cache_trips if method.startswith("get")]
    keys = [key for found in asked for key in ([found] if isinstance(found, str) else found)]
    # The <head> and <main> parts missed in the first round trip are rendered, not asked
    # for again.
    assert len(keys) == len(set(keys))
