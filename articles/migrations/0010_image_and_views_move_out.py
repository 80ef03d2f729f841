"""The photo library (``photos``) and the daily view counts (``public``) leave this app.

Django's record of the models moves; the tables and rows stay (``photos`` 0002 and
``public`` 0002 then rename the tables). Their content types move with them, so that the
permissions, the admin's history and the role groups keep pointing at the same rows.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = {"image": "photos", "dailyviews": "public"}


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, app_label in MOVED.items():
        old = ContentType.objects.filter(app_label="articles", model=model).first()
        if old is None:
            continue
        # Made by an earlier run of post_migrate, with nothing pointing at it yet.
        ContentType.objects.filter(app_label=app_label, model=model).delete()
        old.app_label = app_label
        old.save(update_fields=["app_label"])


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, app_label in MOVED.items():
        ContentType.objects.filter(app_label=app_label, model=model).update(app_label="articles")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0009_search_title_weight"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("photos", "0001_initial"),
        ("public", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="cover",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cover_of",
                        to="photos.image",
                        verbose_name="cover image",
                    ),
                ),
                migrations.AlterField(
                    model_name="galleryitem",
                    name="image",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="gallery_items",
                        to="photos.image",
                        verbose_name="photo",
                    ),
                ),
                migrations.AlterField(
                    model_name="bodyimage",
                    name="image",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="photos.image",
                    ),
                ),
                migrations.AlterField(
                    model_name="campaign",
                    name="cover",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cover_of_campaigns",
                        to="photos.image",
                        verbose_name="cover image",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="body_images",
                    field=models.ManyToManyField(
                        blank=True,
                        editable=False,
                        related_name="in_body_of",
                        through="articles.BodyImage",
                        to="photos.image",
                        verbose_name="photos in the body",
                    ),
                ),
                migrations.DeleteModel(name="DailyViews"),
                migrations.DeleteModel(name="Image"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
