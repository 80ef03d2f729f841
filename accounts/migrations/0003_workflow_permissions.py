"""Roles were once given their permissions here; they are declared in ``accounts/roles.py``
now and kept in step after every ``migrate`` (``sync_roles``), so this step does nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_role_groups"),
        ("articles", "0002_workflow"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
