"""Daily view counts belong to the public site: the model moves here from ``articles``
(Django's record only; ``0002`` renames the table)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("articles", "0009_search_title_weight"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DailyViews',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField(verbose_name='day')),
                        ('views', models.PositiveIntegerField(default=0, verbose_name='views')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='daily_views', to='articles.article')),
                    ],
                    options={
                        'db_table': 'articles_dailyviews',
                        'verbose_name': 'daily views',
                        'verbose_name_plural': 'daily views',
                        'indexes': [models.Index(fields=['day'], name='daily_views_day_idx')],
                        'constraints': [models.UniqueConstraint(fields=('article', 'day'), name='daily_views_unique_day')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
