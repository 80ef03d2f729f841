"""manage.py rebuild_images: photos stored before the library cleaned them get cleaned."""

import io

from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image as PILImage

from photos.models import Image
from tests import media
from tests.factories import phone_photo


def test_an_old_photo_with_gps_is_cleaned_turned_upright_and_rendered(
    db, media_root, django_capture_on_commit_callbacks
):
    old = Image(original_filename="cu.jpg", checksum="abc", width=80, height=120)
    old.file.save("cu.jpg", ContentFile(phone_photo((120, 80))), save=False)
    old.save()
    old_name = old.file.name
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rebuild_images", stdout=out)
    assert "1 ảnh đã làm lại, 0 lỗi." in out.getvalue()
    old.refresh_from_db()
    assert (old.width, old.height, old.checksum) == (120, 80, "abc")
    assert old.renditions["sizes"] == [[120, 80]]
    with old.file.open("rb") as stored, PILImage.open(stored) as picture:
        assert not picture.getexif()
    assert old_name not in media.stored_names()  # the file with GPS is gone


def test_photos_already_rendered_are_left_alone(db, media_root):
    from tests.factories import make_image

    image = make_image()
    name = image.file.name
    call_command("rebuild_images", stdout=io.StringIO())
    image.refresh_from_db()
    assert image.file.name == name
