"""Faults across the tier: a site of several servers, each started here and broken here.

One PostgreSQL primary with a streaming replica made by ``pg_basebackup`` (it applies
changes ``APPLY_DELAY`` late, as a replica under load would), one Redis, two gunicorn
servers behind nginx (a test configuration, ``tests/servers.py``), and moto's S3 server.
Every server listens on 127.0.0.1 on a port of its own (``FAULT_PORTS``) and is stopped by
its PID. About a minute and a half: marked ``tier``, part of the suite.

- the replica: anonymous readers read it (they keep reading with the primary stopped),
  staff and whoever just wrote read the primary; a change is read from the primary until
  the replica has replayed it; lag past the threshold, or the replica stopped → reads move
  to the primary with a warning in the log, and readers get every page;
- two app servers: a scheduled article goes live on both at its minute; page views
  counted on both are written exactly once, whichever server flushes; one server killed
  under 16 connections → no failed request at the proxy;
- the S3 stand-in down: pages still render, an upload gets the Vietnamese error.
"""

from __future__ import annotations

import concurrent.futures
import glob
import http.client
import io
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from photos import services as images
from photos.models import Image
from tests.factories import jpeg_bytes, make_article, make_image, phone_photo
from tests.servers import ROOT, AppServer, MotoServer, NginxProxy, PostgresServer, RedisServer

NGINX = shutil.which("nginx") or shutil.which("/usr/sbin/nginx")

pytestmark = [
    pytest.mark.tier,
    pytest.mark.skipif(
        not (
            shutil.which("redis-server")
            and (shutil.which("nginx") or shutil.which("/usr/sbin/nginx"))
        ),
        reason="needs redis-server and nginx (apt-get install redis-server nginx-light)",
    ),
]

APPLY_DELAY = 6  # seconds the replica waits before applying a change


def get(url: str, *, cookie: str = "", timeout: float = 10) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def pinned() -> str:
    """The cookie a client gets after it wrote: read the primary for a while."""
    return f"rp={int(time.time()) + 60}"


class Tier:
    def __init__(self, folder) -> None:
        self.folder = folder
        self.primary = PostgresServer()
        self.primary.safe_for_backup = True
        self.redis = RedisServer()
        self.replica: PostgresServer | None = None
        self.servers: list[AppServer] = []

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "DATABASE_URL": self.primary.url("newsroom"),
            "REDIS_URL": self.redis.url,
            "MEDIA_ROOT": str(self.folder / "media"),
            "STATIC_ROOT": str(self.folder / "static"),
            "DATABASE_REPLICA_CHECK_SECONDS": "0.5",
            "VIEWS_FLUSH_SECONDS": "0",
        }
        if self.replica is not None:
            env["DATABASE_REPLICA_URL"] = self.replica.url("newsroom")
        return {**env, **extra}

    def build(self) -> None:
        self.primary.start()
        self.primary.psql("CREATE DATABASE newsroom")
        self.redis.start()
        tool = AppServer(self.env())
        tool.manage("migrate", "--noinput", "-v0")
        tool.manage("collectstatic", "--noinput", "-v0")
        tool.manage("generate_load_data", "--articles", "40", "--images", "1")
        self.replica = PostgresServer.replica_of(self.primary, apply_delay=f"{APPLY_DELAY}s")
        self.replica.start()

    def serve(self, **extra: str) -> AppServer:
        server = AppServer(self.env(**extra)).start()
        self.servers.append(server)
        return server

    def shell(self, code: str) -> str:
        output = AppServer(self.env()).manage("shell", "--no-imports", "-c", code)
        return output.strip().splitlines()[-1] if output.strip() else ""

    def sql(self, query: str, *, on_replica: bool = False) -> str:
        server = self.replica if on_replica else self.primary
        return server.psql(query, database="newsroom")

    def close(self) -> None:
        for server in self.servers:
            server.close()
        for part in (self.replica, self.redis, self.primary):
            if part is not None:
                part.close()


