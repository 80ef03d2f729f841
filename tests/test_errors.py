"""When something breaks, readers get a calm page; the details go to the log only."""

import datetime as dt
import logging

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from public.pagecache import RECHECK_SECONDS
from public.views import home, search
from tests.factories import make_article

SECRET_DETAILS = 'SELECT "password" FROM "accounts_user" at /srv/newsroom/articles/views.py'


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


def test_a_crash_shows_the_static_500_page_and_logs_the_details(reader, db, monkeypatch, caplog):
    def explode(menu):
        raise RuntimeError(SECRET_DETAILS)

    monkeypatch.setattr(home.HomeChoice, "make", explode)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = reader.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in html
    assert "site.css" in html  # styled like the site, from our own static file
    for leak in ["SELECT", "password", "/srv/", "Traceback", "RuntimeError", "views.py"]:
        assert leak not in html
    record = next(r for r in caplog.records if r.name == "django.request")
    assert record.exc_info and SECRET_DETAILS in str(record.exc_info[1])


def test_database_down_gives_a_styled_503_and_the_site_recovers_by_itself(reader, database, caplog):
    article = make_article(title="Công an tỉnh ra quân bảo đảm an ninh trật tự dịp Tết Nguyên đán")
    database.stop()

    with caplog.at_level(logging.ERROR):
        for url in ["/", article.get_absolute_url(), article.section.get_absolute_url()]:
            response = reader.get(url)
            assert response.status_code == 503, url
            html = response.content.decode()
            assert "Trang tin tạm thời gián đoạn" in html
            assert "site.css" in html
            assert response["Retry-After"] == "30"
            assert "Content-Security-Policy" in response
    assert any("database unavailable" in r.getMessage() for r in caplog.records)

    health = reader.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {"db": "error", "cache": "ok"}

    database.restore()
    assert reader.get("/healthz").json() == {"db": "ok", "cache": "ok"}
    response = reader.get(article.get_absolute_url())
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_staff_get_the_same_503_instead_of_a_traceback(database, editor, admin_url):
    staff = Client(raise_request_exception=False)
    staff.force_login(editor)
    database.stop()
    response = staff.get(f"{admin_url}articles/article/")
    assert response.status_code == 503
    assert "Traceback" not in response.content.decode()


def test_favicon_ico_leads_to_the_site_icon(client, db):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (302, "/static/img/favicon.png")
    assert finders.find("img/favicon.png")


def test_search_during_a_database_outage_is_a_503_that_is_never_kept(reader, database):
    article = make_article(title="Tuần tra đêm giữ bình yên khu phố")
    database.stop()
    response = reader.get("/tim-kiem/", {"q": "tuan tra"})
    assert response.status_code == 503  # not a 404 "nothing found"
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "X-Accel-Expires" not in response  # nginx does not keep it either
    database.restore()
    response = reader.get("/tim-kiem/", {"q": "tuan tra"})
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_a_bug_in_search_is_a_500_in_the_log_not_a_404(reader, db, monkeypatch, caplog):
    def broken(query):
        raise TypeError("a bug")

    monkeypatch.setattr(search, "find", broken)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = reader.get("/tim-kiem/", {"q": "tuan tra"})
    assert response.status_code == 500
    assert any(r.exc_info and "a bug" in str(r.exc_info[1]) for r in caplog.records)


def test_readers_keep_the_pages_cached_before_a_database_outage(reader, database):
    article = make_article(title="Tuần tra đêm giữ bình yên khu phố")
    assert reader.get(article.get_absolute_url()).status_code == 200  # now cached
    database.stop()
    later = timezone.now() + dt.timedelta(seconds=RECHECK_SECONDS + 1)
    with time_machine.travel(later):  # past the version's next check against the database
        response = reader.get(article.get_absolute_url())
        assert response.status_code == 200
        assert article.title in response.content.decode()
        assert reader.get("/chuyen-muc/khong-co/").status_code == 503  # not cached: 503


def test_a_refusal_is_a_vietnamese_page_with_the_way_back_to_the_desk(db, client, photo_staff):
    client.force_login(photo_staff)  # photo staff may not open articles
    response = client.get("/quan-tri/articles/article/add/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Bạn không được mở trang này" in html
    assert 'href="/quan-tri/"' in html
    assert "Forbidden" not in html


def test_a_form_without_its_token_gets_a_vietnamese_page(db, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post("/quan-tri/articles/article/add/", {"title": "Bài"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Không gửi được biểu mẫu" in html
    assert "CSRF verification failed" not in html
    assert 'href="/quan-tri/"' in html
