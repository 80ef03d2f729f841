"""The daily views' table takes this app's name."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("public", "0001_initial"),
        ("articles", "0010_image_and_views_move_out"),
    ]

    operations = [migrations.AlterModelTable(name="dailyviews", table=None)]
