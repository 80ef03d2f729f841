"""State changes of articles: the editorial workflow (publishing/workflow.py), the import,
and the soft lock of the editor.

Every service has the same shape (Wagtail's actions): check the permission, change, and
record the step. Views, admin actions and commands call these; none of them sets
``Article.status`` directly. What is particular to articles is here: who counts as an
article's author (its creator, or a byline linked to the account) and who may edit it.
"""

from __future__ import annotations

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, EditPresence, Transition
from publishing import workflow
from publishing.models import Action, validate_publication_time

Status = Article.Status


RULES = workflow.RULES

# Seconds after the last heartbeat before an open editor no longer counts.
PRESENCE_TIMEOUT = 120


def is_author(article: Article, user) -> bool:
    """The user wrote the article: created it, or stands in its byline."""
    if not article.pk:
        return True
    return article.created_by_id == user.pk or article.bylines.filter(author__user=user).exists()


def desk_articles(user, articles=None):
    """The articles ``user`` works on at the desk: all of them for editors and above,
    their own (created or in the byline) for reporters."""
    articles = Article.objects.all() if articles is None else articles
    if user.is_superuser or user.has_perm("articles.edit_any_article"):
        return articles
    return articles.filter(Q(created_by=user) | Q(bylines__author__user=user)).distinct()


def can_view(user, article: Article) -> bool:
    """Whether ``user`` may open ``article`` at the desk (its form, history, preview)."""
    if not (user.is_active and user.is_staff):
        return False
    if not (user.has_perm("articles.view_article") or user.has_perm("articles.change_article")):
        return False
    return desk_articles(user).filter(pk=article.pk).exists()


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
    """Whether ``user`` may take ``action`` on ``article`` now (state and permission)."""
    return workflow.can_take(user, article, action, authored=is_author(article, user))


def allowed_actions(user, article: Article) -> list[str]:
    return workflow.allowed_actions(user, article, authored=is_author(article, user))


def article_transition(*, article: Article, by, action: str, comment: str = "") -> Transition:
    """Move ``article`` one step through the workflow and record who, when and why."""
    return workflow.transition(
        item=article,
        by=by,
        action=action,
        comment=comment,
        authored=is_author(article, by),
        record=_record,
    )


def _record(article: Article, **step) -> Transition:
    return Transition.objects.create(article=article, **step)


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


# Import ------------------------------------------------------------------------

# A decision of the desk that an import must not undo.
_DECIDED_BY_THE_DESK = frozenset({Status.UNPUBLISHED, Status.ARCHIVED})


def import_refusal(*, article: Article, by, force: bool = False) -> str:
    """Why an import must leave ``article`` alone ("" when it may go on); raises
    PermissionDenied when ``by`` may not import at all."""
    if by is None or not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Imports are made by an active member of staff."))
    needed = "articles.change_article" if article.pk else "articles.add_article"
    if not by.has_perm(needed):
        raise PermissionDenied(_("You do not have the right to do this."))
    if force and not by.is_superuser:
        raise PermissionDenied(_("Only an administrator may force an import."))
    if article.pk and article.status in _DECIDED_BY_THE_DESK and not force:
        return _(
            "The article is “%(status)s” on this site: skipped (an administrator may import "
            "it anyway with --force)."
        ) % {"status": article.get_status_display()}
    return ""


@transaction.atomic
def article_import(
    *, article: Article, status: str, published_at, by, force: bool = False, note: str = ""
) -> Transition | None:
    """Save an imported article in the workflow state its record asks for, as far as the
    desk allows, and record the step in the approval register.

    A new article takes the record's state: a draft, or published at its own time (its
    first publication). An article already on this site keeps what the desk decided: a
    submitted, returned or forwarded one is not reset to draft, a published one is not
    taken down by a "draft" record, and a taken-down or archived one is skipped unless an
    administrator forces it (``import_refusal``). Importing as published needs the right
    to publish; the two-person rule does not apply: the record reports a publication
    approved where it came from.
    """
    refusal = import_refusal(article=article, by=by, force=force)
    if refusal:
        raise ValidationError(refusal)
    validate_publication_time(published_at)  # whoever calls: the importer, an API
    created = article.pk is None
    previous = Status.DRAFT if created else article.status
    target = status if created or status == Status.PUBLISHED else previous
    if target == Status.UNPUBLISHED or target == Status.ARCHIVED:  # forced, drafted again
        target = status
    if target == Status.PUBLISHED and previous != Status.PUBLISHED:
        if not by.has_perm("articles.publish_article"):
            raise PermissionDenied(_("You do not have the right to publish articles."))
    article.status = target
    if target == Status.PUBLISHED:
        article.published_at = published_at or article.published_at or timezone.now()
        article.first_published_at = article.first_published_at or article.published_at
        article.takedown_reason = ""
    article.updated_by = by
    if not created:
        article.lock_version = F("lock_version") + 1
    with reversion.create_revision():
        article.save()
        article.refresh_from_db(fields=["lock_version"])
        reversion.set_user(by)
        reversion.set_comment(_("Imported (%(source)s)") % {"source": note})
    if not created and previous == target:
        return None
    comment = note + (" — " + _("forced by an administrator") if force and not created else "")
    return Transition.objects.create(
        article=article,
        action=Action.IMPORT,
        from_status=previous,
        to_status=target,
        by=by,
        comment=comment,
    )


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
