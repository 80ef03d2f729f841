"""State changes of wanted notices: the workflow (``publishing.workflow``), the review, and
the withdrawal (“đình nã”).

Views, the desk and commands call these; none of them sets a notice's status itself.
"""

from __future__ import annotations

import datetime as dt

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from notices.models import NoticePhoto, NoticeStep, WantedNotice, Withdrawal
from photos.services import image_withdraw
from publishing import workflow
from publishing.models import Action, Status

# Where a withdrawal may come from: a notice readers see (or saw, before a take-down).
_WITHDRAWABLE = frozenset({Status.PUBLISHED, Status.UNPUBLISHED})


def is_author(notice: WantedNotice, user) -> bool:
    """The user entered the notice (the two-person rule and who may submit it)."""
    return not notice.pk or notice.created_by_id == user.pk


def allowed_actions(user, notice: WantedNotice) -> list[str]:
    if notice.is_withdrawn:  # a withdrawal is final: nothing but archiving
        actions = [Action.ARCHIVE] if notice.status != Status.ARCHIVED else []
        return [a for a in actions if workflow.can_take(user, notice, a, authored=False)]
    return workflow.allowed_actions(user, notice, authored=is_author(notice, user))


def record_step(notice: WantedNotice, **step) -> NoticeStep:
    return NoticeStep.objects.create(notice=notice, **step)


def notice_transition(*, notice: WantedNotice, by, action: str, comment: str = "") -> NoticeStep:
    """Move ``notice`` one step through the workflow and record who, when and why."""
    if notice.is_withdrawn and action != Action.ARCHIVE:
        raise ValidationError(_("This notice has been withdrawn: it cannot be changed."))
    return workflow.transition(
        item=notice,
        by=by,
        action=action,
        comment=comment,
        authored=is_author(notice, by),
        record=record_step,
    )


def notice_approve(*, notice: WantedNotice, by, comment: str = "") -> NoticeStep:
    return notice_transition(notice=notice, by=by, action=Action.APPROVE, comment=comment)


def can_withdraw(user, notice: WantedNotice) -> bool:
    return (
        user.is_active
        and user.is_staff
        and user.has_perm("notices.withdraw_wantednotice")
        and notice.status in _WITHDRAWABLE
        and not notice.is_withdrawn
    )


@transaction.atomic
def notice_withdraw(
    *,
    notice: WantedNotice,
    by,
    decision_number: str,
    decision_date: dt.date,
    reason: str,
) -> Withdrawal:
    """Withdraw a wanted notice (“đình nã”) in one step.

    From the commit on, the notice is on no public page (its address answers 410 with the
    short withdrawal notice), its photos and every rendition are deleted from the media
    store, the personal details readers no longer need are erased (with the revisions that
    held them), and the withdrawal is published as a short text notice. The step is in
    the notice's history with who and when.
    """
    if not (by.is_active and by.is_staff and by.has_perm("notices.withdraw_wantednotice")):
        raise PermissionDenied(_("You do not have the right to do this."))
    locked = WantedNotice.objects.select_for_update().get(pk=notice.pk)
    if locked.is_withdrawn:
        raise ValidationError(_("This notice has already been withdrawn."))
    if locked.status not in _WITHDRAWABLE:
        raise ValidationError(_("Only a published (or taken-down) notice can be withdrawn."))
    decision_number = " ".join((decision_number or "").split())
    if not decision_number or decision_date is None:
        raise ValidationError(_("Give the number and the date of the withdrawal decision."))
    if reason not in Withdrawal.Reason.values:
        raise ValidationError(_("Choose the reason of the withdrawal."))
    now = timezone.now()
    withdrawal = Withdrawal.objects.create(
        notice=locked,
        decision_number=decision_number,
        decision_date=decision_date,
        reason=reason,
        withdrawn_at=now,
        withdrawn_by=by,
    )
    comment = _("Withdrawn (đình nã) by decision %(number)s of %(date)s: %(reason)s.") % {
        "number": decision_number,
        "date": f"{decision_date:%d/%m/%Y}",
        "reason": withdrawal.get_reason_display(),
    }
    from_status = locked.status
    # The photos first: nothing may show them once the notice is gone.
    photos = list(NoticePhoto.objects.filter(notice=locked).select_related("image"))
    NoticePhoto.objects.filter(notice=locked).delete()
    for photo in photos:
        image_withdraw(image=photo.image)
    # What readers needed to find the person, not to know the notice was withdrawn.
    Version.objects.get_for_object(locked).delete()
    locked.status = Status.UNPUBLISHED
    locked.takedown_reason = comment
    locked.withdrawn_at = now
    locked.other_names = locked.residence = locked.features = ""
    locked.birth_date = None
    locked.updated_by = by
    with reversion.create_revision():
        locked.save()
        reversion.set_user(by)
        reversion.set_comment(comment)
    record_step(
        locked,
        action=Action.TAKE_DOWN,
        from_status=from_status,
        to_status=Status.UNPUBLISHED,
        by=by,
        at=now,
        comment=comment,
    )
    notice.refresh_from_db()
    return withdrawal


@transaction.atomic
def notice_mark_reviewed(*, notice: WantedNotice, by) -> WantedNotice:
    """The staff checked that the person is still wanted: off the review list for a period."""
    if not (by.is_active and by.is_staff and by.has_perm("notices.change_wantednotice")):
        raise PermissionDenied(_("You do not have the right to do this."))
    WantedNotice.objects.filter(pk=notice.pk).update(reviewed_at=timezone.now(), reviewed_by=by)
    notice.refresh_from_db()
    return notice
