"""State changes of English pages: saving a translation, and the editorial workflow."""

from __future__ import annotations

import reversion
from django.db import transaction

from english.models import EnglishPage, EnglishStep
from publishing import workflow
from publishing.models import Status


def is_author(page: EnglishPage, user) -> bool:
    return page.pk is None or page.created_by_id == user.pk


def can_edit(user, page: EnglishPage) -> bool:
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("english.change_englishpage") or page.status == Status.ARCHIVED:
        return False
    if page.status == Status.PUBLISHED:
        return user.has_perm("english.publish_englishpage")
    if user.has_perm("english.edit_any_englishpage"):
        return True
    return page.status in {Status.DRAFT, Status.RETURNED} and is_author(page, user)


def record_step(page: EnglishPage, **step) -> EnglishStep:
    return EnglishStep.objects.create(page=page, **step)


def english_transition(*, page: EnglishPage, by, action: str, comment: str = "") -> EnglishStep:
    return workflow.transition(
        item=page,
        by=by,
        action=action,
        comment=comment,
        authored=is_author(page, by),
        record=record_step,
    )


@transaction.atomic
def english_save(*, page: EnglishPage, by, comment: str = "") -> EnglishPage:
    """Save a translation as it stands: it now answers the Vietnamese as it stands."""
    if page.pk is None:
        page.created_by = by
    page.updated_by = by
    page.mark_translated()
    with reversion.create_revision():
        page.save()
        reversion.set_user(by)
        reversion.set_comment(comment)
    return page
