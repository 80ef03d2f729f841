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
    "articles.view_method",
    "notices.view_offence",
    "questions.view_topic",
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
    # Wanted notices and questions: the same steps as articles, named per model.
    "notices.add_wantednotice",
    "notices.change_wantednotice",
    "notices.view_wantednotice",
    "notices.submit_wantednotice",
    *_all("notices", "noticephoto"),
    "questions.view_question",
    "questions.change_question",
    "questions.submit_question",
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
    "notices.edit_any_wantednotice",
    "notices.return_wantednotice",
    "notices.forward_wantednotice",
    "notices.view_noticestep",
    "notices.view_withdrawal",
    "questions.edit_any_question",
    "questions.return_question",
    "questions.forward_question",
    # The moderation queue: an editor rejects spam.
    "questions.archive_question",
    "questions.view_questionstep",
]
_APPROVING = [
    *_EDITING,
    "articles.publish_article",
    "articles.take_down_article",
    "articles.archive_article",
    "notices.publish_wantednotice",
    "notices.take_down_wantednotice",
    "notices.archive_wantednotice",
    "notices.withdraw_wantednotice",
    "questions.publish_question",
    "questions.take_down_question",
]

# Legal documents and English pages follow the articles' workflow and roles: writers add
# and submit, editors return and forward, approvers publish (the two-person rule holds).
_DOCUMENT_FILING = [
    "documents.view_documenttype",
    "documents.view_issuer",
    "documents.view_field",
    *_all("documents", "attachment", "documentlink"),
]
_DOCUMENT_WRITING = [
    *_DOCUMENT_FILING,
    "documents.add_document",
    "documents.change_document",
    "documents.view_document",
    "documents.submit_document",
    "english.add_englishpage",
    "english.change_englishpage",
    "english.view_englishpage",
    "english.submit_englishpage",
    "organisation.view_page",
]
_DOCUMENT_EDITING = [
    *_DOCUMENT_WRITING,
    "documents.add_issuer",
    "documents.change_issuer",
    "documents.edit_any_document",
    "documents.return_document",
    "documents.forward_document",
    "documents.schedule_document",
    "documents.view_documentstep",
    "english.edit_any_englishpage",
    "english.return_englishpage",
    "english.forward_englishpage",
    "english.view_englishstep",
]
_DOCUMENT_APPROVING = [
    *_DOCUMENT_EDITING,
    "documents.publish_document",
    "documents.take_down_document",
    "documents.archive_document",
    "english.publish_englishpage",
    "english.take_down_englishpage",
    "english.archive_englishpage",
]

PERMISSIONS: dict[Role, list[str]] = {
    Role.REPORTER: [*_WRITING, *_DOCUMENT_WRITING],
    Role.EDITOR: [*_EDITING, *_DOCUMENT_EDITING],
    Role.APPROVER: [*_APPROVING, *_DOCUMENT_APPROVING],
    Role.PHOTO_STAFF: _all("photos", "image"),
    Role.ADMINISTRATOR: [
        *_APPROVING,
        *_all("articles", "article", "section", "tag", "campaign", "author", "method"),
        *_all("notices", "wantednotice", "offence"),
        *_all("questions", "question", "topic"),
        *_all("reporting", "channel"),
        *_DOCUMENT_APPROVING,
        *_all("documents", "document", "documenttype", "issuer", "field"),
        *_all("english", "englishpage"),
        # The organisation (pages, units, leaders) is kept by administrators.
        *_all("organisation", "page", "unit", "leader"),
        *_all("photos", "image"),
        *_all("accounts", "user"),
        # Imports of old portals: started, watched and their old addresses kept.
        *_all("imports", "importrun", "redirect"),
        *_all("auth", "group"),
        # The portal's masthead and footer (one row: never deleted).
        "public.add_portalidentity",
        "public.change_portalidentity",
        "public.view_portalidentity",
        # What each change purged at the proxy or CDN (read-only).
        "public.view_purgebatch",
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
