"""Revisions of articles (django-reversion): list, compare and restore.

Restoring copies the *content* of a revision onto the article — title, sapo, body,
cover, section, tags, campaigns, featured flag and byline — as a new save. The workflow
state, the publication time and the counters stay as they are: restoring an old text
never publishes or takes down anything by itself.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from reversion.models import Version

from articles.body import plain_text
from articles.models import Article, Author, Byline
from articles.services import can_edit

CONTENT_FIELDS = ["title", "sapo", "body", "cover_id", "section_id", "featured"]


def versions_of(article: Article):
    return Version.objects.get_for_object(article).select_related("revision__user")


def _diff_words(old: str, new: str) -> SafeString:
    """Word-level diff as HTML with <del>/<ins>, line breaks kept."""
    a, b = re.findall(r"\S+|\n", old), re.findall(r"\S+|\n", new)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        before, after = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op == "equal":
            out.append(escape(before))
        if op in {"delete", "replace"} and before.strip():
            out.append(f"<del>{escape(before)}</del>")
        if op in {"insert", "replace"} and after.strip():
            out.append(f"<ins>{escape(after)}</ins>")
    return mark_safe(" ".join(out).replace(" \n ", "<br>").replace("\n", "<br>"))


@dataclass
class FieldDiff:
    label: str
    changed: bool
    html: SafeString


def compare(older: Version, newer: Version) -> list[FieldDiff]:
    """A readable diff of title, sapo and body text between two revisions."""
    diffs = []
    for name, label in [("title", _("Title")), ("sapo", _("Sapo")), ("body", _("Body"))]:
        old, new = older.field_dict.get(name, ""), newer.field_dict.get(name, "")
        if name == "body":
            old, new = plain_text(old), plain_text(new)
        diffs.append(FieldDiff(label=label, changed=old != new, html=_diff_words(old, new)))
    return diffs


@transaction.atomic
def article_restore_revision(*, article: Article, version: Version, by) -> Article:
    """Bring back the content of ``version`` as a new revision of ``article``."""
    if version.object_id != str(article.pk) or version.content_type.model_class() is not Article:
        raise PermissionDenied
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if not can_edit(by, locked):
        raise PermissionDenied(_("You cannot edit this article."))
    fields = version.field_dict
    for name in CONTENT_FIELDS:
        if name in fields:
            setattr(locked, name, fields[name])
    bylines = [
        v.field_dict
        for v in version.revision.version_set.all()
        if v.content_type.model_class() is Byline
    ]
    with reversion.create_revision():
        locked.updated_by = by
        locked.lock_version = F("lock_version") + 1
        locked.save()
        locked.refresh_from_db()
        locked.tags.set(fields.get("tags", []))
        locked.campaigns.set(fields.get("campaigns", []))
        existing_authors = set(Author.objects.values_list("pk", flat=True))
        kept = [b for b in bylines if b["author_id"] in existing_authors]
        if kept:
            locked.bylines.all().delete()
            Byline.objects.bulk_create(
                Byline(article=locked, author_id=b["author_id"], position=b["position"])
                for b in kept
            )
        reversion.add_to_revision(locked)
        reversion.set_user(by)
        when = formats.date_format(
            timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
        )
        reversion.set_comment(_("Restored the version of %(date)s") % {"date": when})
    article.refresh_from_db()
    return article
