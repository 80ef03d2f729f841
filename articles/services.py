"""State changes of articles: the editorial workflow.

Every service has the same shape (Wagtail's actions): check the permission, change, and
record the step. Views, admin actions and commands call these; none of them sets
``Article.status`` directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Article, EditPresence, Transition

Status = Article.Status
Action = Transition.Action


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

# Seconds after the last heartbeat before an open editor no longer counts.
PRESENCE_TIMEOUT = 120

_WORKFLOW_ERROR = gettext_lazy("This step is not possible for an article that is “%(status)s”.")


def is_author(article: Article, user) -> bool:
    """The user wrote the article: created it, or stands in its byline."""
    if not article.pk:
        return True
    return article.created_by_id == user.pk or article.bylines.filter(author__user=user).exists()


def can_edit(user, article: Article) -> bool:
    """Object-level edit rule, enforced by the admin on every request."""
    if not user.is_active or not user.is_staff:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("articles.change_article"):
        return False
    status = article.status
    if status == Status.ARCHIVED:
        return False
    if status == Status.PUBLISHED:
        return user.has_perm("articles.publish_article")
    if user.has_perm("articles.edit_any_article"):
        return True
    return status in {Status.DRAFT, Status.RETURNED} and is_author(article, user)


def can_transition(user, article: Article, action: str) -> bool:
    """Whether ``user`` may take ``action`` on ``article`` now (state and permission).

    The reason a step may require is asked for on the form that offers the step, so it
    is not part of this question.
    """
    try:
        _check(user, article, action, comment_given=True)
    except (PermissionDenied, ValidationError):
        return False
    return True


def allowed_actions(user, article: Article) -> list[str]:
    return [action for action in RULES if can_transition(user, article, action)]


def _check(
    user, article: Article, action: str, comment: str = "", *, comment_given: bool = False
) -> Rule:
    rule = RULES[action]
    if not (user.is_active and user.is_staff):
        raise PermissionDenied
    if not user.has_perm(f"articles.{rule.permission}_article"):
        raise PermissionDenied(_("You do not have the right to do this."))
    if action == Action.SUBMIT and not (
        is_author(article, user) or user.has_perm("articles.edit_any_article")
    ):
        raise PermissionDenied(_("Only the author or an editor can submit this article."))
    if action == Action.APPROVE and settings.TWO_PERSON_APPROVAL and is_author(article, user):
        raise PermissionDenied(
            _("Two-person rule: an article must be approved by someone other than its author.")
        )
    if article.status not in rule.sources:
        raise ValidationError(_WORKFLOW_ERROR % {"status": article.get_status_display()})
    if rule.comment_required and not (comment_given or comment.strip()):
        raise ValidationError(_("Please give a reason: it is recorded with this step."))
    return rule


@transaction.atomic
def article_transition(*, article: Article, by, action: str, comment: str = "") -> Transition:
    """Move ``article`` one step through the workflow and record who, when and why."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    rule = _check(by, locked, action, comment)
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
    locked.updated_by = by
    locked.lock_version = F("lock_version") + 1
    with reversion.create_revision():
        locked.save()
        locked.refresh_from_db()
        reversion.set_user(by)
        reversion.set_comment(f"{Action(action).label}: {comment}".strip(": "))
    step = Transition.objects.create(
        article=locked,
        action=action,
        from_status=from_status,
        to_status=rule.target,
        by=by,
        at=now,
        comment=comment.strip(),
    )
    article.refresh_from_db()
    return step


def article_submit(*, article: Article, by) -> Transition:
    return article_transition(article=article, by=by, action=Action.SUBMIT)


def article_return(*, article: Article, by, comment: str) -> Transition:
    return article_transition(article=article, by=by, action=Action.RETURN, comment=comment)


def article_forward(*, article: Article, by, comment: str = "") -> Transition:
    return article_transition(article=article, by=by, action=Action.FORWARD, comment=comment)


def article_approve(*, article: Article, by, comment: str = "") -> Transition:
    return article_transition(article=article, by=by, action=Action.APPROVE, comment=comment)


def article_take_down(*, article: Article, by, reason: str) -> Transition:
    return article_transition(article=article, by=by, action=Action.TAKE_DOWN, comment=reason)


def article_archive(*, article: Article, by, comment: str = "") -> Transition:
    return article_transition(article=article, by=by, action=Action.ARCHIVE, comment=comment)


def article_restore(*, article: Article, by, comment: str = "") -> Transition:
    return article_transition(article=article, by=by, action=Action.RESTORE, comment=comment)


# Soft locks ---------------------------------------------------------------------


def presence_touch(*, article: Article, user) -> list[EditPresence]:
    """Record that ``user`` has the article open; return the others who have it open too."""
    now = timezone.now()
    presence, created = EditPresence.objects.get_or_create(
        article=article, user=user, defaults={"since": now, "seen_at": now}
    )
    if not created:
        if (now - presence.seen_at).total_seconds() > PRESENCE_TIMEOUT:
            presence.since = now
        presence.seen_at = now
        presence.save(update_fields=["since", "seen_at"])
    fresh = now - timezone.timedelta(seconds=PRESENCE_TIMEOUT)
    return list(
        EditPresence.objects.filter(article=article, seen_at__gte=fresh)
        .exclude(user=user)
        .select_related("user")
        .order_by("since")
    )


def presence_leave(*, article: Article, user) -> None:
    EditPresence.objects.filter(article=article, user=user).delete()
