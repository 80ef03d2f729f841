"""Photos keep the checksum of their stored (cleaned) file too: an exported photo imported
back into the same site is found in the library instead of being stored a second time."""

import hashlib

from django.db import migrations, models


def checksum_stored_files(apps, schema_editor):
    Image = apps.get_model("photos", "Image")
    for image in Image.objects.only("pk", "file").iterator(chunk_size=500):
        try:
            with image.file.open("rb") as stored:
                digest = hashlib.sha256(stored.read()).hexdigest()
        except (OSError, ValueError):  # a file missing from this copy of the site
            continue
        Image.objects.filter(pk=image.pk).update(file_checksum=digest)


class Migration(migrations.Migration):

    dependencies = [
        ("photos", "0002_table_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="image",
            name="file_checksum",
            field=models.CharField(
                blank=True,
                db_index=True,
                editable=False,
                help_text="Of the cleaned file: a photo exported and imported again is itself.",
                max_length=64,
                verbose_name="SHA-256 of the stored file",
            ),
        ),
        migrations.AlterField(
            model_name="image",
            name="checksum",
            field=models.CharField(
                blank=True,
                db_index=True,
                editable=False,
                help_text="Of the file as it was uploaded: the same upload is stored once.",
                max_length=64,
                verbose_name="SHA-256",
            ),
        ),
        migrations.RunPython(checksum_stored_files, migrations.RunPython.noop),
    ]
