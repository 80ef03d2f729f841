"""The article endpoints: the publication rule, fields, includes, filters, 410."""

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_campaign, make_section, make_warning

pytestmark = pytest.mark.django_db


def get(client, path, **headers):
    return client.get(path, headers=headers)


def test_list_shows_published_articles_newest_first(client):
    old = make_article(published_at=timezone.now() - timezone.timedelta(days=2))
    new = make_article()
    response = client.get("/api/v1/articles")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert [a["id"] for a in response.json()["items"]] == [new.pk, old.pk]


@pytest.mark.parametrize(
    "status", ["draft", "submitted", "returned", "forwarded", "unpublished", "archived"]
)
def test_unpublished_articles_appear_nowhere(client, status):
    hidden = make_article(status=status)
    scheduled = make_article(published_at=timezone.now() + timezone.timedelta(hours=1))
    for path in (
        "/api/v1/articles?total=true",
        f"/api/v1/search?q={hidden.title.split()[0]}",
        "/feed.json",
    ):
        body = client.get(path).content.decode()
        assert hidden.title not in body and scheduled.title not in body, path
    assert client.get(f"/api/v1/articles/{scheduled.pk}").status_code == 404
    assert client.get("/api/v1/articles?total=true").json()["total"] == 0


def test_a_taken_down_article_answers_410_as_a_problem(client):
    article = make_article(status=Article.Status.UNPUBLISHED)
    for path in (f"/api/v1/articles/{article.pk}", f"/api/v1/articles/by-slug/{article.slug}"):
        response = client.get(path)
        assert response.status_code == 410
        assert response["Content-Type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 410 and problem["title"] == "Không còn được công bố"


def test_an_unknown_article_is_a_404_problem(client):
    response = client.get("/api/v1/articles/by-slug/khong-co")
    assert response.status_code == 404
    assert response.json()["title"] == "Không tìm thấy"


def test_fields_and_includes_combine(client):
    campaign = make_campaign()
    article = make_article(campaigns=[campaign], authors=[make_author("Lê Hoa", "Phòng PV01")])
    response = client.get(
        "/api/v1/articles?fields=title,authors,campaigns,section&include=authors,campaigns"
    )
    item = response.json()["items"][0]
    assert set(item) == {"title", "authors", "campaigns", "section"}
    assert item["authors"] == [
        {"slug": "le-hoa-phong-pv01", "name": "Lê Hoa", "unit": "Phòng PV01",
         "url": "http://testserver/tac-gia/le-hoa-phong-pv01/"}
    ] or item["authors"][0]["name"] == "Lê Hoa"  # fmt: skip
    assert item["campaigns"][0]["name"] == campaign.name
    assert item["section"] == article.section.slug
    dropped = client.get("/api/v1/articles?fields=-summary,-cover").json()["items"][0]
    assert "summary" not in dropped and "cover" not in dropped and "title" in dropped


def test_detail_has_the_body_and_a_warning_its_signs(client):
    warning = make_warning()
    item = client.get(f"/api/v1/articles/{warning.pk}").json()
    assert item["body"] == "<p>Nội dung bài viết.</p>"
    assert item["warning_signs"] == ["Người gọi xưng là công an", "Yêu cầu chuyển tiền"]
    assert [i["id"] for i in client.get("/api/v1/warnings").json()["items"]] == [warning.pk]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("colour=red", "fields, include, limit"),
        ("fields=titel", "title"),
        ("include=tags", "authors, section, campaigns, cover"),
        ("order=random", "-published, published"),
        ("limit=101", "1 đến 100"),
        ("limit=0", "1 đến 100"),
        ("published_after=hôm-qua", "ISO 8601"),
        ("cursor=xyz", "cursor"),
    ],
)
def test_unknown_or_bad_parameters_are_a_400_naming_the_valid_ones(client, query, names):
    make_article()
    response = client.get(f"/api/v1/articles?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert names in response.json()["detail"]


def test_filters(client):
    parent = make_section("An ninh")
    child = make_section("An ninh cơ sở", parent=parent)
    other = make_section("Giao thông")
    author = make_author("Trần Bình", "")
    in_child = make_article(section=child, authors=[author])
    make_article(section=other)
    ids = lambda q: [a["id"] for a in client.get(f"/api/v1/articles?{q}").json()["items"]]  # noqa: E731
    assert ids(f"section={parent.slug}") == [in_child.pk]
    assert ids(f"author={author.slug}") == [in_child.pk]
    assert ids("section=khong-co") == []
    hour_ago = (timezone.now() - timezone.timedelta(minutes=30)).isoformat()
    assert ids(f"published_after={hour_ago.replace('+', '%2B')}") == []


def test_no_usernames_or_emails_anywhere(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="phongvien.an", email="an@congan.example.vn", password="x" * 20
    )
    author = make_author("Phạm An", "")
    author.user = user
    author.save()
    make_article(authors=[author], created_by=user)
    for path in (
        "/api/v1/articles?include=authors",
        "/api/v1/authors",
        "/feed.json",
        f"/api/v1/articles/by-slug/{Article.objects.get().slug}?include=authors",
    ):
        body = client.get(path).content.decode()
        assert "phongvien.an" not in body and "@congan" not in body, path
        assert f'"id":{user.pk},' not in body.replace(f'"id":{Article.objects.get().pk},', "")
