"""Killed with SIGKILL three times during a long import, ``--resume`` ends where an
uninterrupted import ends: the same rows, the same content.

Each import runs as ``manage.py import_archive`` in a process of its own, against a database
of its own made for the test (a SQLite file, or a PostgreSQL database next to the test
database when DATABASE_URL names one): one is killed at three points and resumed, the
other imports once. ``IMPORT_RESUME_ITEMS`` (default 5.000) sets the archive's size.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import pytest

from tests.imports import archives

ROOT = Path(__file__).resolve().parents[2]
ITEMS = int(os.environ.get("IMPORT_RESUME_ITEMS", "5000"))
PHOTOS = 8
MAPPING = '[authors]\n"admin" = "Nguyễn Văn An (Phòng Tham mưu)"\n'


def archive(path: Path) -> Path:
    """``ITEMS`` items: a few photos, posts with tiny bodies, some with a cover or a
    captioned photo, drafts, one in the trash, one whose author is not mapped."""
    u = lambda n: archives.upload_url(archives.BACKAN, f"anh-{n}.jpg")  # noqa: E731
    with path.open("w", encoding="utf-8") as out:
        out.write(
            archives.wxr_head(
                authors=[("admin", "Quản trị")], categories=[("an-ninh", "An ninh", "")]
            )
        )
        for n in range(PHOTOS):
            out.write(
                archives.wxr_item(
                    post_id=10 + n, kind="attachment", title=f"Ảnh {n}", status="inherit",
                    attachment_url=u(n), excerpt=f"Chú thích {n}",
                )
            )  # fmt: skip
        for n in range(1, ITEMS - PHOTOS + 1):
            content = f"Bài {n}.\nDòng hai.\n\nĐoạn hai."
            meta = {}
            if n % 400 == 0:
                meta["_thumbnail_id"] = str(10 + n // 400 % PHOTOS)
            if n % 700 == 0:
                content += (
                    f'\n\n[caption id="attachment_1" width="40"]<img src="{u(n % PHOTOS)}" />'
                    f" Ảnh trong bài {n}[/caption]"
                )
            out.write(
                archives.wxr_item(
                    post_id=1000 + n,
                    title=f"Tin số {n}",
                    slug=f"tin-so-{n}",
                    content=content,
                    status="draft" if n % 97 == 0 else "trash" if n == 50 else "publish",
                    creator="nguoi_la" if n == 60 else "admin",
                    date=f"2020-0{1 + n % 9}-1{n % 9} 08:{n % 60:02d}:00",
                    tags=[("tuan-tra", "tuần tra")] if n % 3 == 0 else [],
                    meta=meta,
                )
            )
        out.write(archives.WXR_TAIL)
    return path


class Site:
    """A database and a media folder of their own, reached by subprocesses."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder / name
        self.folder.mkdir()
        live = os.environ.get("DATABASE_URL", "")
        self.pg = live.startswith(("postgres://", "postgresql://"))
        if self.pg:
            parts = urlsplit(live)
            self.database = f"{parts.path.lstrip('/')}_resume_{name}"
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path="/" + self.database))
        else:
            self.database = str(self.folder / "db.sqlite3")
            self.url = f"sqlite:///{self.database}"
        self.env = {
            **os.environ,
            "DATABASE_URL": self.url,
            "DEBUG": "true",
            "MEDIA_ROOT": str(self.folder / "media"),
            "IMPORT_REPORT_DIR": str(self.folder / "reports"),
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)

    def _sql(self, *statements: str) -> None:
        connection = psycopg2.connect(self.admin_url)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        finally:
            connection.close()

    def create(self, template: Site | None = None) -> None:
        if self.pg:
            self._sql(f'DROP DATABASE IF EXISTS "{self.database}"')
            copy = f' TEMPLATE "{template.database}"' if template else ""
            self._sql(f'CREATE DATABASE "{self.database}"{copy}')
        elif template:
            shutil.copy(template.database, self.database)
        if template is None:
            self.manage("migrate", "--noinput", "-v", "0")
            self.manage(
                "shell", "-c",
                "from accounts.models import User; "
                "User.objects.create_superuser('quantri', password='x')",
            )  # fmt: skip

    def drop(self) -> None:
        if self.pg:
            self._sql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
            capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def start_import(self, files: dict[str, Path], *extra: str) -> subprocess.Popen:
        log = (self.folder / "import.log").open("ab")
        return subprocess.Popen(
            [sys.executable, "manage.py", "import_archive", "wxr", str(files["wxr"]),
             "--source", "backan", "--by", "quantri", "--mapping", str(files["mapping"]),
             "--uploads", str(files["uploads"]), *extra],
            cwd=ROOT, env=self.env, stdout=log, stderr=log,
        )  # fmt: skip

    def journal_rows(self) -> int:
        query = "SELECT count(*) FROM imports_importitem"
        try:
            if self.pg:
                connection = psycopg2.connect(self.url)
                try:
                    with connection.cursor() as cursor:
                        cursor.execute(query)
                        return cursor.fetchone()[0]
                finally:
                    connection.close()
            with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=5) as c:
                return c.execute(query).fetchone()[0]
        except (sqlite3.OperationalError, psycopg2.OperationalError):
            return -1

    def state(self) -> dict:
        return json.loads(self.manage_module("tests.imports.state"))

    def manage_module(self, module: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", module], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    folder = archives.uploads(
        tmp_path / "old", numbers={f"anh-{n}.jpg": 40 + n for n in range(PHOTOS)}
    )
    return {"wxr": archive(tmp_path / "archive.xml"), "mapping": mapping, "uploads": folder}


@pytest.fixture
def sites(tmp_path):
    made = [Site(tmp_path, "killed"), Site(tmp_path, "straight")]
    yield made
    for site in made:
        site.drop()


def test_an_import_killed_three_times_resumes_to_the_uninterrupted_state(files, sites):
    killed, straight = sites
    killed.create()
    straight.create(template=killed)
    # The uninterrupted import runs alongside (each process has its own database).
    reference = straight.start_import(files)
    kill_points = [ITEMS // 5, ITEMS // 2, ITEMS * 4 // 5]
    process = killed.start_import(files)
    for n, point in enumerate(kill_points):
        deadline = time.monotonic() + 900
        while killed.journal_rows() < point:
            assert process.poll() is None, (killed.folder / "import.log").read_text()[-3000:]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL
        # The journal rows seen so far stay; the run is resumed from where it was.
        assert 0 < killed.journal_rows() < ITEMS
        killed.manage("shell", "-c", "from imports.models import ImportRun; "
                      "assert ImportRun.objects.get().state == 'running'")  # fmt: skip
        if n < len(kill_points) - 1:
            process = killed.start_import(files, "--resume")
    assert killed.start_import(files, "--resume").wait() == 0
    assert reference.wait() == 0

    after_kills, uninterrupted = killed.state(), straight.state()
    assert after_kills["counts"] == uninterrupted["counts"]
    assert after_kills["runs"] == uninterrupted["runs"]
    assert after_kills["hashes"] == uninterrupted["hashes"]
    assert uninterrupted["counts"]["journal"] == ITEMS
    assert uninterrupted["runs"] == [["done", ITEMS, ITEMS, ITEMS - 2, 0, 0, 1, 1]]
