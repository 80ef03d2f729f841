"""export_articles writes the import format; export → import gives back the same articles."""

import io
import json
import re

from django.core.management import call_command

from articles.models import Article
from photos.models import Image
from tests.factories import jpeg_bytes, make_article, make_author, make_campaign, make_image


def snapshot() -> list[dict]:
    """What a reader and an editor would compare, with image references by what they show.

    Stored files are re-encoded from their pixels on every import, so bytes differ.
    """
    checksums = {pk: f"{w}x{h}" for pk, w, h in Image.objects.values_list("pk", "width", "height")}
    rows = []
    articles = Article.objects.prefetch_related("bylines__author", "tags", "campaigns")
    for article in articles.select_related("section", "cover").order_by("slug"):
        body = re.sub(
            r'<img src="[^"]*"(.*?) data-image-id="(\d+)"[^>]*>',
            lambda m: f"<img{m.group(1)} sha={checksums[int(m.group(2))]}>",
            article.body,
        )
        rows.append(
            {
                "title": article.title,
                "slug": article.slug,
                "sapo": article.sapo,
                "body": body,
                "status": article.status,
                "published_at": article.published_at,
                "featured": article.featured,
                "section": article.section.name,
                "byline": article.byline,
                "tags": sorted(t.name for t in article.tags.all()),
                "campaigns": sorted(c.name for c in article.campaigns.all()),
                "cover": (
                    article.cover.width,
                    article.cover.height,
                    article.cover.caption,
                    article.cover.credit,
                )
                if article.cover
                else None,
            }
        )
    return rows


def test_export_then_import_into_an_empty_database_gives_back_the_same_articles(
    db, tmp_path, settings, approver
):
    campaign = make_campaign("Vì an ninh Tổ quốc")
    body_image = make_image(data=jpeg_bytes((90, 60)), caption="Tuần tra ban đêm")
    make_article(
        title="Tuần tra đảm bảo an ninh trật tự dịp cuối năm tại các xã vùng cao",
        body=(
            "<p>Lực lượng đã kiểm tra 130.000 lượt phương tiện.</p>"
            f'<figure class="image"><img src="{body_image.file.url}" alt="Tuần tra" width="90"'
            f' height="60" data-image-id="{body_image.pk}">'
            "<figcaption>Tuần tra ban đêm</figcaption></figure>"
        ),
        cover=make_image(data=jpeg_bytes((200, 120)), caption="Ra quân", credit="Ảnh: Hà"),
        authors=[make_author(), make_author("Nhóm PV", "Phòng Tham mưu")],
        campaigns=[campaign],
        featured=True,
    )
    make_article(title="Bản nháp về công tác phòng cháy chữa cháy ở chợ", status="draft")
    before = snapshot()

    out = tmp_path / "out" / "bai-viet.jsonl"
    out.parent.mkdir()
    call_command("export_articles", str(out), stdout=io.StringIO())
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    exported = json.loads(lines[0])
    assert exported["cover"]["path"].startswith("bai-viet-images/")
    assert 'src="bai-viet-images/' in exported["body_html"]

    # An empty database (and an empty media folder), then the import.
    Article.objects.all().delete()
    for model_name in ["articles.Byline", "articles.Author", "articles.Tag", "articles.Campaign",
                       "photos.Image", "articles.Section"]:  # fmt: skip
        Article._meta.apps.get_model(model_name).objects.all().delete()
    settings.MEDIA_ROOT = tmp_path / "fresh-media"

    call_command("import_articles", str(out), "--by", "lanhdao", stdout=io.StringIO())
    assert snapshot() == before
