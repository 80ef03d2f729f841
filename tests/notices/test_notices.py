"""Wanted notices as readers and the desk see them: the list and its filters, a notice's
page and poster, the lookup by decision number, the review list, the minimum of personal
data, and who may do what."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from notices.models import WantedNotice, decision_key
from notices.services import notice_transition
from publishing.models import Action
from tests.factories import make_notice, make_offence

pytestmark = pytest.mark.django_db
Status = WantedNotice.Status


def test_the_list_shows_published_notices_with_photos_and_filters(client):
    older = make_notice(
        full_name="Trần Văn Ví Dụ",
        decision_date=dt.date(2024, 5, 2),
        offence=make_offence("Giết người"),
    )
    newer = make_notice(full_name="Lê Thị Thử Nghiệm", decision_date=dt.date(2025, 8, 9))
    make_notice(full_name="Bản Nháp Chưa Duyệt", status=Status.DRAFT, published_at=None)
    text = client.get("/truy-na/").content.decode()
    assert "Trần Văn Ví Dụ" in text and "Lê Thị Thử Nghiệm" in text
    assert "Bản Nháp Chưa Duyệt" not in text
    assert text.count("<picture") == 2 and "2 thông báo" in text
    by_year = client.get("/truy-na/?nam=2024").content.decode()
    assert older.full_name in by_year and newer.full_name not in by_year
    by_offence = client.get("/truy-na/?toi-danh=giet-nguoi").content.decode()
    assert older.full_name in by_offence and newer.full_name not in by_offence
    assert client.get("/truy-na/?toi-danh=khong-co").status_code == 404


def test_a_notice_page_shows_the_decision_and_where_to_send_tips(client):
    notice = make_notice(full_name="Nguyễn Văn Minh Họa", offence_detail="theo khoản 4 Điều 174")
    response = client.get(notice.get_absolute_url())
    text = response.content.decode()
    for shown in (
        "Nguyễn Văn Minh Họa",
        notice.decision_number,
        "Phó Thủ trưởng Hà Minh Mẫu",
        "theo khoản 4 Điều 174",
        "0200 3 800 113",
        "Công an không bao giờ gửi quyết định truy nã qua tin nhắn hay điện thoại",
        'property="og:image"',
    ):
        assert shown in text, shown
    assert "minh-hoa" not in notice.slug  # the address carries no name


def test_the_poster_is_one_printable_a4_page(client):
    notice = make_notice()
    response = client.get(notice.get_absolute_url() + "in/")
    text = response.content.decode()
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert "TRUY NÃ" in text and 'class="poster"' in text and "data-print" in text
    css = (Path(__file__).parents[2] / "static/css/site.css").read_text(encoding="utf-8")
    assert "size: A4" in css and ".poster" in css


def test_a_draft_or_scheduled_notice_is_not_shown(client):
    draft = make_notice(status=Status.DRAFT, published_at=None)
    later = make_notice(published_at=timezone.now() + dt.timedelta(hours=1))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(later.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("typed", ["15/QĐ-CSĐT", "15/qd-csdt", " 15 / QĐ – CSĐT "])
def test_the_lookup_finds_a_genuine_decision_however_it_is_typed(client, typed):
    make_notice(decision_number="15/QĐ-CSĐT", full_name="Nguyễn Văn Minh Họa")
    text = client.get("/truy-na/tra-cuu/", {"so": typed}).content.decode()
    assert "do Công an tỉnh ban hành và đang có hiệu lực" in text
    assert "Nguyễn Văn Minh Họa" in text


def test_the_lookup_of_an_unknown_number_warns_of_the_scam(client):
    text = client.get("/truy-na/tra-cuu/", {"so": "99/QĐ-CSĐT"}).content.decode()
    assert "Không có quyết định truy nã nào số “99/QĐ-CSĐT”" in text
    assert "đó là lừa đảo" in text
    assert "Công an không bao giờ gửi quyết định truy nã qua tin nhắn hay điện thoại" in text
    blank = client.get("/truy-na/tra-cuu/").content.decode()
    assert "Công an không bao giờ gửi quyết định truy nã" in blank


def test_decision_numbers_fold_to_one_key():
    assert decision_key("15/QĐ-CSĐT") == decision_key("15 / qd-csdt") == "15qdcsdt"


def test_a_notice_holds_no_national_id_and_no_relatives():
    names = {f.name for f in WantedNotice._meta.get_fields()}
    forbidden = {"cccd", "cmnd", "id_number", "national_id", "father", "mother", "relatives"}
    assert not names & forbidden
    assert not any("parent" in n or "spouse" in n or "identity" in n for n in names)


def test_the_review_list_names_notices_older_than_the_period(client, approver, settings, now):
    settings.NOTICE_REVIEW_MONTHS = 6
    old = make_notice(first_published_at=timezone.now() - dt.timedelta(days=200))
    recent = make_notice(first_published_at=timezone.now() - dt.timedelta(days=20))
    due = WantedNotice.objects.needing_review(months=6)
    assert list(due) == [old]
    client.force_login(approver)
    page = client.get(f"/{settings.ADMIN_URL}notices/wantednotice/?review=due")
    text = page.content.decode()
    assert old.decision_number in text and recent.decision_number not in text
    assert "Đã đăng quá 6 tháng chưa rà soát" in text
    client.post(
        f"/{settings.ADMIN_URL}notices/wantednotice/",
        {"action": "mark_reviewed", "_selected_action": [old.pk]},
    )
    assert not WantedNotice.objects.needing_review(months=6).exists()
    old.refresh_from_db()
    assert old.reviewed_by == approver


def test_a_reporter_enters_a_notice_but_cannot_publish_it(reporter, approver, editor):
    notice = make_notice(status=Status.DRAFT, published_at=None, created_by=reporter)
    notice_transition(notice=notice, by=reporter, action=Action.SUBMIT)
    with pytest.raises(PermissionDenied):
        notice_transition(notice=notice, by=reporter, action=Action.APPROVE)
    with pytest.raises(PermissionDenied):
        notice_transition(notice=notice, by=editor, action=Action.APPROVE)
    notice_transition(notice=notice, by=editor, action=Action.FORWARD)
    notice_transition(notice=notice, by=approver, action=Action.APPROVE)
    notice.refresh_from_db()
    assert notice.is_published()
    assert [s.action for s in notice.steps.all()] == ["approve", "forward", "submit"]


def test_the_desk_offers_the_withdrawal_to_approvers_only(client, approver, editor, settings):
    notice = make_notice()
    url = f"/{settings.ADMIN_URL}notices/wantednotice/{notice.pk}/change/"
    client.force_login(approver)
    assert "Đình nã thông báo" in client.get(url).content.decode()
    other = Client()
    other.force_login(editor)
    response = other.get(url)
    assert response.status_code == 200 and "Đình nã thông báo" not in response.content.decode()
    refused = other.post(
        f"/{settings.ADMIN_URL}notices/wantednotice/{notice.pk}/withdraw/",
        {"decision_number": "1/QĐ", "decision_date": "2025-01-01", "reason": "arrested"},
    )
    assert refused.status_code == 403
    assert not WantedNotice.objects.get(pk=notice.pk).is_withdrawn


@pytest.mark.parametrize(
    "status",
    ["draft", "submitted", "returned", "forwarded", "scheduled", "unpublished", "archived"],
)
def test_a_notice_readers_may_not_see_is_in_no_public_place(client, status):
    fields = {"status": status, "published_at": None}
    if status == "scheduled":
        fields = {"status": Status.PUBLISHED, "published_at": timezone.now() + dt.timedelta(days=1)}
    elif status == "unpublished":
        fields["published_at"] = timezone.now() - dt.timedelta(days=1)
    notice = make_notice(full_name="Hoàng Văn Ẩn Danh", decision_number="77/QĐ-CSĐT", **fields)
    page = notice.get_absolute_url()
    for url in (
        "/truy-na/",
        "/tim-kiem/?q=an+danh",
        "/sitemap-notices.xml",
        "/truy-na/rss/",
        "/truy-na/tra-cuu/?so=77/QD-CSDT",
    ):
        assert page not in client.get(url).content.decode(), url
    assert client.get(page).status_code in (404, 410)
