"""Readers get renditions (WebP + JPEG at fixed widths), never the stored original."""

import io
import re

import pytest
from django.template import Context, Template
from PIL import Image as PILImage
from PIL import ImageChops

from articles.models import GalleryItem
from photos import pipeline, renditions
from photos import services as images
from public.pagecache import content_version
from tests import media
from tests.factories import jpeg_bytes, make_article, make_image

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load pictures %}" + source).render(Context(context))


def test_a_large_photo_gets_every_width_in_webp_and_jpeg(media_root):
    image = make_image(data=jpeg_bytes((2400, 1600)))
    assert image.renditions["sizes"] == [
        [320, 213],
        [640, 427],
        [960, 640],
        [1280, 853],
        [1920, 1280],
    ]
    folder = image.file.name.removesuffix(".jpg")
    for width, height in image.renditions["sizes"]:
        for ext, fmt in (("webp", "WEBP"), ("jpg", "JPEG")):
            data = media.read(f"{folder}/{width}.{ext}")
            with PILImage.open(io.BytesIO(data)) as rendition:
                assert (rendition.format, rendition.size) == (fmt, (width, height))


def test_a_small_photo_is_never_enlarged(media_root):
    image = make_image(data=jpeg_bytes((500, 300)))
    assert image.renditions["sizes"] == [[320, 192], [500, 300]]


def test_social_crop_is_1200_by_630(media_root):
    image = make_image(data=jpeg_bytes((1600, 1000)))
    data = media.read(media.name_of(renditions.social_image_url(image)))
    with PILImage.open(io.BytesIO(data)) as social:
        assert social.size == (1200, 630)


def wide_photo_with_a_face_on_the_left() -> bytes:
    picture = PILImage.new("RGB", (2400, 800), (40, 40, 40))
    picture.paste((230, 20, 20), (100, 250, 300, 550))  # the "face"
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def social_crop(image, media_root) -> PILImage.Image:
    data = media.read(media.name_of(renditions.social_image_url(image)))
    return PILImage.open(io.BytesIO(data)).convert("RGB")


def reddest(picture: PILImage.Image) -> int:
    red, green, _blue = picture.split()
    return ImageChops.subtract(red, green).getextrema()[1]


def test_social_crop_keeps_the_focal_point_set_by_staff(media_root):
    image = make_image(data=wide_photo_with_a_face_on_the_left())
    assert reddest(social_crop(image, media_root)) < 60  # centred crop: the face is cut off

    images.image_set_focal_point(image=image, focal_point=(0.08, 0.5))
    image.refresh_from_db()
    assert image.renditions["social"] == "og-8-50.jpg"
    assert reddest(social_crop(image, media_root)) > 150  # the face is in the picture


def test_focal_crop_box_stays_inside_the_photo():
    assert pipeline.focal_crop_box((2400, 800), (1200, 630), (0.0, 0.5)) == (0, 0, 1524, 800)
    assert pipeline.focal_crop_box((2400, 800), (1200, 630), (1.0, 0.5)) == (876, 0, 2400, 800)
    assert pipeline.focal_crop_box((1000, 2000), (1200, 630), (0.5, 0.2)) == (0, 138, 1000, 663)


def test_picture_tag_gives_webp_with_jpeg_fallback_sizes_and_dimensions(settings):
    image = make_image(data=jpeg_bytes((1600, 1000)), caption="Lễ ra quân")
    html = render('{% picture image sizes="(min-width: 48rem) 40rem, 100vw" %}', image=image)
    folder = settings.MEDIA_URL + image.file.name.removesuffix(".jpg")
    assert f'<source type="image/webp" srcset="{folder}/320.webp 320w, {folder}/640.webp' in html
    assert f'srcset="{folder}/320.jpg 320w' in html
    assert 'sizes="(min-width: 48rem) 40rem, 100vw"' in html
    assert 'width="1600" height="1000"' in html
    assert 'loading="lazy"' in html
    assert 'alt="Lễ ra quân"' in html
    assert image.file.url not in html  # never the stored original


