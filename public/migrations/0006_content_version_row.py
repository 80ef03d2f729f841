"""The content version's one row, so that a new version reads the token and the next
scheduled times in one query from the first request on."""

import secrets

from django.db import migrations
from django.utils import timezone


def create_row(apps, schema_editor):
    ContentVersion = apps.get_model("public", "ContentVersion")
    if not ContentVersion.objects.exists():
        ContentVersion.objects.create(pk=1, token=secrets.token_hex(8), changed_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [("public", "0004_content_version"), ("public", "0005_portal_identity_defaults")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
