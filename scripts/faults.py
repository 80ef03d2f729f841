#!/usr/bin/env python
"""``make faults``: break what the site stands on, and print what readers and staff got.

Starts, in a temporary folder, a PostgreSQL cluster and a Redis of its own (on free ports,
or in ``FAULT_PORTS=first-last``; never the shared servers), fills the database with 431
generated articles, and serves the site with gunicorn (2 sync workers, DEBUG off, the
production settings). Then, one scenario at a time:

1. everything up;                       5. PostgreSQL stopped, then started again;
2. Redis stopped;                       6. a backup restored while readers read;
3. Redis frozen (SIGSTOP);              7. publication times of year 1 and 10000 written
4. a take-down while Redis is away         straight into the database;
   (it comes back with its data);       8. someone guessing an approver's password.

Each line is one request: who asked, what, the status and the time it took; then what the
site's log holds. docs/operations.md ("Faults") says what each line should show. Exits 1
when a reader or a member of staff got a 500 or no answer at all. ``FAULTS_SCENARIOS=1,3``
runs those only (after the first, which logs staff in); ``FAULTS_KEEP=1`` keeps the
folder (the site's log is ``site.log`` there). About a minute and a half on a quiet machine.
"""

from __future__ import annotations

import collections
import contextlib
import hmac
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
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import PostgresServer, RedisServer, free_port  # noqa: E402

PYTHON = sys.executable
PASSWORD = "mat-khau-kiem-thu-su-co-" + secrets.token_hex(4)
TOTP_KEY = secrets.token_hex(20)
ARTICLES = 431


def totp(key_hex: str, at: float | None = None) -> str:
    """The authenticator app's code (RFC 6238: SHA-1, 30 s, 6 digits)."""
    counter = int(at if at is not None else time.time()) // 30
    digest = hmac.new(bytes.fromhex(key_hex), counter.to_bytes(8, "big"), "sha1").digest()
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