def test_picture_tag_for_the_top_image_is_eager_and_high_priority():
    image = make_image(data=jpeg_bytes((800, 500)))
    html = render("{% picture image priority=True %}", image=image)
    assert 'fetchpriority="high"' in html
    assert "loading=" not in html


def test_social_image_url_is_absolute(settings):
    settings.SITE_URL = "https://congan.example.vn"
    image = make_image(data=jpeg_bytes((800, 500)))
    expected = settings.MEDIA_URL if media.S3_MODE else "https://congan.example.vn/media/"
    assert renditions.social_image_url(image).startswith(f"{expected}anh/")
    assert renditions.social_image_url(None) == ""


@pytest.fixture
def illustrated_article():
    """An article with a cover, 20 photos in its body and a 20-photo story."""
    body_images = [make_image(data=jpeg_bytes((400, 240))) for _ in range(20)]
    body = "".join(
        f'<figure class="image"><img src="{i.file.url}" alt="Ảnh {n}" width="400" height="240" '
        f'data-image-id="{i.pk}"><figcaption>Chú thích {n}</figcaption></figure>'
        for n, i in enumerate(body_images)
    )
    article = make_article(body=body, cover=make_image(data=jpeg_bytes((800, 500))))
    for position, image in enumerate([make_image(data=jpeg_bytes((400, 260))) for _ in range(20)]):
        GalleryItem.objects.create(article=article, image=image, position=position)
    return article, body_images


def test_article_page_serves_renditions_and_never_an_original(
    client, illustrated_article, settings
):
    article, body_images = illustrated_article
    html = client.get(article.get_absolute_url()).content.decode()
    for image in [article.cover, *body_images]:
        assert image.file.url not in html
    assert html.count("<picture>") == 1 + 20 + 20
    assert 'alt="Ảnh 3"' in html  # the editor's alt text survives
    base = settings.MEDIA_URL if media.S3_MODE else "http://127.0.0.1:8000/media/"
    social = f'<meta property="og:image" content="{re.escape(base)}anh/[^"]+/og-50-50\\.jpg"'
    assert re.search(social, html)


def test_a_page_with_40_photos_opens_no_file_and_queries_a_constant_number_of_times(
    client, illustrated_article, monkeypatch, django_assert_max_num_queries
):
    article, _body_images = illustrated_article

    def no_file_access(*args, **kwargs):
        raise AssertionError("a page view opened an image file")

    monkeypatch.setattr(PILImage, "open", no_file_access)
    monkeypatch.setattr("django.core.files.storage.FileSystemStorage.open", no_file_access)
    monkeypatch.setattr("django.core.files.storage.FileSystemStorage.size", no_file_access)
    monkeypatch.setattr("storages.backends.s3.S3Storage.open", no_file_access)
    monkeypatch.setattr("storages.backends.s3.S3Storage.size", no_file_access)
    content_version()  # looked up once per change of content, not per page
    # The right column (related, most read, latest) included: tests/public/test_query_budget.py
    with django_assert_max_num_queries(10):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200


def test_photo_story_is_an_ordered_list_with_captions_that_works_without_script(client):
    first, second = make_image(caption="Chú thích gốc 1"), make_image(caption="Chú thích gốc 2")
    article = make_article()
    GalleryItem.objects.create(article=article, image=second, position=2)
    GalleryItem.objects.create(article=article, image=first, position=1, caption="Riêng bài này")
    html = client.get(article.get_absolute_url()).content.decode()
    story = html[html.index('class="gallery"') :]
    assert '<ol class="gallery__track" tabindex="0"' in story
    assert story.index("Riêng bài này") < story.index("Chú thích gốc 2")
    assert "Chú thích gốc 1" not in story  # the story's own caption wins
    assert "data-gallery-controls hidden" in story  # buttons appear only with the script
    assert "js/gallery.js" in html


def test_an_article_without_a_photo_story_loads_no_gallery_script(client):
    html = client.get(make_article().get_absolute_url()).content.decode()
    assert "gallery" not in html
