"""The portal's shell: a masthead with the police emblem, a section bar that reaches every
sub-section, a footer that says who publishes the portal (edited by administrators), and
the right column of an article."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from public import pageviews
from public.models import DailyViews, PortalIdentity
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def identity():
    return PortalIdentity.objects.update_or_create(
        pk=PortalIdentity.SINGLETON,
        defaults={
            "masthead_kicker": "Cổng thông tin điện tử",
            "motto": "Vì nước quên thân, vì dân phục vụ",
            "governing_agency": "Công an tỉnh Sông Lam",
            "responsible_person": "Đại tá Hà Minh Triết, Giám đốc Công an tỉnh",
            "address": "Số 18 đường Lê Lợi, phường Trung Tâm, tỉnh Sông Lam",
            "duty_phone": "0200 3855 113",
            "email": "banbientap@congan.example.vn",
            "licence": "Giấy phép số 45/GP-TTĐT",
            "public_services_url": "https://dichvucong.bocongan.gov.vn/",
            "crime_report_url": "",
            "questions_url": "",
            "english_url": "",
        },
    )[0]


def test_the_footer_says_who_publishes_the_portal(client, identity, now):
    make_article()
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for line in [
        "Cơ quan chủ quản",
        "Công an tỉnh Sông Lam",
        "Chịu trách nhiệm chính",
        "Đại tá Hà Minh Triết, Giám đốc Công an tỉnh",
        "Số 18 đường Lê Lợi",
        'href="tel:02003855113"',
        'href="mailto:banbientap@congan.example.vn"',
        "Giấy phép số 45/GP-TTĐT",
        'href="https://dichvucong.bocongan.gov.vn/">Dịch vụ công</a>',
    ]:
        assert line in footer, line
    # No outside address given for them: the portal's own pages are linked, and no English.
    assert 'href="/to-giac-toi-pham/">Tố giác tội phạm</a>' in footer
    assert 'href="/hoi-dap/">Hỏi đáp</a>' in footer and 'href="/van-ban/">Văn bản</a>' in footer
    assert "English" not in html


def test_an_administrator_changes_the_footer_and_every_page_shows_it_at_once(
    client, administrator, identity, now, settings
):
    settings.PAGE_CACHE_SECONDS = 60
    article = make_article()
    assert "0200 3855 113" in client.get(article.get_absolute_url()).content.decode()
    staff = Client()
    staff.force_login(administrator)
    url = reverse("admin:public_portalidentity_change", args=[PortalIdentity.SINGLETON])
    form = staff.get(url).context["adminform"].form
    data = {**{name: form.initial.get(name) or "" for name in form.fields}}
    data.update(duty_phone="0200 3999 999", crime_report_url="/to-giac-toi-pham/")
    assert staff.post(url, data).status_code == 302
    html = client.get(article.get_absolute_url()).content.decode()
    assert "0200 3999 999" in html and "0200 3855 113" not in html
    assert 'href="/to-giac-toi-pham/">Tố giác tội phạm</a>' in html


def test_the_identity_has_one_row_that_nobody_deletes(client, administrator, identity):
    client.force_login(administrator)
    listing = client.get(reverse("admin:public_portalidentity_changelist"))
    assert listing.status_code == 302
    assert listing["Location"].endswith(f"/{PortalIdentity.SINGLETON}/change/")
    assert client.get(reverse("admin:public_portalidentity_add")).status_code == 403
    delete = reverse("admin:public_portalidentity_delete", args=[PortalIdentity.SINGLETON])
    assert client.get(delete).status_code == 403


def test_the_masthead_shows_the_emblem_the_kicker_and_the_motto(client, identity, now):
    html = client.get("/").content.decode()
    header = html[: html.index("</header>")]
    assert 'src="/static/img/emblem.svg"' in header
    assert "Cổng thông tin điện tử" in header and "Vì nước quên thân, vì dân phục vụ" in header


def test_every_sub_section_is_reachable_from_the_section_bar(client, identity, now):
    parent = make_section("Xây dựng lực lượng")
    make_section("Gương người tốt việc tốt", parent=parent)
    header = client.get("/").content.decode().split("</header>")[0]
    # Under its section on a wide screen, and in "All sections" on a phone.
    assert header.count('href="/chuyen-muc/guong-nguoi-tot-viec-tot/"') == 2
    assert "Tất cả chuyên mục" in header


def test_the_two_search_forms_are_landmarks_with_different_names(client, identity, now):
    html = client.get("/tim-kiem/").content.decode()
    names = re.findall(r'role="search" aria-label="([^"]+)"', html)
    assert len(names) == 2 and len(set(names)) == 2


def test_an_articles_right_column_has_related_most_read_and_latest(client, identity, now):
    section = make_section("An ninh trật tự")
    article = make_article(title="Bài đang đọc", section=section)
    newer = make_article(title="Tin mới nhất trong ngày", section=make_section("Giao thông"))
    html = client.get(article.get_absolute_url()).content.decode()
    side = html[html.index('class="article-side"') :]
    assert "Tin mới nhất" in side and newer.title in side
    assert side.count("Bài đang đọc") == 0  # not itself


def test_the_feed_link_comes_after_most_read_in_a_lists_side_column(client, identity, now):
    section = make_section("An ninh trật tự")
    article = make_article(section=section)
    DailyViews.objects.create(article=article, day=timezone.localdate(), views=9)
    pageviews.rank_most_read()
    html = client.get(section.get_absolute_url()).content.decode()
    assert html.index('class="most-read"') < html.index('class="side-feed"')
