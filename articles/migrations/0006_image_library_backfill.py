"""Fill what the image library derives: body photo links and the accent-folded search text."""

import re
import unicodedata

from django.db import migrations

BODY_IMAGE_ID = re.compile(r'data-image-id="(\d+)"')


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D").lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def backfill(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("articles", "Image")
    BodyImage = apps.get_model("articles", "BodyImage")
    known = set(Image.objects.values_list("pk", flat=True))
    links = []
    for pk, body in Article.objects.values_list("pk", "body").iterator():
        ids = {int(i) for i in BODY_IMAGE_ID.findall(body or "")} & known
        links += [BodyImage(article_id=pk, image_id=i) for i in ids]
    BodyImage.objects.bulk_create(links, ignore_conflicts=True)
    for image in Image.objects.iterator():
        parts = [image.caption, image.alt_text, image.credit, image.place, image.original_filename]
        image.search_text = fold(" ".join(parts))
        image.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_image_library")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
