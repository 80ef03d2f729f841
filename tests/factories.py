"""One way to make test objects: small helpers with overridable defaults."""

from __future__ import annotations

import io
import itertools

from django.utils import timezone
from PIL import Image as PILImage

from articles.images import add_image
from articles.models import Article, Author, Byline, Campaign, Image, Section

_counter = itertools.count(1)


def jpeg_bytes(
    size: tuple[int, int] = (64, 40), color: tuple[int, int, int] | None = None, **save_options
) -> bytes:
    """A real JPEG; each call gives different pixels unless ``color`` is fixed."""
    color = color or (next(_counter) % 256, 90, 140)
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG", **save_options)
    return buffer.getvalue()


def phone_photo(
    size: tuple[int, int] = (120, 80),
    *,
    orientation: int = 6,
    gps: bool = True,
    taken: str = "2024:05:01 08:30:00",
    **save_options,
) -> bytes:
    """A JPEG as phones write it: pixels stored sideways plus an EXIF Orientation tag,
    GPS coordinates, the camera model and the capture time.

    Seen upright it is ``size`` wide, red on the left half and blue on the right.
    """
    upright = PILImage.new("RGB", size, (0, 0, 220))
    upright.paste((220, 0, 0), (0, 0, size[0] // 2, size[1]))
    stored = upright.rotate(90, expand=True) if orientation == 6 else upright
    exif = PILImage.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Samsung"
    exif[0x0110] = "Galaxy A54 của Nguyễn Văn An"
    exif[0x013B] = "Nguyễn Văn An"  # Artist
    exif.get_ifd(0x8769)[0x9003] = taken
    if gps:
        location = exif.get_ifd(0x8825)
        location[1], location[2] = "N", (21.0, 35.0, 12.5)
        location[3], location[4] = "E", (105.0, 50.0, 3.25)
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", exif=exif.tobytes(), quality=92, **save_options)
    return buffer.getvalue()


def make_image(**overrides) -> Image:
    data = overrides.pop("data", None) or jpeg_bytes()
    image, _created = add_image(io.BytesIO(data), original_name="photo.jpg", **overrides)
    return image


def make_section(name: str | None = None, **overrides) -> Section:
    return Section.objects.create(name=name or f"Chuyên mục {next(_counter)}", **overrides)


def make_author(name: str = "Nguyễn Văn An", unit: str = "Công an huyện Phú Lương") -> Author:
    return Author.objects.get_or_create(name=name, unit=unit)[0]


def make_campaign(name: str | None = None, **overrides) -> Campaign:
    overrides.setdefault("starts_on", timezone.localdate() - timezone.timedelta(days=30))
    return Campaign.objects.create(name=name or f"Phong trào {next(_counter)}", **overrides)


def make_article(*, authors: list[Author] | None = None, **overrides) -> Article:
    """A published article by default; pass ``status``/``published_at`` to change that."""
    n = next(_counter)
    defaults = {
        "title": f"Công an xã đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc số {n}",
        "sapo": "Nhiều mô hình tự quản về an ninh trật tự được nhân rộng trong năm.",
        "body": "<p>Nội dung bài viết.</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(hours=1),
    }
    defaults.update(overrides)
    if "section" not in defaults:
        defaults["section"] = Section.objects.first() or make_section()
    tags = defaults.pop("tags", [])
    campaigns = defaults.pop("campaigns", [])
    article = Article.objects.create(**defaults)
    for position, author in enumerate(authors or [make_author()]):
        Byline.objects.create(article=article, author=author, position=position)
    article.tags.set(tags)
    article.campaigns.set(campaigns)
    return article
