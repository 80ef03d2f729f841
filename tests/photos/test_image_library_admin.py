"""The photo library in the admin, as photo staff and editors use it."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError
from django.test import Client
from PIL import Image as PILImage

from accounts.models import User
from articles.models import Article, GalleryItem
from photos import renditions
from photos import services as images
from photos.models import Image
from tests import media
from tests.factories import (
    HTML_PAGE,
    jpeg_bytes,
    make_article,
    make_campaign,
    make_image,
    phone_photo,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "/quan-tri/photos/image/"
UPLOAD_PAGE = "/quan-tri/photos/image/upload/"
UPLOAD_FILE = "/quan-tri/photos/image/upload/file/"


def files_in(_root=None) -> list[str]:
    """Every file in the public media store (a folder, or a bucket with make test-s3)."""
    return media.stored_names()


def as_user(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def photo_file(name: str = "su-kien.jpg", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data or phone_photo(), content_type="image/jpeg")


# Who may do what --------------------------------------------------------------------


def test_photo_staff_use_the_library_but_cannot_touch_articles(client, photo_staff):
    as_user(client, photo_staff)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(UPLOAD_PAGE).status_code == 200
    assert client.get("/quan-tri/articles/article/").status_code == 403
    assert client.get("/quan-tri/articles/article/add/").status_code == 403
    index = client.get("/quan-tri/").content.decode()
    assert "/quan-tri/photos/image/" in index
    assert "/quan-tri/articles/article/" not in index


def test_upload_needs_the_add_image_permission(client, db):
    clerk = User.objects.create_user("vanthu", password="mat-khau-rat-dai-123", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_image"))
    as_user(client, clerk)
    response = client.post(UPLOAD_FILE, {"file": photo_file()})
    assert response.status_code == 403
    assert response.json()["error"] == "Bạn không có quyền thêm ảnh vào thư viện."
    assert client.get(UPLOAD_PAGE).status_code == 403
    assert Image.objects.count() == 0


def test_upload_needs_the_csrf_token(photo_staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(photo_staff)
    assert client.post(UPLOAD_FILE, {"file": photo_file()}).status_code == 403
    assert Image.objects.count() == 0


# Bulk upload --------------------------------------------------------------------------


def test_each_file_of_a_bulk_upload_gets_its_own_answer(client, photo_staff, media_root):
    as_user(client, photo_staff)
    ok = client.post(UPLOAD_FILE, {"file": photo_file("IMG_0001.JPG")})
    assert ok.status_code == 200
    answer = ok.json()
    image = Image.objects.get(pk=answer["id"])
    assert answer["ok"] and answer["created"] and answer["name"] == "IMG_0001.JPG"
    assert answer["thumbnail"].endswith("/120.webp")  # the smallest rendition
    assert image.uploaded_by == photo_staff

    refused = client.post(UPLOAD_FILE, {"file": photo_file("trang.jpg", HTML_PAGE)})
    assert refused.status_code == 200  # the batch goes on; the file carries its reason
    assert refused.json() == {
        "ok": False,
        "name": "trang.jpg",
        "error": "Đây là trang web hoặc mã script được đổi tên thành ảnh, không phải ảnh chụp.",
    }
    assert Image.objects.count() == 1

    again = client.post(UPLOAD_FILE, {"file": photo_file("IMG_0001 (1).JPG")}).json()
    assert again["id"] == image.pk and not again["created"]
    assert "Ảnh đã có trong thư viện" in again["note"]


def test_upload_page_has_its_script_in_a_file_and_no_inline_code(client, photo_staff):
    html = as_user(client, photo_staff).get(UPLOAD_PAGE).content.decode()
    assert 'src="/static/js/image-upload.js"' in html
    page = html[html.index('<div id="content-main"') :]
    assert "<script>" not in page and " style=" not in page and "onclick" not in page
    assert 'data-endpoint="/quan-tri/photos/image/upload/file/"' in html
    assert 'accept="image/jpeg,image/png,image/webp' in html


def test_without_javascript_the_form_uploads_every_file_then_asks_for_captions(client, photo_staff):
    as_user(client, photo_staff)
    response = client.post(
        UPLOAD_PAGE,
        {"files": [photo_file("a.jpg", jpeg_bytes()), photo_file("b.jpg", jpeg_bytes())]},
    )
    ids = sorted(Image.objects.values_list("pk", flat=True))
    assert response.status_code == 302
    assert response["Location"] == f"/quan-tri/photos/image/captions/?ids={ids[0]},{ids[1]}"


def test_without_javascript_a_refused_file_is_reported_and_the_good_ones_kept(client, photo_staff):
    as_user(client, photo_staff)
    response = client.post(
        UPLOAD_PAGE, {"files": [photo_file("a.jpg", jpeg_bytes()), photo_file("x.jpg", HTML_PAGE)]}
    )
    assert response.status_code == 200
    assert "không phải ảnh chụp" in response.content.decode()
    assert Image.objects.count() == 1


def test_one_form_sets_captions_credit_and_place_for_all_uploaded_photos(client, photo_staff):
    first = make_image(uploaded_by=photo_staff)
    second = make_image(uploaded_by=photo_staff, credit="Ảnh: Riêng")
    as_user(client, photo_staff)
    url = f"/quan-tri/photos/image/captions/?ids={first.pk},{second.pk}"
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        url,
        {
            "all-credit": "Ảnh: Đỗ Thu Trang",
            "all-place": "xã Yên Ninh, huyện Phú Lương",
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": first.pk,
            "form-0-caption": "Lực lượng chức năng có mặt tại hiện trường",
            "form-0-alt_text": "",
            "form-0-credit": "",
            "form-0-place": "",
            "form-1-id": second.pk,
            "form-1-caption": "Người dân hỗ trợ dập lửa",
            "form-1-alt_text": "",
            "form-1-credit": "Ảnh: Riêng",
            "form-1-place": "",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.caption == "Lực lượng chức năng có mặt tại hiện trường"
    assert (first.credit, first.place) == ("Ảnh: Đỗ Thu Trang", "xã Yên Ninh, huyện Phú Lương")
    assert second.credit == "Ảnh: Riêng"  # a photo's own credit is kept
    assert second.place == "xã Yên Ninh, huyện Phú Lương"


def test_reporters_may_caption_only_the_photos_they_uploaded(client, reporter, photo_staff):
    own, other = make_image(uploaded_by=reporter), make_image(uploaded_by=photo_staff)
    as_user(client, reporter)
    page = client.get(f"/quan-tri/photos/image/captions/?ids={own.pk},{other.pk}")
    assert [form.instance for form in page.context["formset"]] == [own]


# The grid, search and filters ---------------------------------------------------------


def test_library_is_a_grid_of_thumbnails_not_originals(client, photo_staff):
    image = make_image(caption="Tuần tra đêm", data=jpeg_bytes((900, 600)))
    html = as_user(client, photo_staff).get(CHANGELIST).content.decode()
    assert 'class="image-grid"' in html
    assert renditions.rendition_url(image.file.name, 320, "webp") in html
    assert f'src="{image.file.url}"' not in html
    assert "Tải ảnh lên" in html


def test_search_ignores_accents(client, photo_staff):
    make_image(caption="Tuần tra tại xã Yên Ninh", place="huyện Phú Lương")
    make_image(caption="Đội Cảnh sát giao thông", credit="Ảnh: Đỗ Hà")
    make_image(caption="Hội nghị tổng kết")
    as_user(client, photo_staff)

    def found(query: str) -> list[str]:
        response = client.get(CHANGELIST, {"q": query})
        return sorted(i.caption for i in response.context["cl"].result_list)

    assert found("phu luong") == ["Tuần tra tại xã Yên Ninh"]
    assert found("PHÚ LƯƠNG") == ["Tuần tra tại xã Yên Ninh"]
    assert found("doi canh sat") == ["Đội Cảnh sát giao thông"]
    assert found("do ha") == ["Đội Cảnh sát giao thông"]
    assert found("tong ket hoi") == ["Hội nghị tổng kết"]


def test_filter_by_use(client, photo_staff):
    cover, body, story, campaign_cover, spare = (make_image(caption=c) for c in "ABCDE")
    article = make_article(
        cover=cover, body=f'<p><img src="x.jpg" alt="" data-image-id="{body.pk}"></p>'
    )
    GalleryItem.objects.create(article=article, image=story)
    make_campaign(cover=campaign_cover)
    as_user(client, photo_staff)

    def captions(use: str) -> list[str]:
        return sorted(
            i.caption for i in client.get(CHANGELIST, {"use": use}).context["cl"].result_list
        )

    assert captions("used") == ["A", "B", "C", "D"]
    assert captions("unused") == ["E"]


def test_filter_by_uploader(client, photo_staff, editor):
    make_image(caption="của ảnh", uploaded_by=photo_staff)
    make_image(caption="của biên tập", uploaded_by=editor)
    as_user(client, photo_staff)
    response = client.get(CHANGELIST, {"uploaded_by__id__exact": editor.pk})
    assert [i.caption for i in response.context["cl"].result_list] == ["của biên tập"]


def test_library_page_queries_do_not_grow_with_the_photos(
    client, photo_staff, django_assert_max_num_queries
):
    for _ in range(30):
        make_image(uploaded_by=photo_staff)
    as_user(client, photo_staff)
    client.get(CHANGELIST)  # the session's first page also records its 2FA policy
    with django_assert_max_num_queries(12):
        assert client.get(CHANGELIST).status_code == 200


# One photo: used in, replace, focal point ---------------------------------------------


def test_photo_page_lists_where_it_is_used(client, editor):
    image = make_image()
    article = make_article(
        title="Bắt giữ đối tượng trộm cắp tài sản tại chợ trung tâm", cover=image
    )
    GalleryItem.objects.create(article=article, image=image)
    make_campaign("Vì an ninh Tổ quốc", cover=image)
    html = (
        as_user(client, editor).get(f"/quan-tri/photos/image/{image.pk}/change/").content.decode()
    )
    assert "Bắt giữ đối tượng trộm cắp tài sản tại chợ trung tâm" in html
    assert "ảnh đại diện, phóng sự ảnh" in html
    assert "Vì an ninh Tổ quốc" in html


def test_replacing_the_file_keeps_the_record_and_makes_new_renditions(
    client, photo_staff, media_root, django_capture_on_commit_callbacks
):
    image = make_image(data=jpeg_bytes((800, 500)), caption="Giữ nguyên chú thích")
    article = make_article(
        body=f'<figure><img src="{image.file.url}" alt="" width="800" height="500" '
        f'data-image-id="{image.pk}"></figure>'
    )
    old_files = set(files_in(media_root))
    as_user(client, photo_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/quan-tri/photos/image/{image.pk}/change/",
            {
                "caption": "Giữ nguyên chú thích",
                "alt_text": "",
                "credit": "",
                "place": "",
                "focal_x": "",
                "focal_y": "",
                "replace_with": photo_file("moi.jpg", phone_photo((1200, 900))),
            },
        )
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.width, image.height, image.caption) == (1200, 900, "Giữ nguyên chú thích")
    assert image.renditions["sizes"][-1] == [1200, 900]
    assert not old_files & set(files_in(media_root))  # the old files are gone
    article.refresh_from_db()
    assert f'src="{image.file.url}"' in article.body and 'width="1200" height="900"' in article.body


def test_a_bad_replacement_is_refused_and_the_photo_stays(client, photo_staff, media_root):
    image = make_image()
    before = sorted(files_in(media_root))
    as_user(client, photo_staff)
    response = client.post(
        f"/quan-tri/photos/image/{image.pk}/change/",
        {"caption": "", "replace_with": photo_file("x.jpg", HTML_PAGE)},
    )
    assert response.status_code == 200
    assert "trang web hoặc mã script" in response.content.decode()
    assert sorted(files_in(media_root)) == before


def test_setting_the_focal_point_in_the_admin_makes_a_new_social_crop(client, photo_staff):
    image = make_image(data=jpeg_bytes((1600, 900)))
    as_user(client, photo_staff)
    client.post(
        f"/quan-tri/photos/image/{image.pk}/change/",
        {
            "caption": "",
            "alt_text": "",
            "credit": "",
            "place": "",
            "focal_x": "0.2",
            "focal_y": "0.3",
        },
    )
    image.refresh_from_db()
    assert image.focal_point == (0.2, 0.3)
    assert renditions.social_image_url(image).endswith("/og-20-30.jpg")


def test_a_focal_point_outside_the_photo_is_refused(client, photo_staff):
    image = make_image()
    as_user(client, photo_staff)
    response = client.post(
        f"/quan-tri/photos/image/{image.pk}/change/",
        {"caption": "", "focal_x": "1.5", "focal_y": "0.3"},
    )
    assert response.status_code == 200
    image.refresh_from_db()
    assert image.focal_x is None


def test_single_upload_from_the_article_form_popup_lands_in_the_library(client, editor):
    as_user(client, editor)
    response = client.post(
        "/quan-tri/photos/image/add/?_popup=1&_to_field=id",
        {
            "_popup": "1",
            "_to_field": "id",
            "upload": photo_file("bia.jpg"),
            "caption": "Ảnh bìa",
            "alt_text": "",
            "credit": "Ảnh: Minh",
            "place": "",
        },
    )
    image = Image.objects.get()
    assert response.status_code == 200
    assert "popup_response" in response.templates[0].name
    assert (image.caption, image.credit, image.uploaded_by) == ("Ảnh bìa", "Ảnh: Minh", editor)
    with image.file.open("rb") as stored, PILImage.open(stored) as picture:
        assert not picture.getexif()


def test_the_admin_add_form_refuses_an_svg(client, photo_staff):
    as_user(client, photo_staff)
    svg = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    response = client.post("/quan-tri/photos/image/add/", {"upload": svg, "caption": ""})
    assert response.status_code == 200
    assert "Không nhận ảnh vẽ SVG" in response.content.decode()
    assert Image.objects.count() == 0


# Deleting --------------------------------------------------------------------------------


@pytest.fixture
def used_image():
    image = make_image(caption="Ảnh đang dùng")
    make_article(
        title="Bài có ảnh trong nội dung", body=f'<img src="x" alt="" data-image-id="{image.pk}">'
    )
    return image


def test_deleting_a_photo_in_use_is_refused_with_the_list_of_articles(
    client, photo_staff, used_image
):
    as_user(client, photo_staff)
    url = f"/quan-tri/photos/image/{used_image.pk}/delete/"
    page = client.get(url).content.decode()
    assert "không thể xóa" in page
    assert "Bài có ảnh trong nội dung" in page
    assert "Yes, I’m sure" not in page and 'name="post"' not in page
    client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=used_image.pk).exists()


def test_bulk_delete_refuses_photos_in_use(client, photo_staff, used_image, media_root):
    spare = make_image(caption="Ảnh thừa")
    as_user(client, photo_staff)
    response = client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [used_image.pk, spare.pk], "post": "yes"},
    )
    html = response.content.decode()
    assert "Bài có ảnh trong nội dung" in html
    assert Image.objects.count() == 2


def test_an_unused_photo_is_deleted_with_all_its_files(
    client, photo_staff, media_root, django_capture_on_commit_callbacks
):
    image = make_image()
    assert files_in(media_root)
    as_user(client, photo_staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/quan-tri/photos/image/{image.pk}/delete/", {"post": "yes"})
    assert not Image.objects.exists()
    assert files_in(media_root) == []


def test_the_service_refuses_to_delete_a_photo_in_use(used_image):
    with pytest.raises(images.ImageInUse) as refusal:
        images.image_delete(image=used_image)
    assert "Bài có ảnh trong nội dung" in refusal.value.messages[0]


@pytest.mark.parametrize("role", ["cover", "body", "gallery", "campaign"])
def test_the_database_itself_protects_a_photo_in_use(role):
    image = make_image()
    if role == "cover":
        make_article(cover=image)
    elif role == "body":
        make_article(body=f'<img src="x" alt="" data-image-id="{image.pk}">')
    elif role == "gallery":
        GalleryItem.objects.create(article=make_article(), image=image)
    else:
        make_campaign(cover=image)
    with pytest.raises(ProtectedError):
        image.delete()


def test_taking_a_photo_out_of_the_body_frees_it(used_image):
    article = Article.objects.get(body_images=used_image)
    article.body = "<p>Không còn ảnh.</p>"
    article.save()
    images.image_delete(image=used_image)
    assert not Image.objects.exists()


def test_json_answers_are_valid_json_for_the_script(client, photo_staff):
    response = as_user(client, photo_staff).post(UPLOAD_FILE, {})
    assert response.status_code == 400
    assert json.loads(response.content) == {"ok": False, "error": "Không nhận được tệp nào."}


def test_picking_a_cover_in_the_article_form_searches_without_accents(client, editor):
    wanted = make_image(caption="Tuần tra tại xã Yên Ninh", place="huyện Phú Lương")
    make_image(caption="Hội nghị tổng kết")
    as_user(client, editor)
    response = client.get(
        "/quan-tri/autocomplete/",
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "cover",
            "term": "yen ninh",
        },
    )
    assert [r["id"] for r in response.json()["results"]] == [str(wanted.pk)]
