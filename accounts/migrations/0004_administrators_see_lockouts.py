"""Roles were once given their permissions here; they are declared in ``accounts/roles.py``
now and kept in step after every ``migrate`` (``sync_roles``), so this step does nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_workflow_permissions"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
