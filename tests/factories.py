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
