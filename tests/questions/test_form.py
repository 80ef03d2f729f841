"""The public question form: never cached, and every refusal said in Vietnamese — a
missing CSRF token, too many questions from one address, the honeypot, a form sent too
fast or too late, sizes, missing fields."""

import re
import time

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from public.pagecache import page_key, reader_version
from public.views.questions import form_stamp
from questions.models import Question
from tests.factories import make_topic

pytestmark = pytest.mark.django_db

URL = "/hoi-dap/dat-cau-hoi/"
QUESTION = "Tôi muốn đăng ký thường trú cho con mới sinh thì cần những giấy tờ gì ạ?"


@pytest.fixture
def topic():
    return make_topic("Cư trú")


def stamp_seconds_ago(seconds: int) -> str:
    with time_machine.travel(time.time() - seconds, tick=False):
        return form_stamp()


def fields(chosen, **overrides) -> dict:
    data = {
        "name": "Trần Thị Mẫu",
        "contact": "0900 111 222",
        "topic": chosen.pk,
        "question": QUESTION,
        "website": "",
        "stamp": stamp_seconds_ago(60),
    }
    data.update(overrides)
    return data


def token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def test_the_form_page_is_never_cached_for_anyone(topic, rf):
    first, second = Client(), Client()
    one = first.get(URL)
    two = second.get(URL)
    assert one.status_code == two.status_code == 200
    for response in (one, two):
        control = response["Cache-Control"]
        assert "no-store" in control and "private" in control
        assert "X-Accel-Expires" not in response  # nginx keeps nothing either
    assert token(one) != token(two)  # each reader's own token
    request = rf.get(URL)
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    assert cache.get(page_key(request, reader_version(request))) is None


def test_a_question_goes_into_the_moderation_queue(client, topic):
    response = client.post(URL, fields(topic))
    assert response.status_code == 302 and response["Location"] == "/hoi-dap/da-gui/"
    question = Question.objects.get()
    assert (question.asker_name, question.asker_contact, question.question) == (
        "Trần Thị Mẫu",
        "0900 111 222",
        QUESTION,
    )
    assert question.status == Question.Status.DRAFT
    assert list(Question.objects.waiting()) == [question]
    assert "Câu hỏi của bạn đã được gửi" in client.get("/hoi-dap/da-gui/").content.decode()


def test_a_form_without_its_csrf_token_is_refused_in_vietnamese(topic):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, fields(topic))
    assert response.status_code == 403
    assert "Không gửi được biểu mẫu" in response.content.decode()
    assert not Question.objects.exists()
    page = strict.get(URL)
    ok = strict.post(URL, {**fields(topic), "csrfmiddlewaretoken": token(page)})
    assert ok.status_code == 302


def test_too_many_questions_from_one_address_are_refused(topic, settings):
    settings.FORM_RATE_LIMIT = "2/h"
    asker = Client(REMOTE_ADDR="203.0.113.40")
    codes = [asker.post(URL, fields(topic)).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    refused = asker.post(URL, fields(topic))
    text = refused.content.decode()
    assert "Câu hỏi của bạn chưa được gửi" in text and "Vui lòng chờ khoảng" in text
    assert int(refused["Retry-After"]) > 0
    assert Question.objects.count() == 2
    assert Client(REMOTE_ADDR="203.0.113.41").post(URL, fields(topic)).status_code == 302
    assert asker.get(URL).status_code == 200  # reading the form is not limited


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "một ô phải để trống lại có nội dung"),
        ({"stamp": "forged"}, "Không kiểm tra được biểu mẫu"),
        ({"stamp": ""}, "Không kiểm tra được biểu mẫu"),
        ({"stamp": "now"}, "Câu hỏi được gửi quá nhanh"),
        ({"stamp": "days"}, "Biểu mẫu đã mở quá lâu"),
        ({"question": "Hỏi ngắn"}, "Câu hỏi quá ngắn (ít nhất 20 ký tự)"),
        ({"question": "a" * 3001}, "Câu hỏi quá dài (tối đa 3000 ký tự)"),
        ({"name": "x" * 101}, "Họ tên quá dài (tối đa 100 ký tự)"),
        ({"contact": "x" * 151}, "Thông tin liên hệ quá dài"),
        ({"name": ""}, "Vui lòng nhập họ tên"),
        ({"question": ""}, "Vui lòng nhập câu hỏi"),
        ({"topic": ""}, "Vui lòng chọn lĩnh vực của câu hỏi"),
        ({"topic": "999"}, "Vui lòng chọn lĩnh vực của câu hỏi"),
    ],
)
def test_each_refusal_says_why_in_vietnamese(client, topic, overrides, message):
    if overrides.get("stamp") == "now":
        overrides["stamp"] = form_stamp()
    elif overrides.get("stamp") == "days":
        overrides["stamp"] = stamp_seconds_ago(3 * 86400)
    response = client.post(URL, fields(topic, **overrides))
    assert response.status_code == 400
    text = response.content.decode()
    assert message in text
    assert not Question.objects.exists()
    if overrides.get("question", QUESTION) == QUESTION:
        assert QUESTION in text  # what the asker wrote is kept


def test_a_body_too_large_is_refused_before_it_is_read(client, topic):
    response = client.post(URL, fields(topic, question="Câu hỏi " * 4000))
    assert response.status_code == 413
    assert "Câu hỏi quá dài, không gửi được" in response.content.decode()
    assert not Question.objects.exists()


def test_the_form_shows_no_english(client, topic):
    text = client.get(URL).content.decode()
    for english in ("Your name", "Send the question", "Leave this empty", "choose"):
        assert english not in text
    assert "Để trống ô này" in text and 'aria-hidden="true"' in text
