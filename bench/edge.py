"""The edge with a real Varnish in front: ``make bench-edge`` (docs/caching.md).

Starts everything of its own on 127.0.0.1 (ports from ``FAULT_PORTS`` when set): a
PostgreSQL cluster with ``BENCH_ARTICLES`` (default 600) generated articles, a Redis,
gunicorn (production settings, 2 sync workers, ``CACHE_PURGER=varnish``), Varnish with the
shipped VCL (``docker/varnish/default.vcl``) and nginx with the shipped configuration
(``docker/nginx.conf``). Then:

1. warms every address readers would have cached (articles, sections and their feeds,
   tags, authors, lists: a few hundred), publishes one article through the workflow (the
   approver's ``article_approve``) and counts the other addresses still cached;
2. publishes ``BENCH_PUBLISHES`` (default 20) articles one after the other and measures
   the time from the approval to the article's page answering 200 at Varnish, and to the
   home page there showing it (p50, p95);
3. sends ``BENCH_REQUESTS`` requests for a cached page over 4 keep-alive connections, with
   and without ``Accept-Encoding: gzip``, to Varnish and to nginx, and reads the CPU the
   proxy spent (``/proc/<pid>/stat``): a hit per second of one core; and nginx as it was
   before (the plain page cached, compressed again on every hit).

Prints the figures; asserts nothing.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scaling import cpu_seconds, dotted  # noqa: E402
from tests.servers import (  # noqa: E402
    AppServer,
    PostgresServer,
    RedisServer,
    ShippedNginx,
    VarnishProxy,
    free_port,
)

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "600"))
PUBLISHES = int(os.environ.get("BENCH_PUBLISHES", "20"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20000"))

ADDRESSES = """
from articles.models import Article, Author, Section, Tag
paths = ["/", "/rss/", "/canh-bao/", "/canh-bao/rss/", "/truy-na/", "/truy-na/rss/",
         "/van-ban/", "/van-ban/rss/", "/hoi-dap/", "/gioi-thieu/", "/lien-he/"]
paths += [a.get_absolute_url() for a in Article.objects.published().order_by("-published_at")[:300]]
for section in Section.objects.order_by("pk"):
    paths += [section.get_absolute_url(), section.get_absolute_url() + "rss/"]
paths += [t.get_absolute_url() for t in Tag.objects.order_by("pk")[:40]]
paths += [a.get_absolute_url() for a in Author.objects.order_by("pk")[:20]]
print(*paths)
"""

# Articles waiting for approval (each in a section, with a tag) and an approver.
PREPARE = """
from accounts.models import User
from accounts.roles import Role, group_of
from articles.models import Article, Section, Tag
from tests.factories import make_article
sections, tags = list(Section.objects.order_by("pk")), list(Tag.objects.order_by("pk"))
approver = User.objects.create_user(username="lanhdao-bench", password="x", is_staff=True)
approver.groups.add(group_of(Role.APPROVER))
for n in range({count}):
    article = make_article(title=f"Thông báo khẩn số {{n}} của công an tỉnh",
                           section=sections[n % len(sections)],
                           status=Article.Status.FORWARDED, published_at=None)
    article.tags.add(tags[n % len(tags)])
    print(article.pk, article.get_absolute_url(), article.section.get_absolute_url(),
          tags[n % len(tags)].get_absolute_url())
"""

# Publishes each article and waits for it at the proxy: page 200, then home showing it.
PUBLISH = """
import json, time, urllib.request, urllib.error
from accounts.models import User
from articles.models import Article
from articles.services import article_approve
approver = User.objects.get(username="lanhdao-bench")
def status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
results = []
for pk in {pks}:
    article = Article.objects.get(pk=pk)
    started = time.monotonic()
    article_approve(article=article, by=approver)
    committed = time.monotonic()
    while status("{proxy}" + article.get_absolute_url())[0] != 200:
        time.sleep(0.01)
    page = time.monotonic()
    while article.title not in status("{proxy}/")[1]:
        time.sleep(0.01)
    home = time.monotonic()
    results.append([committed - started, page - started, home - started])
    time.sleep(0.5)
