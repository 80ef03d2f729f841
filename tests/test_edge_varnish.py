"""The edge: a real Varnish with the shipped VCL in front of the site, purged by cache tag.

gunicorn (production settings, ``CACHE_PURGER=varnish``, ``PURGE_PROXY_URLS`` at the
Varnish) and ``varnishd`` (``docker/varnish/default.vcl``, its backend replaced) are
started here on ports of ``FAULT_PORTS``, with a Redis of their own and a database of
their own (a PostgreSQL cluster when the suite runs on PostgreSQL, else an SQLite file),
and stopped by their PID. About a minute; marked ``tier``.

- a publish through the workflow (the approver's ``article_approve``) purges the article's
  page, its section, its tag, home and the feeds, which miss once; the other warmed pages
  (about a hundred: articles, sections, tags, authors, lists) stay cached;
- the app stopped: the pages kept are served for as long as ``stale-if-error`` says
  (an hour here, with ``s-maxage`` of one second to get past their time at once);
- staff are never served or stored a cached page, the tag headers never reach the
  reader, a hit is the stored gzip (or gunzipped for a client without gzip).
"""

from __future__ import annotations

import gzip
import os
import time
import urllib.error
import urllib.request

import pytest

from tests.servers import (
    VARNISHD,
    AppServer,
    PostgresServer,
    RedisServer,
    VarnishProxy,
    free_port,
)

pytestmark = pytest.mark.tier

TAG_HEADERS = ("xkey", "Cache-Tag", "Surrogate-Key")


