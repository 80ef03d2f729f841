"""Purges at the proxy or CDN: each purger speaks its service's API (answered here by a
small local server with the services' documented answers), in batches, retried with
growing delays or when told to (429, Retry-After), and recorded at the desk."""

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles import services
from articles.models import Article
from public import purging
from public.models import PurgeBatch
from tests.factories import make_article, make_section
from tests.servers import free_port
from tests.test_settings import settings_in_subprocess

Status = PurgeBatch.Status

# The services' documented answers.
CLOUDFLARE_OK = {
    "success": True,
    "errors": [],
    "messages": [],
    "result": {"id": "023e105f4ecef8ad9ca31a8372d0c353"},
}
CLOUDFLARE_REFUSED = {
    "success": False,
    "errors": [{"code": 1134, "message": "Purge by tag is not available on this zone"}],
    "messages": [],
    "result": None,
}
CLOUDFLARE_RATE_LIMITED = {
    "success": False,
    "errors": [{"code": 971, "message": "Please wait and consider throttling your request speed"}],
    "messages": [],
    "result": None,
}
CLOUDFRONT_CREATED = """<?xml version="1.0" encoding="UTF-8"?>
<Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
  <Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status>
  <CreateTime>2026-03-21T01:44:00.000Z</CreateTime>
  <InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/</Path></Items></Paths>
  <CallerReference>x</CallerReference></InvalidationBatch>
</Invalidation>"""
CLOUDFRONT_TOO_MANY = """<?xml version="1.0"?>
<ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
  <Error><Type>Sender</Type><Code>TooManyInvalidationsInProgress</Code>
  <Message>Your request contains too many invalidations.</Message></Error>
  <RequestId>b8a4c4a8-2d5e-4a5c-9f0a-5e2c1f1f0e00</RequestId>
</ErrorResponse>"""
FASTLY_OK = {"article-1": "108-1391560174-974124", "home": "108-1391560174-974125"}
NGINX_PURGED = "<html><head><title>Successful purge</title></head></html>"
VARNISH_PURGED = "Invalidated 3 objects"


