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
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.servers import ROOT, AppServer, RedisServer, _answers, _wait, free_port

pytestmark = pytest.mark.tier

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
SHIPPED = ROOT / "docker" / "nginx.conf"


class ShippedNginx:
    """docker/nginx.conf inside an ``http {}`` of its own, its addresses replaced."""

    def __init__(self, app_port: int) -> None:
        self.port, self.inner_port, self.app_port = free_port(), free_port(), app_port
        self.folder = Path(tempfile.mkdtemp(prefix=f"nginx-edge-{self.port}-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def site(self) -> str:
        text = SHIPPED.read_text(encoding="utf-8")
        replacements = {
            "listen 80;": f"listen 127.0.0.1:{self.port};",
            "listen 8081;": f"listen 127.0.0.1:{self.inner_port};",
            "http://127.0.0.1:8081;": f"http://127.0.0.1:{self.inner_port};",
            "http://127.0.0.1:80;": f"http://127.0.0.1:{self.port};",
            "resolver 127.0.0.11 valid=10s ipv6=off;": "",
            "http://web:8000;": f"http://127.0.0.1:{self.app_port};",
            "/var/cache/nginx/pages": str(self.folder / "cache"),
            "/srv/media/": str(self.folder / "media") + "/",
        }
        for old, new in replacements.items():
            assert old in text, f"docker/nginx.conf no longer has {old!r}"
            text = text.replace(old, new)
        return text

    def start(self) -> ShippedNginx:
        folder = self.folder
        (folder / "site.conf").write_text(self.site(), encoding="utf-8")
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"daemon off; {user} worker_processes 1; pid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log warn;\nevents {{ worker_connections 256; }}\n"
            f"http {{ access_log {folder}/access.log; client_body_temp_path {folder}/body;\n"
            f"proxy_temp_path {folder}/proxy; fastcgi_temp_path {folder}/fastcgi;\n"
            f"uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;\n"
            "default_type application/octet-stream;\n"
            f"include {folder}/site.conf; }}\n"
        )
        if os.geteuid() == 0:
            shutil.chown(folder, "nobody", "nogroup")
        self.process = subprocess.Popen(
            [NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=open(folder / "stderr.log", "wb"),  # noqa: SIM115 - nginx keeps it
        )
        _wait(lambda: _answers(self.port), seconds=10, what=f"nginx on {self.port}")
        return self

    def close(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        shutil.rmtree(self.folder, ignore_errors=True)


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
