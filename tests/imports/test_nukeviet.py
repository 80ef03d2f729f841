"""python manage.py import_archive nukeviet DUMP.sql: NukeViet 4 portals, read without MySQL."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management.base import CommandError
from django.utils import timezone

from articles.models import Article, Transition
from imports.models import ImportItem, ImportRun, Redirect
from imports.readers import nukeviet
from imports.readers.sqldump import DumpReader
from imports.services import import_run_create, import_run_execute
from photos.models import Image
from tests.imports import archives, nukeviet_dumps
from tests.imports.conftest import import_wxr, run_command

pytestmark = pytest.mark.usefixtures("operator", "media_root")

OLD = nukeviet_dumps.THAINGUYEN
ROWS = 10 + nukeviet_dumps.BULK


@pytest.fixture
def dump_files(tmp_path) -> dict[str, Path]:
    path = tmp_path / "thainguyen.sql"
    path.write_text(nukeviet_dumps.nukeviet_dump(), encoding="utf-8")
    mapping = tmp_path / "mapping-tn.toml"
    mapping.write_text(nukeviet_dumps.MAPPING, encoding="utf-8")
    folder = nukeviet_dumps.nukeviet_uploads(tmp_path / "old-tn")
    return {"dump": path, "mapping": mapping, "uploads": folder}


def import_dump(files: dict[str, Path], *extra: str, source: str = "thainguyen"):
    return run_command(
        "nukeviet",
        str(files["dump"]),
        "--source",
        source,
        "--by",
        "quantri",
        "--mapping",
        str(files["mapping"]),
        "--uploads",
        str(files["uploads"]),
        "--old-url",
        OLD,
        *extra,
    )


def stored_files(media_root) -> set[str]:
    return {str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file()}


def test_rows_bodies_categories_tags_and_photos_come_in(db, dump_files):
    out, _err = import_dump(dump_files)
    # 210 rows: one expired and not archived (410), one by an unmapped author (refused).
    assert "tạo mới 208, cập nhật 0, không đổi 0, bỏ qua 1, lỗi 1" in out
    post = Article.objects.get(source="thainguyen", source_id="1")
    assert post.title == "Triệt phá đường dây 'ma túy' liên tỉnh"
    assert post.slug == "tin-an-ninh-so-1"
    assert post.is_published()
    assert timezone.localtime(post.published_at).strftime("%H:%M, %d/%m/%Y") == "08:45, 12/05/2019"
    assert post.byline == "Hoàng Minh (Công an tỉnh Thái Nguyên)"
    # Its category (phong-chong-ma-tuy) is not in the mapping file, its parent is.
    assert post.section.name == "An ninh trật tự"
    assert sorted(t.name for t in post.tags.all()) == ["Bắc Kạn", "Ma túy"]
    assert [c.name for c in post.campaigns.all()] == ["Tháng hành động phòng chống ma túy"]
    assert post.sapo == "Công an tỉnh triệt phá đường dây."
    assert "Nguồn: Báo Thái Nguyên" in post.body or "Source: Báo Thái Nguyên" in post.body
    # The photo in the body and the cover come from the uploads copy into the library.
    assert "/uploads/news/" not in post.body and "<img" in post.body
    assert post.cover is not None and (post.cover.width, post.cover.height) == (48, 32)
    assert Transition.objects.filter(article=post, action="import").exists()
    # The byline left empty there: the login of the one who typed it in.
    admin_post = Article.objects.get(source_id="2")
    assert admin_post.byline == "Nguyễn Văn An (Phòng Tham mưu)"
    # A category whose parent is mapped by its title.
    assert admin_post.section.name == "Trật tự an toàn giao thông"
    assert [t.name for t in admin_post.tags.all()] == ["tuan tra"]  # from the tag's alias
    # Escapes of the dump read back: quotes, backslash, line break, a “;” at a line's end.
    bulk = Article.objects.get(source_id="11")
    assert "có dấu chấm phẩy cuối dòng;" in bulk.body and "\\ ngược" in bulk.body
    assert "'đơn', \"kép\"" in bulk.body or "'đơn', &quot;kép&quot;" in bulk.body
    assert Article.objects.filter(source="thainguyen").count() == 208


def test_statuses_expiry_and_archive_are_honoured(db, dump_files):
    import_dump(dump_files)
    status = dict(Article.objects.filter(source="thainguyen").values_list("source_id", "status"))
    assert status["4"] == "draft" and status["8"] == "draft" and status["10"] == "draft"
    assert status["5"] == "published"
    assert not Article.objects.published().filter(source_id="5").exists()  # at its own time
    assert "6" not in status  # expired, not archived: NukeViet took it down
    assert Article.objects.published().filter(source_id="7").exists()  # expired, archived
    notes = dict(ImportItem.objects.filter(source="thainguyen").values_list("old_id", "note"))
    assert "not archived" in notes["6"] and "archived: kept readable" in notes["7"]
    assert "approval chain" in notes["10"] and "stopped there" in notes["8"]


def test_an_unmapped_author_is_refused_never_given_to_the_operator(db, dump_files):
    import_dump(dump_files)
    assert not Article.objects.filter(source="thainguyen", source_id="3").exists()
    item = ImportItem.objects.get(source="thainguyen", old_id="3")
    assert item.outcome == "failed" and "Người lạ" in item.note


def test_a_missing_photo_is_listed_and_the_article_kept(db, dump_files):
    import_dump(dump_files)
    article = Article.objects.get(source="thainguyen", source_id="9")
    assert article.cover is None
    note = ImportItem.objects.get(source="thainguyen", old_id="9").note
    assert "khong-co.jpg" in note and "đã bỏ" in note


def test_a_second_run_creates_nothing_and_reports_everything_unchanged(db, dump_files, media_root):
    import_dump(dump_files)
    counts = (Article.objects.count(), Image.objects.count(), Transition.objects.count(),
              Redirect.objects.count())  # fmt: skip
    files = stored_files(media_root)
    out, _err = import_dump(dump_files)
    assert (Article.objects.count(), Image.objects.count(), Transition.objects.count(),
            Redirect.objects.count()) == counts  # fmt: skip
    assert stored_files(media_root) == files
    assert "tạo mới 0, cập nhật 0, không đổi 208, bỏ qua 1, lỗi 1" in out


def test_a_changed_row_updates_in_place_as_a_new_revision(db, dump_files):
    from reversion.models import Version

    import_dump(dump_files)
    post = Article.objects.get(source="thainguyen", source_id="1")
    before = Version.objects.get_for_object(post).count()
    dump_files["dump"].write_text(
        nukeviet_dumps.nukeviet_dump(title_suffix=" (cập nhật)"), encoding="utf-8"
    )
    out, _err = import_dump(dump_files)
    post.refresh_from_db()
    assert post.title.endswith("(cập nhật)") and post.slug == "tin-an-ninh-so-1"
    assert Version.objects.get_for_object(post).count() == before + 1
    assert "tạo mới 0, cập nhật 1, không đổi 207," in out


def test_the_dry_run_writes_nothing_and_prints_the_plan(db, dump_files, media_root):
    plan, _progress = import_dump(dump_files, "--dry-run")
    assert Article.objects.count() == 0 and Image.objects.count() == 0
    assert ImportItem.objects.count() == 0 and ImportRun.objects.count() == 0
    assert Redirect.objects.count() == 0 and stored_files(media_root) == set()
    assert "Người lạ → CHƯA ÁNH XẠ" in plan
    assert "Hoàng Minh → Hoàng Minh (Công an tỉnh Thái Nguyên)" in plan
    assert "phong-chong-ma-tuy → An ninh trật tự" in plan
    assert "Tin tức / An ninh trật tự / Phòng chống ma túy" in plan
    assert "khong-co.jpg" in plan
    assert "rows: 210" in plan


def test_old_links_answer_301_and_what_was_left_behind_410(db, dump_files, client, settings):
    settings.RETIRED_HOSTS = ["congan.thainguyen.example.vn"]
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "congan.thainguyen.example.vn"]
    import_dump(dump_files)
    post = Article.objects.get(source="thainguyen", source_id="1")
    new = settings.SITE_URL + post.get_absolute_url()
    host = {"HTTP_HOST": "congan.thainguyen.example.vn"}
    for path in [
        "/news/phong-chong-ma-tuy/tin-an-ninh-so-1-1.html",
        "/news/phong-chong-ma-tuy/tin-an-ninh-so-1-1.html/",
        "/vi/news/phong-chong-ma-tuy/tin-an-ninh-so-1-1.html",
        "/index.php?language=vi&nv=news&op=phong-chong-ma-tuy/tin-an-ninh-so-1-1",
        "/index.php?language=vi&nv=news&op=phong-chong-ma-tuy%2Ftin-an-ninh-so-1-1",
    ]:
        response = client.get(path, **host)
        assert (response.status_code, response["Location"]) == (301, new), path
    # On the new domain too, once the site has nothing there itself.
    response = client.get("/news/phong-chong-ma-tuy/tin-an-ninh-so-1-1.html")
    assert (response.status_code, response["Location"]) == (301, new)
    gone = client.get("/news/an-ninh-trat-tu/tin-an-ninh-so-6-6.html", **host)
    assert gone.status_code == 410
    # A link between two old articles, inside a body, now points at the new page.
    target = Article.objects.get(source="thainguyen", source_id="2").get_absolute_url()
    assert target in post.__class__.objects.get(pk=post.pk).body


def test_a_malformed_dump_names_the_line_and_nothing_is_written(db, dump_files, media_root):
    lines = nukeviet_dumps.nukeviet_dump().splitlines()
    broken = next(i for i, line in enumerate(lines) if line.startswith("(5, ''"))
    lines[broken] = lines[broken].replace("(5, ''", "(5 ''", 1)
    dump_files["dump"].write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError, match=rf"(dòng|line) {broken + 1}\b"):
        import_dump(dump_files)
    assert Article.objects.count() == 0 and Image.objects.count() == 0
    assert ImportItem.objects.count() == 0 and stored_files(media_root) == set()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("INSERT INTO `nv4_vi_news_rows` VALUES (1,'never closed);\n", r"(dòng|line) 1\b"),
        ("CREATE TABLE `t` (`a` int);\nINSERT INTO `t` VALUES (1),(2\n", r"(dòng|line) 2\b"),
        ("CREATE TABLE `nv4_users` (`userid` int);\n", "nv4_vi_news_rows"),
    ],
    ids=["open-quote", "no-end", "not-nukeviet"],
)
def test_other_broken_dumps_are_refused_clearly(db, dump_files, text, message):
    dump_files["dump"].write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        import_dump(dump_files)
    assert Article.objects.count() == 0


def test_two_provinces_with_overlapping_photos_store_each_photo_once(
    db, dump_files, wxr_files, media_root, tmp_path
):
    # Thái Nguyên's cover of article 1 is Bắc Kạn's “hiện trường” photo (the same bytes).
    import_wxr(wxr_files)
    before = Image.objects.count()
    import_dump(dump_files)
    cover = Article.objects.get(source="thainguyen", source_id="1").cover
    shown = Image.objects.get(caption="Hiện trường vụ việc")
    assert cover == shown
    # Photos 1 and 2 are shared; the dump adds its five own (anh-0..anh-4, anh-2 shared).
    assert Image.objects.count() == before + 4
    checksums = list(Image.objects.values_list("checksum", flat=True))
    assert len(checksums) == len(set(checksums))
    assert len(stored_files(media_root)) >= Image.objects.count()
    assert Article.objects.filter(source="backan").exists()
    assert archives.BACKAN != OLD


class FakeMySQL:
    """The old portal's MySQL server, as PyMySQL's streaming cursor shows it."""

    def __init__(self, tables: dict[str, list[dict]]) -> None:
        self.tables, self.found, self.closed = tables, [], False

    def cursor(self):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def execute(self, query: str) -> None:
        if query == "SHOW TABLES":
            self.found = [{"Tables_in_nukeviet": name} for name in self.tables]
        else:
            self.found = self.tables[re.fullmatch(r"SELECT \* FROM `(.+)`", query).group(1)]

    def fetchall(self) -> list[dict]:
        return list(self.found)

    def __iter__(self):
        return iter(self.found)

    def close(self) -> None:
        self.closed = True


def test_a_live_database_named_in_a_file_imports_as_its_dump_does(
    db, dump_files, tmp_path, monkeypatch
):
    names = set(re.findall(r"CREATE TABLE `(\w+)`", dump_files["dump"].read_text("utf-8")))
    tables: dict[str, list[dict]] = {name: [] for name in names}
    for table, row in DumpReader(dump_files["dump"]).rows(names):
        tables[table].append(row)
    server = FakeMySQL(tables)
    settings_seen = {}

    def connect(**settings):
        settings_seen.update(settings)
        return server

    monkeypatch.setattr(nukeviet.pymysql, "connect", connect)
    database = tmp_path / "old-portal.toml"
    database.write_text(
        'database_url = "mysql://doc:m%40t-khau@db.thainguyen.example.vn:3307/nukeviet"\n',
        encoding="utf-8",
    )
    out, _err = import_dump({**dump_files, "dump": database})
    assert "tạo mới 208, cập nhật 0, không đổi 0, bỏ qua 1, lỗi 1" in out
    assert settings_seen["password"] == "m@t-khau" and settings_seen["port"] == 3307
    assert settings_seen["database"] == "nukeviet" and server.closed
    post = Article.objects.get(source="thainguyen", source_id="1")
    assert post.section.name == "An ninh trật tự" and post.cover is not None
    # The password is in the operator's file, not in the import's record.
    assert "m@t" not in str(ImportRun.objects.values_list("path", "options").get())


def test_an_unreachable_database_is_said_plainly(db, dump_files, tmp_path, monkeypatch):
    def refuse(**settings):
        raise nukeviet.pymysql.err.OperationalError(2003, "Can't connect to MySQL server")

    monkeypatch.setattr(nukeviet.pymysql, "connect", refuse)
    database = tmp_path / "old-portal.toml"
    database.write_text('database_url = "mysql://doc:x@127.0.0.1:1/nukeviet"\n', "utf-8")
    with pytest.raises(CommandError, match="Can't connect"):
        import_dump({**dump_files, "dump": database})
    database.write_text('database_url = "postgres://x@y/z"\n', "utf-8")
    with pytest.raises(CommandError, match="mysql://"):
        import_dump({**dump_files, "dump": database})
    assert Article.objects.count() == 0


class Killed(BaseException):
    """The process dies between two items (nothing below the engine catches it)."""


def test_an_interrupted_import_resumes_to_the_state_of_an_uninterrupted_one(
    db, dump_files, operator
):
    def die(done: int) -> None:
        if done == 60:
            raise Killed

    options = {
        "mapping": str(dump_files["mapping"]), "uploads": str(dump_files["uploads"]),
        "old_url": OLD,
    }  # fmt: skip
    run = import_run_create(
        source="thainguyen", reader="nukeviet", path=str(dump_files["dump"]),
        options=options, dry_run=False, by=operator,
    )  # fmt: skip
    with pytest.raises(Killed):
        import_run_execute(run=run, out=io.StringIO(), after_item=die)
    assert 0 < Article.objects.filter(source="thainguyen").count() < 208
    out, _err = import_dump(dump_files, "--resume")
    assert "tạo mới 208, cập nhật 0, không đổi 0, bỏ qua 1, lỗi 1" in out
    resumed = sorted(ImportItem.objects.values_list("old_id", "content_hash", "outcome"))
    articles = sorted(Article.objects.values_list("source_id", "title", "slug", "status"))
    # The same dump imported in one go under another name gives the same rows.
    import_dump(dump_files, source="thainguyen-2")
    again = sorted(
        ImportItem.objects.filter(source="thainguyen-2").values_list(
            "old_id", "content_hash", "outcome"
        )
    )
    assert resumed == again
    assert len(articles) == 208 and len({a[2] for a in articles}) == 208
