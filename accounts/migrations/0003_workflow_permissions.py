from django.contrib.auth.management import create_permissions
from django.db import migrations

BYLINE = ["add_byline", "change_byline", "delete_byline", "view_byline"]
WORKFLOW = {
    "Phóng viên": ["submit_article", *BYLINE],
    "Biên tập viên": [*BYLINE,
        "submit_article", "edit_any_article", "return_article", "forward_article",
        "schedule_article", "view_transition",
    ],
    "Lãnh đạo duyệt": [*BYLINE,
        "submit_article", "edit_any_article", "return_article", "forward_article",
        "schedule_article", "publish_article", "take_down_article", "archive_article",
        "view_transition",
    ],
    "Quản trị": [*BYLINE,
        "submit_article", "edit_any_article", "return_article", "forward_article",
        "schedule_article", "publish_article", "take_down_article", "archive_article",
        "view_transition",
    ],
}  # fmt: skip


def grant(apps, schema_editor):
    for config in apps.get_app_configs():
        original = getattr(config, "models_module", None)
        config.models_module = original or True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = original
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in WORKFLOW.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in WORKFLOW.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="articles", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_role_groups"),
        ("articles", "0002_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
