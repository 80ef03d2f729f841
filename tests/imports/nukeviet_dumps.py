"""A mysqldump of NukeViet 4's news module, built here from its table layout (no real site).

``nukeviet_dump()`` writes the tables as mysqldump does (one multi-row INSERT a line, the
bodies' line breaks escaped), with ``_detail`` in phpMyAdmin's form (a column list, a row a
line) and before ``_rows`` as in a real dump; ``nukeviet_uploads()`` the old uploads folder.
Articles 1–10 are the edge cases; 11 onwards are ordinary ones sharing five photos.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.imports.archives import THAINGUYEN, photo

PREFIX = "nv4"
ZONE = dt.timezone(dt.timedelta(hours=7))
PUBLISHED = int(dt.datetime(2019, 5, 12, 8, 44, tzinfo=ZONE).timestamp())
FUTURE = int(dt.datetime(2099, 1, 1, 8, 0, tzinfo=ZONE).timestamp())
EXPIRED = int(dt.datetime(2020, 1, 1, 0, 0, tzinfo=ZONE).timestamp())
BULK = 200  # articles 11..210

CATEGORIES = [
    # catid, parentid, title, alias
    (1, 0, "Tin tức", "tin-tuc"),
    (2, 1, "An ninh trật tự", "an-ninh-trat-tu"),
    (3, 2, "Phòng chống ma túy", "phong-chong-ma-tuy"),
    (4, 0, "Giao thông", "giao-thong"),
    (5, 4, "Xử lý vi phạm", "xu-ly-vi-pham"),
]
ROW_COLUMNS = [
    "id", "catid", "listcatid", "topicid", "admin_id", "author", "sourceid", "addtime",
    "edittime", "status", "weight", "publtime", "exptime", "archive", "title", "alias",
    "hometext", "homeimgfile", "homeimgalt", "homeimgthumb", "inhome", "allowed_comm",
    "allowed_rating", "external_link", "hitstotal", "hitscm", "total_rating", "click_rating",
]  # fmt: skip
DETAIL_COLUMNS = [
    "id", "titlesite", "description", "bodyhtml", "sourcetext", "imgposition", "layout_func",
    "copyright", "allowed_send", "allowed_print", "allowed_save",
]  # fmt: skip

MAPPING = """
default_section = "Tin tức"
[authors]
"Hoàng Minh" = "Hoàng Minh (Công an tỉnh Thái Nguyên)"
"admin" = "Nguyễn Văn An (Phòng Tham mưu)"
"Trần Bình" = "Trần Thị Bình (Công an tỉnh Bắc Kạn)"
[sections]
"an-ninh-trat-tu" = "An ninh trật tự"
"Giao thông" = "Trật tự an toàn giao thông"
[tags]
"ma túy" = "Ma túy"
"""


def sql(value: Any) -> str:
    """A value as mysqldump writes it."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    escaped = (
        str(value).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
        .replace("\r", "\\r").replace('"', '\\"')
    )  # fmt: skip
    return f"'{escaped}'"


def create_table(name: str, columns: list[str]) -> str:
    lines = [f"  `{c}` {'int(11)' if c.endswith('id') else 'mediumtext'} NOT NULL" for c in columns]
    lines.append(f"  PRIMARY KEY (`{columns[0]}`)")
    lines.append(f"  KEY `{columns[0]}_idx` (`{columns[0]}`)")
    return (
        f"DROP TABLE IF EXISTS `{name}`;\n"
        "/*!40101 SET @saved_cs_client     = @@character_set_client */;\n"
        f"CREATE TABLE `{name}` (\n" + ",\n".join(lines)
        + "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='bảng; của NukeViet';\n"
    )  # fmt: skip


