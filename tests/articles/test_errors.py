"""Error pages in Vietnamese: 404, 410 for a taken-down article, and a static 500."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from newsroom.errors import server_error


def test_404_is_vietnamese_styled_and_offers_search(client, db):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert 'action="/tim-kiem/"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "/static/css/site.css" in html


def test_500_page_needs_no_database(rf):
    # No `db` fixture: any query here would fail the test.
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in html
    assert '<html lang="vi">' in html
    assert "/static/css/site.css" in html and "<style" not in html


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("hong/", broken_view)]
handler500 = "newsroom.errors.server_error"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_an_unhandled_error_answers_the_static_500():
    response = Client(raise_request_exception=False).get("/hong/")
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()
