"""The importer goes through the workflow: what it records, what it refuses to undo, and
how it reads a hostile file — a message per bad line, never a traceback."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Transition
from photos.models import Image
from tests.articles.records import record, run_import, write_jsonl

pytestmark = pytest.mark.usefixtures("operator")


def import_lines(path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", str(path), "--by", "lanhdao", *args, stdout=out, stderr=err)
    except CommandError:
        pass
    return out.getvalue(), err.getvalue()


def test_an_import_is_recorded_in_the_approval_register(folder, approver):
    run_import(write_jsonl(folder, record()))
    article = Article.objects.get()
    step = Transition.objects.get(article=article)
    assert (step.action, step.from_status, step.to_status) == ("import", "draft", "published")
    assert step.by == approver
    assert step.comment == "import:cms-1"
    assert article.first_published_at == article.published_at
    assert article.created_by == approver


def test_importing_the_same_record_again_records_no_new_step(folder):
    path = write_jsonl(folder, record())
    run_import(path)
    run_import(path)
    assert Transition.objects.count() == 1


@pytest.mark.parametrize("taken_away", ["unpublished", "archived"])
def test_an_article_taken_down_or_archived_here_is_skipped_and_said_so(folder, taken_away):
    path = write_jsonl(folder, record())
    run_import(path)
    Article.objects.update(status=taken_away)
    out, err = import_lines(path)
    assert "0 đã tạo, 0 đã cập nhật, 1 bỏ qua, 0 lỗi" in out
    assert "Dòng 1: Bài viết đang ở trạng thái" in err
    assert Article.objects.get().status == taken_away


def test_an_administrator_may_force_it_back_and_the_register_says_so(folder, administrator):
    path = write_jsonl(folder, record())
    run_import(path)
    Article.objects.update(status="unpublished")
    out = io.StringIO()
    call_command("import_articles", str(path), "--by", "quantri", "--force", stdout=out)
    assert Article.objects.get().status == "published"
    step = Transition.objects.latest("at")
    assert (step.from_status, step.to_status, step.by) == (
        "unpublished",
        "published",
        administrator,
    )
    assert "quản trị viên buộc nhập" in step.comment


def test_only_an_administrator_may_force(folder):
    out, err = import_lines(write_jsonl(folder, record()), "--force")
    assert "Chỉ quản trị viên mới được buộc nhập." in err
    assert not Article.objects.exists()


@pytest.mark.parametrize("desk_state", ["submitted", "returned", "forwarded"])
def test_an_article_at_the_desk_is_not_reset_to_draft(folder, desk_state):
    path = write_jsonl(folder, record(status="draft", published_at=None))
    run_import(path)
    Article.objects.update(status=desk_state)
    run_import(write_jsonl(folder, record(status="draft", title="Tiêu đề sửa ở hệ thống cũ")))
    article = Article.objects.get()
    assert article.status == desk_state
    assert article.title == "Tiêu đề sửa ở hệ thống cũ"


def test_a_published_article_is_not_taken_down_by_a_draft_record(folder):
    run_import(write_jsonl(folder, record()))
    run_import(write_jsonl(folder, record(status="draft")))
    assert Article.objects.get().is_published()


def test_a_reporter_cannot_import_published_articles(folder, reporter):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_articles",
            str(write_jsonl(folder, record())),
            "--by",
            "phongvien",
            stdout=out,
            stderr=err,
        )
    assert "Dòng 1: Bạn không có quyền xuất bản bài viết." in err.getvalue()
    assert not Article.objects.exists()


def test_an_unknown_operator_is_refused_before_anything_is_read(folder):
    with pytest.raises(CommandError, match="Không có cán bộ"):
        call_command(
            "import_articles", str(write_jsonl(folder, record())), "--by", "ai-do",
            stdout=io.StringIO(),
        )  # fmt: skip


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("javascript:alert(1)", "phải là tệp gửi kèm bản ghi"),
        ("data:image/png;base64,iVBORw0KGgo=", "phải là tệp gửi kèm bản ghi"),
        ("", "không có địa chỉ (src)"),
        ("https://example.vn/anh.jpg", "phải là tệp gửi kèm bản ghi"),
    ],
)
def test_a_body_image_not_shipped_with_the_record_is_a_clear_message(folder, src, message):
    body = f'<p>Mở đầu.</p><figure><img src="{src}"><figcaption>Ảnh</figcaption></figure>'
    bad = record(source_id="bad", body_html=body)
    out, err = import_lines(write_jsonl(folder, bad, record(source_id="good")))
    assert f"Dòng 1: {'Một ảnh trong thân bài' if not src else 'Ảnh'}" in err
    assert message in err
    assert "1 đã tạo, 0 đã cập nhật, 0 bỏ qua, 1 lỗi" in out
    assert list(Article.objects.values_list("source_id", flat=True)) == ["good"]


def test_hostile_lines_each_get_a_message_and_the_import_goes_on(folder):
    path = folder / "xau.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    good = json.dumps(record(source_id="good"), ensure_ascii=False)
    nul = json.dumps(record(source_id="nul", title="Tiêu đề có ký tự \x00 ẩn"))
    path.write_bytes(
        b"\n".join(
            [
                deep.encode(),
                "Công an tỉnh".encode("utf-16"),
                b'{"title": "Tin c\xfa m\xe3 h\xf3a Windows-1252"}',
                nul.encode(),
                good.encode(),
            ]
        )
        + b"\n"
    )
    out, err = import_lines(path)
    assert "Dòng 1: Bản ghi lồng nhau quá 20 cấp." in err
    assert "Dòng 2: Dòng này không phải văn bản UTF-8" in err
    assert "Dòng 3: Dòng này không phải văn bản UTF-8" in err
    assert "Dòng 4: Bản ghi chứa ký tự NUL" in err
    assert "Traceback" not in err
    assert "1 đã tạo, 0 đã cập nhật, 0 bỏ qua, 4 lỗi" in out
    assert Article.objects.get().source_id == "good"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"featured": "false"}, "“featured” phải là true hoặc false"),
        ({"featured": 1}, "“featured” phải là true hoặc false"),
        ({"authors": [{"name": "A" * 121, "unit": ""}]}, "quá dài"),
        ({"tags": ["x" * 101]}, "dài quá 100 ký tự"),
        ({"campaigns": ["c" * 201]}, "dài quá 200 ký tự"),
        ({"published_at": "0001-01-01T00:00:00+07:00"}, "từ năm 1945 đến năm 2099"),
    ],
)
def test_values_are_never_coerced_or_cut(folder, overrides, message):
    out, err = import_lines(write_jsonl(folder, record(**overrides)))
    assert message in err
    assert not Article.objects.exists()


def test_an_export_imported_back_brings_each_photo_back_as_itself(folder, tmp_path):
    run_import(write_jsonl(folder, record()))
    photos = set(Image.objects.values_list("pk", flat=True))
    exported = tmp_path / "xuat" / "bai.jsonl"
    exported.parent.mkdir()
    call_command("export_articles", str(exported), stdout=io.StringIO())
    Article.objects.all().delete()
    run_import(exported)
    assert set(Image.objects.values_list("pk", flat=True)) == photos
    assert Article.objects.get().cover_id in photos
