"""python manage.py import_archive html FOLDER --selectors FILE.toml: portals with no export."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management.base import CommandError
from django.utils import timezone

from articles.models import Article, GalleryItem, Transition
from imports.models import ImportItem, ImportRun, Redirect
from photos.models import Image
from tests.imports import saved_pages
from tests.imports.conftest import run_command

pytestmark = pytest.mark.usefixtures("operator", "media_root")

PAGE = "tin-tuc/bat-giu-doi-tuong.html"


@pytest.fixture
def site(tmp_path) -> dict[str, Path]:
    folder = saved_pages.saved_site(tmp_path / "caobang")
    selectors = tmp_path / "caobang.toml"
    selectors.write_text(saved_pages.SELECTORS, encoding="utf-8")
    mapping = tmp_path / "mapping-cb.toml"
    mapping.write_text(saved_pages.MAPPING, encoding="utf-8")
    return {"folder": folder, "selectors": selectors, "mapping": mapping}


def import_pages(files: dict[str, Path], *extra: str):
    return run_command(
        "html",
        str(files["folder"]),
        "--source",
        "caobang",
        "--by",
        "quantri",
        "--selectors",
        str(files["selectors"]),
        "--mapping",
        str(files["mapping"]),
        "--uploads",
        str(files["folder"]),
        *extra,
    )


def stored_files(media_root) -> set[str]:
    return {str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file()}


def test_each_part_of_a_page_is_found_by_its_selector(db, site):
    out, _err = import_pages(site)
    assert "tạo mới 2, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 1" in out
    post = Article.objects.get(source="caobang", source_id=PAGE)
    assert post.title == "Bắt giữ đối tượng trộm cắp"
    assert post.sapo == "Tóm tắt bài viết."
    assert post.is_published()
    assert timezone.localtime(post.published_at).strftime("%H:%M, %d/%m/%Y") == "08:44, 12/05/2019"
    assert post.byline == "Hoàng Minh (Công an tỉnh Cao Bằng)"
    assert post.section.name == "An ninh trật tự"
    assert sorted(t.name for t in post.tags.all()) == ["Hòa An", "trộm cắp"]
    assert "Công an huyện Hòa An bắt giữ" in post.body
    assert "Chia sẻ" not in post.body and "track()" not in post.body
    shown = Image.objects.get(caption="Đối tượng tại cơ quan Công an")
    assert f'src="{shown.file.url}"' in post.body
    assert post.cover is not None
    assert GalleryItem.objects.filter(article=post).count() == 2
    assert Transition.objects.filter(article=post, action="import").exists()
    other = Article.objects.get(source="caobang", source_id="tin-tuc/khac.html")
    assert timezone.localtime(other.published_at).strftime("%H:%M, %d/%m/%Y") == "08:44, 21/03/2023"
    assert other.section.name == "Tuyên truyền"  # not in the mapping file: its own name
    assert other.byline == "Lê Thu Hà (Phòng Công tác đảng và công tác chính trị)"


def test_an_unmapped_byline_is_refused_never_given_to_the_operator(db, site):
    import_pages(site)
    assert not Article.objects.filter(source_id="tin-tuc/nguoi-la.html").exists()
    item = ImportItem.objects.get(source="caobang", old_id="tin-tuc/nguoi-la.html")
    assert item.outcome == "failed" and "Người lạ" in item.note


def test_a_second_run_creates_nothing_and_a_changed_page_updates_in_place(db, site, media_root):
    import_pages(site)
    counts = (Article.objects.count(), Image.objects.count(), Transition.objects.count())
    files = stored_files(media_root)
    out, _err = import_pages(site)
    assert (Article.objects.count(), Image.objects.count(), Transition.objects.count()) == counts
    assert stored_files(media_root) == files
    assert "tạo mới 0, cập nhật 0, không đổi 2, bỏ qua 0, lỗi 1" in out
    saved_pages.saved_site(site["folder"], title_suffix=" (cập nhật)")
    out, _err = import_pages(site)
    post = Article.objects.get(source="caobang", source_id=PAGE)
    assert post.title.endswith("(cập nhật)") and Article.objects.count() == counts[0]
    assert "tạo mới 0, cập nhật 1, không đổi 1," in out


def test_the_dry_run_writes_nothing_and_prints_the_plan(db, site, media_root):
    plan, _progress = import_pages(site, "--dry-run")
    assert Article.objects.count() == 0 and Image.objects.count() == 0
    assert ImportItem.objects.count() == 0 and ImportRun.objects.count() == 0
    assert Redirect.objects.count() == 0 and stored_files(media_root) == set()
    assert "Người lạ → CHƯA ÁNH XẠ" in plan
    assert "pages: 3" in plan
    assert "An ninh → An ninh trật tự" in plan


def test_old_links_answer_301(db, site, client, settings):
    settings.RETIRED_HOSTS = ["congan.caobang.example.vn"]
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "congan.caobang.example.vn"]
    import_pages(site)
    post = Article.objects.get(source="caobang", source_id=PAGE)
    host = {"HTTP_HOST": "congan.caobang.example.vn"}
    response = client.get("/Pages/TinTuc.aspx?ItemID=123", **host)
    assert response.status_code == 301
    assert response["Location"] == settings.SITE_URL + post.get_absolute_url()
    other = Article.objects.get(source="caobang", source_id="tin-tuc/khac.html")
    response = client.get("/tin-tuc/khac.html", **host)
    assert response["Location"] == settings.SITE_URL + other.get_absolute_url()
    # The relative link between the two pages now points at the new page.
    assert other.get_absolute_url() in Article.objects.get(pk=post.pk).body


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[selectors\ntitle = 'h1'", "TOML"),
        ("[selectors]\nbody = 'div'", "title"),
        ("[selectors]\ntitle = 'h1[[['\nbody = 'div'", "CSS"),
        ("[selectors]\ntitle = 'h1'\nbody = 'div'\ndate = 'span'", "date_format"),
        ("[selectors]\ntitle = 'h1'\nbody = 'div'\nheadline = 'h2'", "headline"),
    ],
    ids=["not-toml", "no-title", "bad-css", "no-date-format", "unknown-key"],
)
def test_a_bad_selector_file_is_named_and_nothing_is_written(db, site, text, message):
    site["selectors"].write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=message) as error:
        import_pages(site)
    assert "caobang.toml" in str(error.value)
    assert Article.objects.count() == 0 and ImportItem.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (PAGE, lambda text: text.replace('id="news-content"', 'id="other"'), "news-content"),
        (PAGE, lambda text: text.replace("12/05/2019 08:44", "hôm qua"), "hôm qua"),
        ("tin-tuc/khac.html", lambda text: "   ", "trống|empty"),
    ],
    ids=["no-body", "bad-date", "empty"],
)
def test_a_page_that_cannot_be_read_is_named_and_nothing_is_written(
    db, site, media_root, name, change, message
):
    path = site["folder"] / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CommandError, match=message) as error:
        import_pages(site)
    assert path.name in str(error.value)
    assert Article.objects.count() == 0 and Image.objects.count() == 0
    assert stored_files(media_root) == set()


def test_a_legacy_vietnamese_page_in_windows_1258_reads_as_unicode(db, site):
    # windows-1258 writes “ỉ” as “i” and a combining hook: read back as one letter (NFC).
    text = saved_pages.page(title="Công an tỉnh Hà Giang", body="<p>Tỉnh.</p>")
    text = text.replace('charset="utf-8"', 'charset="windows-1258"')
    (site["folder"] / "cu.htm").write_bytes(saved_pages.windows_1258(text))
    import_pages(site)
    article = Article.objects.get(source="caobang", source_id="cu.htm")
    assert article.title == "Công an tỉnh Hà Giang"
    assert "Tỉnh." in article.body
