#!/usr/bin/env python
"""Back up and restore the whole site: the database and the uploaded images.

    python scripts/backup.py backup [--to backups]        # make backup
    python scripts/backup.py restore backups/<timestamp>  # make restore FROM=...

A backup is one folder, ``<to>/<YYYYmmdd-HHMMSS>/``, holding

- ``database.dump``: ``pg_dump --format=custom`` (PostgreSQL), or ``database.sqlite3``
  (a consistent copy made with SQLite's backup API);
- ``media.tar.gz``: everything under MEDIA_ROOT or, when photos live in an S3 bucket
  (``MEDIA_S3_BUCKET``), every object of the bucket (the private ``originals/`` too);
- ``manifest.json``: when, what, and the SHA-256 of both files, checked before a restore.

Restore WIPES the database (the whole ``public`` schema) and MEDIA_ROOT (or empties the
bucket: every object under its key again, private or public as the site stores it), then loads the
backup. It asks for the database name to be typed unless ``--yes`` is given. While it
runs, the site answers 503 with Retry-After (its tables are missing: newsroom/errors.py);
once done it starts a new content version, so that no cached page or menu of the old
database is shown again.
Connection details come from the same settings as the site (DATABASE_URL, MEDIA_ROOT).
PostgreSQL needs ``pg_dump``/``pg_restore`` of the server's major version or newer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import mimetypes
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def database() -> dict:
    from django.conf import settings

    return settings.DATABASES["default"]


def media_root() -> Path:
    from django.conf import settings

    return Path(settings.MEDIA_ROOT)


def media_bucket():
    """The S3 bucket (boto3's ``Bucket``) photos are stored in, or None for a folder."""
    from django.core.files.storage import storages

    store = storages["default"]
    return getattr(store, "bucket", None)


def media_label() -> str:
    bucket = media_bucket()
    return f"bucket {bucket.name}" if bucket is not None else str(media_root())


def archive_media(tar: tarfile.TarFile) -> int:
    """Every uploaded file into ``tar``, named as stored; returns how many."""
    bucket = media_bucket()
    count = 0
    if bucket is not None:
        for summary in bucket.objects.all():
            body = summary.get()["Body"]
            info = tarfile.TarInfo(summary.key)
            info.size = summary.size
            info.mtime = int(summary.last_modified.timestamp())
            tar.addfile(info, body)
            count += 1
        return count
    media = media_root()
    if media.is_dir():
        for path in sorted(media.rglob("*")):
            if path.is_file():
                tar.add(path, arcname=str(path.relative_to(media)), recursive=False)
                count += 1
    return count


def restore_media(tar: tarfile.TarFile) -> None:
    """Empty the folder or the bucket, then put back every file of ``tar``."""
    bucket = media_bucket()
    if bucket is None:
        media = media_root()
        media.mkdir(parents=True, exist_ok=True)
        for child in media.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        tar.extractall(media, filter="data")
        return
    from django.core.files.storage import storages

    public, private = storages["default"], None
    if "originals" in storages.backends:
        private = storages["originals"]
    bucket.objects.all().delete()
    for member in tar:
        if not member.isfile():
            continue
        store = public
        if private is not None and member.name.startswith(private.location.rstrip("/") + "/"):
            store = private
        extra = dict(store.object_parameters)
        if store.default_acl:
            extra["ACL"] = store.default_acl
        extra["ContentType"] = mimetypes.guess_type(member.name)[0] or "application/octet-stream"
        bucket.upload_fileobj(tar.extractfile(member), member.name, ExtraArgs=extra)


def is_postgres(db: dict) -> bool:
    return db["ENGINE"] == "django.db.backends.postgresql"


def pg_command(program: str, db: dict) -> tuple[list[str], dict[str, str]]:
    args = [program, "--no-password"]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(1)


def backup(target_root: Path) -> Path:
    db = database()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = target_root / stamp
    folder.mkdir(parents=True, exist_ok=False)
    if is_postgres(db):
        dump = folder / "database.dump"
        args, env = pg_command("pg_dump", db)
        args += ["--format=custom", "--no-owner", "--no-privileges", "--file", str(dump)]
        result = subprocess.run([*args, str(db["NAME"])], env=env, capture_output=True, text=True)
        if result.returncode != 0:
            shutil.rmtree(folder)
            fail(f"pg_dump failed: {result.stderr.strip()}")
    elif db["ENGINE"] == "django.db.backends.sqlite3":
        dump = folder / "database.sqlite3"
        source = sqlite3.connect(str(db["NAME"]))
        with sqlite3.connect(str(dump)) as copy:
            source.backup(copy)
        source.close()
    else:
        fail(f"unsupported database engine {db['ENGINE']}")

    archive = folder / MEDIA_ARCHIVE
    with tarfile.open(archive, "w:gz") as tar:
        count = archive_media(tar)
    manifest = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "engine": db["ENGINE"],
        "database": str(db["NAME"]),
        "database_file": dump.name,
        "database_sha256": sha256(dump),
        "media_files": count,
        "media_sha256": sha256(archive),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    size = (dump.stat().st_size + archive.stat().st_size) / 1_000_000
    print(f"Backup written to {folder} ({count} media files, {size:.1f} MB)")
    return folder


def confirm(db_name: str) -> None:
    if not sys.stdin.isatty():
        fail("restore wipes the database and the uploads: pass --yes to confirm")
    print(f"This WIPES database {db_name!r} and {media_label()} and replaces them.")
    answer = input(f"Type the database name ({db_name}) to continue: ").strip()
    if answer != db_name:
        fail("not confirmed, nothing changed")


def restore(folder: Path, *, yes: bool) -> None:
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        fail(f"{folder} is not a backup (no {MANIFEST})")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    dump = folder / manifest["database_file"]
    archive = folder / MEDIA_ARCHIVE
    # Check everything before touching anything.
    if sha256(dump) != manifest["database_sha256"]:
        fail(f"{dump} does not match its checksum: the backup is damaged")
    if sha256(archive) != manifest["media_sha256"]:
        fail(f"{archive} does not match its checksum: the backup is damaged")
    db = database()
    if db["ENGINE"] != manifest["engine"]:
        fail(f"backup is of {manifest['engine']}, the site uses {db['ENGINE']}")
    if not yes:
        confirm(str(db["NAME"]))

    if is_postgres(db):
        restore_postgres(db, dump)
    else:
        from django.db import connections

        connections.close_all()
        with sqlite3.connect(str(dump)) as source, sqlite3.connect(str(db["NAME"])) as target:
            source.backup(target)

    with tarfile.open(archive, "r:gz") as tar:
        restore_media(tar)
    start_new_content_version()
    print(f"Restored {folder} into database {db['NAME']!r} and {media_label()}")


def start_new_content_version() -> None:
    """The caches hold pages, parts and menus made from the database before the restore:
    a new content version (in the database, and the cached one forgotten) retires them."""
    from django.db import DatabaseError

    from public.pagecache import record_change

    try:
        record_change()
    except DatabaseError as exc:  # a backup from before the content version existed
        print(f"warning: content version not renewed ({exc}); run migrate", file=sys.stderr)


def restore_postgres(db: dict, dump: Path) -> None:
    import psycopg2

    connection = psycopg2.connect(
        dbname=db["NAME"],
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connection.close()
    args, env = pg_command("pg_restore", db)
    args += [
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        "--dbname",
        str(db["NAME"]),
        str(dump),
    ]
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"pg_restore failed (the database is now empty): {result.stderr.strip()}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="write a new backup folder")
    make.add_argument("--to", type=Path, default=ROOT / "backups", help="parent folder")
    load = commands.add_parser("restore", help="wipe and restore from a backup folder")
    load.add_argument("folder", type=Path, nargs="?")
    load.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    options = parser.parse_args(argv)
    setup_django()
    if options.command == "backup":
        backup(options.to)
    else:
        if options.folder is None:
            fail("name the backup folder to restore, e.g. make restore FROM=backups/<timestamp>")
        restore(options.folder, yes=options.yes)


if __name__ == "__main__":
    main()
