"""How to report a crime: a page made from the channels administrators edit, printable,
and a box beside every article; a change shows at once."""

import pytest

from organisation.models import Unit
from public.views.reporting import commune_stations
from reporting.models import Channel
from tests.factories import make_article, make_channel, make_unit

pytestmark = pytest.mark.django_db


def test_the_page_is_made_from_the_channels_administrators_edit(client):
    make_channel(kind=Channel.Kind.EMERGENCY, name="Cảnh sát 113", phone="113")
    make_channel(name="Trực ban Công an tỉnh (24/7)", phone="0200 3 800 113")
    make_channel(kind=Channel.Kind.ONLINE, name="Ứng dụng VNeID", url="https://vneid.gov.vn/")
    make_channel(kind=Channel.Kind.OTHER, name="Kênh đã ẩn", shown=False)
    text = client.get("/to-giac-toi-pham/").content.decode()
    assert 'href="tel:113"' in text and 'href="tel:02003800113"' in text
    assert "Trực ban Công an tỉnh (24/7)" in text and "vneid.gov.vn" in text
    assert "Kênh đã ẩn" not in text
    assert "data-print" in text  # printable
    assert "Hướng dẫn tố giác tội phạm" in text


def test_the_commune_stations_come_from_the_organisation_with_the_number_to_call(client):
    make_unit("Công an xã Phú Đình", hotline="0912.345.113")
    make_unit("Công an phường Hưng Dũng", hotline="", phones="0200 3852 106, 0200 3852 107")
    make_unit("Công an xã Đã Sáp Nhập", active=False)
    make_unit("Phòng Cảnh sát hình sự", kind=Unit.Kind.DEPARTMENT, commune="")
    assert [(s.name, s.phone) for s in commune_stations()] == [
        ("Công an phường Hưng Dũng", "0200 3852 106"),
        ("Công an xã Phú Đình", "0912.345.113"),
    ]
    text = client.get("/to-giac-toi-pham/").content.decode()
    stations = text.split('id="stations-title"')[1].split("</section>")[0]
    assert 'href="tel:0912345113"' in stations and "Công an phường Hưng Dũng" in stations
    assert "Đã Sáp Nhập" not in stations and "Cảnh sát hình sự" not in stations


def test_every_article_page_has_the_box_and_a_change_shows_at_once(client):
    article = make_article()
    desk = make_channel(name="Trực ban Công an tỉnh (24/7)", phone="0200 3 800 113")
    text = client.get(article.get_absolute_url()).content.decode()
    box = text.split('class="report-box"')[1].split("</section>")[0]
    assert "0200 3 800 113" in box and 'href="/to-giac-toi-pham/"' in box
    desk.phone = "0200 3 999 113"
    desk.save()
    assert "0200 3 999 113" in client.get(article.get_absolute_url()).content.decode()
    assert "0200 3 999 113" in client.get("/to-giac-toi-pham/").content.decode()
