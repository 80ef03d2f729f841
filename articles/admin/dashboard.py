"""The article panels of the desk's front page (accounts/dashboard.py): what waits for
each person, each item one click from the form where its next step is taken.

- "My articles": the writer's drafts and the articles returned to them, with the comment
  they were returned with (everyone who writes);
- "Waiting for approval": forwarded articles, the longest waiting first (approvers);
- "Waiting for editing": submitted articles, the longest waiting first (editors);
- "Scheduled": what appears by itself today and next (whoever sets publication times).

Each panel costs two queries (its counts, its list) or three with bylines, whatever the
size of the archive: the counts are one aggregate, the lists are sliced.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from accounts import dashboard
from articles.models import Article, Byline, Transition
from publishing.models import Action, scheduled_rule

Status = Article.Status
SHOWN = 8  # items a panel lists; the rest are one click away, in the filtered list


def _list_url(**filters: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return f"{reverse('admin:articles_article_changelist')}?{query}"


def _last_step(action: str, field: str) -> Subquery:
    """The ``field`` of the article's latest step ``action`` (when it was returned, why,
    by whom: ``by_name``)."""
    steps = Transition.objects.filter(article=OuterRef("pk"), action=action).order_by("-at", "-pk")
    if field == "by_name":
        full_name = Trim(Concat("by__first_name", Value(" "), "by__last_name"))
        steps = steps.annotate(by_name=Coalesce(NullIf(full_name, Value("")), "by__username"))
    return Subquery(steps.values(field)[:1])


def _with_bylines(articles):
    bylines = Byline.objects.select_related("author")
    return articles.prefetch_related(Prefetch("bylines", queryset=bylines))


def written_by(user) -> Q:
    """The articles ``user`` wrote: signed with their byline, or created at the desk (an
    imported article was created by whoever imported it, not written by them)."""
    signed = Byline.objects.filter(author__user=user).values("article_id")
    return Q(created_by=user, source="") | Q(pk__in=signed)


@dashboard.register("mine", template="admin/dashboard/mine.html", order=10)
def my_articles(request: HttpRequest) -> dict | None:
    user = request.user
    if not user.has_perm("articles.add_article"):
        return None
    mine = Article.objects.filter(written_by(user))
    counts = mine.aggregate(
        drafts=Count("pk", filter=Q(status=Status.DRAFT)),
        returned=Count("pk", filter=Q(status=Status.RETURNED)),
        waiting=Count("pk", filter=Q(status__in=[Status.SUBMITTED, Status.FORWARDED])),
    )
    writes_mostly = not user.has_perm("articles.edit_any_article")
    if not writes_mostly and not counts["drafts"] and not counts["returned"]:
        return None  # an editor with nothing of their own on the desk
    items = list(
        mine.filter(status__in=[Status.RETURNED, Status.DRAFT])
        .annotate(
            returned_at=_last_step(Action.RETURN, "at"),
            return_comment=_last_step(Action.RETURN, "comment"),
        )
        .select_related("section")
        .only("pk", "title", "status", "updated_at", "section__name")
        # Returned ones first: someone is waiting for them.
        .order_by("-status", "-updated_at")[:SHOWN]
    )
    return {
        "counts": counts,
        "items": items,
        "add_url": reverse("admin:articles_article_add"),
        "drafts_url": _list_url(status=Status.DRAFT),
        "returned_url": _list_url(status=Status.RETURNED),
        "waiting_url": _list_url(status=Status.SUBMITTED),
    }


@dashboard.register("approval", template="admin/dashboard/queue.html", order=20)
def waiting_for_approval(request: HttpRequest) -> dict | None:
    if not request.user.has_perm("articles.publish_article"):
        return None
    return _queue(Status.FORWARDED, Action.FORWARD, kind="approval")


@dashboard.register("editing", template="admin/dashboard/queue.html", order=30)
def waiting_for_editing(request: HttpRequest) -> dict | None:
    if not request.user.has_perm("articles.forward_article"):
        return None
    return _queue(Status.SUBMITTED, Action.SUBMIT, kind="editing")


def _queue(status: str, action: str, *, kind: str) -> dict:
    waiting = Article.objects.filter(status=status)
    items = list(
        _with_bylines(waiting)
        .annotate(since=_last_step(action, "at"), sent_by=_last_step(action, "by_name"))
        .select_related("section", "cover")
        .defer("body", "search_text", "search_vector")
        # The longest waiting first.
        .order_by(F("since").asc(nulls_first=True), "pk")[:SHOWN]
    )
    return {
        "kind": kind,
        "count": waiting.count(),
        "items": items,
        "list_url": _list_url(status=status),
    }


@dashboard.register("scheduled", template="admin/dashboard/scheduled.html", order=40)
def scheduled(request: HttpRequest) -> dict | None:
    if not request.user.has_perm("articles.schedule_article"):
        return None
    now = timezone.now()
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    tomorrow = today + dt.timedelta(days=1)
    upcoming = Article.objects.filter(scheduled_rule(now))
    # Published from today on: what went out today, what goes out later today and after.
    counts = Article.objects.filter(status=Status.PUBLISHED, published_at__gte=today).aggregate(
        published_today=Count("pk", filter=Q(published_at__lte=now)),
        today=Count("pk", filter=Q(published_at__gt=now, published_at__lt=tomorrow)),
        all=Count("pk", filter=Q(published_at__gt=now)),
    )
    items = list(
        upcoming.select_related("section")
        .only("pk", "title", "status", "published_at", "section__name")
        .order_by("published_at")[:SHOWN]
    )
    return {
        "counts": counts,
        "items": items,
        "tomorrow": tomorrow,
        "list_url": _list_url(status="scheduled"),
    }
