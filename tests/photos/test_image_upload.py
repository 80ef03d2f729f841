"""What happens to each kind of file photo staff (or an attacker) sends to the library."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from photos.models import Image
from photos.services import image_upload
from tests import media
from tests.factories import (
    HTML_PAGE,
    SVG_WITH_SCRIPT,
    animated_gif,
    bomb_png,
    cmyk_jpeg,
    jpeg_bytes,
    noisy_jpeg,
    phone_photo,
    png_16bit,
    truncated_jpeg,
)

pytestmark = pytest.mark.django_db


def upload(data: bytes, name: str = "anh.jpg", user=None, **metadata) -> Image:
    return image_upload(file=io.BytesIO(data), original_name=name, uploaded_by=user, **metadata)


def files_in(_root=None) -> list[str]:
    """Every file in the public media store (a folder, or a bucket with make test-s3)."""
    return media.stored_names()


def open_stored(image: Image) -> PILImage.Image:
    with image.file.open("rb") as stored:
        picture = PILImage.open(io.BytesIO(stored.read()))
        picture.load()
        return picture


def assert_no_personal_metadata(name: str) -> None:
    data = media.read(name)
    with PILImage.open(io.BytesIO(data)) as picture:
        assert not picture.getexif(), f"{name} still has EXIF"
        assert "xmp" not in picture.info and "comment" not in picture.info
    for marker in (b"Exif", b"Samsung", b"Galaxy", "Nguyễn".encode()):
        assert marker not in data, f"{marker!r} left in {name}"


# Accepted, and cleaned ---------------------------------------------------------------


def test_sideways_phone_photo_is_stored_upright(photo_staff, media_root):
    image = upload(phone_photo((120, 80), orientation=6), user=photo_staff)
    assert (image.width, image.height) == (120, 80)
    stored = open_stored(image)
    assert stored.size == (120, 80)
    red, _g, blue = stored.getpixel((10, 40))
    assert red > 150 and blue < 80  # the red half is on the left again
    assert image.uploaded_by == photo_staff


def test_gps_and_camera_data_are_removed_from_every_public_file(db, media_root):
    image = upload(phone_photo((2000, 1200), orientation=1))
    public = files_in(media_root)
    assert len(public) == 1 + 2 * len(image.renditions["sizes"]) + 1  # copy, webp+jpg, social
    for path in public:
        assert_no_personal_metadata(path)


def test_capture_time_is_kept_as_data_before_stripping(db):
    image = upload(phone_photo(taken="2024:05:01 08:30:00"))
    assert image.taken_at.isoformat() == "2024-05-01T08:30:00+07:00"


def test_a_photo_without_camera_data_has_no_capture_time(db):
    assert upload(jpeg_bytes()).taken_at is None


def test_cmyk_jpeg_becomes_rgb_with_its_colours(db):
    image = upload(cmyk_jpeg())
    stored = open_stored(image)
    assert stored.mode == "RGB"
    red, green, blue = stored.getpixel((40, 25))
    assert red > 200 and green < 60 and blue < 60


def test_16_bit_png_keeps_its_tones_instead_of_turning_white(db):
    image = upload(png_16bit(), name="thang-xam.png")
    stored = open_stored(image)
    assert image.file.name.endswith(".png")
    assert stored.getpixel((0, 8)) < 10
    assert 100 < stored.getpixel((128, 8)) < 160
    assert stored.getpixel((255, 8)) > 245


def test_animated_gif_keeps_its_frames(db, media_root):
    image = upload(animated_gif(), name="hoat-hinh.gif")
    assert image.renditions["animated"] is True
    assert open_stored(image).n_frames == 3
    webp = media.read(image.file.name.removesuffix(".gif") + "/60.webp")
    with PILImage.open(io.BytesIO(webp)) as rendition:
        assert rendition.n_frames == 3


def test_avif_is_accepted_and_stored_as_jpeg(db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (10, 120, 200)).save(buffer, "AVIF")
    image = upload(buffer.getvalue(), name="anh.avif")
    assert image.original_format == "AVIF"
    assert image.file.name.endswith(".jpg")
    assert open_stored(image).format == "JPEG"


def test_original_name_is_only_data_and_cannot_steer_the_path(db):
    image = upload(jpeg_bytes(), name="../../../etc/passwd\u202egpj.jpg")
    assert image.file.name.startswith("anh/")
    assert ".." not in image.file.name and "passwd" not in image.file.name
    assert image.original_filename == "passwdgpj.jpg"  # folders and the RTL override dropped


def test_the_same_file_twice_is_stored_once(db, media_root):
    data = jpeg_bytes()
    first, second = upload(data), upload(data)
    assert first.pk == second.pk
    assert Image.objects.count() == 1


def test_trailing_bytes_after_the_picture_are_not_stored(db, media_root):
    """A phone's "motion photo" appends a video after the JPEG: accepted, never kept."""
    data = jpeg_bytes((64, 40)) + b"\x00\x00\x00\x18ftypmp42" + b"\x11" * 4000
    image = upload(data)
    stored = media.read(image.file.name)
    assert b"ftypmp42" not in stored
    assert stored.endswith(b"\xff\xd9")


