"""Scheduling: a future publication time appears by itself at its minute, no cron."""

import datetime as dt

import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.articles.forms import article_form_data
from tests.factories import make_article


def test_editor_schedules_and_approver_approves_for_later(client, editor, approver, now):
    article = make_article(status=Article.Status.SUBMITTED, published_at=None)
    at = timezone.localtime() + dt.timedelta(days=1)
    at = at.replace(hour=6, minute=30, second=0, microsecond=0)
    client.force_login(editor)
    data = article_form_data(
        article, published_at_0=at.strftime("%d/%m/%Y"), published_at_1=at.strftime("%H:%M")
    )
    assert (
        client.post(reverse("admin:articles_article_change", args=[article.pk]), data).status_code
        == 302
    )
    services.article_forward(article=article, by=editor)
    services.article_approve(article=article, by=approver)

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == at
    assert not article.is_published()

    client.force_login(approver)
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Hẹn giờ · còn" in listing
    scheduled = client.get(reverse("admin:articles_article_changelist"), {"status": "scheduled"})
    assert list(scheduled.context["cl"].result_list) == [article]

    client.logout()
    url = article.get_absolute_url()
    with time_machine.travel(at - dt.timedelta(minutes=1), tick=False):
        assert client.get(url).status_code == 404
        assert article.title not in client.get("/").content.decode()
    with time_machine.travel(at, tick=False):
        assert client.get(url).status_code == 200
        assert article.title in client.get("/").content.decode()


def test_approving_without_a_time_publishes_now(approver, now):
    article = make_article(status=Article.Status.FORWARDED, published_at=None)
    services.article_approve(article=article, by=approver)
    assert article.is_published()
    assert abs(article.published_at - timezone.now()) < dt.timedelta(seconds=5)


def test_approving_keeps_a_past_time_set_by_the_editor(approver, now):
    earlier = timezone.now() - dt.timedelta(hours=3)
    article = make_article(status=Article.Status.FORWARDED, published_at=earlier)
    services.article_approve(article=article, by=approver)
    assert article.published_at == earlier
