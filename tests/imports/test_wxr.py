"""python manage.py import_archive wxr FILE.xml: WordPress exports."""

from __future__ import annotations

import pytest
from django.core.management.base import CommandError

from articles.models import Article, GalleryItem, Transition
from imports.models import ImportItem, ImportRun, Redirect
from photos.models import Image
from tests.imports import archives
from tests.imports.conftest import import_wxr

pytestmark = pytest.mark.usefixtures("operator", "media_root")


def stored_files(media_root) -> set[str]:
    return {str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file()}


def test_posts_pages_and_attachments_come_in_with_their_mapping(db, wxr_files):
    out, err = import_wxr(wxr_files)
    post = Article.objects.get(source="backan", source_id="100")
    assert post.title == "Bắt giữ đối tượng trộm cắp tài sản"
    assert post.slug == "bat-giu-doi-tuong-trom-cap"
    assert post.is_published()
    assert post.byline == "Nguyễn Văn An (Phòng Tham mưu)"
    assert post.section.name == "An ninh trật tự"
    assert sorted(t.name for t in post.tags.all()) == ["Bắc Kạn", "Trộm cắp tài sản"]
    assert post.sapo == "Tóm tắt: bắt giữ đối tượng trộm cắp."
    # Paragraphs as WordPress shows them; [caption] → a figure with the library photo.
    assert "<p>Ngày 12/5, Công an huyện đã bắt giữ đối tượng.<br>" in post.body
    assert "<figcaption>Hiện trường vụ việc</figcaption>" in post.body
    shown = Image.objects.get(caption="Hiện trường vụ việc")
    assert f'src="{shown.file.url}"' in post.body
    assert "[embed]" not in post.body and "[caption" not in post.body
    # The featured image is the cover, upright and without GPS like any upload.
    assert post.cover is not None and (post.cover.width, post.cover.height) == (120, 80)
    assert Transition.objects.filter(article=post, action="import").exists()
    # A unit that no longer exists after the 2025 reform is kept as the byline says.
    story = Article.objects.get(source_id="101")
    assert story.byline == "Trần Thị Bình (Công an tỉnh Bắc Kạn)"
    assert GalleryItem.objects.filter(article=story).count() == 2  # the third photo is lost
    assert Article.objects.get(source_id="page:200").title == "Giới thiệu"
    assert "tạo mới 11, cập nhật 0, không đổi 0, bỏ qua 1, lỗi 2" in out


def test_statuses_are_mapped_and_reported(db, wxr_files):
    import_wxr(wxr_files)
    status = dict(Article.objects.filter(source="backan").values_list("source_id", "status"))
    assert status["102"] == "draft" and status["103"] == "draft" and status["104"] == "draft"
    assert status["105"] == "published"
    assert not Article.objects.published().filter(source_id="105").exists()  # scheduled
    assert "106" not in status  # trash: not imported, its address gone
    assert Redirect.objects.get(old_path="/2019/05/da-xoa").gone
    notes = dict(ImportItem.objects.values_list("old_id", "note"))
    assert "đang chờ duyệt" in notes["103"]
    assert "riêng tư ở cổng cũ" in notes["104"]


def test_an_unmapped_author_is_refused_never_given_to_the_operator(db, wxr_files, operator):
    import_wxr(wxr_files)
    assert not Article.objects.filter(source_id="107").exists()
    item = ImportItem.objects.get(old_id="107")
    assert item.outcome == "failed" and "nguoi_la" in item.note


def test_a_missing_photo_is_listed_and_dropped_or_kept_as_a_link(db, wxr_files):
    import_wxr(wxr_files)
    article = Article.objects.get(source_id="108")
    assert "<img" not in article.body and "Vẫn còn chữ." in article.body
    note = ImportItem.objects.get(old_id="108").note
    assert "khong-co.jpg" in note and "đã bỏ" in note


def test_a_second_run_creates_nothing_and_reports_everything_unchanged(db, wxr_files, media_root):
    import_wxr(wxr_files)
    counts = (Article.objects.count(), Image.objects.count(), Transition.objects.count())
    files = stored_files(media_root)
    out, _err = import_wxr(wxr_files)
    assert (Article.objects.count(), Image.objects.count(), Transition.objects.count()) == counts
    assert stored_files(media_root) == files
    assert "tạo mới 0, cập nhật 0, không đổi 11, bỏ qua 1, lỗi 2" in out


def test_a_changed_old_item_updates_in_place_as_a_new_revision(db, wxr_files):
    from reversion.models import Version

    import_wxr(wxr_files)
    post = Article.objects.get(source_id="100")
    before = Version.objects.get_for_object(post).count()
    wxr_files["wxr"].write_text(archives.full_wxr(title_suffix=" (cập nhật)"), encoding="utf-8")
    out, _err = import_wxr(wxr_files)
    post.refresh_from_db()
    assert post.title.endswith("(cập nhật)")
    assert post.slug == "bat-giu-doi-tuong-trom-cap"
    assert Version.objects.get_for_object(post).count() == before + 1
    assert "tạo mới 0, cập nhật 1," in out


def test_the_dry_run_writes_nothing_and_prints_the_plan(db, wxr_files, media_root):
    err, _progress = import_wxr(wxr_files, "--dry-run")
    assert Article.objects.count() == 0 and Image.objects.count() == 0
    assert ImportItem.objects.count() == 0 and ImportRun.objects.count() == 0
    assert stored_files(media_root) == set()
    assert "nguoi_la → CHƯA ÁNH XẠ" in err
    assert "[embed]: 1" in err and "[contact-form-7]: 1" in err
    assert "khong-co.jpg" in err
    assert "an-ninh → An ninh trật tự" in err


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_wxr_version_is_read(db, wxr_files, version):
    wxr_files["wxr"].write_text(archives.full_wxr(version=version), encoding="utf-8")
    import_wxr(wxr_files)
    assert Article.objects.filter(source="backan").count() == 8


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><title>&lol3;</title></channel></rss>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&xxe;</title></channel></rss>"""


# The same behind a comment longer than the first bytes read before parsing.
LONG_COMMENT = "<!--" + "x" * 70_000 + "-->\n"
HIDDEN = [t.replace("?>\n", "?>\n" + LONG_COMMENT, 1) for t in (BILLION_LAUGHS, EXTERNAL)]


@pytest.mark.parametrize(
    "text",
    [BILLION_LAUGHS, EXTERNAL, *HIDDEN],
    ids=["billion-laughs", "xxe", "billion-laughs-hidden", "xxe-hidden"],
)
def test_hostile_xml_is_refused(db, wxr_files, text):
    wxr_files["wxr"].write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="DOCTYPE"):
        import_wxr(wxr_files)
    assert Article.objects.count() == 0


def test_a_malformed_file_names_the_line_and_nothing_is_written(db, wxr_files, media_root):
    text = archives.full_wxr()
    lines = text.splitlines()
    broken_at = len(lines) - 10
    lines[broken_at] = lines[broken_at] + "<p><b>unclosed</p>"
    wxr_files["wxr"].write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError, match=r"dòng \d+|line \d+"):
        import_wxr(wxr_files)
    assert Article.objects.count() == 0 and Image.objects.count() == 0
    assert stored_files(media_root) == set()
