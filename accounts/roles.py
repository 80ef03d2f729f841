"""The newsroom's roles: each one's stable code, its Vietnamese name and its permissions.

This module is the one place roles are declared. ``sync_roles()`` keeps a Django group per
role in step with it — its permissions exactly as listed here — after every ``migrate``
(``AccountsConfig.ready`` connects it to ``post_migrate``). A group is found by its role's
code (``GroupRole``), never by its name: the Vietnamese name is only the label people see,
and renaming it here renames the group. Object-level rules (who may edit which article)
live in each app's ``services.py``.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import models


class Role(models.TextChoices):
    REPORTER = "reporter", "Phóng viên"
    EDITOR = "editor", "Biên tập viên"
    APPROVER = "approver", "Lãnh đạo duyệt"
    PHOTO_STAFF = "photo_staff", "Cán bộ phụ trách ảnh"
    ADMINISTRATOR = "administrator", "Quản trị"


def _all(app_label: str, *models_: str) -> list[str]:
    return [
        f"{app_label}.{action}_{model}"
        for model in models_
        for action in ("add", "change", "delete", "view")
    ]


_READ_FILING = [
    "articles.view_section",
    "articles.view_tag",
    "articles.view_campaign",
    "articles.view_author",
]
_BYLINES = _all("articles", "byline")
_WRITING = [
    *_READ_FILING,
    *_BYLINES,
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.submit_article",
    "articles.add_tag",
    "articles.add_author",
    "photos.view_image",
    "photos.add_image",
]
_EDITING = [
    *_WRITING,
    "articles.change_tag",
    "articles.change_author",
    "articles.edit_any_article",
    "articles.return_article",
    "articles.forward_article",
    "articles.schedule_article",
    "articles.view_transition",
    "photos.change_image",
]
_APPROVING = [
    *_EDITING,
    "articles.publish_article",
    "articles.take_down_article",
    "articles.archive_article",
]

PERMISSIONS: dict[Role, list[str]] = {
    Role.REPORTER: _WRITING,
    Role.EDITOR: _EDITING,
    Role.APPROVER: _APPROVING,
    Role.PHOTO_STAFF: _all("photos", "image"),
    Role.ADMINISTRATOR: [
        *_APPROVING,
        *_all("articles", "article", "section", "tag", "campaign", "author"),
        *_all("photos", "image"),
        *_all("accounts", "user"),
        *_all("auth", "group"),
        # The portal's masthead and footer (one row: never deleted).
        "public.add_portalidentity",
        "public.change_portalidentity",
        "public.view_portalidentity",
        # Log-in lock-outs: seen, and lifted by deleting the attempt.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
    ],
}


def sync_roles(apps=global_apps, **kwargs) -> None:
    """Give every role its group, named by its label, with exactly its permissions."""
    for config in global_apps.get_app_configs():
        create_permissions(config, apps=apps, verbosity=0)  # before they are looked up
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupRole = apps.get_model("accounts", "GroupRole")
    by_code = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type")
    }
    for role, codes in PERMISSIONS.items():
        link = GroupRole.objects.select_related("group").filter(code=role.value).first()
        if link is None:
            group, _ = Group.objects.get_or_create(name=role.label)
            link = GroupRole.objects.create(code=role.value, group=group)
        group = link.group
        if group.name != role.label:
            group.name = role.label
            group.save(update_fields=["name"])
        missing = [code for code in codes if code not in by_code]
        if missing:
            raise LookupError(f"role {role.value}: no such permission {missing}")
        group.permissions.set([by_code[code] for code in codes])


def group_of(role: Role):
    """The group that stands for ``role`` (made by ``sync_roles``)."""
    return global_apps.get_model("accounts", "GroupRole").objects.get(code=role.value).group
