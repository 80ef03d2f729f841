"""``make bench-api``: the public API under load, on PostgreSQL, with figures printed.

1. Builds (or keeps) a PostgreSQL database of ``BENCH_API_ARTICLES`` generated articles
   (``generate_load_data``) — ``BENCH_API_DATABASE_URL``, default newsroom_i21.
2. Starts gunicorn (2 sync workers, production settings, Redis cache) on 127.0.0.1.
3. Loads it with 16 connections for ``BENCH_SECONDS`` each, with wrk (Debian's ``wrk``;
   ``make bench-api`` installs it where apt-get can). Without wrk, a small Python load
   generator (4 processes × 4 threads) does it, but it takes about a core of the two for
   itself, and the figures come out a third lower:
   - a list of 20 with every include, on a cache miss (the page cache off; Django's
     every layer but the page cache);
   - the same list answered 304 (If-None-Match: the ETag of the first answer).
4. Prints requests/s and the median latency of each, next to the goals (500 and 2,000/s).
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE_URL = os.environ.get(
    "BENCH_API_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_i21"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
ARTICLES = int(os.environ.get("BENCH_API_ARTICLES", "5000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
PORT = int(os.environ.get("BENCH_API_PORT", "16150"))
CONNECTIONS = 16
LIST = "/api/v1/articles?limit=20&include=authors,section,campaigns,cover"

ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "CACHE_KEY_PREFIX": "bench-api",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DEBUG": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "API_RATE_LIMIT": "100000000/s",  # one address hammering the API
    "PAGE_CACHE_SECONDS": "0",  # every list request is a miss: made by the view
    "LOG_LEVEL": "WARNING",
    "CONN_MAX_AGE": "600",
}


def manage(*args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def psql(database: str, sql: str) -> str:
    url = urlsplit(DATABASE_URL)
    return subprocess.run(
        ["psql", "-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432), "-U",
         url.username or "postgres", "-d", database, "-tAc", sql],
        capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip


def build_database() -> None:
    name = urlsplit(DATABASE_URL).path.lstrip("/")
    if psql(name, "SELECT count(*) FROM articles_article") == str(ARTICLES):
        print(f"Database {name}: {ARTICLES} articles already there, kept.")
        manage("migrate", "--noinput", "-v0")
        return
    print(f"Database {name}: building {ARTICLES} articles…", flush=True)
    psql("postgres", f'DROP DATABASE IF EXISTS "{name}"')
    psql("postgres", f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput", "-v0")
    manage("generate_load_data", "--articles", str(ARTICLES))
    psql(name, "VACUUM ANALYZE")


def get(path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), body


def wait_until_up() -> None:
    for _ in range(100):
        try:
            get("/healthz")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def _worker(path, headers, expect, seconds, out) -> None:
    latencies, stop_at = [], time.monotonic() + seconds
    lock = threading.Lock()

    def loop():
        mine = []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            status, _h, _b = get(path, headers)
            assert status == expect, status
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=loop) for _ in range(CONNECTIONS // 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put(latencies)


def load(path: str, headers: dict, expect: int) -> tuple[float, float]:
    """(requests/s, median ms) over SECONDS with CONNECTIONS concurrent requests."""
    if shutil.which("wrk"):
        header_args = [a for k, v in headers.items() for a in ("-H", f"{k}: {v}")]
        out = subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *header_args,
             f"http://127.0.0.1:{PORT}{path}"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        lines = out.splitlines()
        rate = float(next(ln for ln in lines if "Requests/sec" in ln).split()[-1])
        median = next(ln for ln in lines if ln.strip().startswith("50%")).split()[-1]
        return rate, _milliseconds(median)
    queue = multiprocessing.Queue()
    procs = [
        multiprocessing.Process(target=_worker, args=(path, headers, expect, SECONDS, queue))
        for _ in range(4)
    ]
    for p in procs:
        p.start()
    latencies = [x for _ in procs for x in queue.get()]
    for p in procs:
        p.join()
    return len(latencies) / SECONDS, statistics.median(latencies) * 1000


def _milliseconds(text: str) -> float:
    """wrk's "29.81ms", "812.00us" or "1.02s" in milliseconds."""
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    raise ValueError(text)


def main() -> None:
    build_database()
    log = open(ROOT / "bench-api-gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "newsroom.wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{PORT}", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=ENV, stdout=log, stderr=log,
    )  # fmt: skip
    try:
        wait_until_up()
        status, headers, body = get(LIST)
        assert status == 200, body[:300]
        etag = headers["ETag"]
        print(f"gunicorn: 2 sync workers; {CONNECTIONS} connections, {SECONDS} s each; "
              f"{'wrk' if shutil.which('wrk') else 'Python load generator'}")  # fmt: skip
        rate, median = load(LIST, {}, 200)
        print(f"list of 20, all includes, cache miss: {rate:7.0f} req/s  "
              f"median {median:5.1f} ms   (goal ≥ 500)")  # fmt: skip
        rate, median = load(LIST, {"If-None-Match": etag}, 304)
        print(f"304 Not Modified (If-None-Match):     {rate:7.0f} req/s  "
              f"median {median:5.1f} ms   (goal ≥ 2,000)")  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


if __name__ == "__main__":
    main()
