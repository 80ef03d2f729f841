"""From the moderation queue to the public page: rejecting, answering, the workflow and
its permissions; what readers see (never the asker's contact), search, and the deletion
of askers' personal data after the period."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Version

from publishing.models import Action
from questions.models import Question
from questions.services import erase_asker_data, question_reject, question_transition
from tests.factories import make_question

pytestmark = pytest.mark.django_db
Status = Question.Status


def test_the_queue_lists_new_questions_for_the_desk(client, editor, settings):
    waiting = make_question(answered=False, question="Làm lại căn cước khi bị mất ở đâu ạ?")
    make_question()
    client.force_login(editor)
    text = client.get(f"/{settings.ADMIN_URL}questions/question/?queue=waiting").content.decode()
    assert "Làm lại căn cước" in text and "Đang chờ kiểm duyệt" in text
    assert list(Question.objects.waiting()) == [waiting]


def test_an_editor_rejects_spam_with_a_reason(editor, reporter):
    spam = make_question(answered=False)
    with pytest.raises(ValidationError):
        question_reject(question=spam, by=editor, reason="")
    with pytest.raises(PermissionDenied):
        question_reject(question=spam, by=reporter, reason="Quảng cáo")
    question_reject(question=spam, by=editor, reason="Quảng cáo")
    spam.refresh_from_db()
    assert spam.status == Status.ARCHIVED and not Question.objects.waiting().exists()
    assert spam.steps.get().comment == "Quảng cáo"


def test_an_answer_goes_through_the_workflow_before_readers_see_it(client, editor, approver):
    question = make_question(answered=False)
    with pytest.raises(ValidationError, match="cần có"):
        question_transition(question=question, by=editor, action=Action.SUBMIT)
    Question.objects.filter(pk=question.pk).update(
        title="Làm lại căn cước khi bị mất",
        public_question="Tôi bị mất căn cước, làm lại ở đâu?",
        answer="Bạn đến Công an xã nơi thuận tiện nhất, không cần về nơi thường trú.",
        answer_unit="Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
        answered_by=editor,
    )
    question.refresh_from_db()
    question.save()
    question_transition(question=question, by=editor, action=Action.SUBMIT)
    question_transition(question=question, by=editor, action=Action.FORWARD)
    with pytest.raises(PermissionDenied):
        question_transition(question=question, by=editor, action=Action.APPROVE)
    assert client.get("/hoi-dap/").content.decode().count("qa-item") == 0
    question_transition(question=question, by=approver, action=Action.APPROVE)
    question.refresh_from_db()
    page = client.get(question.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "Làm lại căn cước khi bị mất" in text and "không cần về nơi thường trú" in text
    assert "Trả lời của Phòng Cảnh sát quản lý hành chính" in text


def test_readers_never_see_the_askers_contact_or_original_text(client):
    question = make_question(question="Nguyên văn có số điện thoại 0912 345 678 của tôi")
    for url in (question.get_absolute_url(), "/hoi-dap/", "/tim-kiem/?q=thuong+tru"):
        text = client.get(url).content.decode()
        assert "0900 111 222" not in text and "0912 345 678" not in text, url
        assert "Trần Thị Mẫu" not in text, url
    assert "Bạn Mẫu (xã Yên Lạc)" in client.get(question.get_absolute_url()).content.decode()


def test_unanswered_or_unpublished_questions_are_not_shown(client):
    waiting = make_question(answered=False, title="Câu hỏi đang chờ")
    waiting.save()
    assert waiting.slug
    assert client.get(waiting.get_absolute_url()).status_code == 404
    assert "Câu hỏi đang chờ" not in client.get("/hoi-dap/").content.decode()


def test_answered_questions_are_found_by_the_site_search_and_their_own(client):
    question = make_question(title="Đăng ký thường trú cho con mới sinh")
    site = client.get("/tim-kiem/", {"q": "dang ky thuong tru"}).content.decode()
    assert question.get_absolute_url() in site and "Hỏi đáp" in site
    own = client.get("/hoi-dap/", {"q": "thuong tru"}).content.decode()
    assert question.get_absolute_url() in own
    other = client.get("/hoi-dap/", {"q": "xuat nhap canh"}).content.decode()
    assert question.get_absolute_url() not in other


def test_the_list_filters_by_field(client):
    make_question(title="Về cư trú")
    from tests.factories import make_topic

    fire = make_question(title="Về phòng cháy", topic=make_topic("Phòng cháy chữa cháy"))
    text = client.get("/hoi-dap/", {"linh-vuc": fire.topic.slug}).content.decode()
    assert "Về phòng cháy" in text and "Về cư trú" not in text


def test_askers_personal_data_is_deleted_after_the_period(settings, now, editor):
    settings.QUESTION_PERSONAL_DATA_DAYS = 180
    long_ago = timezone.now() - dt.timedelta(days=200)
    published = make_question(received_at=long_ago)
    never_shown = make_question(answered=False, received_at=long_ago)
    rejected = make_question(answered=False, received_at=long_ago)
    question_reject(question=rejected, by=editor, reason="Không phù hợp")
    recent = make_question(answered=False)
    call_command("erase_asker_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    published.refresh_from_db()
    assert (published.asker_name, published.asker_contact, published.question) == ("", "", "")
    assert published.personal_data_erased_at is not None
    assert published.answer and published.public_question  # what readers see stays
    assert not Question.objects.filter(pk__in=[never_shown.pk, rejected.pk]).exists()
    recent.refresh_from_db()
    assert recent.asker_name == "Trần Thị Mẫu"
    assert erase_asker_data() == (0, 0)  # twice = once


def test_revisions_never_keep_the_askers_details(client, approver, settings):
    question = make_question(answered=False)
    client.force_login(approver)
    url = f"/{settings.ADMIN_URL}questions/question/{question.pk}/change/"
    response = client.post(
        url,
        {
            "topic": question.topic.pk,
            "title": "Tiêu đề",
            "slug": "",
            "public_name": "Bạn Mẫu",
            "public_question": "Câu hỏi đã biên tập",
            "answer_unit": "Phòng PC06",
            "answer": "Câu trả lời",
            "published_at": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    versions = Version.objects.get_for_object(question)
    assert versions.exists()
    assert not any("0900 111 222" in v.serialized_data for v in versions)
    assert not any("Trần Thị Mẫu" in v.serialized_data for v in versions)
