"""Roles and the approval workflow, enforced by the server (not by hidden buttons)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, Author
from publishing.models import Action
from tests.factories import make_article

Status = Article.Status


@pytest.fixture
def reporter_author(reporter):
    return Author.objects.create(name="Lê Thị Hạnh", unit="Công an huyện Phú Lương", user=reporter)


def article_in(status: str, *, author=None, created_by=None, **extra) -> Article:
    published = status in {Status.PUBLISHED, Status.UNPUBLISHED}
    article = make_article(
        status=status,
        published_at=timezone.now() - dt.timedelta(hours=1) if published else None,
        authors=[author] if author else None,
        created_by=created_by,
        **extra,
    )
    return article


def post_step(client, user, article, action, comment=""):
    client.force_login(user)
    url = reverse("admin:articles_article_transition", args=[article.pk, action])
    return client.post(url, {"comment": comment})


# The permission matrix: (action, starting status, persona) → allowed?
MATRIX = [
    (Action.SUBMIT, Status.DRAFT, {"reporter", "editor", "approver", "administrator"}),
    (Action.RETURN, Status.SUBMITTED, {"editor", "approver", "administrator"}),
    (Action.FORWARD, Status.SUBMITTED, {"editor", "approver", "administrator"}),
    (Action.APPROVE, Status.FORWARDED, {"approver", "administrator"}),
    (Action.APPROVE, Status.SUBMITTED, {"approver", "administrator"}),
    (Action.TAKE_DOWN, Status.PUBLISHED, {"approver", "administrator"}),
    (Action.ARCHIVE, Status.PUBLISHED, {"approver", "administrator"}),
    (Action.RESTORE, Status.ARCHIVED, {"approver", "administrator"}),
]
PERSONAS = ["reporter", "editor", "approver", "photo_staff", "administrator"]


@pytest.mark.parametrize(("action", "status", "allowed"), MATRIX)
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(client, request, reporter_author, action, status, allowed, persona):
    user = request.getfixturevalue(persona)
    article = article_in(status, author=reporter_author, created_by=reporter_author.user)
    response = post_step(client, user, article, action, comment="Lý do ghi nhận")
    article.refresh_from_db()
    if persona in allowed:
        assert response.status_code == 302
        assert article.status == services.RULES[action].target
        step = article.transitions.get()
        assert (step.action, step.from_status, step.by) == (action, status, user)
    else:
        assert response.status_code == 403
        assert article.status == status
        assert not article.transitions.exists()


def test_reporter_posting_approve_gets_403_and_nothing_changes(client, reporter, reporter_author):
    article = article_in(Status.SUBMITTED, author=reporter_author, created_by=reporter)
    response = post_step(client, reporter, article, Action.APPROVE)
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED
    assert article.published_at is None


def test_reporter_cannot_submit_someone_elses_draft(client, reporter, editor):
    article = article_in(Status.DRAFT, created_by=editor)
    assert post_step(client, reporter, article, Action.SUBMIT).status_code == 403
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_two_person_rule_stops_approving_your_own_article(approver, settings):
    settings.TWO_PERSON_APPROVAL = True
    own = Author.objects.create(name="Hoàng Văn Dũng", unit="Ban Giám đốc", user=approver)
    article = article_in(Status.FORWARDED, author=own)
    with pytest.raises(PermissionDenied):
        services.article_approve(article=article, by=approver)
    settings.TWO_PERSON_APPROVAL = False
    services.article_approve(article=article, by=approver)
    assert article.status == Status.PUBLISHED


def test_return_needs_a_comment_and_records_it(editor, reporter_author):
    article = article_in(Status.SUBMITTED, author=reporter_author)
    with pytest.raises(ValidationError):
        services.article_return(article=article, by=editor, comment="  ")
    services.article_return(article=article, by=editor, comment="Bổ sung nguồn số liệu")
    step = article.transitions.get()
    assert (step.to_status, step.comment) == (Status.RETURNED, "Bổ sung nguồn số liệu")


@pytest.mark.parametrize(
    ("action", "wrong_status"),
    [
        (Action.SUBMIT, Status.PUBLISHED),
        (Action.FORWARD, Status.DRAFT),
        (Action.APPROVE, Status.DRAFT),
        (Action.TAKE_DOWN, Status.DRAFT),
        (Action.RESTORE, Status.PUBLISHED),
    ],
)
def test_steps_from_the_wrong_state_are_refused(administrator, action, wrong_status):
    article = article_in(wrong_status)
    with pytest.raises(ValidationError):
        services.article_transition(
            article=article, by=administrator, action=action, comment="lý do"
        )
    article.refresh_from_db()
    assert article.status == wrong_status


def test_a_refused_step_over_http_explains_itself_in_vietnamese(client, approver):
    article = article_in(Status.DRAFT)
    response = post_step(client, approver, article, Action.APPROVE)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Không thể thực hiện bước này" in page


def test_full_journey_of_an_article(reporter, editor, approver, reporter_author):
    article = article_in(Status.DRAFT, author=reporter_author, created_by=reporter)
    services.article_submit(article=article, by=reporter)
    services.article_return(article=article, by=editor, comment="Thêm ảnh")
    services.article_submit(article=article, by=reporter)
    services.article_forward(article=article, by=editor)
    services.article_approve(article=article, by=approver)
    assert article.is_published()
    assert article.first_published_at is not None
    services.article_take_down(article=article, by=approver, reason="Thông tin chưa chính xác")
    assert article.status == Status.UNPUBLISHED
    assert article.takedown_reason == "Thông tin chưa chính xác"
    steps = list(article.transitions.order_by("at", "pk").values_list("action", "by__username"))
    assert steps == [
        ("submit", "phongvien"),
        ("return", "bientap"),
        ("submit", "phongvien"),
        ("forward", "bientap"),
        ("approve", "lanhdao"),
        ("take_down", "lanhdao"),
    ]


def test_approval_trail_can_be_filtered_by_step_and_month(client, administrator, approver, now):
    for _ in range(2):
        services.article_approve(article=article_in(Status.FORWARDED), by=approver)
    services.article_forward(article=article_in(Status.SUBMITTED), by=approver)
    client.force_login(administrator)
    url = reverse("admin:articles_transition_changelist")
    today = timezone.localdate()
    response = client.get(
        url, {"action": "approve", "at__year": today.year, "at__month": today.month}
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 2


def test_taken_down_article_answers_410_gone(client, approver):
    article = article_in(Status.PUBLISHED)
    assert client.get(article.get_absolute_url()).status_code == 200
    services.article_take_down(
        article=article, by=approver, reason="Thông tin chưa được kiểm chứng"
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    assert article.title not in client.get("/").content.decode()


def test_steps_that_need_a_reason_are_offered_on_the_article_page(client, approver, editor):
    published = article_in(Status.PUBLISHED)
    client.force_login(approver)
    page = client.get(reverse("admin:articles_article_change", args=[published.pk]))
    assert "Lý do gỡ bài (bắt buộc)" in page.content.decode()
    assert [a for a, _label, _needs in page.context["workflow_actions"]] == [
        Action.TAKE_DOWN,
        Action.ARCHIVE,
    ]

    submitted = article_in(Status.SUBMITTED)
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[submitted.pk]))
    actions = [action for action, _label, _needs in page.context["workflow_actions"]]
    assert actions == [Action.RETURN, Action.FORWARD]


def test_a_step_that_needs_a_reason_is_still_refused_without_one(client, approver):
    article = article_in(Status.PUBLISHED)
    post_step(client, approver, article, Action.TAKE_DOWN, comment="  ")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