def fetch(url: str, *, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """GET without urllib's own Accept-Encoding handling: (status, headers, raw body)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=15) as answer:
            return answer.status, dict(answer.headers.items()), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def cache_state(url: str) -> str:
    return fetch(url)[1].get("X-Cache", "")


class Edge:
    """A database, a Redis, gunicorn and Varnish of the test's own."""

    def __init__(self, folder) -> None:
        self.folder = folder
        self.postgres = PostgresServer() if _on_postgres() else None
        self.redis = RedisServer()
        self.app: AppServer | None = None
        self.varnish: VarnishProxy | None = None

    def env(self, **extra: str) -> dict[str, str]:
        if self.postgres is not None:
            database = self.postgres.url("newsroom")
        else:
            database = f"sqlite:///{self.folder / 'edge.sqlite3'}"
        return {
            "DATABASE_URL": database,
            "REDIS_URL": self.redis.url,
            "MEDIA_ROOT": str(self.folder / "media"),
            "STATIC_ROOT": str(self.folder / "static"),
            "VIEWS_FLUSH_SECONDS": "0",
            "CACHE_PURGER": "varnish",
            "PURGE_PROXY_URLS": self.varnish.url if self.varnish else "",
            "EDGE_CACHE_SECONDS": "600",
            # No stale-while-revalidate: a purged page is fetched by its next reader (the
            # stale-if-error grace is kept for an app that is down).
            "EDGE_STALE_WHILE_REVALIDATE": "0",
            "EDGE_STALE_IF_ERROR": "3600",
            **extra,
        }

    def build(self) -> None:
        if self.postgres is not None:
            self.postgres.start()
            self.postgres.psql("CREATE DATABASE newsroom")
        self.redis.start()
        self.varnish = VarnishProxy(backend_port=free_port())  # the app's port, for the VCL
        tool = AppServer(self.env())
        tool.manage("migrate", "--noinput", "-v0")
        tool.manage("collectstatic", "--noinput", "-v0")
        tool.manage("generate_load_data", "--articles", "60", "--images", "1")
        self.app = AppServer(self.env(), port=self.varnish.backend_port).start()
        self.varnish.start()
        self.wait_healthy()

    def wait_healthy(self) -> None:
        """Until Varnish's probe has seen the app answer (a sick backend is not asked)."""
        deadline = time.monotonic() + 30
        while "healthy" not in self.varnish.adm("backend.list"):
            assert time.monotonic() < deadline, self.varnish.adm("backend.list")
            time.sleep(0.3)

    def shell(self, code: str) -> list[str]:
        return AppServer(self.env()).manage("shell", "--no-imports", "-c", code).split()

    def restart_app(self, **extra: str) -> AppServer:
        port = self.app.port
        self.app.close()
        self.app = AppServer(self.env(**extra), port=port).start()
        self.wait_healthy()
        return self.app

    def close(self) -> None:
        for part in (self.app, self.varnish, self.redis, self.postgres):
            if part is not None:
                part.close()


def _on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    if VARNISHD is None:
        message = "needs varnishd and varnish-modules (apt-get install varnish varnish-modules)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # .ci/run installs them: CI must run these tests
        pytest.skip(message)
    edge = Edge(tmp_path_factory.mktemp("edge"))
    try:
        edge.build()
        yield edge
    finally:
        edge.close()


# An article waiting for approval, in a section and with a tag; an approver. Made before
# anything is warmed (making it purges its lists too, as any save does).
PREPARE = """
from accounts.models import User
from accounts.roles import Role, group_of
from articles.models import Article, Section, Tag
from tests.factories import make_article
section = Section.objects.order_by("pk").first()
tag = Tag.objects.order_by("pk").first()
article = make_article(title="Cảnh báo thủ đoạn giả danh công an gọi điện", section=section,
                       status=Article.Status.FORWARDED, published_at=None)
article.tags.add(tag)
approver = User.objects.create_user(username="lanhdao-edge", password="x", is_staff=True)
approver.groups.add(group_of(Role.APPROVER))
print(article.pk, article.get_absolute_url(), section.get_absolute_url(), tag.get_absolute_url())
"""

# The addresses readers would have in the cache: about a hundred.
ADDRESSES = """
from articles.models import Article, Author, Section, Tag
paths = ["/", "/rss/", "/canh-bao/", "/canh-bao/rss/", "/truy-na/", "/truy-na/rss/",
         "/van-ban/", "/van-ban/rss/", "/hoi-dap/", "/gioi-thieu/", "/lien-he/"]
paths += [a.get_absolute_url() for a in Article.objects.published().order_by("-published_at")[:60]]
for section in Section.objects.order_by("pk"):
    paths += [section.get_absolute_url(), section.get_absolute_url() + "rss/"]
paths += [t.get_absolute_url() for t in Tag.objects.order_by("pk")[:12]]
paths += [a.get_absolute_url() for a in Author.objects.order_by("pk")[:8]]
print(*paths)
"""

PUBLISH = """
from accounts.models import User
from articles.models import Article
from articles.services import article_approve
article_approve(article=Article.objects.get(pk={pk}), by=User.objects.get(username="lanhdao-edge"))
"""


def warm(base: str, paths: list[str]) -> dict[str, str]:
    for path in paths:
        fetch(base + path)
    return {path: cache_state(base + path) for path in paths}


def test_a_publish_misses_its_own_pages_once_and_keeps_the_others_cached(edge):
    pk, article, section, tag = edge.shell(PREPARE)
    paths = list(dict.fromkeys([article, *edge.shell(ADDRESSES)]))
    assert len(paths) >= 90
    base = edge.varnish.url
    assert fetch(base + article)[0] == 404  # not published yet: its 404 is cached
    states = warm(base, paths)
    assert set(states.values()) == {"HIT"}, states

    edge.shell(PUBLISH.format(pk=pk))
    # Visible at the proxy as soon as the publish has committed (the purge is sent then).
    deadline = time.monotonic() + 30
    while (status := fetch(base + article)[0]) != 200 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status == 200
    assert "Cảnh báo thủ đoạn giả danh công an gọi điện" in fetch(base + article)[2].decode()
    assert cache_state(base + article) == "HIT"

    feeds = [p for p in paths if p.endswith("rss/")]
    touched = list(dict.fromkeys(["/", section, section + "rss/", tag, *feeds]))
    for path in touched:
        assert cache_state(base + path) == "MISS", path  # fetched again once…
        assert cache_state(base + path) == "HIT", path  # …and kept
    assert "Cảnh báo thủ đoạn giả danh công an gọi điện" in fetch(base + "/")[2].decode()
    assert "Cảnh báo thủ đoạn giả danh công an gọi điện" in fetch(base + section)[2].decode()

    others = [p for p in paths if p not in {article, *touched}]
    kept = [p for p in others if cache_state(base + p) == "HIT"]
    assert len(kept) >= 0.95 * len(others), sorted(set(others) - set(kept))


def test_staff_are_never_served_or_stored_a_cached_page(edge):
    base = edge.varnish.url
    staff = {"Cookie": "sessionid=abc123; csrftoken=x"}
    fetch(base + "/gioi-thieu/")
    assert fetch(base + "/gioi-thieu/")[1]["X-Cache"] == "HIT"
    for _ in range(2):
        assert fetch(base + "/gioi-thieu/", headers=staff)[1]["X-Cache"] == "PASS"
    # A reader's other cookies do not split the cache.
    assert fetch(base + "/gioi-thieu/", headers={"Cookie": "_ga=1"})[1]["X-Cache"] == "HIT"


def test_the_reader_gets_no_tags_and_a_hit_is_the_stored_gzip(edge):
    base = edge.varnish.url
    origin_headers = fetch(edge.app.url + "/truy-na/")[1]
    assert all(name in origin_headers for name in TAG_HEADERS)  # the app sends them
    fetch(base + "/truy-na/", headers={"Accept-Encoding": "gzip"})
    status, headers, body = fetch(base + "/truy-na/", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["X-Cache"] == "HIT"
    assert headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(body).decode()
    assert "</html>" in html
    assert not {name.lower() for name in TAG_HEADERS} & {h.lower() for h in headers}
    # A client without gzip gets the same stored page, unpacked.
    status, headers, body = fetch(base + "/truy-na/")
    assert headers["X-Cache"] == "HIT" and "Content-Encoding" not in headers
    assert body.decode() == html


def test_purges_are_refused_without_a_tag(edge):
    request = urllib.request.Request(edge.varnish.url + "/", method="PURGE")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 400


def test_the_app_down_the_pages_kept_are_served_stale_for_an_hour(edge):
    """s-maxage of one second and stale-if-error of an hour: past their time, the app
    killed, the pages are still answered (first while Varnish has not noticed, then
    with its health probe failing)."""
    app = edge.restart_app(EDGE_CACHE_SECONDS="1", EDGE_STALE_IF_ERROR="3600")
    base = edge.varnish.url
    paths = ["/?edge=stale", "/rss/?edge=stale", "/truy-na/?edge=stale", "/van-ban/?edge=stale"]
    for path in paths:
        status, headers, _ = fetch(base + path)
        assert status == 200 and "s-maxage=1" in headers["Cache-Control"]
    time.sleep(2.5)  # past their time
    app.kill()
    for path in paths:  # before the probe notices: the refresh fails, the stale copy served
        status, headers, body = fetch(base + path)
        assert status == 200 and headers["X-Cache"] == "STALE", path
        assert b"</" in body
    deadline = time.monotonic() + 30
    while "sick" not in edge.varnish.adm("backend.list"):
        assert time.monotonic() < deadline, "the probe never noticed the app was down"
        time.sleep(0.5)
    for path in paths:
        assert fetch(base + path)[0] == 200, path
    assert fetch(base + "/?edge=never-cached")[0] == 503  # nothing kept: nothing to serve