class Service:
    """A local HTTP server that records each request and answers from a list (the last
    answer repeats): ``(status, headers, body)``."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.answers: list[tuple[int, dict, bytes | str | dict]] = [(200, {}, "")]
        service = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                service.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body,
                    }
                )
                status, headers, content = (
                    service.answers.pop(0) if len(service.answers) > 1 else service.answers[0]
                )
                if isinstance(content, dict):
                    content = json.dumps(content)
                    headers = {"Content-Type": "application/json", **headers}
                data = content.encode() if isinstance(content, str) else content
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PURGE = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, *answers) -> None:
        self.answers = list(answers)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def service():
    running = Service()
    yield running
    running.stop()


@pytest.fixture
def varnish(settings, service):
    settings.CACHE_PURGER = "varnish"
    settings.PURGE_PROXY_URLS = [service.url]
    settings.PURGE_SOFT = False
    service.answer((200, {}, VARNISH_PURGED))
    return service


@pytest.fixture
def cloudflare(settings, service):
    settings.CACHE_PURGER = "cloudflare"
    settings.CLOUDFLARE_API_URL = service.url + "/client/v4"
    settings.CLOUDFLARE_ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353"
    settings.CLOUDFLARE_API_TOKEN = "cf-token-for-tests"
    service.answer((200, {}, CLOUDFLARE_OK))
    return service


@pytest.fixture
def fastly(settings, service):
    settings.CACHE_PURGER = "fastly"
    settings.FASTLY_API_URL = service.url
    settings.FASTLY_SERVICE_ID = "SU1Z0isxPaozGVKXdv0eY"
    settings.FASTLY_API_TOKEN = "fastly-token-for-tests"
    service.answer((200, {}, FASTLY_OK))
    return service


@pytest.fixture
def cloudfront(settings, service, monkeypatch):
    settings.CACHE_PURGER = "cloudfront"
    settings.CLOUDFRONT_API_URL = service.url
    settings.CLOUDFRONT_DISTRIBUTION_ID = "EDFDVBD6EXAMPLE"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    service.answer(
        (201, {"Location": service.url + "/invalidation/I2J0I21PCUYOIK"}, CLOUDFRONT_CREATED)
    )
    return service


@pytest.fixture
def nginx(settings, service):
    settings.CACHE_PURGER = "nginx"
    settings.PURGE_PROXY_URLS = [service.url]
    settings.PURGE_SITE_URL = "https://news.example.vn"
    service.answer((200, {}, NGINX_PURGED))
    return service


@pytest.fixture
def story(db, now):
    return make_article(title="Tuần tra đêm giữ bình yên khu phố", section=make_section("An ninh"))


# --- each service's API -------------------------------------------------------------------


def test_varnish_gets_the_tags_in_one_xkey_purge(varnish, db):
    batch = purging.enqueue({"article-12", "home", "list-section-3"}, reason="bài #12")
    assert batch.status == Status.DONE
    (sent,) = varnish.requests
    assert sent["method"] == "PURGE"
    assert sent["headers"]["xkey-purge"] == "article-12 home list-section-3"


def test_varnish_soft_purges_when_asked(varnish, settings, db):
    settings.PURGE_SOFT = True
    purging.enqueue({"home"})
    assert varnish.requests[0]["headers"]["xkey-softpurge"] == "home"
    assert "xkey-purge" not in varnish.requests[0]["headers"]


def test_every_varnish_is_purged(varnish, settings, db):
    second = Service()
    try:
        settings.PURGE_PROXY_URLS = [varnish.url, second.url]
        assert purging.enqueue({"home"}).status == Status.DONE
        assert len(varnish.requests) == len(second.requests) == 1
    finally:
        second.stop()


def test_cloudflare_purges_by_tags_with_the_zone_and_token(cloudflare, db):
    batch = purging.enqueue({"article-12", "home"})
    assert batch.status == Status.DONE
    (sent,) = cloudflare.requests
    assert sent["method"] == "POST"
    assert sent["path"] == "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache"
    assert sent["headers"]["authorization"] == "Bearer cf-token-for-tests"
    assert json.loads(sent["body"]) == {"tags": ["article-12", "home"]}


def test_a_purge_cloudflare_refuses_is_kept_with_its_error(cloudflare, db):
    cloudflare.answer((200, {}, CLOUDFLARE_REFUSED))
    batch = purging.enqueue({"home"})
    batch.refresh_from_db()
    assert batch.status == Status.PENDING
    assert batch.attempts == 1
    assert "Purge by tag is not available" in batch.last_error


def test_cloudflare_rate_limit_is_waited_out(cloudflare, db, now):
    cloudflare.answer((429, {"Retry-After": "60"}, CLOUDFLARE_RATE_LIMITED))
    first = purging.enqueue({"home"})
    first.refresh_from_db()
    assert first.status == Status.PENDING
    assert "429" in first.last_error
    assert first.next_attempt_at >= timezone.now() + dt.timedelta(seconds=55)
    # Meanwhile another change is queued, not sent: the service asked us to wait.
    second = purging.enqueue({"article-7"})
    assert len(cloudflare.requests) == 1
    assert second.status == Status.PENDING
    assert purging.process_due() == 0
    cloudflare.answer((200, {}, CLOUDFLARE_OK))
    now.shift(dt.timedelta(seconds=61))
    assert purging.process_due() == 2
    # Both changes in one request.
    assert json.loads(cloudflare.requests[-1]["body"]) == {"tags": ["article-7", "home"]}
    assert set(PurgeBatch.objects.values_list("status", flat=True)) == {Status.DONE}


def test_rate_limited_purges_do_not_fail(cloudflare, settings, db, now):
    settings.PURGE_MAX_ATTEMPTS = 2
    cloudflare.answer((429, {"Retry-After": "30"}, CLOUDFLARE_RATE_LIMITED))
    batch = purging.enqueue({"home"})
    for _ in range(3):
        now.shift(dt.timedelta(seconds=31))
        purging.process_due()
    batch.refresh_from_db()
    assert batch.attempts == 4
    assert batch.status == Status.PENDING


def test_fastly_soft_purges_surrogate_keys_in_one_batch(fastly, settings, db):
    settings.PURGE_SOFT = True
    assert purging.enqueue({"article-1", "home"}).status == Status.DONE
    (sent,) = fastly.requests
    assert sent["method"] == "POST"
    assert sent["path"] == "/service/SU1Z0isxPaozGVKXdv0eY/purge"
    assert sent["headers"]["fastly-key"] == "fastly-token-for-tests"
    assert sent["headers"]["fastly-soft-purge"] == "1"
    assert json.loads(sent["body"]) == {"surrogate_keys": ["article-1", "home"]}


def test_fastly_hard_purges_when_soft_is_off(fastly, settings, db):
    settings.PURGE_SOFT = False
    purging.enqueue({"home"})
    assert "fastly-soft-purge" not in fastly.requests[0]["headers"]


def test_cloudfront_invalidates_the_addresses_the_tags_stand_for(cloudfront, story):
    batch = purging.enqueue({f"article-{story.pk}", "home", f"list-section-{story.section_id}"})
    assert batch.status == Status.DONE
    (sent,) = cloudfront.requests
    assert sent["path"] == "/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation"
    assert sent["headers"]["authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
    assert "/us-east-1/cloudfront/aws4_request" in sent["headers"]["authorization"]
    ns = {"cf": "http://cloudfront.amazonaws.com/doc/2020-05-31/"}
    xml = ElementTree.fromstring(sent["body"])
    paths = [p.text for p in xml.findall("cf:Paths/cf:Items/cf:Path", ns)]
    assert xml.find("cf:Paths/cf:Quantity", ns).text == str(len(paths))
    assert {"/", story.get_absolute_url(), story.section.get_absolute_url()} <= set(paths)
    assert xml.find("cf:CallerReference", ns).text


def test_cloudfront_refusal_is_retried_later(cloudfront, story):
    cloudfront.answer((400, {"Content-Type": "text/xml"}, CLOUDFRONT_TOO_MANY))
    batch = purging.enqueue({"home"})
    batch.refresh_from_db()
    assert batch.status == Status.PENDING
    assert "TooManyInvalidationsInProgress" in batch.last_error


def test_nginx_purges_each_address_with_the_site_host(nginx, story):
    nginx.answer((200, {}, NGINX_PURGED), (404, {}, "Not found"), (200, {}, NGINX_PURGED))
    batch = purging.enqueue({f"article-{story.pk}", "home"})
    assert batch.status == Status.DONE  # an address not cached there (404) is fine
    assert {r["method"] for r in nginx.requests} == {"PURGE"}
    assert {r["path"] for r in nginx.requests} == {"/", story.get_absolute_url()}
    assert {r["headers"]["host"] for r in nginx.requests} == {"news.example.vn"}


def test_without_a_purger_the_change_is_recorded_only(settings, db):
    settings.CACHE_PURGER = "none"
    batch = purging.enqueue({"home"}, reason="bài #3")
    assert batch.status == Status.SKIPPED
    assert batch.tags == ["home"]


def test_the_tag_prefix_goes_to_the_service(varnish, settings, db):
    settings.CACHE_TAG_PREFIX = "tinh1-"
    purging.enqueue({"home", "feeds"})
    assert varnish.requests[0]["headers"]["xkey-purge"] == "tinh1-feeds tinh1-home"


# --- batches, retries, failure ----------------------------------------------------------


def test_many_tags_go_in_batches_of_the_configured_size(cloudflare, settings, db):
    settings.PURGE_BATCH_SIZE = 30
    tags = {f"article-{n}" for n in range(75)}
    assert purging.enqueue(tags).status == Status.DONE
    sent = [json.loads(r["body"])["tags"] for r in cloudflare.requests]
    assert [len(s) for s in sent] == [30, 30, 15]
    assert {t for s in sent for t in s} == tags


def test_a_failed_purge_is_retried_with_growing_delays_then_marked_failed(
    varnish, settings, db, now
):
    settings.PURGE_MAX_ATTEMPTS = 3
    varnish.answer((503, {}, "Service Unavailable"))
    batch = purging.enqueue({"home"})
    batch.refresh_from_db()
    first_wait = batch.next_attempt_at - timezone.now()
    assert batch.attempts == 1 and batch.status == Status.PENDING
    assert purging.process_due() == 0  # not due yet
    assert len(varnish.requests) == 1
    now.shift(first_wait + dt.timedelta(seconds=1))
    call_command("process_purges", verbosity=0)
    batch.refresh_from_db()
    assert batch.attempts == 2
    assert batch.next_attempt_at - timezone.now() > first_wait  # it waits longer
    now.shift(dt.timedelta(hours=1))
    call_command("process_purges", verbosity=0)
    batch.refresh_from_db()
    assert batch.attempts == 3
    assert batch.status == Status.FAILED
    assert "503" in batch.last_error
    now.shift(dt.timedelta(hours=2))
    call_command("process_purges", verbosity=0)
    assert len(varnish.requests) == 3  # a failed purge is not sent again


def test_a_purge_that_comes_back_is_done(varnish, db, now):
    varnish.answer((503, {}, "down"), (200, {}, VARNISH_PURGED))
    batch = purging.enqueue({"home"})
    now.shift(dt.timedelta(minutes=5))
    call_command("process_purges", verbosity=0)
    batch.refresh_from_db()
    assert batch.status == Status.DONE
    assert batch.sent_at is not None and batch.last_error == ""


def test_an_unreachable_proxy_does_not_undo_the_change(
    settings, story, approver, django_capture_on_commit_callbacks
):
    settings.CACHE_PURGER = "varnish"
    settings.PURGE_PROXY_URLS = [f"http://127.0.0.1:{free_port()}"]  # nothing listens
    fresh = make_article(title="Khởi tố nhóm cho vay nặng lãi", status=Article.Status.FORWARDED)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_approve(article=fresh, by=approver)
    fresh.refresh_from_db()
    assert fresh.is_published()
    batch = PurgeBatch.objects.first()
    assert batch.status == Status.PENDING
    assert f"article-{fresh.pk}" in batch.tags


def test_a_publish_reaches_the_proxy_with_its_tags(
    varnish, story, approver, django_capture_on_commit_callbacks
):
    fresh = make_article(
        title="Khởi tố nhóm cho vay nặng lãi",
        section=story.section,
        status=Article.Status.FORWARDED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.article_approve(article=fresh, by=approver)
    sent = set(varnish.requests[-1]["headers"]["xkey-purge"].split())
    assert {f"article-{fresh.pk}", f"list-section-{story.section_id}", "home", "feeds"} <= sent
    assert f"article-{story.pk}" not in sent
    batch = PurgeBatch.objects.first()
    assert batch.status == Status.DONE
    assert "#" in batch.reason  # which change it was


# --- at the desk ----------------------------------------------------------------------------


@pytest.fixture
def failed_batch(db):
    return PurgeBatch.objects.create(
        reason="bài viết #12 saved",
        purger="cloudflare",
        tags=["article-12", "home"],
        status=Status.FAILED,
        attempts=8,
        last_error="POST https://api.cloudflare.com/...: HTTP 403 Authentication error",
    )


def test_administrators_see_the_purges_and_their_failures(
    client, administrator, failed_batch, admin_url
):
    client.force_login(administrator)
    listing = client.get(f"{admin_url}public/purgebatch/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Thất bại" in page
    assert "bài viết #12" in page
    detail = client.get(f"{admin_url}public/purgebatch/{failed_batch.pk}/change/")
    assert detail.status_code == 200
    assert "HTTP 403 Authentication error" in detail.content.decode()


def test_the_purge_log_is_read_only(client, administrator, failed_batch, admin_url):
    client.force_login(administrator)
    detail = client.get(f"{admin_url}public/purgebatch/{failed_batch.pk}/change/")
    assert 'name="_save"' not in detail.content.decode()
    assert client.get(f"{admin_url}public/purgebatch/add/").status_code == 403
    deleted = client.post(
        f"{admin_url}public/purgebatch/{failed_batch.pk}/delete/", {"post": "yes"}
    )
    assert deleted.status_code == 403
    changed = client.post(
        f"{admin_url}public/purgebatch/{failed_batch.pk}/change/", {"status": "done"}
    )
    assert changed.status_code == 403
    failed_batch.refresh_from_db()
    assert failed_batch.status == Status.FAILED


@pytest.mark.parametrize("role", ["reporter", "editor", "approver"])
def test_only_administrators_open_the_purge_log(client, request, role, failed_batch, admin_url):
    client.force_login(request.getfixturevalue(role))
    assert client.get(f"{admin_url}public/purgebatch/").status_code == 403
    assert client.get(f"{admin_url}public/purgebatch/{failed_batch.pk}/change/").status_code == 403


# --- settings -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "value"), [("CACHE_PURGER", "akamai"), ("CACHE_TAG_LIMIT", "3")])
def test_a_wrong_edge_setting_stops_the_site_from_starting(name, value):
    result = settings_in_subprocess("print(settings.CACHE_PURGER)", DEBUG="true", **{name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and name in result.stderr