def test_untouched_original_can_be_kept_privately_outside_media(settings, tmp_path, media_root):
    settings.IMAGE_PRIVATE_ORIGINALS_ROOT = str(tmp_path / "private")
    data = phone_photo()
    image = upload(data)
    kept = tmp_path / "private" / image.private_original
    assert kept.read_bytes() == data  # with its GPS, for investigators only
    for path in files_in(media_root):
        assert_no_personal_metadata(path)


def test_private_originals_inside_media_root_are_refused(settings, media_root):
    settings.IMAGE_PRIVATE_ORIGINALS_ROOT = str(media_root / "private")
    with pytest.raises(Exception, match="outside MEDIA_ROOT"):
        upload(jpeg_bytes())


# Refused, and nothing left behind ----------------------------------------------------

REFUSALS = {
    "zero-byte": (b"", "rong.jpg", "Tệp rỗng"),
    "svg with script": (SVG_WITH_SCRIPT, "logo.svg", "Không nhận ảnh vẽ SVG"),
    "html renamed .jpg": (HTML_PAGE, "anh.jpg", "trang web hoặc mã script"),
    "truncated jpeg": (truncated_jpeg(), "cut.jpg", "bị hỏng hoặc không trọn vẹn"),
    "bomb png": (bomb_png(), "bom.png", "nhiều hơn 50 megapixel"),
    "jpeg with html after the picture": (
        jpeg_bytes() + b"<html><script>alert(1)</script></html>",
        "polyglot.jpg",
        "giấu mã trang web",
    ),
    "gifar (gif + jar)": (None, "gifar.gif", "tệp nén"),
    "plain text": (b"Just some notes, not a photo at all." * 10, "ghi-chu.jpg", "không phải ảnh"),
    "pdf renamed": (b"%PDF-1.4\n" + b"0" * 200, "van-ban.jpg", "không phải ảnh"),
}


def gifar() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as jar:
        jar.writestr("Exploit.class", b"\xca\xfe\xba\xbe" + b"\x00" * 64)
    return animated_gif() + archive.getvalue()


@pytest.mark.parametrize("case", REFUSALS)
def test_refused_files_get_a_clear_message_and_leave_nothing(case, db, media_root):
    data, name, message = REFUSALS[case]
    data = gifar() if data is None else data
    with pytest.raises(ValidationError) as refusal:
        upload(data, name=name)
    assert message in " ".join(refusal.value.messages)
    assert Image.objects.count() == 0
    assert files_in(media_root) == []


def test_oversized_file_is_refused_before_it_is_read(settings, db, media_root):
    settings.IMAGE_MAX_BYTES = 50 * 1024
    big = SimpleUploadedFile("to.jpg", noisy_jpeg((800, 600)), content_type="image/jpeg")
    assert big.size > settings.IMAGE_MAX_BYTES
    with pytest.raises(ValidationError, match="MB, vượt quá"):
        image_upload(file=big, uploaded_by=None)
    assert Image.objects.count() == 0
    assert files_in(media_root) == []


def test_pixel_limit_is_a_setting(settings, db):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError, match="nhiều hơn 1 megapixel"):
        upload(jpeg_bytes((1200, 1000)))


def test_a_failure_while_writing_takes_back_the_files_already_written(db, media_root, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("photos.pipeline.render_social", broken)
    with pytest.raises(OSError):
        upload(noisy_jpeg())
    assert Image.objects.count() == 0
    assert files_in(media_root) == []


def test_iphone_heic_is_accepted_and_stored_as_jpeg(db):
    """HEIC cannot be written with the project's libraries (pi-heif only decodes): this
    596-byte file was made once with Debian's heif-enc (red left half, blue right half)."""
    data = (Path(__file__).parents[1] / "fixtures" / "iphone-64x48.heic").read_bytes()
    image = upload(data, name="IMG_4521.HEIC")
    assert image.original_format == "HEIF"
    assert image.file.name.endswith(".jpg")
    stored = open_stored(image)
    assert stored.size == (64, 48)
    red, _g, blue = stored.getpixel((8, 24))
    assert red > 150 and blue < 90
