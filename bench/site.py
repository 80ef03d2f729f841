"""The public site under load: ``make bench`` (docs/benchmarks.md).

1. Builds a PostgreSQL database of generated news (``BENCH_DATABASE_URL``, default
   ``postgres://postgres@127.0.0.1:5432/newsroom_bench``, ``BENCH_ARTICLES`` = 100000;
   kept between runs when it already holds that many articles).
2. Starts gunicorn (2 sync workers, production settings, Redis cache) and nginx with the
   shipped ``docker/nginx.conf`` (micro-cache) on 127.0.0.1 ports, all in a temporary folder.
3. Runs wrk (16 connections, ``BENCH_SECONDS`` = 8 s a page) on home, section, article,
   search and RSS: through nginx (caching on), straight to gunicorn with Django's page cache,
   and with the page cache off (every request rendered by Django), plus nginx serving a
   static file of the same size as each page (the yardstick).
4. Serves the same pages with every cache of the app off (Django's dummy cache backend: no
   page, part, query or menu cache) — the cold path every page pays once after a publish —
   and measures the CPU one render of each costs in-process.
5. Serves ``bench/trivial.py`` (Django's smallest page, 50 KB, the same gunicorn) beside the
   site, before and after the page-cache-off runs: the site's rates are read as its share.
6. Measures, one request at a time with the caches off, the p95 latency of search, section
   page 1 and 500, article pages and the admin list filtered — and queries per page.

Prints one table; asserts nothing. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = 16
GUNICORN_PORT = int(os.environ.get("BENCH_GUNICORN_PORT", "18601"))
NGINX_PORT = int(os.environ.get("BENCH_NGINX_PORT", "18602"))
# docker/nginx.conf's compressing server between its cache and the app (8081 there).
NGINX_INNER_PORT = int(os.environ.get("BENCH_NGINX_INNER_PORT", "18603"))
TRIVIAL_PORT = int(os.environ.get("BENCH_TRIVIAL_PORT", "18603"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "100"))
LATENCY_SAMPLES = int(os.environ.get("BENCH_LATENCY_SAMPLES", "200"))

SECRET_KEY = secrets.token_urlsafe(50)
ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "CACHE_KEY_PREFIX": "bench",
    "SECRET_KEY": SECRET_KEY,
    "DEBUG": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "SITE_URL": f"http://127.0.0.1:{NGINX_PORT}",
    "PUBLIC_RATE_LIMIT": "100000000/s",  # the benchmark is one address hammering search
    "VIEWS_FLUSH_SECONDS": "60",
    "LOG_LEVEL": "WARNING",
    "CONN_MAX_AGE": "600",
}


def manage(*args: str, env: dict | None = None, quiet: bool = False) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env or ENV,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def psql(database: str, sql: str) -> str:
    url = urlsplit(DATABASE_URL)
    return subprocess.run(
        ["psql", "-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432), "-U",
         url.username or "postgres", "-d", database, "-tAc", sql],
        capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip


def build_database(tmp: Path) -> None:
    name = urlsplit(DATABASE_URL).path.lstrip("/")
    count = psql(name, "SELECT count(*) FROM articles_article")
    if count == str(ARTICLES):
        print(f"Database {name}: {count} articles already there, kept.")
        manage("migrate", "--noinput", "-v0")
        # A migration that rewrote rows leaves the planner's statistics and the visibility
        # map behind (an index-only count then reads the table): as autovacuum would.
        psql(name, "VACUUM ANALYZE")
        return
    print(f"Database {name}: building {ARTICLES} articles (a few minutes)…", flush=True)
    psql("postgres", f'DROP DATABASE IF EXISTS "{name}"')
    psql("postgres", f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput", "-v0")
    started = time.monotonic()
    manage("generate_load_data", "--articles", str(ARTICLES), quiet=True)
    print(f"  generated in {time.monotonic() - started:.0f} s")


@contextlib.contextmanager
def gunicorn(tmp: Path, **env: str):
    with serving(
        [PYTHON, "-m", "gunicorn", "newsroom.wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{GUNICORN_PORT}", "--access-logfile", "/dev/null",
         "--error-logfile", str(tmp / "gunicorn.log"), "--keep-alive", "5"],
        port=GUNICORN_PORT, stop=signal.SIGTERM, cwd=ROOT, env={**ENV, **env},
    ) as process:  # fmt: skip
        yield process


@contextlib.contextmanager
def trivial_django(tmp: Path):
    """bench/trivial.py: Django's smallest page, served as the site is (the yardstick)."""
    with serving(
        [PYTHON, "-m", "gunicorn", "bench.trivial:application", "--workers", "2",
         "--bind", f"127.0.0.1:{TRIVIAL_PORT}", "--access-logfile", "/dev/null",
         "--error-logfile", str(tmp / "trivial.log"), "--keep-alive", "5"],
        port=TRIVIAL_PORT, stop=signal.SIGTERM, cwd=ROOT, env=ENV,
    ) as process:  # fmt: skip
        yield process


