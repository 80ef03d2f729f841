"""MySQL dump files (mysqldump, phpMyAdmin, Adminer) read without a MySQL server.

The file is read line by line and cut into statements; only ``CREATE TABLE`` (for its column
names) and ``INSERT``/``REPLACE`` of the tables asked for are taken apart, every other
statement is skipped once its end is found. A statement ends at the delimiter that closes
a line outside any quoted text, so memory holds one statement at a time (mysqldump writes
about a megabyte per statement; a statement over ``MAX_STATEMENT`` is refused).

Values are read as MySQL writes them: quoted strings with MySQL's backslash escapes and
doubled quotes, numbers, ``NULL``, hexadecimal literals and ``_binary``-style introducers.
Anything else ends the reading with an ``ArchiveError`` naming the line.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from django.utils.translation import gettext as _

from imports.items import ArchiveError

MAX_STATEMENT = 64 * 1024 * 1024

_SINGLE = r"'[^'\\]*+(?:(?:\\.|'')[^'\\]*+)*+'"
_DOUBLE = r'"[^"\\]*+(?:(?:\\.|"")[^"\\]*+)*+"'
_BACKTICK = r"`[^`]*+(?:``[^`]*+)*+`"
# Text whose quotes all close (a statement may end only there).
_BALANCED = re.compile(rf"(?:[^'\"`]++|{_SINGLE}|{_DOUBLE}|{_BACKTICK})*+", re.S)
_TOKEN = re.compile(
    rf"""
     (?P<space>\s++)
    |(?P<string>{_SINGLE}|{_DOUBLE})
    |(?P<name>{_BACKTICK})
    |(?P<comment>/\*.*?\*/|--[^\n]*|\#[^\n]*)
    |(?P<hex>0x[0-9A-Fa-f]*+|[xX]'[0-9A-Fa-f]*+')
    |(?P<number>[-+]?(?:\d++\.?\d*+|\.\d++)(?:[eE][-+]?\d++)?)
    |(?P<word>[A-Za-z_$][A-Za-z0-9_$]*+)
    |(?P<mark>[(),;.=@])
    |(?P<open>['"`])
    |(?P<other>.)
    """,
    re.S | re.X,
)
_ESCAPES = {
    "0": "\0",
    "b": "\b",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "Z": "\x1a",
    "%": "\\%",
    "_": "\\_",
}
_ESCAPE = re.compile(r"\\(.)|''|\"\"", re.S)
_COLUMN_NOT = {
    "PRIMARY",
    "KEY",
    "UNIQUE",
    "INDEX",
    "FULLTEXT",
    "SPATIAL",
    "CONSTRAINT",
    "FOREIGN",
    "CHECK",
}
_HEAD = re.compile(
    r"\s*(?:/\*.*?\*/\s*)*(?P<verb>INSERT|REPLACE|CREATE)\b"
    r"(?:\s+(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE|INTO|TABLE|TEMPORARY|IF\s+NOT\s+EXISTS)\b)*"
    r"\s*(?P<table>`[^`]+`(?:\.`[^`]+`)?|[\w$.]+)",
    re.I | re.S,
)


def unquote_string(token: str) -> str:
    body = token[1:-1]
    if "\\" not in body and token[0] * 2 not in body:
        return body
    return _ESCAPE.sub(
        lambda m: _ESCAPES.get(m.group(1), m.group(1)) if m.group(1) is not None else m.group(0)[0],
        body,
    )


def _table_name(raw: str) -> str:
    last = raw.rsplit("`.`", 1)[-1] if raw.startswith("`") else raw.rsplit(".", 1)[-1]
    return last.strip("`").replace("``", "`")


class DumpReader:
    """The rows of some tables of a dump, as dicts named by the ``CREATE TABLE`` columns."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.columns: dict[str, list[str]] = {}
        self.seen_tables: set[str] = set()

    def _open(self) -> TextIO:
        if self.path.suffix.lower() == ".gz":
            return gzip.open(self.path, "rt", encoding="utf-8", newline="")
        return self.path.open(encoding="utf-8", newline="")

    def error(self, line: int, message: str) -> ArchiveError:
        return ArchiveError(
            _("The SQL dump is malformed at line %(line)s: %(error)s")
            % {"line": line, "error": message}
        )

    # Statements --------------------------------------------------------------------

    def statements(self) -> Iterator[tuple[int, str]]:
        """(the line it begins on, the statement without its delimiter)."""
        delimiter = ";"
        buffer: list[str] = []
        size = 0
        start = line_no = 0
        try:
            with self._open() as handle:
                for line_no, line in enumerate(handle, start=1):
                    if not buffer:
                        stripped = line.strip()
                        if not stripped or stripped.startswith(("--", "#")):
                            continue
                        if stripped.upper().startswith("DELIMITER "):
                            delimiter = stripped.split(None, 1)[1]
                            continue
                        start = line_no
                    buffer.append(line)
                    size += len(line)
                    if size > MAX_STATEMENT:
                        raise self.error(start, _("a statement longer than 64 MB"))
                    if not line.rstrip().endswith(delimiter):
                        continue
                    text = "".join(buffer).rstrip()
                    if not _BALANCED.fullmatch(text):
                        continue  # the delimiter is inside quoted text
                    buffer, size = [], 0
                    yield start, text[: -len(delimiter)]
        except UnicodeDecodeError:
            raise self.error(line_no + 1, _("the file is not UTF-8 text")) from None
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise ArchiveError(_("The SQL dump cannot be read: %(e)s") % {"e": exc}) from None
        if buffer and "".join(buffer).strip():
            text = "".join(buffer)
            opened = _BALANCED.match(text).end()
            if opened < len(text):
                raise self.error(
                    start + text.count("\n", 0, opened), _("a quoted text that never closes")
                )
            raise self.error(start, _("the file ends inside a statement (no closing “;”)"))

    def tokens(self, start: int, text: str) -> Iterator[tuple[str, str, int]]:
        line, counted = start, 0
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup
            if kind in ("space", "comment"):
                continue
            line += text.count("\n", counted, match.start())
            counted = match.start()
            if kind == "open":
                raise self.error(line, _("a quoted text that never closes"))
            yield kind, match.group(), line

    # Tables and rows ----------------------------------------------------------------

    def rows(self, tables: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        for start, text in self.statements():
            head = _HEAD.match(text)
            if head is None:
                continue
            verb, table = head.group("verb").upper(), _table_name(head.group("table"))
            if verb == "CREATE":
                if re.match(
                    r"\s*(?:/\*.*?\*/\s*)*CREATE\s+(?:TEMPORARY\s+)?TABLE\b", text, re.I | re.S
                ):
                    self.columns[table] = self._create_columns(start, text[head.end() :])
                    self.seen_tables.add(table)
                continue
            self.seen_tables.add(table)
            if table not in tables:
                continue
            yield from (
                (table, row) for row in self._insert(start, table, text[head.end() :], head)
            )

    def _create_columns(self, start: int, text: str) -> list[str]:
        columns: list[str] = []
        depth, expect_name = 0, False
        for kind, value, _line in self.tokens(start, text):
            if value == "(":
                depth += 1
                expect_name = depth == 1
                continue
            if value == ")":
                depth -= 1
                if depth == 0:
                    break
                continue
            if depth == 1 and value == ",":
                expect_name = True
                continue
            if expect_name:
                expect_name = False
                if kind == "name":
                    columns.append(value[1:-1].replace("``", "`"))
                elif kind == "word" and value.upper() not in _COLUMN_NOT:
                    columns.append(value)
        return columns

    def _insert(self, start: int, table: str, text: str, head) -> Iterator[dict[str, Any]]:
        line_of_head = start + head.string.count("\n", 0, head.end())
        stream = self.tokens(line_of_head, text)
        columns = self.columns.get(table)
        kind, value, line = next(stream, ("", "", line_of_head))
        if value == "(":
            columns = []
            for kind, value, line in stream:
                if value == ")":
                    break
                if kind == "name":
                    columns.append(value[1:-1].replace("``", "`"))
                elif kind == "word":
                    columns.append(value)
                elif value != ",":
                    raise self.error(line, _("“%(t)s” in the list of columns") % {"t": value[:40]})
            kind, value, line = next(stream, ("", "", line))
        if kind != "word" or value.upper() not in ("VALUES", "VALUE"):
            raise self.error(line, _("VALUES expected after the table's name"))
        if not columns:
            raise self.error(
                line,
                _("rows of table “%(t)s” come before its CREATE TABLE (no column names)")
                % {"t": table},
            )
        while True:
            kind, value, line = next(stream, ("", "", line))
            if value != "(":
                raise self.error(
                    line, _("“(” expected at the start of a row, found “%(t)s”") % {"t": value[:40]}
                )
            row_line = line
            values = self._values(stream, line)
            if len(values) != len(columns):
                raise self.error(
                    row_line,
                    _("a row of %(t)s has %(n)s values where the table has %(m)s columns")
                    % {"t": table, "n": len(values), "m": len(columns)},
                )
            yield dict(zip(columns, values, strict=True))
            kind, value, line = next(stream, ("", "", line))
            if value == ",":
                continue
            if value in ("", ";") or (kind == "word" and value.upper() == "ON"):
                return
            raise self.error(
                line, _("“,” or “;” expected after a row, found “%(t)s”") % {"t": value[:40]}
            )

    def _values(self, stream, line: int) -> list[Any]:
        values: list[Any] = []
        expect_value = True
        for kind, value, line in stream:
            if expect_value:
                if kind == "word" and value.startswith("_") and len(value) > 1:
                    continue  # a character set introducer: _binary 'x', _utf8mb4 'y'
                values.append(self._value(kind, value, line))
                expect_value = False
                continue
            if value == ",":
                expect_value = True
            elif value == ")":
                return values
            else:
                raise self.error(
                    line, _("“,” or “)” expected between values, found “%(t)s”") % {"t": value[:40]}
                )
        raise self.error(line, _("a row that never closes"))

    def _value(self, kind: str, value: str, line: int) -> Any:
        if kind == "string":
            return unquote_string(value)
        if kind == "number":
            return int(value) if re.fullmatch(r"[-+]?\d+", value) else float(value)
        if kind == "word":
            upper = value.upper()
            if upper == "NULL":
                return None
            if upper in ("TRUE", "FALSE"):
                return int(upper == "TRUE")
        if kind == "hex":
            digits = value[2:] if value.startswith("0x") else value[2:-1]
            return bytes.fromhex(digits if len(digits) % 2 == 0 else "0" + digits).decode(
                "utf-8", "replace"
            )
        raise self.error(line, _("“%(t)s” is not a value") % {"t": value[:40]})
