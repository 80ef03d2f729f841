"""Articles keep the number of words of their body (read when it is saved)."""

from django.db import migrations, models


def count_words(apps, schema_editor):
    from articles.body import plain_text

    Article = apps.get_model("articles", "Article")
    batch = []
    for article in Article.objects.only("pk", "body").iterator(chunk_size=2000):
        article.word_count = len(plain_text(article.body).split())
        batch.append(article)
        if len(batch) == 2000:
            Article.objects.bulk_update(batch, ["word_count"])
            batch = []
    Article.objects.bulk_update(batch, ["word_count"])


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0010_image_and_views_move_out"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="word_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="words"),
        ),
        migrations.RunPython(count_words, migrations.RunPython.noop),
    ]
