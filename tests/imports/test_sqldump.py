"""MySQL dumps read without a server: what mysqldump and phpMyAdmin write, value by value."""

from __future__ import annotations

import gzip
import re

import pytest

from imports.items import ArchiveError
from imports.readers.sqldump import DumpReader

CREATE = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `v` text,\n  PRIMARY KEY (`id`)\n);\n"


def rows(tmp_path, text: str, tables=("t",), name="dump.sql"):
    path = tmp_path / name
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return [row for _table, row in DumpReader(path).rows(set(tables))]


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        (r"'it\'s'", "it's"),
        ("'it''s'", "it's"),
        (r"'a\nb\tc\\d'", "a\nb\tc\\d"),
        (r"'\"kép\"'", '"kép"'),
        (r"'nul\0Z\Z'", "nul\0Z\x1a"),
        (r"'50\%'", "50\\%"),
        ("''", ""),
        ("NULL", None),
        ("-12", -12),
        ("1.5", 1.5),
        ("0x4869", "Hi"),
        ("_binary 'abc'", "abc"),
        ("'a;\nb'", "a;\nb"),
    ],
)
def test_values_are_read_as_mysql_writes_them(tmp_path, literal, value):
    found = rows(tmp_path, CREATE + f"INSERT INTO `t` VALUES (1,{literal}),(2,'x');\n")
    assert found == [{"id": 1, "v": value}, {"id": 2, "v": "x"}]


def test_column_lists_replace_ignore_and_on_duplicate_key(tmp_path):
    text = (
        "INSERT IGNORE INTO `t` (`v`, `id`) VALUES\n('một', 1),\n('hai', 2)\n"
        "ON DUPLICATE KEY UPDATE `v` = VALUES(`v`);\n"
        "REPLACE INTO t (id, v) VALUES (3, 'ba');\n"
    )
    assert rows(tmp_path, text) == [
        {"v": "một", "id": 1}, {"v": "hai", "id": 2}, {"id": 3, "v": "ba"},
    ]  # fmt: skip


def test_other_tables_comments_and_delimiters_are_skipped(tmp_path):
    text = (
        "-- a comment; with a quote '\n/*!40101 SET NAMES utf8mb4 */;\n" + CREATE
        + "INSERT INTO `other` VALUES (1,'x;'),(2,'y');\nDELIMITER ;;\n"
        "CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW BEGIN SET @x = 1; END ;;\n"
        "DELIMITER ;\nINSERT INTO `t` VALUES (7,'bảy');\n"
    )  # fmt: skip
    assert rows(tmp_path, text) == [{"id": 7, "v": "bảy"}]


def test_a_gzipped_dump_is_read_too(tmp_path):
    found = rows(tmp_path, CREATE + "INSERT INTO `t` VALUES (1,'a');\n", name="dump.sql.gz")
    assert found == [{"id": 1, "v": "a"}]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            CREATE + "INSERT INTO `t` VALUES (1,'a'),\n(2 'b');\n",
            7,
            "giữa các giá trị|between values",
        ),
        (CREATE + "INSERT INTO `t` VALUES (1,'a','b');\n", 6, "3"),
        (CREATE + "\n\nINSERT INTO `t` VALUES (1,'a);\n", 8, "nháy|quoted"),
        ("INSERT INTO `t` VALUES (1,'a');\n", 1, "CREATE TABLE"),
        (CREATE + "INSERT INTO `t` VALUES (1,'a')\n", 6, "“;”"),
    ],
    ids=["missing-comma", "too-many-values", "open-quote", "no-create", "no-end"],
)
def test_a_malformed_dump_names_its_line(tmp_path, text, line, words):
    with pytest.raises(ArchiveError, match=rf"(dòng|line) {line}\b") as error:
        rows(tmp_path, text)
    assert re.search(words, str(error.value))


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "dump.sql"
    path.write_bytes(
        (CREATE + "INSERT INTO `t` VALUES (1,'").encode() + "Hà".encode("cp1258") + b"');\n"
    )
    with pytest.raises(ArchiveError, match="UTF-8"):
        list(DumpReader(path).rows({"t"}))
