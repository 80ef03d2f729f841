"""The police sections' pages cost a fixed, small number of queries (counted cold, as in
test_query_budget.py), however many notices, warnings and questions there are."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from public.pagecache import content_version
from tests.factories import make_channel, make_notice, make_question, make_warning

pytestmark = pytest.mark.django_db

# Every page also reads the menu and the portal's identity once per content version
# (counted: the cache is emptied before each page); a warning is an article page, with
# its right column.
BUDGETS = {
    "wanted list": 9,
    "wanted notice": 5,
    "poster": 3,
    "lookup": 5,
    "withdrawals": 3,
    "warnings": 7,
    "warnings by method": 8,
    "warning": 10,
    "reporting": 4,  # its channels, the commune stations
    "questions": 5,
    "question": 3,
    "ask": 3,
    "wanted feed": 1,
}


def queries(client, url: str) -> int:
    cache.clear()
    content_version()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add(n: int) -> None:
    for i in range(n):
        make_notice(photos=2)
        make_warning(title=f"Cảnh báo thủ đoạn số {i} {make_notice.__name__}")
        make_question()


def test_the_police_pages_stay_within_budget(client, now):
    make_channel()
    add(3)
    notice = make_notice(decision_number="15/QĐ-CSĐT")
    warning = make_warning(title="Cảnh báo đang đọc")
    question = make_question(title="Câu hỏi đang đọc")
    urls = {
        "wanted list": "/truy-na/",
        "wanted notice": notice.get_absolute_url(),
        "poster": notice.get_absolute_url() + "in/",
        "lookup": "/truy-na/tra-cuu/?so=15/QD-CSDT",
        "withdrawals": "/truy-na/dinh-na/",
        "warnings": "/canh-bao/",
        "warnings by method": warning.methods.first().get_absolute_url(),
        "warning": warning.get_absolute_url(),
        "reporting": "/to-giac-toi-pham/",
        "questions": "/hoi-dap/?q=thuong+tru",
        "question": question.get_absolute_url(),
        "ask": "/hoi-dap/dat-cau-hoi/",
        "wanted feed": "/truy-na/rss/",
    }
    few = {name: queries(client, url) for name, url in urls.items()}
    add(12)
    many = {name: queries(client, url) for name, url in urls.items()}
    assert many == few  # no query per notice, warning or question
    over = {name: (n, BUDGETS[name]) for name, n in many.items() if n > BUDGETS[name]}
    assert over == {}, f"queries over budget (count, budget): {over}"


def test_a_police_page_from_the_page_cache_costs_no_query(client, now):
    notice = make_notice()
    for url in ("/truy-na/", notice.get_absolute_url(), "/canh-bao/", "/hoi-dap/"):
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert len(captured) == 0, url
