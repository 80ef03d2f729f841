"""The desk's front page tells each person what waits for them, one click from acting on it,
in a fixed number of queries however full the desk is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.factories import make_article, make_author, make_image

pytestmark = pytest.mark.django_db

Status = Article.Status
INDEX = "admin:index"


@pytest.fixture
def hanh(reporter):
    author = make_author("Lê Thị Hạnh", "Công an xã Phú Đình")
    author.user = reporter
    author.save()
    return author


def desk(*, hanh, reporter, editor, n: int = 1) -> dict[str, list[Article]]:
    """``n`` articles in each state of the desk, the reporter's own ones among them."""
    made: dict[str, list[Article]] = {}
    for i in range(n):
        draft = make_article(
            title=f"Bản nháp của chị Hạnh {i}", status=Status.DRAFT, published_at=None,
            authors=[hanh], created_by=reporter,
        )  # fmt: skip
        returned = make_article(
            title=f"Bài bị trả lại {i}", status=Status.DRAFT, published_at=None,
            authors=[hanh], created_by=reporter,
        )  # fmt: skip
        services.article_submit(article=returned, by=reporter)
        services.article_return(
            article=returned, by=editor, comment=f"Bổ sung số liệu của xã, lần {i}."
        )
        submitted = make_article(
            title=f"Bài chờ biên tập {i}", status=Status.DRAFT, published_at=None,
            authors=[hanh], created_by=reporter,
        )  # fmt: skip
        services.article_submit(article=submitted, by=reporter)
        forwarded = make_article(
            title=f"Bài chờ duyệt {i}", status=Status.DRAFT, published_at=None,
            authors=[make_author("Trần Thị Thu Hà", "Phòng Tham mưu")], created_by=editor,
        )  # fmt: skip
        services.article_submit(article=forwarded, by=editor)
        services.article_forward(article=forwarded, by=editor)
        scheduled = make_article(
            title=f"Bài hẹn giờ {i}",
            published_at=timezone.now() + timezone.timedelta(hours=2 + i),
            cover=make_image(),
        )
        for name, item in [
            ("draft", draft), ("returned", returned), ("submitted", submitted),
            ("forwarded", forwarded), ("scheduled", scheduled),
        ]:  # fmt: skip
            made.setdefault(name, []).append(item)
    return made


def front_page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    return response.content.decode()


def change_link(article: Article) -> str:
    return f'href="{reverse("admin:articles_article_change", args=[article.pk])}"'


def test_the_reporter_sees_her_drafts_and_what_was_returned_with_its_comment(
    client, reporter, editor, hanh, now
):
    made = desk(hanh=hanh, reporter=reporter, editor=editor)
    page = front_page(client, reporter)
    assert "Bài của tôi" in page
    assert change_link(made["draft"][0]) in page
    assert change_link(made["returned"][0]) in page
    assert "Bổ sung số liệu của xã, lần 0." in page
    assert reverse("admin:articles_article_add") in page  # "Viết bài mới"
    # Not hers to act on: the queues of the editors and the approvers.
    assert "Chờ duyệt" not in page and "Chờ biên tập <" not in page
    assert change_link(made["forwarded"][0]) not in page


def test_the_editor_sees_the_queue_waiting_for_editing(client, reporter, editor, hanh, now):
    made = desk(hanh=hanh, reporter=reporter, editor=editor)
    page = front_page(client, editor)
    assert "Chờ biên tập" in page
    assert change_link(made["submitted"][0]) in page
    assert "Mở để biên tập" in page
    assert "Lê Thị Hạnh (Công an xã Phú Đình)" in page
    assert "Chờ duyệt" not in page  # approving is not theirs
    assert "Lịch đăng bài hôm nay" in page  # they set publication times


def test_the_approver_sees_what_waits_for_approval_and_todays_schedule(
    client, reporter, editor, approver, hanh, now
):
    made = desk(hanh=hanh, reporter=reporter, editor=editor)
    page = front_page(client, approver)
    assert page.index("Chờ duyệt") < page.index("Chờ biên tập")  # their own queue first
    assert change_link(made["forwarded"][0]) in page
    assert "Mở để duyệt" in page
    assert reverse("article-preview", args=[made["forwarded"][0].pk]) in page
    assert change_link(made["scheduled"][0]) in page
    assert "bài sẽ lên trong hôm nay" in page


def test_photo_staff_see_the_latest_uploads_and_the_way_to_upload_more(client, photo_staff, now):
    photo = make_image(caption="")
    page = front_page(client, photo_staff)
    assert "Thư viện ảnh" in page
    assert reverse("admin:photos_image_upload") in page
    assert reverse("admin:photos_image_change", args=[photo.pk]) in page
    assert "Chưa có chú thích" in page
    assert "Bài của tôi" not in page and "Chờ duyệt" not in page


def test_the_administrator_also_sees_the_accounts(client, administrator, now):
    page = front_page(client, administrator)
    assert "Tài khoản cán bộ" in page
    assert reverse("admin:axes_accessattempt_changelist") in page


@pytest.mark.parametrize(
    "persona", ["reporter", "editor", "approver", "photo_staff", "administrator"]
)
def test_the_front_page_costs_the_same_queries_for_a_quiet_or_a_busy_desk(
    client, request, persona, reporter, editor, hanh, now
):
    user = request.getfixturevalue(persona)
    client.force_login(user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(INDEX)).status_code == 200
        return len(captured)

    queries()  # the session's first request also renews it and fills Django's caches
    desk(hanh=hanh, reporter=reporter, editor=editor, n=1)
    quiet = queries()
    desk(hanh=hanh, reporter=reporter, editor=editor, n=12)
    for _ in range(14):
        make_image()
    busy = queries()
    assert busy == quiet
    # The administrator's, the fullest: the session, the user and their second factor;
    # two for each panel (counts, list) and the queues' bylines; the menu's one lookup.
    assert busy <= 18, busy
