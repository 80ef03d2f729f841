"""python manage.py import_articles FILE.jsonl [--dry-run]"""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Author, Campaign, Section, Tag
from photos.models import Image
from tests.articles.records import record, run_import, stored_files, write_jsonl

pytestmark = pytest.mark.usefixtures("operator")


def test_imports_an_article_with_everything_it_carries(db, folder, media_root):
    out, _err = run_import(write_jsonl(folder, record()))
    assert "1 đã tạo, 0 đã cập nhật, 0 bỏ qua, 0 lỗi" in out

    article = Article.objects.get()
    assert article.is_published()
    assert article.slug == "cong-an-huyen-phu-luong-ra-mat-mo-hinh-camera-an-ninh-tai-12-xa"
    assert article.byline == "Nguyễn Văn An (Công an huyện Phú Lương)"
    assert article.section.name == "An ninh trật tự"
    assert sorted(t.name for t in article.tags.all()) == ["camera an ninh", "huyện Phú Lương"]
    assert [c.name for c in article.campaigns.all()] == ["Vì an ninh Tổ quốc"]
    assert article.cover.caption == "Lễ ra mắt"
    assert article.cover.credit == "Ảnh: Minh"
    assert (article.cover.width, article.cover.height) == (160, 100)


def test_body_images_go_to_the_library_and_src_is_rewritten(db, folder):
    run_import(write_jsonl(folder, record()))
    article = Article.objects.get()
    body_image = Image.objects.exclude(pk=article.cover_id).get()
    assert body_image.caption == "Lắp camera tại xã Yên Ninh"
    assert f'src="{body_image.file.url}"' in article.body
    assert 'width="120" height="80"' in article.body
    assert "anh/camera.jpg" not in article.body
    assert body_image.file.name.startswith("anh/")
    assert "camera" not in body_image.file.name  # stored under a generated name
    assert body_image.original_filename == "camera.jpg"


def test_body_html_is_sanitised_on_the_way_in(db, folder):
    body = '<p onclick="steal()">Tin</p><script>alert(1)</script><a href="javascript:x()">x</a>'
    run_import(write_jsonl(folder, record(body_html=body)))
    stored = Article.objects.get().body
    assert "<script" not in stored
    assert "onclick" not in stored
    assert "javascript:" not in stored
    assert "<p>Tin</p>" in stored


def test_reimporting_updates_and_never_duplicates(db, folder):
    run_import(write_jsonl(folder, record()))
    out, _ = run_import(write_jsonl(folder, record(title="Tiêu đề đã sửa lại sau khi kiểm tra")))
    assert "0 đã tạo, 1 đã cập nhật, 0 bỏ qua, 0 lỗi" in out
    assert Article.objects.get().title == "Tiêu đề đã sửa lại sau khi kiểm tra"
    assert (Image.objects.count(), Author.objects.count(), Tag.objects.count()) == (2, 1, 2)
    assert (Section.objects.count(), Campaign.objects.count()) == (1, 1)


def test_same_source_id_from_another_source_is_another_article(db, folder):
    path = write_jsonl(folder, record())
    run_import(path, "--source", "cong-thong-tin-cu")
    run_import(path, "--source", "bao-giay")
    assert Article.objects.count() == 2


def test_bad_lines_are_reported_skipped_and_fail_the_command(db, folder):
    path = write_jsonl(
        folder,
        record(source_id="ok-1"),
        "{not json",
        record(source_id="ok-2", title=""),
        record(source_id="ok-3", status="pending"),
        record(source_id="ok-4", published_at="2023-03-21T08:44:00"),
        record(source_id="ok-5", cover={"path": "../../etc/passwd"}),
        record(source_id="ok-6", title="Bài viết hợp lệ thứ hai trong tệp nhập"),
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_articles", str(path), "--by", "lanhdao", stdout=out, stderr=err)
    assert failure.value.returncode == 1
    assert "2 đã tạo, 0 đã cập nhật, 0 bỏ qua, 5 lỗi" in out.getvalue()
    errors = err.getvalue()
    assert "Dòng 2: JSON không hợp lệ" in errors
    assert "Dòng 3: Thiếu “title”" in errors
    assert "Dòng 4: “status” phải là “published” hoặc “draft”" in errors
    assert "Dòng 5: “published_at” cần có độ lệch múi giờ" in errors
    assert "Dòng 6: Đường dẫn ảnh “../../etc/passwd” ra ngoài thư mục nhập" in errors
    assert sorted(Article.objects.values_list("source_id", flat=True)) == ["ok-1", "ok-6"]


def test_a_failing_record_leaves_no_article_and_no_image_file(db, folder, media_root):
    (folder / "anh" / "hong.jpg").write_bytes(b"<html><script>alert(1)</script></html>")
    body = '<figure><img src="anh/camera.jpg"></figure><figure><img src="anh/hong.jpg"></figure>'
    with pytest.raises(CommandError):
        run_import(write_jsonl(folder, record(body_html=body)))
    assert Article.objects.count() == 0
    assert Image.objects.count() == 0
    assert Section.objects.count() == 0
    assert stored_files(media_root) == []


def test_missing_image_is_reported(db, folder):
    body = '<figure><img src="anh/khong-co.jpg"></figure>'
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_articles",
            "--by",
            "lanhdao",
            str(write_jsonl(folder, record(body_html=body))),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "Không tìm thấy tệp ảnh “anh/khong-co.jpg”" in err.getvalue()


def test_dry_run_checks_everything_and_saves_nothing(db, folder, media_root):
    out, _ = run_import(write_jsonl(folder, record()), "--dry-run")
    assert "Chạy thử, không lưu gì" in out
    assert "1 đã tạo" in out
    assert Article.objects.count() == 0
    assert Image.objects.count() == 0
    assert stored_files(media_root) == []


def test_draft_without_time_is_imported_as_a_draft(db, folder):
    run_import(write_jsonl(folder, record(status="draft", published_at=None)))
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_explicit_slug_is_used_and_must_be_a_slug(db, folder):
    run_import(write_jsonl(folder, record(slug="camera-an-ninh-phu-luong")))
    assert Article.objects.get().slug == "camera-an-ninh-phu-luong"
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_articles",
            "--by",
            "lanhdao",
            str(write_jsonl(folder, record(source_id="x", slug="Có dấu"))),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "“slug” chỉ được chứa a-z, 0-9 và “-”" in err.getvalue()
