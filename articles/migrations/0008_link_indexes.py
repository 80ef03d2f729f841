"""Indexes on the article–tag and article–campaign link tables, newest article first.

Related articles and tag/campaign lists read "the newest articles with this tag" from the
link table alone: (tag_id, article_id) answers it from the index. The tables are Django's
automatic ones, so the indexes are plain SQL (the same on SQLite and PostgreSQL).
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0007_performance"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX article_tags_newest_idx ON articles_article_tags (tag_id, article_id);",
            "DROP INDEX article_tags_newest_idx;",
        ),
        migrations.RunSQL(
            "CREATE INDEX article_campaigns_newest_idx"
            " ON articles_article_campaigns (campaign_id, article_id);",
            "DROP INDEX article_campaigns_newest_idx;",
        ),
    ]
