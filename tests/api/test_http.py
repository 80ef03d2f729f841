"""Exact HTTP: validators, 304 without the database, cache headers, CORS, quotas, keys."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.models import PartnerKey
from api.services import partner_key_create, partner_key_revoke
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

CDN = "public, max-age=5, s-maxage=5, stale-while-revalidate=5, stale-if-error=86400"


def test_every_200_has_strong_validators_and_cdn_headers(client):
    make_article()
    response = client.get("/api/v1/articles")
    assert response.status_code == 200
    assert response["ETag"].startswith('"') and not response["ETag"].startswith("W/")
    assert response["Last-Modified"].endswith(" GMT")
    assert response["Cache-Control"] == CDN
    assert "Accept-Encoding" in response["Vary"]


def test_a_current_copy_is_a_304_with_no_query(client):
    make_article()
    first = client.get("/api/v1/articles?include=authors")
    with CaptureQueriesContext(connection) as queries:
        by_tag = client.get(
            "/api/v1/articles?include=authors", headers={"if-none-match": first["ETag"]}
        )
        by_date = client.get(
            "/api/v1/articles?include=authors",
            headers={"if-modified-since": first["Last-Modified"]},
        )
    assert (by_tag.status_code, by_date.status_code) == (304, 304)
    assert by_tag.content == b""
    assert by_tag["ETag"] == first["ETag"]
    assert len(queries) == 0


def test_another_address_has_another_etag(client):
    make_article()
    assert client.get("/api/v1/articles")["ETag"] != client.get("/api/v1/tags")["ETag"]


def test_a_publication_changes_the_etag_at_once(client, django_capture_on_commit_callbacks):
    make_article()
    first = client.get("/api/v1/articles")
    with django_capture_on_commit_callbacks(execute=True):
        new = make_article()
    again = client.get("/api/v1/articles", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert again.json()["items"][0]["id"] == new.pk
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=new.pk).update(status=Article.Status.UNPUBLISHED)
        new.refresh_from_db()
        new.save()
    gone = client.get(f"/api/v1/articles/{new.pk}", headers={"if-none-match": again["ETag"]})
    assert gone.status_code == 410


def test_cors_is_open_for_reading_the_api_only(client):
    make_article()
    api = client.get("/api/v1/articles", headers={"origin": "https://baochi.example.vn"})
    assert api["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in api["Access-Control-Expose-Headers"]
    page = client.get("/", headers={"origin": "https://baochi.example.vn"})
    assert "Access-Control-Allow-Origin" not in page
    preflight = client.options(
        "/api/v1/articles",
        headers={"origin": "https://x.example", "access-control-request-method": "GET"},
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_writing_is_refused_as_a_problem(client):
    response = client.post("/api/v1/articles")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_an_anonymous_address_over_its_quota_gets_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT = "3/m"
    make_article()
    codes = [client.get(f"/api/v1/articles?limit={n}").status_code for n in range(1, 5)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/v1/articles?limit=9", headers={"origin": "https://x.example"})
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["title"] == "Quá nhiều yêu cầu"
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused["Access-Control-Allow-Origin"] == "*"


def test_a_partner_key_has_its_own_quota_and_stops_when_revoked(client, settings):
    settings.API_RATE_LIMIT = "1/m"
    key, raw = partner_key_create(name="Cổng dữ liệu tỉnh", quota="5/m", by=None)
    assert PartnerKey.objects.get().key_hash != raw and raw not in str(PartnerKey.objects.values())
    codes = [
        client.get(f"/api/v1/tags?limit={n}", headers={"x-api-key": raw}).status_code
        for n in range(1, 7)
    ]
    assert codes == [200] * 5 + [429]
    assert client.get("/api/v1/tags").status_code == 200  # the address's own quota
    partner_key_revoke(key=key, by=None)
    revoked = client.get("/api/v1/tags?limit=50", headers={"x-api-key": raw})
    assert revoked.status_code == 401
    assert revoked.json()["title"] == "Khóa API không đúng hoặc đã bị thu hồi"


def test_a_key_in_the_query_string_is_refused(client):
    _key, raw = partner_key_create(name="Báo", by=None)
    assert client.get(f"/api/v1/tags?key={raw}").status_code == 400
