"""The admin's import page: administrators only, a dry run first, then the import, its
progress and its report; the old addresses kept in a table they can edit."""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role, group_of
from articles.models import Article
from imports import services
from imports.models import ImportRun, Redirect
from tests.factories import make_article
from tests.imports import archives

pytestmark = pytest.mark.usefixtures("media_root")


@pytest.fixture(autouse=True)
def launch_here(monkeypatch):
    """The admin starts ``import_archive --run`` in a process of its own; here the same
    command runs in the test's process (and its database), as soon as it is launched."""
    launched = []

    def run_now(*, run, resume=False):
        launched.append(run.pk)
        args = ["--run", str(run.pk)] + (["--resume"] if resume else [])
        with contextlib.suppress(CommandError):  # the process's exit status, unread
            call_command("import_archive", *args, stdout=io.StringIO(), stderr=io.StringIO())

    monkeypatch.setattr(services, "import_run_launch", run_now)
    return launched


@pytest.fixture
def chief(db):
    """An administrator by role (not a superuser): what the role grants is what counts."""
    user = get_user_model().objects.create_user(username="truongphong", is_staff=True)
    user.groups.add(group_of(Role.ADMINISTRATOR))
    return user


def start_form(**overrides) -> dict:
    data = {
        "reader": "wxr",
        "source": "backan",
        "archive": SimpleUploadedFile("backan.xml", archives.full_wxr().encode(), "text/xml"),
        "mapping": SimpleUploadedFile("mapping.toml", archives.MAPPING.encode()),
        "missing_media": "drop",
        "prefix": "nv4",
        "server_path": "",
        "uploads": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_only_administrators_may_start_an_import(client, editor, chief):
    add = reverse("admin:imports_importrun_add")
    client.force_login(editor)
    assert client.get(add).status_code == 403
    assert client.post(add, start_form()).status_code == 403
    assert ImportRun.objects.count() == 0
    client.force_login(chief)
    page = client.get(add)
    assert page.status_code == 200
    assert "Chạy thử" in page.content.decode()


def test_a_dry_run_shows_the_plan_then_import_writes_and_the_report_downloads(
    client, chief, launch_here, settings, tmp_path
):
    settings.IMPORT_UPLOAD_DIR = str(tmp_path / "uploaded")
    settings.IMPORT_ALLOWED_DIRS = [str(tmp_path)]
    folder = archives.uploads(tmp_path / "old")
    client.force_login(chief)
    response = client.post(reverse("admin:imports_importrun_add"), start_form(uploads=str(folder)))
    dry = ImportRun.objects.get()
    assert response.status_code == 302 and dry.dry_run and dry.state == "done"
    assert Article.objects.count() == 0  # the dry run wrote nothing
    plan = client.get(response["Location"]).content.decode()
    assert "Kế hoạch" in plan and "nguoi_la" in plan and "khong-co.jpg" in plan

    response = client.post(reverse("admin:imports_importrun_import", args=[dry.pk]))
    run = ImportRun.objects.exclude(pk=dry.pk).get()
    assert response["Location"] == reverse("admin:imports_importrun_change", args=[run.pk])
    assert (run.dry_run, run.state, run.created, run.failed) == (False, "done", 11, 2)
    assert Article.objects.filter(source="backan").count() == 8
    page = client.get(response["Location"]).content.decode()
    assert "14 trên 14 mục" in page
    assert "nguoi_la" in page  # the failed item and its reason

    report = client.get(reverse("admin:imports_importrun_report", args=[run.pk]))
    assert report.status_code == 200 and report["Content-Type"] == "text/csv"
    rows = b"".join(report.streaming_content).decode().splitlines()
    assert rows[0] == "old_id,kind,title,outcome,reason,new_url" and len(rows) == 15

    listing = client.get(reverse("admin:imports_importrun_changelist")).content.decode()
    assert "backan" in listing and "Tải về" in listing
    # The runs are a record: nothing to edit or delete.
    assert client.post(reverse("admin:imports_importrun_delete", args=[run.pk])).status_code == 403


def test_a_file_of_the_wrong_kind_is_refused_with_a_clear_error(client, chief):
    client.force_login(chief)
    page = client.post(
        reverse("admin:imports_importrun_add"),
        start_form(archive=SimpleUploadedFile("anh.jpg", b"\xff\xd8\xff", "image/jpeg")),
    )
    assert page.status_code == 200
    assert "Đây không phải tệp WordPress (WXR)" in page.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_broken_archive_ends_the_dry_run_with_its_line(client, chief):
    client.force_login(chief)
    broken = SimpleUploadedFile("backan.xml", b"<rss>\n<channel>\n<item></channel>", "text/xml")
    response = client.post(reverse("admin:imports_importrun_add"), start_form(archive=broken))
    run = ImportRun.objects.get()
    assert run.state == "failed" and Article.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "dòng 3" in page
    assert "Nhập" not in page.split("Kế hoạch", 1)[1].split("</section>")[0]


def test_a_path_outside_the_open_folders_is_refused(client, chief, settings, tmp_path):
    settings.IMPORT_ALLOWED_DIRS = [str(tmp_path / "open")]
    client.force_login(chief)
    page = client.post(
        reverse("admin:imports_importrun_add"),
        start_form(archive=None, server_path="/etc/passwd"),
    )
    assert "nằm ngoài các thư mục" in page.content.decode()
    assert ImportRun.objects.count() == 0


def test_an_old_address_is_added_and_answers_301(client, chief):
    published_article = make_article()
    client.force_login(chief)
    response = client.post(
        reverse("admin:imports_redirect_add"),
        {"host": "", "old_path": "/news/an-ninh/vu-an-12.html/", "article": published_article.pk,
         "target": "", "source": "", "_save": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Redirect.objects.get().old_path == "/news/an-ninh/vu-an-12.html"
    client.logout()
    answer = client.get("/news/an-ninh/vu-an-12.html")
    assert answer.status_code == 301
    assert answer["Location"].endswith(published_article.get_absolute_url())


def test_an_import_killed_with_the_server_is_offered_to_resume(
    client, chief, launch_here, tmp_path
):
    archive = tmp_path / "backan.xml"
    archive.write_text(archives.full_wxr(), encoding="utf-8")
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(archives.MAPPING, encoding="utf-8")
    run = services.import_run_create(
        source="backan", reader="wxr", path=str(archive), options={"mapping": str(mapping)},
        dry_run=False, by=chief,
    )  # fmt: skip
    page = reverse("admin:imports_importrun_change", args=[run.pk])
    client.force_login(chief)
    ImportRun.objects.filter(pk=run.pk).update(state="running")
    assert "Tiếp tục" not in client.get(page).content.decode()  # it may still be going
    a_while_ago = timezone.now() - dt.timedelta(minutes=10)
    ImportRun.objects.filter(pk=run.pk).update(started_at=a_while_ago)
    assert "Tiếp tục" in client.get(page).content.decode()
    client.post(reverse("admin:imports_importrun_resume", args=[run.pk]))
    run.refresh_from_db()
    assert launch_here == [run.pk] and run.state == "done" and run.created == 8
