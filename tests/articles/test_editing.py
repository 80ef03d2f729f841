"""Writing in the admin: object-level edit rules, conflict-safe saving, revisions, soft locks."""

import io

import pytest
from django.urls import reverse

from articles import services
from articles.models import Article, Author
from articles.revisions import versions_of
from photos.models import Image
from tests.articles.forms import article_form_data, new_article_data
from tests.factories import jpeg_bytes, make_article, make_author, make_section

Status = Article.Status


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def reporter_author(reporter):
    return Author.objects.create(name="Lê Thị Hạnh", unit="Công an huyện Phú Lương", user=reporter)


def test_reporter_writes_a_draft_in_the_admin(client, reporter, reporter_author):
    section = make_section("An ninh trật tự")
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_article_add"),
        new_article_data(
            section=section, author=reporter_author, body="<p>Tin <script>x</script></p>"
        ),
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    article = Article.objects.get()
    assert article.status == Status.DRAFT
    assert article.created_by == reporter
    assert article.body == "<p>Tin </p>"
    assert article.byline == "Lê Thị Hạnh (Công an huyện Phú Lương)"
    assert (
        article.slug == "cong-an-phuong-to-chuc-tuyen-truyen-phong-chay-chua-chay-tai-cho-trung-tam"
    )


def test_reporter_cannot_schedule_or_feature(client, reporter, reporter_author):
    client.force_login(reporter)
    data = new_article_data(
        section=make_section(), author=reporter_author, featured="on",
        published_at_0="01/01/2030", published_at_1="08:00",
    )  # fmt: skip
    client.post(reverse("admin:articles_article_add"), data)
    article = Article.objects.get()
    assert (article.featured, article.published_at) == (False, None)


@pytest.mark.parametrize(
    ("persona", "status", "can_save"),
    [
        ("reporter", Status.DRAFT, True),
        ("reporter", Status.RETURNED, True),
        ("reporter", Status.SUBMITTED, False),
        ("reporter", Status.PUBLISHED, False),
        ("editor", Status.SUBMITTED, True),
        ("editor", Status.FORWARDED, True),
        ("editor", Status.PUBLISHED, False),
        ("approver", Status.PUBLISHED, True),
        ("photo_staff", Status.DRAFT, False),
    ],
)
def test_who_may_edit_which_article(client, request, reporter_author, persona, status, can_save):
    user = request.getfixturevalue(persona)
    article = make_article(
        status=status, authors=[reporter_author], created_by=reporter_author.user,
        **({} if status == Status.PUBLISHED else {"published_at": None}),
    )  # fmt: skip
    client.force_login(user)
    response = client.post(change_url(article), article_form_data(article, title="Tiêu đề mới"))
    article.refresh_from_db()
    if can_save:
        assert response.status_code == 302
        assert article.title == "Tiêu đề mới"
    else:
        assert response.status_code == 403
        assert article.title != "Tiêu đề mới"


def test_reporter_does_not_see_other_peoples_articles(client, reporter, editor):
    mine = make_article(title="Bài của tôi về an toàn giao thông", created_by=reporter)
    theirs = make_article(title="Bài của đồng nghiệp về phòng cháy", created_by=editor)
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert mine.title in page
    assert theirs.title not in page


def test_slug_is_editable_until_first_publication(client, approver, editor):
    article = make_article(status=Status.FORWARDED, published_at=None)
    client.force_login(editor)
    client.post(change_url(article), article_form_data(article, slug="duong-dan-moi"))
    article.refresh_from_db()
    assert article.slug == "duong-dan-moi"
    services.article_approve(article=article, by=approver)
    client.force_login(approver)
    client.post(change_url(article), article_form_data(article, slug="doi-sau-khi-dang"))
    article.refresh_from_db()
    assert article.slug == "duong-dan-moi"


def test_a_stale_form_is_refused_and_keeps_the_text(client, editor, approver):
    article = make_article(status=Status.SUBMITTED, published_at=None)
    first = article_form_data(article, body="<p>Bản của biên tập viên.</p>")
    second = article_form_data(article, body="<p>Bản của lãnh đạo, mở cùng lúc.</p>")

    client.force_login(editor)
    assert client.post(change_url(article), first).status_code == 302
    client.force_login(approver)
    response = client.post(change_url(article), second)

    assert response.status_code == 200
    page = response.content.decode()
    assert "sau khi bạn mở" in page
    assert "Bản của lãnh đạo, mở cùng lúc." in page  # their text is shown back
    article.refresh_from_db()
    assert article.body == "<p>Bản của biên tập viên.</p>"  # nothing overwritten

    # Saving again from the refreshed form is a deliberate overwrite.
    again = dict(second, edit_version=response.context["adminform"].form.data["edit_version"])
    assert client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Bản của lãnh đạo, mở cùng lúc.</p>"


