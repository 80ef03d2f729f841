"""Accent-insensitive search: fill search_text; on PostgreSQL also unaccent + a GIN index.

The PostgreSQL parts are skipped on SQLite, whose search is a whole-word match on the
folded ``search_text`` column (see public/search.py).
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from articles.migration_operations import PostgresOnlySQL

CONFIG = "newsroom_vi"

CREATE_CONFIG = f"""
CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION {CONFIG}
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
"""
# The expression must stay exactly what public/search.py queries, or the index is unused.
CREATE_INDEX = f"""
CREATE INDEX article_search_idx ON articles_article
    USING gin (to_tsvector('{CONFIG}'::regconfig, COALESCE(search_text, '')));
"""


def fill_search_text(apps, schema_editor):
    from django.utils.html import strip_tags

    from vietnamese.text import search_document

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.only("title", "sapo", "body").iterator(chunk_size=500):
        Article.objects.filter(pk=article.pk).update(
            search_text=search_document(article.title, article.sapo, strip_tags(article.body))
        )


class Unaccent(UnaccentExtension):
    """The extension on PostgreSQL; nothing elsewhere, in either direction.

    (Django's operation skips other databases going forwards but not backwards.)
    """

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0003_public_site"),
    ]

    operations = [
        Unaccent(),
        PostgresOnlySQL(CREATE_CONFIG, f"DROP TEXT SEARCH CONFIGURATION {CONFIG};"),
        PostgresOnlySQL(CREATE_INDEX, "DROP INDEX article_search_idx;"),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