@pytest.fixture(scope="module")
def tier(tmp_path_factory):
    if not glob.glob("/usr/lib/postgresql/*/bin/pg_basebackup"):
        pytest.skip("needs PostgreSQL's server programs")
    tier = Tier(tmp_path_factory.mktemp("tier"))
    try:
        tier.build()
        yield tier
    finally:
        tier.close()


@pytest.fixture(scope="module")
def reader_site(tier):
    """An app server reading the replica, without caches in the way (each page is made)."""
    return tier.serve(PAGE_CACHE_SECONDS="0", FRAGMENT_CACHE_SECONDS="0")


def an_article(tier, offset: int = 0) -> str:
    return tier.shell(
        "from articles.models import Article\n"
        f"print(Article.objects.published().order_by('-published_at')[{offset}]"
        ".get_absolute_url())"
    )


# The read replica -----------------------------------------------------------------------


def test_readers_read_the_replica_and_keep_reading_with_the_primary_stopped(tier, reader_site):
    article = an_article(tier)
    assert get(reader_site.url + article)[0] == 200
    tier.primary.stop()
    try:
        for path in (article, "/"):
            status, _html = get(reader_site.url + path)
            assert status == 200, f"{path} from the replica: {status}"
        # Whoever just wrote reads the primary: with it stopped, that read fails.
        assert get(reader_site.url + article, cookie=pinned())[0] >= 500
    finally:
        tier.primary.start()
    assert get(reader_site.url + article, cookie=pinned())[0] == 200


def test_a_change_is_read_from_the_primary_until_the_replica_has_replayed_it(tier, reader_site):
    url = tier.shell(
        "from tests.factories import make_article\n"
        "print(make_article(title='Cảnh báo lừa đảo qua Zalo vừa đăng').get_absolute_url())"
    )
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    on_replica = f"SELECT count(*) FROM articles_article WHERE slug = '{slug}'"
    assert tier.sql(on_replica, on_replica=True) == "0"  # the replica has not applied it yet
    status, html = get(reader_site.url + url)
    assert status == 200 and "Cảnh báo lừa đảo qua Zalo vừa đăng" in html
    deadline = time.monotonic() + APPLY_DELAY + 10
    while tier.sql(on_replica, on_replica=True) == "0":
        assert time.monotonic() < deadline, "the replica never applied the change"
        time.sleep(0.3)
    assert get(reader_site.url + url)[0] == 200


def test_a_replica_behind_the_threshold_sends_reads_to_the_primary_with_a_warning(tier):
    strict = tier.serve(
        PAGE_CACHE_SECONDS="0", FRAGMENT_CACHE_SECONDS="0", DATABASE_REPLICA_MAX_LAG="1"
    )
    tier.shell("from tests.factories import make_article\nmake_article()")
    time.sleep(1.5)  # past the threshold, the replica still waiting to apply it
    health = json.loads(get(strict.url + "/healthz")[1])
    assert health["replica"] == "behind" and health["replica_lag_seconds"] > 1
    assert get(strict.url + an_article(tier))[0] == 200
    assert "reads go to the primary" in strict.log


def test_replica_stopped_reads_move_to_the_primary(tier, reader_site):
    article = an_article(tier, offset=2)
    tier.replica.stop()
    try:
        for path in (article, "/", article):
            assert get(reader_site.url + path)[0] == 200
        assert json.loads(get(reader_site.url + "/healthz")[1])["replica"] == "down"
        assert re.search(r"replica (unreachable|failed in a request)", reader_site.log)
    finally:
        tier.replica.start()
    deadline = time.monotonic() + 30
    while json.loads(get(reader_site.url + "/healthz")[1])["replica"] != "ok":
        assert time.monotonic() < deadline, "the replica was not used again"
        time.sleep(0.5)


# Several app servers ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_servers(tier):
    return [tier.serve(), tier.serve()]