def test_every_save_keeps_a_revision_that_can_be_compared_and_restored(client, editor):
    article = make_article(
        status=Status.SUBMITTED, published_at=None, title="Tiêu đề ban đầu của bài viết",
        body="<p>Câu thứ nhất.</p>",
    )  # fmt: skip
    client.force_login(editor)
    client.post(change_url(article), article_form_data(article))
    article.refresh_from_db()
    client.post(
        change_url(article),
        article_form_data(article, title="Tiêu đề đã sửa", body="<p>Câu thứ hai.</p>"),
    )
    article.refresh_from_db()
    revisions_url = reverse("admin:articles_article_revisions", args=[article.pk])
    versions = list(versions_of(article))
    assert len(versions) == 2
    newer, older = versions
    page = client.get(revisions_url, {"a": older.pk, "b": newer.pk}).content.decode()
    assert "<del>ban đầu của bài viết</del>" in page
    assert "<ins>đã sửa</ins>" in page
    assert "<del>Câu thứ nhất.</del>" in page or "<del>nhất.</del>" in page

    restore_url = reverse("admin:articles_article_restore", args=[article.pk])
    assert client.post(restore_url, {"version": older.pk}).status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề ban đầu của bài viết"
    assert article.body == "<p>Câu thứ nhất.</p>"
    assert article.status == Status.SUBMITTED
    assert len(list(versions_of(article))) == 3


def test_a_revisions_note_names_the_fields_as_the_editor_saw_them(client, editor):
    article = make_article(status=Status.SUBMITTED, published_at=None, body="<p>Câu một.</p>")
    client.force_login(editor)
    client.post(
        change_url(article),
        article_form_data(article, title="Tiêu đề đã sửa lại", body="<p>Câu hai.</p>"),
    )
    note = versions_of(article).first().revision.comment
    assert note == "Đã sửa: Tiêu đề, Nội dung"
    page = client.get(reverse("admin:articles_article_revisions", args=[article.pk]))
    assert "Đã sửa: Tiêu đề, Nội dung" in page.content.decode()
    assert "title, body" not in page.content.decode()


def test_a_step_is_confirmed_in_a_sentence_of_its_own(client, reporter, reporter_author):
    article = make_article(
        title="Bài gửi biên tập", status=Status.DRAFT, published_at=None, authors=[reporter_author]
    )
    client.force_login(reporter)
    url = reverse("admin:articles_article_transition", args=[article.pk, "submit"])
    response = client.post(url, {"comment": ""}, follow=True)
    assert "Đã gửi biên tập bài “Bài gửi biên tập”." in response.content.decode()


def test_restoring_a_revision_never_publishes(client, approver, editor):
    article = make_article(status=Status.FORWARDED, published_at=None)
    client.force_login(editor)
    client.post(change_url(article), article_form_data(article))
    services.article_approve(article=article, by=approver)
    services.article_take_down(article=article, by=approver, reason="Sai số liệu")
    client.force_login(approver)
    old = versions_of(article).last()
    client.post(reverse("admin:articles_article_restore", args=[article.pk]), {"version": old.pk})
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED


def test_someone_else_editing_is_shown(client, editor, approver):
    article = make_article(status=Status.SUBMITTED, published_at=None)
    client.force_login(editor)
    client.get(change_url(article))
    client.force_login(approver)
    page = client.get(change_url(article)).content.decode()
    assert "Đang được chỉnh sửa bởi bientap" in page