class Browser:
    """One visitor: keeps its cookies (Secure ones too: this is plain HTTP on 127.0.0.1)
    and its address (sent as X-Forwarded-For, which the site trusts from one proxy)."""

    def __init__(self, port: int, address: str = "192.0.2.10") -> None:
        self.port = port
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None, timeout: float = 30):
        headers = {"X-Forwarded-For": self.address, "Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as exc:
            return Answer(0, {}, str(exc).encode(), time.monotonic() - started)
        finally:
            connection.close()
        spent = time.monotonic() - started
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return Answer(response.status, dict(response.getheaders()), content, spent)

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, form: dict | None = None, **kwargs):
        form = {**(form or {}), "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self.request("POST", path, form, **kwargs)


class Answer:
    def __init__(self, status: int, headers: dict, content: bytes, seconds: float) -> None:
        self.status, self.headers, self.content, self.seconds = status, headers, content, seconds

    @property
    def text(self) -> str:
        return self.content.decode(errors="replace")

    def describe(self) -> str:
        extra = []
        if "Retry-After" in self.headers:
            extra.append(f"Retry-After {self.headers['Retry-After']}")
        if self.status in (301, 302):
            extra.append(f"→ {self.headers.get('Location', '')}")
        status = self.status or "no answer"
        return f"{status!s:>9} {self.seconds * 1000:7.0f} ms  {' '.join(extra)}".rstrip()


# Answers nobody should ever get (a 500, or none at all): `make faults` exits 1 on them.
BROKEN: list[str] = []


def show(who: str, what: str, answer: Answer, note: str = "") -> Answer:
    print(f"  {who:<8} {what:<44} {answer.describe()}{'  ' + note if note else ''}", flush=True)
    if answer.status in (0, 500) and who != "attacker":
        BROKEN.append(f"{who}: {what}: {answer.status}")
    return answer


def say(who: str, what: str, outcome: str) -> None:
    print(f"  {who:<8} {what:<44} {outcome}", flush=True)


def heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


class Site:
    """The site under test and everything it stands on."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.postgres = PostgresServer()
        self.redis = RedisServer()
        self.port = free_port()
        self.env = {
            **os.environ,
            "DATABASE_URL": self.postgres.url("newsroom"),
            "REDIS_URL": self.redis.url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "TRUSTED_PROXY_COUNT": "1",
            "SITE_URL": f"http://127.0.0.1:{self.port}",
            "MEDIA_ROOT": str(folder / "media"),
            "STATIC_ROOT": str(folder / "static"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "PUBLIC_RATE_LIMIT": "100000/m",
            "LOG_LEVEL": "WARNING",
            "CONN_MAX_AGE": "60",
        }
        self.gunicorn: subprocess.Popen | None = None

    def manage(self, *args: str, quiet: bool = True) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(args[:2])} failed:\n{result.stderr}")
        return result.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "-c", code)

    def build(self) -> None:
        self.postgres.start()
        self.postgres.psql("CREATE DATABASE newsroom")
        self.redis.start()
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("generate_load_data", "--articles", str(ARTICLES), "--images", "2")
        self.shell(
            "from accounts.models import User\n"
            "from accounts.roles import Role, group_of\n"
            "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
            f"for name, role in (('quantri', Role.ADMINISTRATOR), ('lanhdao', Role.APPROVER)):\n"
            f"    u = User.objects.create_user(name, password='{PASSWORD}', is_staff=True,\n"
            f"        email=name + '@congan.example.vn', is_superuser=name == 'quantri')\n"
            "    u.groups.add(group_of(role))\n"
            f"    TOTPDevice.objects.create(user=u, name='app', confirmed=True, key='{TOTP_KEY}')\n"
        )

    def serve(self) -> None:
        self.log_file = (self.folder / "site.log").open("w")
        self.gunicorn = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "newsroom.wsgi:application", "--workers", "2",
             "--bind", f"127.0.0.1:{self.port}", "--timeout", "30", "--access-logfile",
             "/dev/null"],
            cwd=ROOT, env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while Browser(self.port).get("/robots.txt").status != 200:
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not start: " + self.log()[-2000:])
            time.sleep(0.2)

    def log(self) -> str:
        """What gunicorn and Django wrote (Django's log goes to the console)."""
        path = self.folder / "site.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def psql(self, sql: str) -> str:
        return self.postgres.psql(sql, database="newsroom")

    def close(self) -> None:
        if self.gunicorn is not None:
            self.gunicorn.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.gunicorn.wait(timeout=20)
        self.redis.close()
        self.postgres.close()


class Scenarios:
    def __init__(self, site: Site) -> None:
        self.site = site
        port = site.port
        self.reader = Browser(port, "203.0.113.20")
        self.staff = Browser(port, "192.0.2.10")
        self.section = site.psql("SELECT slug FROM articles_section ORDER BY id LIMIT 1")
        self.article = site.psql(
            "SELECT slug FROM articles_article WHERE status = 'published' "
            "ORDER BY published_at DESC LIMIT 1 OFFSET 3"
        )
        self.pages = {
            "home": "/",
            "section": f"/chuyen-muc/{self.section}/",
            "article": f"/bai-viet/{self.article}/",
            "search": "/tim-kiem/?q=an+ninh+trat+tu",
            "rss": "/rss/",
            "sitemap": "/sitemap-articles.xml",
        }

    def admin(self, path: str = "") -> str:
        return f"/quan-tri/{path}"

    def read_everything(self, who: Browser | None = None, note: str = "") -> None:
        reader = who or self.reader
        for name, path in self.pages.items():
            show("reader", f"GET {name} {path[:34]}", reader.get(path), note)
        page = reader.get(self.pages["article"])
        found = re.search(r'data-view-beacon="([^"]+)"', page.text)
        if found:
            show("reader", "POST the view beacon", reader.post(found.group(1)))
        self.health(reader)

    def health(self, browser: Browser) -> None:
        answer = browser.get("/healthz")
        show("probe", "GET /healthz", answer, answer.text)

    def log_in(self, browser: Browser, username: str) -> None:
        browser.get(self.admin("login/"))
        answer = browser.post(
            self.admin("login/"),
            {"username": username, "password": PASSWORD, "next": self.admin()},
        )
        show("staff", f"log in as {username} (password)", answer)
        if answer.status != 302:
            return
        if time.time() % 30 > 27:  # a code about to expire: take the next one
            time.sleep(30 - time.time() % 30 + 0.5)
        browser.get(self.admin("xac-thuc/"))
        show("staff", "… and the app's code", browser.post(self.admin("xac-thuc/"),
             {"code": totp(TOTP_KEY), "next": self.admin()}))  # fmt: skip

    def staff_work(self, label: str) -> None:
        show("staff", "GET the article list", self.staff.get(self.admin("articles/article/")))
        self.staff.get(self.admin("articles/section/add/"))
        answer = self.staff.post(
            self.admin("articles/section/add/"),
            {"name": f"Chuyên mục {label}", "slug": f"chuyen-muc-{label}", "position": "50"},
        )
        show("staff", f"save a new section ({label})", answer)

    # The scenarios ---------------------------------------------------------------

    def everything_up(self) -> None:
        heading("1. Everything up")
        self.log_in(self.staff, "quantri")
        self.read_everything()
        self.read_everything(note="(again: from the caches)")
        self.staff_work("mot")

    def redis_stopped(self) -> None:
        heading("2. Redis stopped")
        self.site.redis.stop()
        self.read_everything()
        self.staff_work("hai")
        self.site.redis.start()
        time.sleep(6)  # CACHE_BREAKER_SECONDS: the workers try Redis again
        show("reader", "GET home, Redis back", self.reader.get("/"))

    def redis_frozen(self) -> None:
        heading("3. Redis frozen (SIGSTOP): 20 section pages, one after another")
        self.reader.get(self.pages["section"])
        self.site.redis.freeze()
        times = []
        for n in range(20):
            answer = self.reader.get(f"{self.pages['section']}?page={n % 3 + 1}")
            times.append(answer.seconds)
            if n < 3:
                show("reader", f"GET section page {n % 3 + 1}", answer)
        say(
            "reader",
            "20 pages while frozen",
            f"median {statistics.median(times) * 1000:.0f} ms, "
            f"slowest {max(times) * 1000:.0f} ms, total {sum(times):.1f} s",
        )
        self.health(self.reader)
        show("staff", "GET the article list", self.staff.get(self.admin("articles/article/")))
        self.site.redis.thaw()
        time.sleep(6)

    def take_down_during_a_blip(self) -> None:
        heading("4. A take-down while Redis is away (it comes back with its data)")
        show("reader", "GET article (now cached)", self.reader.get(self.pages["article"]))
        self.site.redis.stop(keep_data=True)
        self.site.shell(
            "from accounts.models import User\n"
            "from articles import services\n"
            "from articles.models import Article\n"
            f"article = Article.objects.get(slug='{self.article}')\n"
            "services.article_take_down(article=article, by=User.objects.get(username="
            "'lanhdao'), reason='Kiểm thử sự cố')\n"
        )
        say("staff", "take the article down (Redis away)", "done")
        self.site.redis.start()
        back = time.monotonic()
        while True:
            answer = self.reader.get(self.pages["article"])
            waited = time.monotonic() - back
            if answer.status == 410 or waited > 120:
                break
            time.sleep(0.25)
        say("reader", "GET article after Redis is back", f"{answer.status} after {waited:.1f} s")
        self.pages["article"] = "/bai-viet/{}/".format(
            self.site.psql(
                "SELECT slug FROM articles_article WHERE status = 'published' "
                "ORDER BY published_at DESC LIMIT 1 OFFSET 5"
            )
        )

    def postgres_stopped(self) -> None:
        heading("5. PostgreSQL stopped, then started again")
        for path in self.pages.values():
            self.reader.get(path)  # cached before the outage
        self.site.postgres.stop()
        fresh = Browser(self.site.port, "203.0.113.21")
        show("reader", "GET home (cached before)", fresh.get("/"))
        show("reader", "GET section (cached before)", fresh.get(self.pages["section"]))
        uncached = f"/tim-kiem/?q=an+ninh+{secrets.token_hex(3)}"  # a search nobody made yet
        show("reader", "GET a page not cached (a search)", fresh.get(uncached))
        search = fresh.get("/tim-kiem/?q=phong+chay+chua+chay")
        kept = f"Cache-Control: {search.headers.get('Cache-Control')}"
        show("reader", "GET a new search", search, kept)
        self.health(fresh)
        show("staff", "GET the article list", self.staff.get(self.admin("articles/article/")))
        time.sleep(5)
        show("reader", "GET home 5 s later", fresh.get("/"))
        self.site.postgres.start()
        back = time.monotonic()
        while fresh.get(uncached).status != 200 and time.monotonic() - back < 60:
            time.sleep(0.05)
        waited = time.monotonic() - back
        say("reader", "first 200 after PostgreSQL started", f"after {waited:.2f} s")
        show("reader", "GET the same search again", fresh.get("/tim-kiem/?q=phong+chay+chua+chay"))
        self.health(fresh)

    def restore(self) -> None:
        heading("6. A backup restored while readers read")
        backups = self.site.folder / "backups"
        subprocess.run(
            [PYTHON, "scripts/backup.py", "backup", "--to", str(backups)],
            cwd=ROOT, env=self.site.env, check=True, capture_output=True,
        )  # fmt: skip
        say("operator", "make backup", "done")
        self.staff_work("sau-sao-luu")
        shown = "Chuyên mục sau-sao-luu" in self.reader.get("/").text
        say("reader", "menu lists the section made since", "yes" if shown else "no")
        seen: dict[int, int] = {}
        stop = threading.Event()

        def read() -> None:
            reader = Browser(self.site.port, "203.0.113.22")
            while not stop.is_set():
                for path in (
                    "/",
                    self.pages["section"],
                    "/tim-kiem/?q=tuan+tra+" + secrets.token_hex(2),
                ):
                    status = reader.get(path).status
                    seen[status] = seen.get(status, 0) + 1

        thread = threading.Thread(target=read)
        thread.start()
        (folder,) = backups.iterdir()
        started = time.monotonic()
        result = subprocess.run(
            [PYTHON, "scripts/backup.py", "restore", str(folder), "--yes"],
            cwd=ROOT, env=self.site.env, capture_output=True, text=True,
        )  # fmt: skip
        spent = time.monotonic() - started
        stop.set()
        thread.join()
        say("operator", "make restore", f"exit {result.returncode} in {spent:.1f} s")
        counts = ", ".join(f"{status}: {n}" for status, n in sorted(seen.items()))
        say("reader", "answers during the restore", counts)
        BROKEN.extend(f"reader during the restore: {n} × {status}" for status, n in seen.items()
                      if status in (0, 500))  # fmt: skip
        shown = "Chuyên mục sau-sao-luu" in self.reader.get("/").text
        say("reader", "menu lists the section made since", "yes" if shown else "no (gone)")

    def bad_dates(self) -> None:
        heading("7. Publication times of year 1 and 10000 written straight into the database")
        self.site.psql(
            "UPDATE articles_article SET published_at = '10000-01-01 00:00+00' WHERE id IN "
            "(SELECT id FROM articles_article WHERE status = 'published' ORDER BY id LIMIT 1)"
        )
        self.site.psql(
            "UPDATE articles_article SET published_at = '0001-01-01 00:00+00' WHERE id IN "
            "(SELECT id FROM articles_article WHERE status = 'published' ORDER BY id "
            "LIMIT 1 OFFSET 1)"
        )
        # Written past the site: a later save (here: a call) starts a new content version.
        self.site.manage("new_content_version")
        tag = self.site.psql("SELECT slug FROM articles_tag ORDER BY id LIMIT 1")
        author = self.site.psql("SELECT slug FROM articles_author ORDER BY id LIMIT 1")
        pages = {
            **self.pages,
            "tag": f"/the/{tag}/",
            "author": f"/tac-gia/{author}/",
            "sitemap index": "/sitemap.xml",
            "news sitemap": "/news-sitemap.xml",
        }
        for name, path in pages.items():
            show("reader", f"GET {name}", self.reader.get(path))
        first, second = self.reader.get("/"), self.reader.get("/")
        say("reader", "home twice (page cache on?)", f"{first.seconds * 1000:.0f} ms, then "
            f"{second.seconds * 1000:.0f} ms")  # fmt: skip
        show("staff", "GET the article list", self.staff.get(self.admin("articles/article/")))

    def guessing(self) -> None:
        heading("8. Someone guessing the approver's password")
        attacker = Browser(self.site.port, "198.51.100.66")
        attacker.get(self.admin("login/"))
        for n in range(6):
            answer = attacker.post(
                self.admin("login/"), {"username": "lanhdao", "password": f"doan-{n}"}
            )
        show("attacker", "6 wrong passwords, the last one", answer)
        answer = attacker.post(self.admin("login/"), {"username": "lanhdao", "password": "x"})
        show("attacker", "again, during the lock", answer)
        owner = Browser(self.site.port, "192.0.2.10")
        owner.get(self.admin("login/"))
        answer = owner.post(
            self.admin("login/"),
            {"username": "lanhdao", "password": PASSWORD, "next": self.admin()},
        )
        show("staff", "the approver, from their own address", answer)


def main() -> None:
    for tool in ("redis-server", "redis-cli", "psql", "pg_dump", "pg_restore"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing (apt-get install redis-server postgresql)")
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="newsroom-faults-"))
    site = Site(folder)
    try:
        print(
            f"Building: PostgreSQL on {site.postgres.port}, Redis on {site.redis.port}, "
            f"{ARTICLES} articles, gunicorn (2 sync workers) on {site.port}…",
            flush=True,
        )
        site.build()
        site.serve()
        print(f"Ready in {time.monotonic() - started:.0f} s.", flush=True)
        scenarios = Scenarios(site)
        every = [
            scenarios.everything_up,
            scenarios.redis_stopped,
            scenarios.redis_frozen,
            scenarios.take_down_during_a_blip,
            scenarios.postgres_stopped,
            scenarios.restore,
            scenarios.bad_dates,
            scenarios.guessing,
        ]
        chosen = os.environ.get("FAULTS_SCENARIOS", "")  # e.g. "1,3": those only
        for number, scenario in enumerate(every, start=1):
            if not chosen or str(number) in chosen.split(","):
                scenario()
        heading("The site's log")
        log = site.log()
        errors = str(log.count("Internal Server Error"))
        say("server", "answers 500 (Internal Server Error)", errors)
        say("server", "database unavailable (503, logged)", str(log.count("database unavailable")))
        for line, count in logged_exceptions(log).most_common(8):
            say("server", f"traceback × {count}", line[:90])
    finally:
        site.close()
        if os.environ.get("FAULTS_KEEP"):
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\nDone in {time.monotonic() - started:.0f} s.")
    if BROKEN:
        print("Broken answers:\n  " + "\n  ".join(BROKEN))
        raise SystemExit(1)


def logged_exceptions(log: str) -> collections.Counter:
    """The last line of each traceback in the log (the exception and its message)."""
    found: collections.Counter = collections.Counter()
    lines = log.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("Traceback"):
            following = (text for text in lines[number + 1 :] if text and not text[0].isspace())
            found[next(following, "?")] += 1
    return found


if __name__ == "__main__":
    main()