def test_a_scheduled_article_goes_live_on_both_servers_at_its_minute(tier, two_servers):
    url = tier.shell(
        "import datetime as dt\n"
        "from django.utils import timezone\n"
        "from tests.factories import make_article\n"
        "a = make_article(title='Thông báo truy nã hẹn giờ', "
        "published_at=timezone.now() + dt.timedelta(seconds=8))\n"
        "print(a.get_absolute_url())"
    )
    for server in two_servers:  # both have cached pages without it, and its 404
        assert get(server.url + url)[0] == 404
        assert "Thông báo truy nã hẹn giờ" not in get(server.url + "/")[1]
    time.sleep(9)
    for server in two_servers:
        status, _html = get(server.url + url)
        assert status == 200
        assert "Thông báo truy nã hẹn giờ" in get(server.url + "/")[1]


def test_page_views_counted_on_two_servers_are_written_exactly_once(tier, two_servers):
    url = an_article(tier, offset=5)
    html = get(two_servers[0].url + url)[1]
    beacon = re.search(r'data-view-beacon="([^"]+)"', html).group(1)
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    before = int(tier.sql(f"SELECT view_count FROM articles_article WHERE slug = '{slug}'"))

    def post(server: AppServer, n: int) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        connection.request("POST", beacon, headers={"X-Forwarded-For": f"203.0.113.{n}"})
        status = connection.getresponse().status
        connection.close()
        return status

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda n: post(two_servers[n % 2], n), range(60)))
    assert set(statuses) == {204}
    # Both servers' flushes at once (a cron on each, say): every view written once.
    flushes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "flush_views"],
            cwd=ROOT,
            env=server.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for server in two_servers
    ]
    for flush in flushes:
        assert flush.wait(timeout=60) == 0
    AppServer(tier.env()).manage("flush_views")  # whatever one of them left for later
    after = int(tier.sql(f"SELECT view_count FROM articles_article WHERE slug = '{slug}'"))
    assert after - before == 60


def test_killing_one_app_server_under_load_fails_no_request_at_the_proxy(tier, two_servers):
    proxy = NginxProxy([server.port for server in two_servers]).start()
    pages = ["/", an_article(tier, offset=1), an_article(tier, offset=3), "/robots.txt"]
    results: list[int] = []
    stop = threading.Event()
    lock = threading.Lock()

    def reader(n: int) -> None:
        while not stop.is_set():
            connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=15)
            try:
                connection.request("GET", pages[n % len(pages)])
                answer = connection.getresponse()
                answer.read()
                status = answer.status
            except (OSError, http.client.HTTPException):
                status = 0
            finally:
                connection.close()
            with lock:
                results.append(status)

    try:
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(16)]
        for thread in threads:
            thread.start()
        time.sleep(3)
        two_servers[0].kill()
        time.sleep(4)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        proxy.close()
    failed = [status for status in results if status != 200]
    assert len(results) > 50, "the load never ran"
    assert failed == [], f"{len(failed)} of {len(results)} requests failed: {set(failed)}"


# The S3 stand-in down -----------------------------------------------------------------------


@pytest.fixture
def own_store(settings, db):
    """moto's S3 server of this test's own, the site's media store on a CDN host."""
    store = MotoServer().start()
    store.client().create_bucket(Bucket="newsroom-faults")
    storages, settings.MEDIA_URL = store.storages("newsroom-faults")
    settings.STORAGES = {**settings.STORAGES, **storages}
    settings.SERVE_MEDIA = False
    yield store
    store.close()


def test_s3_stand_in_down_pages_render_and_uploads_get_the_vietnamese_error(
    client, own_store, photo_staff
):
    article = make_article(cover=make_image(data=jpeg_bytes((1600, 1000))))
    own_store.stop()  # the process is gone: connections refused
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert f"{own_store.url}/newsroom-faults/anh/" in page.content.decode()
    with pytest.raises(images.StoreUnavailable, match="Kho lưu ảnh không phản hồi"):
        images.image_upload(file=io.BytesIO(phone_photo()), uploaded_by=photo_staff)
    client.force_login(photo_staff)
    answer = client.post(
        "/quan-tri/photos/image/upload/file/",
        {"file": SimpleUploadedFile("hien-truong.jpg", phone_photo(), content_type="image/jpeg")},
    ).json()
    assert answer["ok"] is False and "Kho lưu ảnh không phản hồi" in answer["error"]
    assert Image.objects.count() == 1  # only the cover stored before the store went down