def inserts(name: str, rows: list[list[Any]], *, per_statement: int = 50) -> str:
    out = [f"LOCK TABLES `{name}` WRITE;\n/*!40000 ALTER TABLE `{name}` DISABLE KEYS */;\n"]
    for start in range(0, len(rows), per_statement):
        values = ",".join(
            "(" + ",".join(sql(v) for v in row) + ")" for row in rows[start : start + per_statement]
        )
        out.append(f"INSERT INTO `{name}` VALUES {values};\n")
    out.append(f"/*!40000 ALTER TABLE `{name}` ENABLE KEYS */;\nUNLOCK TABLES;\n")
    return "".join(out)


def phpmyadmin_inserts(name: str, columns: list[str], rows: list[list[Any]]) -> str:
    """phpMyAdmin's form: a column list, a row a line, a new statement every 50 rows."""
    head = f"INSERT INTO `{name}` (" + ", ".join(f"`{c}`" for c in columns) + ") VALUES\n"
    return "".join(
        head + ",\n".join("(" + ", ".join(sql(v) for v in row) + ")" for row in rows[i : i + 50])
        + ";\n\n"
        for i in range(0, len(rows), 50)
    )  # fmt: skip


def article(
    n: int,
    *,
    title: str = "",
    catid: int = 2,
    author: str = "Hoàng Minh",
    admin_id: int = 2,
    status: int = 1,
    publtime: int = PUBLISHED,
    exptime: int = 0,
    archive: int = 0,
    image: str = "",
    topicid: int = 0,
    sourceid: int = 0,
    hometext: str = "",
) -> list[Any]:
    title = title or f"Tin an ninh trật tự số {n}"
    alias = f"tin-an-ninh-so-{n}"
    return [
        n, catid, str(catid), topicid, admin_id, author, sourceid, publtime - 60, publtime - 30,
        status, 0, publtime + n * 60, exptime, archive, title, alias,
        hometext or f"Tóm tắt tin số {n}.", image, "", 1 if image else 0, 1, 4, 0, "", 0, 0, 0, 0,
    ]  # fmt: skip


def body(n: int) -> str:
    return (
        f"<p>Nội dung bài số {n}; có dấu chấm phẩy cuối dòng;\n"
        "và cả dấu nháy 'đơn', \"kép\" và gạch chéo \\ ngược.</p>"
    )


def edge_rows(title_suffix: str = "") -> tuple[list[list[Any]], dict[int, str]]:
    """Articles 1–10 and their bodies."""
    rows = [
        article(
            1,
            title="Triệt phá đường dây 'ma túy' liên tỉnh" + title_suffix,
            catid=3,
            image="2019_05/hien-truong.jpg",
            topicid=1,
            sourceid=1,
            hometext="<p>Công an tỉnh <b>triệt phá</b> đường dây.</p>",
        ),
        article(2, title="Bài do quản trị đăng", author="", admin_id=1, catid=5),
        article(3, title="Bài của người lạ", author="Người lạ"),
        article(4, title="Bài lưu nháp", status=4),
        article(5, title="Bài hẹn giờ", status=2, publtime=FUTURE),
        article(6, title="Hết hạn, không lưu trữ", exptime=EXPIRED, archive=0),
        article(7, title="Hết hạn, có lưu trữ", exptime=EXPIRED, archive=1),
        article(8, title="Bài bị đình chỉ", status=0),
        article(9, title="Ảnh bị thiếu", image="2019_05/khong-co.jpg"),
        article(10, title="Bài đang chờ duyệt", status=7, author="Trần Bình"),
    ]
    bodies = {n: body(n) for n in range(2, 11)}
    bodies[1] = (
        "<p>Ngày 12/5, Công an tỉnh đã triệt phá đường dây.</p>\n"
        '<p><img src="/uploads/news/2019_05/anh-2.jpg" alt="Tang vật" /></p>\n'
        f'<p>Xem thêm <a href="{THAINGUYEN}/news/xu-ly-vi-pham/tin-an-ninh-so-2-2.html">'
        "bài trước</a>.</p>"
    )
    return rows, bodies


