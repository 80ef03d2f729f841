"""Documents go through the articles' workflow: who may publish, the two-person rule, the
register, and the desk's buttons."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from documents import services
from documents.models import Document
from publishing.models import Action, Status
from tests.factories import make_document


@pytest.fixture
def draft(reporter):
    return make_document(status=Status.DRAFT, published_at=None, created_by=reporter)


def test_a_reporter_submits_an_editor_forwards_an_approver_publishes(
    draft, reporter, editor, approver, now
):
    services.document_submit(document=draft, by=reporter)
    services.document_forward(document=draft, by=editor)
    services.document_approve(document=draft, by=approver)
    draft.refresh_from_db()
    assert draft.is_published()
    steps = list(draft.steps.order_by("at", "pk").values_list("action", "by__username"))
    assert steps == [
        (Action.SUBMIT, "phongvien"),
        (Action.FORWARD, "bientap"),
        (Action.APPROVE, "lanhdao"),
    ]
    assert Document.objects.published().filter(pk=draft.pk).exists()


def test_a_reporter_cannot_publish(draft, reporter):
    services.document_submit(document=draft, by=reporter)
    with pytest.raises(PermissionDenied):
        services.document_approve(document=draft, by=reporter)


def test_nobody_approves_a_document_they_created(approver):
    own = make_document(status=Status.SUBMITTED, published_at=None, created_by=approver)
    with pytest.raises(PermissionDenied):
        services.document_approve(document=own, by=approver)


def test_taking_down_needs_a_reason_and_is_recorded(approver, editor):
    published = make_document(created_by=editor)
    with pytest.raises(Exception):  # noqa: B017 (a ValidationError: the reason is missing)
        services.document_take_down(document=published, by=approver, reason="  ")
    services.document_take_down(document=published, by=approver, reason="Văn bản ban hành nhầm")
    published.refresh_from_db()
    assert published.status == Status.UNPUBLISHED
    assert published.takedown_reason == "Văn bản ban hành nhầm"


def test_the_desk_shows_the_steps_allowed_and_takes_one_by_post(
    client, approver, editor, admin_url
):
    document = make_document(status=Status.FORWARDED, published_at=None, created_by=editor)
    client.force_login(approver)
    page = client.get(reverse("admin:documents_document_change", args=[document.pk]))
    assert page.status_code == 200
    assert "Duyệt và xuất bản" in page.content.decode()
    url = reverse("admin:documents_document_transition", args=[document.pk, Action.APPROVE])
    assert client.get(url).status_code == 405
    client.post(url, {"comment": ""})
    document.refresh_from_db()
    assert document.is_published()
    assert document.steps.filter(action=Action.APPROVE, by=approver).exists()


def test_a_reporter_sees_only_their_own_documents_at_the_desk(client, reporter, editor):
    mine = make_document(status=Status.DRAFT, published_at=None, created_by=reporter)
    make_document(status=Status.DRAFT, published_at=None, created_by=editor, number="9/2024/TT-BCA")
    client.force_login(reporter)
    page = client.get(reverse("admin:documents_document_changelist"))
    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == [mine]


def test_roles_carry_the_documents_permissions(reporter, editor, approver):
    assert reporter.has_perm("documents.submit_document")
    assert not reporter.has_perm("documents.publish_document")
    assert editor.has_perm("documents.forward_document")
    assert approver.has_perm("documents.publish_document")
    assert approver.has_perm("english.publish_englishpage")
