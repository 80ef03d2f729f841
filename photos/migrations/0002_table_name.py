"""The library's table takes this app's name, now that every foreign key points here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("photos", "0001_initial"),
        ("articles", "0010_image_and_views_move_out"),
    ]

    operations = [migrations.AlterModelTable(name="image", table=None)]