def nukeviet_dump(*, base: str = THAINGUYEN, bulk: int = BULK, title_suffix: str = "") -> str:
    rows, bodies = edge_rows(title_suffix)
    for n in range(11, 11 + bulk):
        cat = [2, 3, 5, 1][n % 4]
        author = ["Hoàng Minh", "Trần Bình"][n % 2]
        rows.append(article(n, catid=cat, author=author, image=f"2019_05/anh-{n % 5}.jpg"))
        bodies[n] = body(n)
    news = f"{PREFIX}_vi_news"
    tags = [(1, "ma-tuy"), (2, "bac-kan"), (3, "tuan-tra")]
    # Article 2's row is as an older NukeViet left it: no keyword, only the tag's id.
    tag_rows = [[1, 1, "ma túy"], [1, 2, "Bắc Kạn"], [7, 3, "tuần tra"], [2, 3, ""]]
    tag_rows += [[n, 3, "tuần tra"] for n in range(11, 11 + bulk, 3)]
    parts = [
        f"-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost"
        f"    Database: {base.split('//')[-1]}\n",
        "/*!40101 SET NAMES utf8mb4 */;\n/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS */;\n\n",
        create_table(f"{PREFIX}_config", ["lang", "module", "config_name", "config_value"]),
        inserts(f"{PREFIX}_config", [["sys", "global", "site_name", "Công an tỉnh; Thái Nguyên"]]),
        create_table(f"{PREFIX}_users", ["userid", "username", "first_name"]),
        inserts(f"{PREFIX}_users", [[1, "admin", "Quản trị"], [2, "phongvien", "Phóng viên"]]),
        create_table(f"{news}_cat", ["catid", "parentid", "title", "alias", "status"]),
        inserts(f"{news}_cat", [[c, p, t, a, 1] for c, p, t, a in CATEGORIES]),
        create_table(f"{news}_detail", DETAIL_COLUMNS),
        phpmyadmin_inserts(
            f"{news}_detail",
            DETAIL_COLUMNS,
            [[n, "", "", text, "", 1, "", 0, 1, 1, 1] for n, text in sorted(bodies.items())],
        ),
        create_table(f"{news}_rows", ROW_COLUMNS),
        inserts(f"{news}_rows", rows),
        create_table(f"{news}_1", ROW_COLUMNS),  # NukeViet's copy per category: not read
        inserts(f"{news}_1", rows[:3]),
        create_table(f"{news}_sources", ["sourceid", "title", "link", "logo", "weight"]),
        inserts(f"{news}_sources", [[1, "Báo Thái Nguyên", "https://baothainguyen.vn", "", 1]]),
        create_table(f"{news}_tags", ["tid", "numnews", "alias", "image", "description"]),
        inserts(f"{news}_tags", [[t, 1, a, "", ""] for t, a in tags]),
        create_table(f"{news}_tags_id", ["id", "tid", "keyword"]),
        inserts(f"{news}_tags_id", tag_rows),
        create_table(f"{news}_topics", ["topicid", "title", "alias", "image", "description"]),
        inserts(
            f"{news}_topics", [[1, "Tháng hành động phòng chống ma túy", "thang-ma-tuy", "", ""]]
        ),
        "DELIMITER ;;\n/*!50003 CREATE TRIGGER `t` BEFORE INSERT ON `x` FOR EACH ROW BEGIN "
        "SET @a = 1; END */;;\nDELIMITER ;\n",
        "-- Dump completed on 2025-06-30 10:00:00\n",
    ]
    return "".join(parts)


def nukeviet_uploads(folder: Path, *, numbers: dict[str, int] | None = None) -> Path:
    """The old uploads folder: uploads/news/2019_05/… (khong-co.jpg is missing)."""
    target = folder / "uploads" / "news" / "2019_05"
    target.mkdir(parents=True, exist_ok=True)
    numbers = numbers or {"hien-truong.jpg": 1, "anh-2.jpg": 2}
    for name, n in numbers.items():
        (target / name).write_bytes(photo(n))
    for k in range(5):
        if f"anh-{k}.jpg" not in numbers:
            (target / f"anh-{k}.jpg").write_bytes(photo(100 + k))
    return folder / "uploads"
