"""make backup / make restore: back up, lose everything, restore, find it all again."""

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from articles.models import Article
from photos.models import Image
from public.models import ContentVersion
from public.pagecache import RECHECK_SECONDS
from tests.factories import jpeg_bytes, make_article, make_image, make_section

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "backup.py"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip(
            "backups are pg_dump/pg_restore of PostgreSQL; the test database here is SQLite "
            "in memory, which no other process can open (run with DATABASE_URL=postgres://…)"
        )
    if not shutil.which("pg_dump"):
        pytest.fail("pg_dump is not installed (apt-get install postgresql-client)")


def run(*args: str, media_root: Path) -> subprocess.CompletedProcess:
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "backup-test-key",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def snapshot(media_root: Path) -> dict:
    return {
        "articles": sorted(Article.objects.values_list("slug", "title", "status", "body")),
        "images": sorted(Image.objects.values_list("file", "checksum", "caption")),
        "files": {
            str(p.relative_to(media_root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in media_root.rglob("*")
            if p.is_file()
        },
    }


def test_back_up_wipe_restore_gives_back_the_same_articles_and_images(
    postgres, media_root, tmp_path
):
    for n in range(3):
        make_article(
            title=f"Công an huyện Phú Lương triệt phá đường dây đánh bạc qua mạng số {n}",
            cover=make_image(data=jpeg_bytes((320, 200)), caption=f"Ảnh hiện trường {n}"),
        )
    before = snapshot(media_root)
    stored = set(Image.objects.values_list("file", flat=True))
    assert len(stored) == 3 and stored <= set(before["files"])  # plus their renditions

    result = run("backup", "--to", str(tmp_path / "backups"), media_root=media_root)
    assert result.returncode == 0, result.stderr
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["media_files"] == len(before["files"])
    assert (folder / "database.dump").stat().st_size > 0

    # Disaster: the articles are deleted, a photo is lost, a stray file appears.
    Article.objects.all().delete()
    Image.objects.all().delete()
    shutil.rmtree(media_root)
    media_root.mkdir()
    (media_root / "rac.txt").write_text("không thuộc bản sao lưu")

    result = run("restore", str(folder), "--yes", media_root=media_root)
    assert result.returncode == 0, result.stderr
    connection.close()  # the tables were recreated under us
    assert snapshot(media_root) == before


def test_restore_refuses_without_confirmation_and_changes_nothing(postgres, media_root, tmp_path):
    article = make_article()
    result = run("backup", "--to", str(tmp_path), media_root=media_root)
    assert result.returncode == 0, result.stderr
    (folder,) = tmp_path.iterdir()
    result = run("restore", str(folder), media_root=media_root)
    assert result.returncode == 1
    assert "--yes" in result.stderr
    assert Article.objects.filter(pk=article.pk).exists()


def test_a_damaged_backup_is_refused_before_anything_is_wiped(postgres, media_root, tmp_path):
    article = make_article()
    run("backup", "--to", str(tmp_path), media_root=media_root)
    (folder,) = tmp_path.iterdir()
    with (folder / "database.dump").open("ab") as dump:
        dump.write(b"garbage")
    result = run("restore", str(folder), "--yes", media_root=media_root)
    assert result.returncode == 1
    assert "checksum" in result.stderr
    assert Article.objects.filter(pk=article.pk).exists()


def test_a_restore_retires_every_cached_page_and_menu(postgres, media_root, tmp_path, client):
    make_article(title="Tuần tra đêm giữ bình yên khu phố")
    result = run("backup", "--to", str(tmp_path / "backups"), media_root=media_root)
    assert result.returncode == 0, result.stderr
    (folder,) = (tmp_path / "backups").iterdir()
    make_section("Chuyên mục lập sau bản sao lưu")
    assert "Chuyên mục lập sau bản sao lưu" in client.get("/").content.decode()  # cached
    before = ContentVersion.objects.get().token

    result = run("restore", str(folder), "--yes", media_root=media_root)
    assert result.returncode == 0, result.stderr
    connection.close()
    assert ContentVersion.objects.get().token != before
    # Each worker's cache sees the new version within RECHECK_SECONDS (this test's cache
    # is not the restore's: with Redis in production, the restore also forgets it at once).
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=RECHECK_SECONDS)):
        home = client.get("/").content.decode()
    assert "Chuyên mục lập sau bản sao lưu" not in home  # the menu of the restored database
    assert "Tuần tra đêm giữ bình yên khu phố" in home


def test_readers_get_a_503_while_a_restore_has_emptied_the_schema(db, settings):
    """Restore drops the tables, then loads them in one transaction: meanwhile every page
    is a "back soon" 503 with Retry-After, never a 500."""
    article = make_article(title="Tuần tra đêm giữ bình yên khu phố")
    reader = Client(raise_request_exception=False)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE articles_article RENAME TO articles_article_restoring")
    try:
        for url in ["/", article.get_absolute_url(), "/tim-kiem/?q=tuan+tra"]:
            response = reader.get(url)
            assert response.status_code == 503, url
            assert response["Retry-After"] == "30"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE articles_article_restoring RENAME TO articles_article")
    assert reader.get(article.get_absolute_url()).status_code == 200
