from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen copy of the role table at the time of this migration (accounts/roles.py may move on).
ROLES = {
    "Phóng viên": [
        "articles.view_section", "articles.view_tag", "articles.view_campaign",
        "articles.view_author", "articles.view_image", "articles.add_article",
        "articles.change_article", "articles.view_article", "articles.add_tag",
        "articles.add_author", "articles.add_image",
    ],
    "Biên tập viên": [
        "articles.view_section", "articles.view_tag", "articles.view_campaign",
        "articles.view_author", "articles.view_image", "articles.add_article",
        "articles.change_article", "articles.view_article", "articles.add_tag",
        "articles.add_author", "articles.add_image", "articles.change_tag",
        "articles.change_author", "articles.change_image",
    ],
    "Lãnh đạo duyệt": [
        "articles.view_section", "articles.view_tag", "articles.view_campaign",
        "articles.view_author", "articles.view_image", "articles.add_article",
        "articles.change_article", "articles.view_article", "articles.add_tag",
        "articles.add_author", "articles.add_image", "articles.change_tag",
        "articles.change_author", "articles.change_image",
    ],
    "Cán bộ phụ trách ảnh": [
        "articles.view_image", "articles.add_image", "articles.change_image",
        "articles.delete_image",
    ],
    "Quản trị": [
        f"{app}.{action}_{model}"
        for app, models in {
            "articles": ["article", "section", "tag", "campaign", "author", "image"],
            "accounts": ["user"],
            "auth": ["group"],
        }.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    ],
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for config in apps.get_app_configs():
        original = getattr(config, "models_module", None)
        config.models_module = original or True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = original
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
