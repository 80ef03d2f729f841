"""NukeViet 4's news module, from a MySQL dump of its tables (no MySQL server needed).

The tables ``<prefix>_<lang>_news_rows`` (the articles), ``_detail`` (their bodies; the
older ``_bodytext`` too), ``_cat`` (nested categories), ``_tags``/``_tags_id``, ``_topics``
and ``_sources`` are read once, in ``scan()``, which checks the whole dump before anything
is written. Articles, bodies and tags go to a temporary SQLite file as they are read, so
memory holds the small tables only whatever the dump's size and its tables' order (mysqldump
writes ``_detail`` before ``_rows``); ``items()`` then joins them by the article's id.

What NukeViet says, and what it becomes here:

- ``status`` 1 published; 2 waiting for its time (published here at ``publtime``); 4 a
  draft, 5–10 somewhere in the approval chain, 0 stopped: drafts here, for the desk.
- ``exptime`` (0: never) with ``archive``: an article whose time is over and that NukeViet
  kept (archive 1) stays readable here; one it was told not to keep (archive 0: NukeViet
  takes it down) is not imported and its old addresses answer 410. An expiry still to come
  is noted in the report (this site has no expiry).
- ``publtime`` (unix seconds) in the site's time zone; ``author`` (byline text) mapped by the
  mapping file, else the login of ``admin_id``; ``hometext`` the sapo; ``homeimgfile`` the
  cover, under ``uploads/news/``; the topic a campaign; the source a closing line.
- Old addresses: ``/news/<category>/<alias>-<id>.html`` (``/vi/news/…`` on a site in several
  languages) and ``/index.php?language=vi&nv=news&op=<category>/<alias>-<id>``.

Instead of a dump, the archive may be a small TOML file naming the old portal's database,
read live (PyMySQL, rows streamed from the server)::

    database_url = "mysql://doc:mat-khau@10.0.0.5:3306/nukeviet?charset=utf8mb4"

so that the password stays in a file the operator controls, never in the import's record,
the command line or the process list.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import sqlite3
import tempfile
import time
import tomllib
import weakref
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit
from zoneinfo import ZoneInfo

import pymysql
import pymysql.cursors
from django.conf import settings
from django.utils.translation import gettext as _

from imports.items import ArchiveError, SourceItem
from imports.readers.sqldump import DumpReader

STATUSES = {
    0: ("draft", "stopped there: imported as a draft"),
    1: ("published", ""),
    2: ("published", "waiting there: published here at its own time"),
    3: ("published", ""),  # expired: decided by ``archive`` below
    4: ("draft", ""),
}
IN_APPROVAL = range(5, 11)
BATCH = 500


def _text(value: Any) -> str:
    return "" if value is None else str(value).replace("\x00", "").strip()


def _number(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text or ""))).strip()


def _close(path: str) -> None:
    if os.path.exists(path):
        os.unlink(path)


class NukeVietReader:
    name = "nukeviet"

    def __init__(
        self,
        path: Path,
        *,
        base_url: str = "",
        prefix: str = "nv4",
        lang: str = "vi",
        module: str = "news",
        zone: str | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        self.path = Path(path)
        self.base_url = base_url.rstrip("/")
        self.prefix, self.lang, self.module = prefix, lang, module
        self.zone = ZoneInfo(zone or settings.TIME_ZONE)
        self.now = now
        self.total = 0
        self.statuses: Counter = Counter()
        self.categories: dict[str, str] = {}  # alias → title (what the mapping file sees)
        self.cats: dict[int, dict] = {}
        self.topics: dict[int, str] = {}
        self.sources: dict[int, tuple[str, str]] = {}
        self.users: dict[int, str] = {}
        self.tag_aliases: dict[int, str] = {}  # an older _tags_id row has no keyword
        self.table_rows: Counter = Counter()
        self._store: sqlite3.Connection | None = None
        self.database = database_settings(self.path) if self.path.suffix == ".toml" else None

    def table(self, name: str) -> str:
        return f"{self.prefix}_{self.lang}_{self.module}_{name}"

    # The first pass ---------------------------------------------------------------

    def _open_store(self) -> sqlite3.Connection:
        handle, path = tempfile.mkstemp(prefix="nukeviet-", suffix=".sqlite3")
        os.close(handle)
        weakref.finalize(self, _close, path)
        store = sqlite3.connect(path)
        store.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE rows (id INTEGER PRIMARY KEY, data TEXT);"
            "CREATE TABLE detail (id INTEGER PRIMARY KEY, data TEXT);"
            "CREATE TABLE tags (id INTEGER, tid INTEGER, keyword TEXT);"
        )
        return store

    def scan(self) -> None:
        names = {
            self.table("rows"): "rows",
            self.table("detail"): "detail",
            self.table("bodytext"): "detail",
            self.table("cat"): "cat",
            self.table("tags"): "tags",
            self.table("tags_id"): "tags_id",
            self.table("topics"): "topics",
            self.table("sources"): "sources",
            f"{self.prefix}_users": "users",
        }
        for found in (
            self.statuses,
            self.table_rows,
            self.categories,
            self.cats,
            self.topics,
            self.sources,
            self.users,
            self.tag_aliases,
        ):
            found.clear()  # a second scan starts afresh
        self._store = store = self._open_store()
        seen: set[str] = set()
        pending: dict[str, list] = {"rows": [], "detail": [], "tags": []}
        for table, row in self._source_rows(set(names), seen):
            kind = names[table]
            self.table_rows[kind] += 1
            if kind == "rows":
                pending["rows"].append((_number(row.get("id")), json.dumps(row, default=str)))
            elif kind == "detail":
                pending["detail"].append((_number(row.get("id")), json.dumps(row, default=str)))
            elif kind == "tags_id":
                pending["tags"].append(
                    (_number(row.get("id")), _number(row.get("tid")), _text(row.get("keyword")))
                )
            elif kind == "tags":
                self.tag_aliases[_number(row.get("tid"))] = _text(row.get("alias"))
            elif kind == "cat":
                self.cats[_number(row.get("catid"))] = row
            elif kind == "topics":
                self.topics[_number(row.get("topicid"))] = _text(row.get("title"))
            elif kind == "sources":
                self.sources[_number(row.get("sourceid"))] = (
                    _text(row.get("title")),
                    _text(row.get("link")),
                )
            elif kind == "users":
                self.users[_number(row.get("userid"))] = _text(row.get("username"))
            if any(len(batch) >= BATCH for batch in pending.values()):
                self._flush(store, pending)
        self._flush(store, pending)
        store.execute("CREATE INDEX tags_of_row ON tags (id)")
        if self.table("rows") not in seen:
            raise ArchiveError(
                _(
                    "This dump has no table %(t)s: not a NukeViet 4 news module, or another "
                    "table prefix (--prefix)."
                )
                % {"t": self.table("rows")}
            )
        for cat in self.cats.values():
            self.categories[_text(cat.get("alias"))] = _text(cat.get("title"))
        self.total = store.execute("SELECT count(*) FROM rows").fetchone()[0]
        for (data,) in store.execute("SELECT data FROM rows"):
            row = json.loads(data)
            self.statuses[_number(row.get("status"))] += 1

    def _source_rows(self, wanted: set[str], seen: set[str]) -> Iterator[tuple[str, dict]]:
        """(table, row) of the tables wanted, from the dump or the live database; ``seen``
        is filled with the names of every table there."""
        if self.database is None:
            dump = DumpReader(self.path)
            yield from dump.rows(wanted)
            seen.update(dump.seen_tables)
            return
        try:
            connection = pymysql.connect(
                **self.database, cursorclass=pymysql.cursors.SSDictCursor, read_timeout=600
            )
        except pymysql.MySQLError as exc:
            raise ArchiveError(
                _("Cannot connect to the old portal's database: %(e)s") % {"e": exc}
            ) from None
        try:
            with connection.cursor() as cursor:
                cursor.execute("SHOW TABLES")
                seen.update(next(iter(row.values())) for row in cursor.fetchall())
            for table in sorted(wanted & seen):
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT * FROM `{table}`")
                    for row in cursor:
                        yield table, row
        except pymysql.MySQLError as exc:
            raise ArchiveError(
                _("The old portal's database could not be read: %(e)s") % {"e": exc}
            ) from None
        finally:
            connection.close()

    @staticmethod
    def _flush(store: sqlite3.Connection, pending: dict[str, list]) -> None:
        store.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?)", pending["rows"])
        store.executemany("INSERT OR REPLACE INTO detail VALUES (?, ?)", pending["detail"])
        store.executemany("INSERT INTO tags VALUES (?, ?, ?)", pending["tags"])
        store.commit()
        for batch in pending.values():
            batch.clear()

    def plan_lines(self) -> list[str]:
        lines = [
            _("NukeViet news module (%(t)s) from %(url)s")
            % {"t": self.table("*"), "url": self.base_url or "—"}
        ]
        for kind, count in sorted(self.table_rows.items()):
            lines.append(f"  {kind}: {count}")
        for status, count in sorted(self.statuses.items()):
            target, _note = self._status(status)
            lines.append(f"  status {status}: {count} → {target}")
        lines.append(_("Categories (parent first):"))
        for catid in sorted(self.cats, key=lambda c: self._ancestry(c)[::-1]):
            path = " / ".join(self.categories.get(a, a) for a in self._ancestry(catid)[::-1])
            lines.append(f"  {self._alias(catid)}: {path}")
        return lines

    # The second pass --------------------------------------------------------------

    def items(self) -> Iterator[SourceItem]:
        if self._store is None:
            self.scan()
        store = self._store
        assert store is not None
        last = -1
        while True:
            batch = store.execute(
                "SELECT rows.id, rows.data, detail.data FROM rows"
                " LEFT JOIN detail ON detail.id = rows.id"
                " WHERE rows.id > ? ORDER BY rows.id LIMIT ?",
                (last, BATCH),
            ).fetchall()
            if not batch:
                return
            for row_id, data, detail in batch:
                last = row_id
                tags = [
                    keyword or self.tag_aliases.get(tid, "").replace("-", " ")
                    for tid, keyword in store.execute(
                        "SELECT tid, keyword FROM tags WHERE id = ? ORDER BY rowid", (row_id,)
                    )
                ]
                yield self._item(json.loads(data), json.loads(detail) if detail else {}, tags)

    def _alias(self, catid: int) -> str:
        cat = self.cats.get(catid)
        return _text(cat.get("alias")) if cat else ""

    def _ancestry(self, catid: int) -> list[str]:
        """The category's alias, then its parent's, up to the top."""
        aliases: list[str] = []
        seen: set[int] = set()
        while catid in self.cats and catid not in seen:
            seen.add(catid)
            aliases.append(self._alias(catid))
            catid = _number(self.cats[catid].get("parentid"))
        return aliases

    def _status(self, status: int) -> tuple[str, str]:
        if status in STATUSES:
            return STATUSES[status]
        if status in IN_APPROVAL:
            return "draft", f"in the approval chain there (status {status}): imported as a draft"
        return "gone", f"status {status} there: not imported, its address answers 410"

    def _time(self, seconds: int) -> dt.datetime | None:
        return dt.datetime.fromtimestamp(seconds, tz=self.zone) if seconds > 0 else None

    def _item(self, row: dict, detail: dict, tags: list[str]) -> SourceItem:
        row_id = _number(row.get("id"))
        item = SourceItem(old_id=str(row_id), kind="row", title=_text(row.get("title")))
        item.slug = _text(row.get("alias"))
        status = _number(row.get("status"))
        item.status = str(status)
        item.target, note = self._status(status)
        if note:
            item.notes.append(note)
        item.published_at = self._time(_number(row.get("publtime"))) or self._time(
            _number(row.get("addtime"))
        )
        self._expiry(item, row, status)
        author = _text(row.get("author"))
        login = self.users.get(_number(row.get("admin_id")), "")
        item.authors = [author] if author else [login] if login else []
        catid = _number(row.get("catid"))
        item.sections = [a for a in self._ancestry(catid) if a]
        item.tags = list(dict.fromkeys(t for t in tags if t))
        topic = self.topics.get(_number(row.get("topicid")), "")
        item.campaigns = [topic] if topic else []
        item.sapo = _plain(_text(row.get("hometext")))
        body = _text(detail.get("bodyhtml") or detail.get("bodytext"))
        source = self._source(row, detail)
        if source:
            line = _("Source: %(s)s") % {"s": source}
            body += f"\n<p><em>{html.escape(line)}</em></p>"
        item.body_html = body
        if not detail:
            item.notes.append("no body in the detail table")
        item.cover_url = self._cover(
            _text(row.get("homeimgfile")), _number(row.get("homeimgthumb"))
        )
        item.old_urls = self._old_urls(self._alias(catid), item.slug, row_id)
        return item

    def _expiry(self, item: SourceItem, row: dict, status: int) -> None:
        expires = _number(row.get("exptime"))
        now = self.now or dt.datetime.fromtimestamp(time.time(), tz=dt.UTC)
        over = status == 3 or (expires > 0 and self._time(expires) <= now)
        if item.target == "gone" or (not over and not expires):
            return
        if not over:
            when = self._time(expires).strftime("%H:%M, %d/%m/%Y")
            item.notes.append(f"expires there at {when}: kept published here (no expiry here)")
        elif _number(row.get("archive")):
            item.target = "published"
            item.notes.append("expired there and archived: kept readable here")
        else:
            item.target = "gone"
            item.notes.append("expired there, not archived: not imported, its address answers 410")

    def _source(self, row: dict, detail: dict) -> str:
        title, link = self.sources.get(_number(row.get("sourceid")), ("", ""))
        text = _text(detail.get("sourcetext"))
        return title or text or link

    def _cover(self, image: str, kind: int) -> str:
        if not image:
            return ""
        if re.match(r"https?://", image, re.I) or kind == 3:
            return image
        return f"{self.base_url}/uploads/{self.module}/{image.lstrip('/')}"

    def _old_urls(self, cat_alias: str, alias: str, row_id: int) -> list[str]:
        if not cat_alias or not alias:
            return []
        op = f"{cat_alias}/{alias}-{row_id}"
        return [
            f"{self.base_url}/{self.module}/{op}.html",
            # A site in several languages puts the language first.
            f"{self.base_url}/{self.lang}/{self.module}/{op}.html",
            f"{self.base_url}/index.php?language={self.lang}&nv={self.module}&op={op}",
        ]


def database_settings(path: Path) -> dict[str, Any]:
    """PyMySQL's connection settings from a file holding ``database_url = "mysql://…"``."""

    def fail(message: str) -> ArchiveError:
        return ArchiveError(
            _("The database file %(file)s: %(error)s") % {"file": path, "error": message}
        )

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise fail(str(exc)) from None
    parts = urlsplit(str(data.get("database_url") or ""))
    if parts.scheme not in ("mysql", "mariadb") or not parts.hostname or len(parts.path) < 2:
        raise fail(_("database_url must read mysql://user:password@host:3306/database"))
    query = dict(parse_qsl(parts.query))
    try:
        port = parts.port or 3306
    except ValueError:
        raise fail(_("the port is not a number")) from None
    return {
        "host": parts.hostname,
        "port": port,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "database": unquote(parts.path[1:]),
        "charset": query.get("charset", "utf8mb4"),
    }
