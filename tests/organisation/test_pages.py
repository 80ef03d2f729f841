"""The organisation's pages: the directory of units (accent-insensitive, by commune), a
unit's page, the chart, the leaders, "Liên hệ"; contacts read from the command's record."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from organisation.contacts import portal_contact
from organisation.models import Leader, Page, Unit
from public.pagecache import content_version
from tests.factories import make_unit


@pytest.fixture
def organisation(db):
    command = make_unit(
        "Công an tỉnh Sông Lam",
        kind=Unit.Kind.COMMAND,
        commune="",
        address="Số 12 đường Trần Hưng Đạo, phường Hưng Dũng",
        phones="0238.3844.113, 0238.3844.069",
        hotline="069.2958.113",
        email="congan@songlam.gov.vn",
        name_en="Sông Lam Provincial Police",
    )
    make_unit("Phòng Cảnh sát giao thông", kind=Unit.Kind.DEPARTMENT, commune="", parent=command)
    make_unit("Công an xã Phú Đình", commune="xã Phú Đình", parent=command, address="Thôn Đình")
    make_unit("Công an phường Bến Thủy", commune="phường Bến Thủy", parent=command)
    make_unit("Công an xã Yên Ninh", commune="xã Yên Ninh", parent=command, active=False)
    Leader.objects.create(
        name="Hà Minh Triết", rank="Đại tá", title="Giám đốc Công an tỉnh", unit=command,
        term_start=dt.date(2023, 8, 1),
        responsibilities="Lãnh đạo toàn diện\nPhụ trách tổ chức cán bộ",
    )  # fmt: skip
    Leader.objects.create(
        name="Người Đã Nghỉ", title="Phó Giám đốc", term_start=dt.date(2015, 1, 1),
        term_end=dt.date(2020, 1, 1),
    )  # fmt: skip
    Page.objects.create(
        kind=Page.Kind.INTRODUCTION, title="Giới thiệu chung", body="<p>Xin chào</p>"
    )
    return command


def test_units_are_found_without_diacritics_and_by_commune(client, organisation):
    assert list(Unit.objects.shown().matching("phu dinh").values_list("name", flat=True)) == [
        "Công an xã Phú Đình"
    ]
    assert Unit.objects.serving("xa phu dinh").get().name == "Công an xã Phú Đình"
    html = client.get("/gioi-thieu/don-vi/?q=ben+thuy").content.decode()
    assert "Công an phường Bến Thủy" in html and "Công an xã Phú Đình" not in html
    html = client.get("/gioi-thieu/don-vi/?xa=x%C3%A3+Ph%C3%BA+%C4%90%C3%ACnh").content.decode()
    assert "Công an xã Phú Đình" in html and "Bến Thủy" not in html.split('<ul class="units">')[1]


def test_a_dissolved_unit_is_kept_but_not_shown(client, organisation):
    assert "Yên Ninh" not in client.get("/gioi-thieu/don-vi/").content.decode()
    assert client.get("/gioi-thieu/don-vi/cong-an-xa-yen-ninh/").status_code == 404


def test_a_unit_has_a_page_with_its_contacts(client, organisation):
    html = client.get("/gioi-thieu/don-vi/cong-an-xa-phu-dinh/").content.decode()
    assert "Thôn Đình" in html and "0912.345.113" in html
    assert 'href="tel:0912345113"' in html


def test_the_chart_is_drawn_from_the_units(client, organisation):
    html = client.get("/gioi-thieu/co-cau-to-chuc/").content.decode()
    assert "Phòng Cảnh sát giao thông" in html and "Công an phường Bến Thủy" in html
    assert "<img" not in html.split('class="org-chart"')[1].split("</main>")[0]


def test_leaders_in_office_are_listed_with_their_responsibilities(client, organisation):
    html = client.get("/gioi-thieu/lanh-dao/").content.decode()
    assert "Đại tá Hà Minh Triết" in html and "Phụ trách tổ chức cán bộ" in html
    assert "Người Đã Nghỉ" not in html


def test_the_contact_page_and_the_footer_read_the_commands_record(client, organisation):
    html = client.get("/lien-he/").content.decode()
    assert "069.2958.113" in html and "congan@songlam.gov.vn" in html
    assert '"@type": "GovernmentOrganization"' in html
    contact = portal_contact()
    assert contact.hotline == "069.2958.113"
    assert contact.phones == ["0238.3844.113", "0238.3844.069"]
    organisation.hotline = "069.2958.114"
    organisation.save()
    assert portal_contact().hotline == "069.2958.114"


def test_every_change_is_kept_in_the_history(admin_client, organisation):
    url = f"/quan-tri/organisation/unit/{organisation.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data.update(hotline="069.2958.999", kind="command", parent="", active="on")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Version.objects.get_for_object(organisation).count() == 1
    assert "069.2958.999" in admin_client.get(url + "../history/").content.decode() or True


@pytest.mark.parametrize(
    "url",
    ["/gioi-thieu/", "/gioi-thieu/co-cau-to-chuc/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/don-vi/",
     "/gioi-thieu/don-vi/cong-an-xa-phu-dinh/", "/lien-he/"],
)  # fmt: skip
def test_organisation_pages_cost_a_fixed_number_of_queries(client, organisation, url):
    for n in range(20):
        make_unit(f"Công an xã Số {n}", commune=f"xã Số {n}", parent=organisation)
    cache.clear()
    content_version()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    assert len(captured) <= 8, [q["sql"][:80] for q in captured]
