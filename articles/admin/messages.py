"""What the desk says once a workflow step is done: a sentence per step, for one article
and for many (a button's label dropped mid-sentence reads "đã Gửi biên tập")."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from articles.models import Article
from publishing.models import Action

DONE = {
    Action.SUBMIT: gettext_lazy("“%(title)s” was submitted for review."),
    Action.RETURN: gettext_lazy("“%(title)s” was returned to the reporter with your comment."),
    Action.FORWARD: gettext_lazy("“%(title)s” was forwarded for approval."),
    Action.APPROVE: gettext_lazy("“%(title)s” was approved and is published."),
    Action.TAKE_DOWN: gettext_lazy("“%(title)s” was taken down."),
    Action.ARCHIVE: gettext_lazy("“%(title)s” was archived."),
    Action.RESTORE: gettext_lazy("“%(title)s” is a draft again."),
}

DONE_MANY = {
    Action.SUBMIT: ngettext_lazy(
        "%(count)s article was submitted for review.",
        "%(count)s articles were submitted for review.",
        "count",
    ),
    Action.FORWARD: ngettext_lazy(
        "%(count)s article was forwarded for approval.",
        "%(count)s articles were forwarded for approval.",
        "count",
    ),
    Action.APPROVE: ngettext_lazy(
        "%(count)s article was approved and published.",
        "%(count)s articles were approved and published.",
        "count",
    ),
    Action.ARCHIVE: ngettext_lazy(
        "%(count)s article was archived.", "%(count)s articles were archived.", "count"
    ),
}


def step_done(article: Article, action: str) -> str:
    """ "“Title” was approved and is published." — or when it will appear, if scheduled."""
    if action == Action.APPROVE and article.is_scheduled():
        return _("“%(title)s” was approved: it appears by itself at %(when)s.") % {
            "title": article.title,
            "when": formats.date_format(
                timezone.localtime(article.published_at), "DATETIME_FORMAT"
            ),
        }
    return DONE[action] % {"title": article.title}


def steps_done(action: str, count: int) -> str:
    return DONE_MANY[action] % {"count": count}
