"""The shipped nginx configuration (``docker/nginx.conf``) run by a real nginx in front of
the site: a hit is the stored gzip, and the app down → the cached pages are served stale.

nginx (the configuration with its addresses replaced: the readers' server, the
compressing server, the app, the cache folder), gunicorn, a Redis and an SQLite file of
the test's own, on ports of ``FAULT_PORTS``, stopped by their PID. About half a minute;
marked ``tier``.
"""

from __future__ import annotations

import gzip
import os
import time
import urllib.error
import urllib.request

import pytest

from tests.servers import NGINX, AppServer, RedisServer, ShippedNginx

pytestmark = pytest.mark.tier


def fetch(url: str, *, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=15) as answer:
            return answer.status, dict(answer.headers.items()), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if NGINX is None:
        message = "needs nginx (apt-get install nginx-light)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("nginx-edge")
    redis = RedisServer().start()
    env = {
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "REDIS_URL": redis.url,
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "VIEWS_FLUSH_SECONDS": "0",
        # Pages past their time after a second; stale while the app fails for an hour.
        "EDGE_CACHE_SECONDS": "1",
        "EDGE_STALE_IF_ERROR": "3600",
    }
    app = AppServer(env)
    proxy = None
    try:
        app.manage("migrate", "--noinput", "-v0")
        app.manage("collectstatic", "--noinput", "-v0")
        app.manage("generate_load_data", "--articles", "8", "--images", "1")
        app.start()
        proxy = ShippedNginx(app.port).start()
        yield app, proxy
    finally:
        if proxy is not None:
            proxy.close()
        app.close()
        redis.close()


def test_a_hit_is_the_stored_gzip_and_unpacked_for_a_client_without_gzip(site):
    _app, proxy = site
    wants_gzip = {"Accept-Encoding": "gzip, deflate, br"}
    fetch(proxy.url + "/gioi-thieu/", headers=wants_gzip)
    status, headers, body = fetch(proxy.url + "/gioi-thieu/", headers=wants_gzip)
    assert status == 200 and headers["X-Cache"] == "HIT"
    assert headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(body).decode()
    assert "</html>" in html
    assert not {"xkey", "cache-tag", "surrogate-key"} & {h.lower() for h in headers}
    # Another spelling of Accept-Encoding, and none at all: the same stored copy.
    status, headers, _ = fetch(proxy.url + "/gioi-thieu/", headers={"Accept-Encoding": "gzip"})
    assert headers["X-Cache"] == "HIT" and headers["Content-Encoding"] == "gzip"
    status, headers, body = fetch(proxy.url + "/gioi-thieu/")
    assert status == 200 and headers["X-Cache"] == "HIT"
    assert "Content-Encoding" not in headers and body.decode() == html


def test_staff_pages_are_never_cached(site):
    _app, proxy = site
    staff = {"Cookie": "sessionid=abc123"}
    fetch(proxy.url + "/lien-he/")
    for _ in range(2):
        assert fetch(proxy.url + "/lien-he/", headers=staff)[1]["X-Cache"] == "BYPASS"


def test_the_app_down_the_cached_pages_are_served_stale(site):
    app, proxy = site
    paths = ["/", "/rss/", "/truy-na/"]
    for path in paths:
        assert fetch(proxy.url + path)[0] == 200
    time.sleep(2.5)  # past their time (s-maxage and X-Accel-Expires of one second)
    app.kill()
    for path in paths:
        status, headers, body = fetch(proxy.url + path, headers={"Accept-Encoding": "gzip"})
        assert status == 200, path
        assert headers["X-Cache"] == "STALE" and gzip.decompress(body)
    assert fetch(proxy.url + "/van-ban/?never-cached")[0] == 502