print(json.dumps(results))
"""


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    answer = connection.getresponse()
    answer.read()
    connection.close()
    return answer.status, dict(answer.getheaders())


def load(port: int, path: str, headers: dict, count: int, connections: int = 4) -> float:
    """``count`` GETs over keep-alive connections; the seconds they took."""

    def run() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(count // connections):
            connection.request("GET", path, headers=headers)
            answer = connection.getresponse()
            answer.read()
            if answer.status != 200:
                raise SystemExit(f"{path}: HTTP {answer.status}")
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def hits(label: str, pid: int, port: int, path: str, headers: dict) -> None:
    get(port, path, headers)
    state = get(port, path, headers)[1]
    assert state.get("X-Cache") == "HIT", (label, state)
    before = cpu_seconds(pid)
    seconds = load(port, path, headers, REQUESTS)
    spent = cpu_seconds(pid) - before
    print(
        f"  {label:<44} {1e6 * spent / REQUESTS:7.1f} µs CPU/hit  "
        f"{dotted(REQUESTS / spent if spent else 0):>8} hits/s per core  "
        f"({dotted(REQUESTS / seconds)} hits/s here, {state.get('Content-Encoding', 'plain')})",
        flush=True,
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    postgres, redis = PostgresServer(), RedisServer()
    folder = postgres.folder
    parts: list = []
    try:
        postgres.start()
        postgres.psql("CREATE DATABASE newsroom")
        redis.start()
        varnish = VarnishProxy(backend_port=free_port())
        env = {
            "DATABASE_URL": postgres.url("newsroom"),
            "REDIS_URL": redis.url,
            "MEDIA_ROOT": str(folder / "media"),
            "STATIC_ROOT": str(folder / "static"),
            "VIEWS_FLUSH_SECONDS": "0",
            "CACHE_PURGER": "varnish",
            "PURGE_PROXY_URLS": varnish.url,
        }
        tool = AppServer(env)
        print(f"Building {ARTICLES} articles…", flush=True)
        tool.manage("migrate", "--noinput", "-v0")
        tool.manage("collectstatic", "--noinput", "-v0")
        tool.manage("generate_load_data", "--articles", str(ARTICLES), "--images", "4")
        waiting = [
            line.split()
            for line in tool.manage(
                "shell", "--no-imports", "-c", PREPARE.format(count=PUBLISHES + 1)
            ).splitlines()
            if line.strip()
        ]
        paths = list(dict.fromkeys(tool.manage("shell", "--no-imports", "-c", ADDRESSES).split()))
        app = AppServer(env, port=varnish.backend_port).start()
        parts.append(app)
        varnish.start()
        parts.append(varnish)
        while "healthy" not in varnish.adm("backend.list"):
            time.sleep(0.2)

        # 1. One publish: what stays cached.
        first_pk, first_url, first_section, first_tag = waiting[0]
        warm = [first_url, *paths]
        for path in warm:
            get(varnish.port, path)
        cached = [p for p in warm if get(varnish.port, p)[1].get("X-Cache") == "HIT"]
        tool.manage("shell", "--no-imports", "-c", PUBLISH.format(pks=[int(first_pk)],
                    proxy=varnish.url))  # fmt: skip
        states = {p: get(varnish.port, p)[1].get("X-Cache") for p in cached}
        touched = {first_url, "/", first_section, first_section + "rss/", first_tag}
        touched |= {p for p in cached if p.endswith("rss/")}
        others = [p for p in cached if p not in touched]
        kept = [p for p in others if states[p] == "HIT"]
        missed = sorted(set(others) - set(kept))
        print(
            f"\nOne publish: {len(cached)} addresses warmed; of the {len(others)} it does not "
            f"touch, {len(kept)} still cached ({100 * len(kept) / len(others):.1f} %); "
            f"missed: {missed[:8]}{'…' if len(missed) > 8 else ''}",
            flush=True,
        )
        touched_missed = sorted(p for p in touched if p in states and states[p] != "HIT")
        print(f"  touched and fetched again: {touched_missed}")

        # 2. Publish to visible.
        pks = [int(line[0]) for line in waiting[1:]]
        output = tool.manage(
            "shell", "--no-imports", "-c", PUBLISH.format(pks=pks, proxy=varnish.url)
        )
        results = json.loads(output.strip().splitlines()[-1])
        commit = [r[0] for r in results]
        page = [r[1] for r in results]
        home = [r[2] for r in results]
        print(f"\nPublish → visible at Varnish over {len(results)} publishes (ms):")
        for label, values in (
            ("approval committed (purge sent)", commit),
            ("article page answers 200", page),
            ("home page shows it", home),
        ):
            print(
                f"  {label:<34} p50 {1000 * statistics.median(values):7.1f}   "
                f"p95 {1000 * percentile(values, 0.95):7.1f}   max {1000 * max(values):7.1f}"
            )

        # 3. A hit, with and without gzip: Varnish and nginx.
        nginx = ShippedNginx(app.port).start()
        parts.append(nginx)
        print(f"\nA hit on the home page ({REQUESTS} requests, 4 connections):")
        gz = {"Accept-Encoding": "gzip, deflate, br"}
        hits("Varnish, Accept-Encoding: gzip", varnish.process.pid, varnish.port, "/", gz)
        hits("Varnish, no Accept-Encoding (gunzipped)", varnish.process.pid, varnish.port, "/", {})
        # nginx's cache needs X-Accel-Expires long enough for the run: a page of its own.
        long_lived = AppServer({**env, "CACHE_PURGER": "none", "EDGE_CACHE_SECONDS": "600"})
        long_lived.start()
        parts.append(long_lived)
        nginx.close()
        nginx = ShippedNginx(long_lived.port).start()
        parts.append(nginx)
        hits("nginx, Accept-Encoding: gzip", nginx.process.pid, nginx.port, "/", gz)
        hits("nginx, no Accept-Encoding (gunzipped)", nginx.process.pid, nginx.port, "/", {})
        nginx.close()
        nginx = ShippedNginx(long_lived.port, compress_on_hit=True).start()
        parts.append(nginx)
        hits("before: nginx compressing on each hit, gzip", nginx.process.pid, nginx.port, "/", gz)
        hits("before: nginx, no Accept-Encoding", nginx.process.pid, nginx.port, "/", {})
    finally:
        for part in reversed(parts):
            part.close()
        redis.close()
        postgres.close()


if __name__ == "__main__":
    main()