COLD = {"CACHE_URL": "dummycache://", "PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}


def render_costs(pages: dict[str, str]) -> dict[str, float]:
    """CPU milliseconds of one render of each page with every cache off (median), measured
    in a process of its own so that the dummy cache is its only cache."""
    out = subprocess.run(
        [PYTHON, str(Path(__file__)), "--render-cost", *pages.values()],
        cwd=ROOT, env={**ENV, **COLD}, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    costs = [float(line) for line in out.split()]
    return dict(zip(pages, costs, strict=True))


def render_cost_main(paths: list[str]) -> None:
    """``site.py --render-cost PATH…``: prints one line per path, the median CPU ms."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for path in paths:
        for _ in range(5):
            assert client.get(path).status_code == 200, path
        spent = []
        for _ in range(RENDERS):
            started = time.process_time()
            client.get(path)
            spent.append(time.process_time() - started)
        print(f"{statistics.median(spent) * 1000:.2f}")


@contextlib.contextmanager
def serving(args: list[str], *, port: int, stop: int, **popen):
    """Start a server, wait until it answers, stop it with ``stop`` at the end."""
    process = subprocess.Popen(args, **popen)
    try:
        # /robots.txt, not /healthz: with every cache off the health check says so (503).
        wait_for(port, "/robots.txt" if port == GUNICORN_PORT else "/healthz")
        yield process
    finally:
        process.send_signal(stop)
        process.wait(timeout=30)


def nginx_config(tmp: Path) -> Path:
    """docker/nginx.conf pointed at this gunicorn and folder, plus the yardstick files."""
    site = (ROOT / "docker" / "nginx.conf").read_text()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{NGINX_PORT};")
    site = site.replace("listen 8081;", f"listen 127.0.0.1:{NGINX_INNER_PORT};")
    site = site.replace("http://127.0.0.1:8081;", f"http://127.0.0.1:{NGINX_INNER_PORT};")
    site = site.replace("http://127.0.0.1:80;", f"http://127.0.0.1:{NGINX_PORT};")
    site = re.sub(r"\n\s*resolver [^;]*;", "", site)
    site = site.replace("http://web:8000", f"http://127.0.0.1:{GUNICORN_PORT}")
    site = site.replace("/srv/media/", f"{tmp}/media/")
    site = site.replace("/var/cache/nginx/pages", f"{tmp}/nginx-cache")
    yardstick = f"    location /yardstick/ {{\n        alias {tmp}/yardstick/;\n    }}\n\n"
    site = site.replace("    location / {", yardstick + "    location / {", 1)
    (tmp / "site.conf").write_text(site)
    main = f"""
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    include {tmp}/site.conf;
}}
"""
    path = tmp / "nginx.conf"
    path.write_text(main)
    return path


@contextlib.contextmanager
def nginx(tmp: Path):
    config = nginx_config(tmp)
    user = "root" if os.geteuid() == 0 else ""
    args = ["nginx", "-c", str(config), "-p", str(tmp)]
    if user:
        args += ["-g", "user root;"]
    with serving(args, port=NGINX_PORT, stop=signal.SIGQUIT) as process:
        yield process


def wait_for(port: int, path: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            status, _body, _ = get(port, path)
            if status < 500:
                return
        time.sleep(0.2)
    raise SystemExit(f"nothing answers on 127.0.0.1:{port}{path}")


def get(port: int, path: str, cookie: str = "") -> tuple[int, bytes, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, body, elapsed


def wrk(port: int, path: str) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency",
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip

    def latency(label: str) -> float:
        value, unit = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


# What to measure -----------------------------------------------------------------


def sample_urls() -> dict:
    """Addresses from the bench database (read in this process through Django)."""
    os.environ.update(ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db.models import Count, Q

    from articles.models import Article, Section

    published = Article.objects.published()
    sections = Section.objects.annotate(
        n=Count("articles", filter=Q(articles__status="published"))
    ).order_by("-n")
    # The biggest top-level section (its sub-sections included): the hardest list.
    parent = next(s for s in sections if s.parent_id is None)
    recent = list(published.latest_first().values_list("slug", flat=True)[:1])
    spread = list(published.order_by("?").values_list("slug", flat=True)[:LATENCY_SAMPLES])
    return {
        "article": f"/bai-viet/{recent[0]}/",
        "section": parent.get_absolute_url(),
        "sections": [s.get_absolute_url() for s in sections],
        "articles": [f"/bai-viet/{slug}/" for slug in spread],
    }


SEARCHES = [
    "an ninh to quoc", "phong chay chua chay", "lua dao mang xa hoi", "ma tuy", "phu luong",
    "tuan tra kiem soat", "dich vu cong truc tuyen", "nong do con", "cuu nan cuu ho",
    "can cuoc dinh danh dien tu", "khen thuong tap the", "yen ninh", "tet nguyen dan",
]  # fmt: skip


def queries_per_page(urls: dict[str, str], admin_cookie_user) -> dict[str, int]:
    """Queries of one full render: page and fragment caches off, the menu cached."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    client, counts = Client(), {}
    for name, url in urls.items():
        if name == "admin list":
            client.force_login(admin_cookie_user)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts[name] = len(captured)
    return counts