def test_preview_shows_a_draft_to_staff_only(client, reporter, reporter_author):
    article = make_article(
        status=Status.DRAFT, published_at=None, authors=[reporter_author], created_by=reporter
    )
    url = reverse("article-preview", args=[article.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(reporter)
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert article.title in response.content.decode()
    assert "Bản xem trước" in response.content.decode()


def test_editor_image_upload_goes_into_the_library(client, reporter):
    client.force_login(reporter)
    url = reverse("admin:articles_article_editor_upload")
    upload = io.BytesIO(jpeg_bytes((300, 200)))
    upload.name = "anh-hien-truong.jpg"
    response = client.post(url, {"upload": upload})
    assert response.status_code == 200
    image = Image.objects.get()
    assert response.json()["url"] == image.file.url
    assert (image.uploaded_by, image.original_filename) == (reporter, "anh-hien-truong.jpg")


def test_editor_image_upload_refuses_what_is_not_an_image(client, reporter):
    client.force_login(reporter)
    fake = io.BytesIO(b"<script>alert(1)</script>")
    fake.name = "anh.jpg"
    response = client.post(reverse("admin:articles_article_editor_upload"), {"upload": fake})
    assert response.status_code == 200  # CKEditor shows the message; no failed request logged
    assert "không phải ảnh chụp" in response.json()["error"]["message"]
    assert not Image.objects.exists()


def test_editor_image_upload_needs_the_right_to_upload(client, django_user_model):
    staff = django_user_model.objects.create_user("khach", password="x" * 16, is_staff=True)
    client.force_login(staff)
    upload = io.BytesIO(jpeg_bytes())
    upload.name = "a.jpg"
    response = client.post(reverse("admin:articles_article_editor_upload"), {"upload": upload})
    assert response.status_code == 403
    assert not Image.objects.exists()


def test_body_images_are_tied_to_the_library_on_save(db):
    image = Image.objects.create(file="anh/2026/01/01/abc.jpg", width=800, height=500)
    article = make_article(body=f'<figure class="image"><img src="{image.file.url}"></figure>')
    assert f'width="800" height="500" data-image-id="{image.pk}"' in article.body


def test_bulk_approve_stays_within_the_role(client, approver, reporter):
    ready = [make_article(status=Status.FORWARDED, published_at=None) for _ in range(2)]
    draft = make_article(status=Status.DRAFT, published_at=None)
    client.force_login(approver)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "approve_selected", "_selected_action": [a.pk for a in [*ready, draft]]},
        follow=True,
    )
    assert response.status_code == 200
    statuses = set(
        Article.objects.filter(pk__in=[a.pk for a in ready]).values_list("status", flat=True)
    )
    assert statuses == {Status.PUBLISHED}
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    client.force_login(reporter)
    actions = client.get(reverse("admin:articles_article_changelist")).context["action_form"]
    assert "approve_selected" not in dict(actions.fields["action"].choices)


@pytest.mark.parametrize(
    "persona", ["reporter", "editor", "approver", "photo_staff", "administrator"]
)
def test_admin_pages_render_in_vietnamese_for_every_role(client, request, persona):
    user = request.getfixturevalue(persona)
    article = make_article(created_by=user, status=Status.DRAFT, published_at=None)
    make_author()
    client.force_login(user)
    can_write = persona != "photo_staff"
    pages = {
        reverse("admin:index"): 200,
        reverse("admin:photos_image_changelist"): 200,
        reverse("admin:articles_article_changelist"): 200 if can_write else 403,
        reverse("admin:articles_article_add"): 200 if can_write else 403,
        change_url(article): 200 if can_write else 403,
        reverse("admin:articles_article_revisions", args=[article.pk]): 200 if can_write else 403,
    }
    for url, status in pages.items():
        response = client.get(url)
        assert response.status_code == status, url
        if status == 200:
            html = response.content.decode()
            assert "Bàn biên tập" in html, url
            # Django's own admin strings that its Vietnamese catalogue lacks (ours has them).
            assert "Chuyển đến nội dung chính" in html, url
            assert "Skip to main content" not in html and "Toggle theme" not in html, url


def test_a_form_with_an_error_says_so_in_vietnamese(client, editor):
    client.force_login(editor)
    response = client.post(reverse("admin:articles_article_add"), {"title": ""})
    assert "Vui lòng sửa các lỗi bên dưới." in response.content.decode()


def test_admin_search_ignores_accents(client, editor):
    wanted = make_article(
        title="Công an huyện tuần tra đêm", status=Status.SUBMITTED, published_at=None
    )
    make_article(title="Phòng cháy chữa cháy tại chợ", status=Status.SUBMITTED, published_at=None)
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"), {"q": "cong an tuan"})
    assert list(response.context["cl"].result_list) == [wanted]


def test_a_new_article_starts_with_its_writer_in_the_byline(client, reporter, reporter_author):
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert f'<option value="{reporter_author.pk}" selected>{reporter_author}</option>' in page


def test_a_reporter_reads_their_submitted_article_as_text_not_html(
    client, reporter, reporter_author
):
    article = make_article(
        status=Article.Status.SUBMITTED,
        published_at=None,
        authors=[reporter_author],
        body="<h2>Diễn biến</h2><ul><li>Bắt giữ 3 đối tượng</li></ul>",
    )
    client.force_login(reporter)
    html = client.get(change_url(article)).content.decode()
    assert "<h2>Diễn biến</h2><ul><li>Bắt giữ 3 đối tượng</li></ul>" in html
    assert "&lt;h2&gt;" not in html
