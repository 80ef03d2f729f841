"""The editorial workflow every kind of public content goes through.

Draft → submitted → (returned) → awaiting approval → published (scheduled when its time is
to come) → taken down or archived. Each step has one rule here: from which states, to which,
with which permission (named after the model: ``articles.publish_article``,
``documents.publish_document``) and whether a reason is required. ``transition()`` is the
one way a status changes: it checks, changes and records (Wagtail's actions: check,
execute, log). Each content app keeps its own register of steps (a ``WorkflowStep``) and
says who counts as an item's author, for the two-person rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from publishing.models import Action, Publishable, Status


@dataclass(frozen=True)
class Rule:
    sources: frozenset[str]
    target: str
    permission: str
    comment_required: bool = False


RULES: dict[str, Rule] = {
    Action.SUBMIT: Rule(frozenset({Status.DRAFT, Status.RETURNED}), Status.SUBMITTED, "submit"),
    Action.RETURN: Rule(
        frozenset({Status.SUBMITTED, Status.FORWARDED}), Status.RETURNED, "return", True
    ),
    Action.FORWARD: Rule(frozenset({Status.SUBMITTED}), Status.FORWARDED, "forward"),
    Action.APPROVE: Rule(
        frozenset({Status.SUBMITTED, Status.FORWARDED, Status.UNPUBLISHED}),
        Status.PUBLISHED,
        "publish",
    ),
    Action.TAKE_DOWN: Rule(frozenset({Status.PUBLISHED}), Status.UNPUBLISHED, "take_down", True),
    Action.ARCHIVE: Rule(
        frozenset({Status.DRAFT, Status.RETURNED, Status.PUBLISHED, Status.UNPUBLISHED}),
        Status.ARCHIVED,
        "archive",
    ),
    Action.RESTORE: Rule(frozenset({Status.ARCHIVED}), Status.DRAFT, "archive"),
}

_NOT_FROM_HERE = gettext_lazy("This step is not possible for an item that is “%(status)s”.")

# Records a step: (item, **fields of the step) → the step saved in the item's register.
Recorder = Callable[..., models.Model]


def permission(item: Publishable | type[Publishable], name: str) -> str:
    """``publish`` → ``articles.publish_article`` for an article."""
    meta = item._meta
    return f"{meta.app_label}.{name}_{meta.model_name}"


def check(
    user,
    item: Publishable,
    action: str,
    comment: str = "",
    *,
    authored: bool,
    comment_given: bool = False,
) -> Rule:
    """The rule of ``action``, if ``user`` may take it on ``item`` now; else PermissionDenied
    (not theirs to take) or ValidationError (not from this state, or a reason is missing).

    ``authored``: whether ``user`` wrote the item (the app decides what that means).
    """
    rule = RULES[action]
    if not (user.is_active and user.is_staff):
        raise PermissionDenied
    if not user.has_perm(permission(item, rule.permission)):
        raise PermissionDenied(_("You do not have the right to do this."))
    if action == Action.SUBMIT and not (authored or user.has_perm(permission(item, "edit_any"))):
        raise PermissionDenied(_("Only the author or an editor can submit this article."))
    if action == Action.APPROVE and settings.TWO_PERSON_APPROVAL and authored:
        raise PermissionDenied(
            _("Two-person rule: an article must be approved by someone other than its author.")
        )
    if item.status not in rule.sources:
        raise ValidationError(_NOT_FROM_HERE % {"status": item.get_status_display()})
    if rule.comment_required and not (comment_given or comment.strip()):
        raise ValidationError(_("Please give a reason: it is recorded with this step."))
    return rule


def can_take(user, item: Publishable, action: str, *, authored: bool) -> bool:
    """Whether ``user`` may take ``action`` on ``item`` now (the reason a step may require
    is asked for on the form that offers it, so it is not part of this question)."""
    try:
        check(user, item, action, authored=authored, comment_given=True)
    except (PermissionDenied, ValidationError):
        return False
    return True


def allowed_actions(user, item: Publishable, *, authored: bool) -> list[str]:
    return [action for action in RULES if can_take(user, item, action, authored=authored)]


@transaction.atomic
def transition(
    *,
    item: Publishable,
    by,
    action: str,
    comment: str = "",
    authored: bool,
    record: Recorder,
) -> models.Model:
    """Move ``item`` one step and record who, when, from/to and why (``record``).

    The row is locked for the step; approving sets the publication time when there is none
    (or it was left in the future before a take-down) and the first publication; taking
    down keeps the reason. A revision is kept when the model is under django-reversion.
    """
    model = type(item)
    locked = model._default_manager.select_for_update().get(pk=item.pk)
    rule = check(by, locked, action, comment, authored=authored)
    now = timezone.now()
    from_status = locked.status
    locked.status = rule.target
    if action == Action.APPROVE:
        if locked.published_at is None or (
            from_status == Status.UNPUBLISHED and locked.published_at > now
        ):
            locked.published_at = now
        locked.first_published_at = locked.first_published_at or now
        locked.takedown_reason = ""
    elif action == Action.TAKE_DOWN:
        locked.takedown_reason = comment.strip()
    if hasattr(locked, "updated_by"):
        locked.updated_by = by
    if hasattr(locked, "lock_version"):
        locked.lock_version = models.F("lock_version") + 1
    label = f"{Action(action).label}: {comment}".strip(": ")
    if reversion.is_registered(model):
        with reversion.create_revision():
            locked.save()
            reversion.set_user(by)
            reversion.set_comment(label)
    else:
        locked.save()
    locked.refresh_from_db()
    step = record(
        locked,
        action=action,
        from_status=from_status,
        to_status=rule.target,
        by=by,
        at=now,
        comment=comment.strip(),
    )
    item.refresh_from_db()
    return step