def bench_editor():
    from accounts.models import User
    from accounts.roles import Role, group_of

    user, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    user.groups.add(group_of(Role.EDITOR))
    return user


def staff_cookie(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def p95(samples: list[float]) -> float:
    """In milliseconds; a short run (BENCH_LATENCY_SAMPLES below 20) gives its slowest."""
    if len(samples) < 20:
        return max(samples) * 1000
    return statistics.quantiles(samples, n=20)[-1] * 1000


def latencies(urls: dict, cookie: str, section_pages: int) -> dict[str, float]:
    """One client, one request at a time, a different address each time (caches off)."""
    results = {}
    results["search"] = p95(
        [get(GUNICORN_PORT, f"/tim-kiem/?q={q.replace(' ', '+')}")[2] for q in SEARCHES * 8]
    )
    sections = urls["sections"][:6]
    results["section, page 1"] = p95(
        [get(GUNICORN_PORT, s)[2] for s in sections * max(1, LATENCY_SAMPLES // len(sections))]
    )
    results[f"section, page {section_pages}"] = p95(
        [
            get(GUNICORN_PORT, f"{urls['section']}?page={section_pages - i % 3}")[2]
            for i in range(max(2, LATENCY_SAMPLES // 2))
        ]
    )
    results["article"] = p95([get(GUNICORN_PORT, a)[2] for a in urls["articles"]])
    admin = "/quan-tri/articles/article/?status=published&section__id__exact={}"
    from articles.models import Section

    ids = list(Section.objects.values_list("pk", flat=True))
    results["admin list, filtered"] = p95(
        [get(GUNICORN_PORT, admin.format(ids[i % len(ids)]), cookie)[2] for i in range(40)]
    )
    return results


def main() -> None:
    for tool in ("nginx", "wrk", "psql"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install -y nginx wrk postgresql-client")
    tmp = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    ENV["MEDIA_ROOT"] = str(tmp / "media")
    ENV["STATIC_ROOT"] = str(tmp / "static")
    try:
        run(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(tmp: Path) -> None:
    build_database(tmp)
    manage("collectstatic", "--noinput", "-v0")
    # The photos live in the database's MEDIA_ROOT only when it was built in this run;
    # pages never open image files, so an empty folder measures the same.
    (tmp / "media").mkdir(exist_ok=True)
    urls = sample_urls()
    pages = {
        "home": "/",
        "section": urls["section"],
        "article": urls["article"],
        "search": "/tim-kiem/?q=an+ninh+to+quoc",
        "rss": "/rss/",
    }
    from django.core.cache import cache

    cache.delete_pattern("*")  # this benchmark's keys only (CACHE_KEY_PREFIX=bench)
    editor = bench_editor()
    cookie = staff_cookie(editor)
    section_pages = 500
    rows: dict[str, dict] = {}
    with gunicorn(tmp), nginx(tmp):
        (tmp / "yardstick").mkdir()
        for name, path in pages.items():
            status, body, _ = get(NGINX_PORT, path)
            assert status == 200, (path, status)
            (tmp / "yardstick" / f"{name}.html").write_bytes(body)
            rows[name] = {"size": len(body)}
        for name, path in pages.items():
            rows[name]["static"] = wrk(NGINX_PORT, f"/yardstick/{name}.html")
            rows[name]["nginx"] = wrk(NGINX_PORT, path)
            rows[name]["django cache"] = wrk(GUNICORN_PORT, path)
    trivial = []
    with trivial_django(tmp):
        trivial.append(wrk(TRIVIAL_PORT, "/")["rps"])
    with gunicorn(tmp, PAGE_CACHE_SECONDS="0"):
        for name, path in pages.items():
            rows[name]["cache off"] = wrk(GUNICORN_PORT, path)
        last = re.findall(rb"page=(\d+)", get(GUNICORN_PORT, urls["section"])[1])
        section_pages = min(500, max(int(n) for n in last))
        cold = latencies(urls, cookie, section_pages)
    with trivial_django(tmp):
        trivial.append(wrk(TRIVIAL_PORT, "/")["rps"])
    with gunicorn(tmp, **COLD):
        for name, path in pages.items():
            rows[name]["cold"] = wrk(GUNICORN_PORT, path)
    for name, cost in render_costs(pages).items():
        rows[name]["cold cpu"] = cost
    counts = queries_per_page(
        {**pages, "admin list": "/quan-tri/articles/article/?status=published"}, editor
    )
    print_table(rows, counts, cold, statistics.mean(trivial), trivial)


def print_table(rows: dict, counts: dict, cold: dict, trivial: float, runs: list) -> None:
    today = dt.date.today().isoformat()
    print(f"\nmake bench — {today}, {ARTICLES} articles, PostgreSQL, gunicorn 2 sync workers, "
          f"wrk {CONNECTIONS} connections × {SECONDS} s, load average "
          f"{os.getloadavg()[0]:.1f}\n")  # fmt: skip
    print(
        "| page | size | static file req/s | caching on (nginx) req/s · p50 / p99 ms | ratio "
        "| Django page cache req/s | cache off req/s · p50 / p99 ms | queries |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, row in rows.items():
        static, on, off = row["static"], row["nginx"], row["cache off"]
        errors = sum(row[k]["errors"] for k in ("static", "nginx", "django cache", "cache off"))
        print(
            f"| {name} | {row['size'] / 1024:.0f} KB | {static['rps']:,.0f} "
            f"| {on['rps']:,.0f} · {on['p50']:.1f} / {on['p99']:.1f} "
            f"| {on['rps'] / static['rps']:.0%} | {row['django cache']['rps']:,.0f} "
            f"| {off['rps']:,.0f} · {off['p50']:.1f} / {off['p99']:.1f} | {counts[name]} |"
            + (f" ({errors} errors)" if errors else "")
        )
    print(
        f"\nBeside Django's smallest page (bench/trivial.py, 50 KB: {trivial:,.0f} req/s, "
        f"runs {' / '.join(f'{r:,.0f}' for r in runs)}), and cold (every cache of the app "
        f"off; CPU of one render in-process, median of {RENDERS}):\n"
    )
    print("| page | page cache off req/s | share of Django's smallest page | goal "
          "| page cache on (Django) | goal | cold req/s | cold CPU ms |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    shares = {"article": 20, "home": 15, "section": 9, "search": 4}
    for name, row in rows.items():
        off, on = row["cache off"]["rps"], row["django cache"]["rps"]
        goal = f"≥ {shares[name]} %" if name in shares else "—"
        print(
            f"| {name} | {off:,.0f} | {off / trivial:.0%} | {goal} | {on / trivial:.0%} "
            f"| ≥ 35 % | {row['cold']['rps']:,.0f} | {row['cold cpu']:.1f} |"
        )
    print(f"\nOne request at a time, caches off, {ARTICLES} articles (p95):\n")
    print("| page | p95 | goal |")
    print("| --- | ---: | ---: |")
    goals = {"search": 50, "section, page 1": 30, "article": 20, "admin list, filtered": 300}
    for name, value in cold.items():
        goal = goals.get(name, 30)
        print(f"| {name} | {value:.1f} ms | < {goal} ms |")
    print(f"\nadmin list queries: {counts['admin list']}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--render-cost"]:
        render_cost_main(sys.argv[2:])
    else:
        main()
