"""Lists compiled once per shape (api/statements.py): the same answers as the ORM built
every time, with each request's own time, cursor and filters."""

import datetime as dt
from urllib.parse import urlencode

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import statements
from articles.models import Article, Tag
from articles.services import article_take_down
from tests.factories import make_article, make_author, make_campaign, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept():
    statements._kept.clear()
    yield
    statements._kept.clear()


@pytest.fixture
def newsroom():
    """Articles in two sections (one a child), with tags, campaigns and two authors."""
    news = make_section("Tin tức")
    traffic = make_section("Giao thông", parent=news)
    other = make_section("Phòng cháy")
    tag = Tag.objects.create(name="Lừa đảo qua mạng", slug="lua-dao-qua-mang")
    campaign = make_campaign("Tháng cao điểm")
    an, binh = (
        make_author("Nguyễn Văn An"),
        make_author("Trần Thị Bình", "Phòng Cảnh sát giao thông"),
    )
    start = timezone.now() - dt.timedelta(days=3)
    for n in range(12):
        make_article(
            section=(news, traffic, other)[n % 3],
            published_at=start + dt.timedelta(hours=n * 5),
            tags=[tag] if n % 2 else [],
            campaigns=[campaign] if n % 4 == 0 else [],
            authors=[an, binh] if n % 3 == 0 else [binh],
        )
    return news


def bodies(client, paths):
    return [client.get(path).json() for path in paths]


PATHS = [
    "/api/v1/articles?limit=5&include=authors,section,campaigns,cover",
    "/api/v1/articles?limit=4&section=tin-tuc&fields=id,title,section",
    "/api/v1/articles?limit=3&tag=lua-dao-qua-mang&order=published",
    "/api/v1/articles?limit=2&author=tran-thi-binh&order=-updated&include=authors",
    "/api/v1/articles?campaign=thang-cao-diem&fields=id,campaigns&include=campaigns",
    "/api/v1/warnings?limit=3",
]


def follow(client, path):
    """Every page of a list, by its ``next`` links."""
    pages, url = [], path
    while url:
        body = client.get(url).json()
        pages.append(body)
        url = body["next"]
    return pages


def test_kept_shapes_answer_exactly_what_the_orm_answers(client, newsroom, monkeypatch):
    before = urlencode({"published_before": (timezone.now() - dt.timedelta(days=1)).isoformat()})
    paths = [*PATHS, f"/api/v1/articles?limit=3&{before}"]
    kept = [follow(client, path) for path in paths]
    assert statements._kept and all(statements._kept.values())  # every shape was kept
    monkeypatch.setattr(statements, "_compile", lambda *args: None)  # the ORM every time
    statements._kept.clear()
    built = [follow(client, path) for path in paths]
    assert kept == built
    assert sum(len(p["items"]) for pages in kept for p in pages) > 30


def test_a_shape_is_compiled_once_and_costs_its_two_queries(client, newsroom, monkeypatch):
    compiled = []
    real = statements._compile
    monkeypatch.setattr(statements, "_compile", lambda *a: compiled.append(a) or real(*a))
    path = "/api/v1/articles?limit=3&include=authors,section,campaigns,cover"
    pages = follow(client, path)  # the first page, then pages after a cursor
    assert len(pages) == 4
    # The first page's list and links, the cursor pages' list (a cursor is a value more):
    # three shapes, whatever the number of pages.
    assert len(compiled) == 3
    with CaptureQueriesContext(connection) as queries:  # the same shape, another address
        assert client.get(f"{path}&order=-published").status_code == 200
    assert len(queries) == 2 and len(compiled) == 3


def test_a_kept_list_uses_the_time_of_each_request(client, newsroom):
    soon = timezone.now() + dt.timedelta(minutes=30)
    scheduled = make_article(title="Thông báo tuyển sinh", published_at=soon)
    path = "/api/v1/articles?limit=50&fields=id"
    assert scheduled.pk not in [i["id"] for i in client.get(path).json()["items"]]
    with time_machine.travel(soon + dt.timedelta(minutes=1), tick=False):
        assert scheduled.pk in [i["id"] for i in client.get(path).json()["items"]]


def test_a_taken_down_article_leaves_a_kept_list(client, newsroom, approver):
    path = "/api/v1/articles?limit=1&fields=id"
    first = client.get(path).json()["items"][0]["id"]
    article_take_down(article=Article.objects.get(pk=first), by=approver, reason="Sai sự thật")
    assert client.get(path).json()["items"][0]["id"] != first


def test_a_parameter_made_from_a_value_is_not_kept_but_still_read(newsroom):
    make_article(title="Cảnh giác với cuộc gọi giả danh công an")

    def build(v):
        return Article.objects.published(at=v["now"]).filter(title__icontains=v["word"])

    values = {"now": timezone.now(), "word": "giả danh"}
    found = statements.rows(Article, "test", lambda v: build(v).values("title"), values)
    assert [r["title"] for r in found] == ["Cảnh giác với cuộc gọi giả danh công an"]
    assert list(statements._kept.values()) == [None]  # "%giả danh%" is not the value itself
