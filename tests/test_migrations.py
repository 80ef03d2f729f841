"""A database made by the previous version keeps every row through the reshaping migrations:
the photo library and the daily views move to their apps with their ids, foreign keys,
content types and permissions."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("accounts", "0004_administrators_see_lockouts"),
    ("articles", "0009_search_title_weight"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rows_of_the_previous_version_survive_the_reshaping(django_user_model):
    old = migrate(BEFORE)
    Image = old.get_model("articles", "Image")
    Article = old.get_model("articles", "Article")
    Section = old.get_model("articles", "Section")
    DailyViews = old.get_model("articles", "DailyViews")
    BodyImage = old.get_model("articles", "BodyImage")
    ContentType = old.get_model("contenttypes", "ContentType")
    Group = old.get_model("auth", "Group")
    Permission = old.get_model("auth", "Permission")

    photo = Image.objects.create(file="anh/2026/11/26/abc.jpg", width=1600, height=1000)
    image_type = ContentType.objects.get_or_create(app_label="articles", model="image")[0]
    add_image = Permission.objects.get_or_create(
        content_type=image_type, codename="add_image", defaults={"name": "Can add image"}
    )[0]
    photo_staff = Group.objects.get_or_create(name="Cán bộ phụ trách ảnh")[0]
    photo_staff.permissions.add(add_image)
    article = Article.objects.create(
        title="Bài của phiên bản trước",
        slug="bai-cua-phien-ban-truoc",
        body=f'<p>Hai câu.</p><img src="/media/anh/a.jpg" data-image-id="{photo.pk}">',
        section=Section.objects.create(name="Tin tức", slug="tin-tuc"),
        cover=photo,
        status="published",
        published_at=dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC),
    )
    BodyImage.objects.create(article=article, image=photo)
    DailyViews.objects.create(article=article, day=dt.date(2026, 11, 20), views=42)

    new = migrate(
        MigrationExecutor(connection).loader.graph.leaf_nodes()
    )  # everything, as `migrate` does

    Image = new.get_model("photos", "Image")
    Article = new.get_model("articles", "Article")
    moved = Image.objects.get()
    assert moved.pk == photo.pk and moved.file.name == "anh/2026/11/26/abc.jpg"
    article = Article.objects.get()
    assert article.cover_id == photo.pk
    assert list(article.body_images.values_list("pk", flat=True)) == [photo.pk]
    assert article.word_count == 2
    views = new.get_model("public", "DailyViews").objects.get()
    assert (views.article_id, views.views) == (article.pk, 42)
    image_type = new.get_model("contenttypes", "ContentType").objects.get(pk=image_type.pk)
    assert (image_type.app_label, image_type.model) == ("photos", "image")
    group = new.get_model("auth", "Group").objects.get(pk=photo_staff.pk)
    assert group.permissions.filter(codename="add_image").exists()
    role = new.get_model("accounts", "GroupRole").objects.get(group=group)
    assert role.code == "photo_staff"
    tables = connection.introspection.table_names()
    assert "photos_image" in tables and "articles_image" not in tables
    assert "public_dailyviews" in tables and "articles_dailyviews" not in tables
