"""CPU per request on each path, and what it means in servers: ``make bench-scaling``.

Starts everything of its own on 127.0.0.1 (ports from ``FAULT_PORTS`` when set): a
PostgreSQL cluster with ``BENCH_ARTICLES`` (default 3000) generated articles, a Redis,
gunicorn (the production settings, 2 sync workers) and nginx as a caching proxy in front
(a micro-cache like docker/nginx.conf's, in a configuration of this script). Then, for each
path, sends ``BENCH_REQUESTS`` requests over 4 keep-alive connections and reads the CPU
time the serving processes spent (``/proc/<pid>/stat``, every process of the server):

- proxy hit: nginx answers from its cache (nginx's CPU);
- page cache hit: Django's whole-page cache in Redis (gunicorn's CPU);
- page cache miss: the page rendered, its parts (menus, lists) from the cache;
- cold: rendered with every cache of the app off (the first request after a publish).

The site has no JSON API; its feeds (``/rss/``) stand for the machine-read path.
Prints one table and the sizing in docs/scaling.md's terms; asserts nothing.
"""

from __future__ import annotations

import http.client
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import AppServer, NginxProxy, PostgresServer, RedisServer  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "3000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "600"))
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(root_pid: int) -> float:
    """utime + stime of ``root_pid`` and every process below it."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        times[pid] = (int(fields[11]) + int(fields[12])) / TICK
    total, todo = 0.0, [root_pid]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def load(port: int, paths: list[str], count: int, connections: int = 4) -> tuple[int, float]:
    """``count`` GETs over keep-alive connections; (non-200 answers, seconds)."""
    errors, lock = [0], threading.Lock()
    per_thread = count // connections

    def run(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for i in range(per_thread):
            conn.request("GET", paths[(offset + i) % len(paths)])
            answer = conn.getresponse()
            answer.read()
            if answer.status != 200:
                with lock:
                    errors[0] += 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=run, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors[0], time.monotonic() - started


def dotted(number: float) -> str:
    """130.000: thousands with dots, as Vietnamese write them."""
    return f"{number:,.0f}".replace(",", ".")


def measure(label: str, pid: int, port: int, paths: list[str], count: int) -> dict:
    load(port, paths, len(paths) * 2)  # warm: caches filled, workers imported
    before = cpu_seconds(pid)
    errors, seconds = load(port, paths, count)
    spent = cpu_seconds(pid) - before
    row = {
        "path": label,
        "requests": count,
        "errors": errors,
        "cpu_ms": 1000 * spent / count,
        "per_core": count / spent if spent else float("inf"),
        "rate": count / seconds,
    }
    print(
        f"{label:<34} {row['cpu_ms']:8.2f} ms CPU/request  "
        f"{dotted(row['per_core']):>9} req/s per core  ({dotted(row['rate'])} req/s here, "
        f"{errors} errors)",
        flush=True,
    )
    return row


def sizing(rows: dict[str, dict]) -> None:
    """500.000 page views a day, bursts of 300 req/s; then 34 provinces on one platform."""
    print("\nSizing (a core busy at most 60 %, as docs/scaling.md explains):")
    day = 500_000
    mix = {"proxy hit": 0.90, "page cache hit": 0.07, "page cache miss": 0.03}
    for name, burst, daily in (
        ("one province", 300, day),
        ("34 provinces", 34 * 300 / 3, 34 * day),
    ):
        cores_burst = (
            sum(burst * share / rows[path]["per_core"] for path, share in mix.items()) / 0.6
        )
        cold_burst = burst * 0.1 / rows["cold"]["per_core"] / 0.6
        average = daily / 86_400
        print(
            f"  {name}: {dotted(daily)} views/day = {average:.1f} req/s on average; a burst of "
            f"{dotted(burst)} req/s needs {cores_burst:.2f} cores with 90 % proxy hits "
            f"(+{cold_burst:.2f} if 10 % of the burst were cold renders)"
        )


def main() -> None:
    postgres, redis = PostgresServer(), RedisServer()
    folder = postgres.folder
    servers: list = []
    try:
        postgres.start()
        postgres.psql("CREATE DATABASE newsroom")
        redis.start()
        env = {
            "DATABASE_URL": postgres.url("newsroom"),
            "REDIS_URL": redis.url,
            "MEDIA_ROOT": str(folder / "media"),
            "STATIC_ROOT": str(folder / "static"),
            "VIEWS_FLUSH_SECONDS": "0",
        }
        tool = AppServer(env)
        print(f"Building {ARTICLES} articles…", flush=True)
        tool.manage("migrate", "--noinput", "-v0")
        tool.manage("collectstatic", "--noinput", "-v0")
        tool.manage("generate_load_data", "--articles", str(ARTICLES), "--images", "4")
        urls = tool.manage(
            "shell", "--no-imports", "-c",
            "from articles.models import Article, Section\n"
            "for a in Article.objects.published().order_by('-published_at')[:20]:\n"
            "    print(a.get_absolute_url())\n"
            "for s in Section.objects.all()[:4]:\n"
            "    print(s.get_absolute_url())\n",
        ).split()  # fmt: skip
        pages = ["/", "/rss/", *[u for u in urls if u.startswith("/")]]
        cached = AppServer(env).start()
        uncached = AppServer({**env, "PAGE_CACHE_SECONDS": "0"}).start()
        cold = AppServer({**env, "PAGE_CACHE_SECONDS": "0", "CACHE_URL": "dummycache://"}).start()
        proxy = NginxProxy([cached.port], cache_seconds=60).start()
        servers = [cached, uncached, cold, proxy]
        print(f"\n{len(pages)} pages (home, RSS, articles, sections)\n")
        runs = [
            ("proxy hit", "proxy hit (nginx cache)", proxy, pages, REQUESTS * 5),
            ("page cache hit", "page cache hit (Django, Redis)", cached, pages, REQUESTS),
            ("page cache miss", "page cache miss (parts cached)", uncached, pages, REQUESTS // 2),
            ("cold", "cold (no cache of the app)", cold, pages, REQUESTS // 4),
            ("rss", "RSS feed, page cache miss", uncached, ["/rss/"], REQUESTS // 4),
        ]
        rows = {
            key: measure(label, server.process.pid, server.port, paths, count)
            for key, label, server, paths, count in runs
        }
        sizing(rows)
    finally:
        for server in servers:
            server.close()
        redis.close()
        postgres.close()


if __name__ == "__main__":
    main()
