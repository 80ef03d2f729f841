"""The publication rule is one rule: the query and the instance always give the same answer."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.models import Article
from publishing.models import Status, validate_publication_time
from tests.factories import make_article

OFFSETS = st.one_of(st.none(), st.integers(min_value=-3 * 86400, max_value=3 * 86400))
# Times outside 1945–2099 that got into the database past the doors: never a publication.
FAR = st.sampled_from(
    [dt.datetime(1, 1, 2, tzinfo=dt.UTC), dt.datetime(1944, 12, 31, tzinfo=dt.UTC),
     dt.datetime(2100, 1, 1, tzinfo=dt.UTC), dt.datetime(9999, 12, 30, tzinfo=dt.UTC)]
)  # fmt: skip


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(Status.values), st.one_of(OFFSETS, FAR)), min_size=1, max_size=8
    )
)
def test_query_and_instance_agree_on_what_readers_see(rows):
    Article.objects.all().delete()
    now = timezone.now()
    for status, offset in rows:
        if isinstance(offset, dt.datetime):
            Article.objects.filter(pk=make_article(status=status).pk).update(published_at=offset)
            continue
        at = None if offset is None else now + dt.timedelta(seconds=offset)
        if status == Status.PUBLISHED and at is None:
            at = now  # the database refuses a published article without a time
        make_article(status=status, published_at=at)
    articles = list(Article.objects.all())
    published = set(Article.objects.published(at=now).values_list("pk", flat=True))
    scheduled = set(Article.objects.scheduled(at=now).values_list("pk", flat=True))
    assert published == {a.pk for a in articles if a.is_published(at=now)}
    assert scheduled == {a.pk for a in articles if a.is_scheduled(at=now)}
    assert not published & scheduled


@pytest.mark.django_db
def test_the_next_scheduled_minute_is_the_earliest_scheduled_article(now):
    soon, later = (timezone.now() + dt.timedelta(minutes=m) for m in (10, 90))
    make_article(published_at=later)
    make_article(published_at=soon)
    make_article(status=Status.DRAFT, published_at=timezone.now() + dt.timedelta(minutes=5))
    assert Article.objects.next_scheduled_at() == soon


@pytest.mark.parametrize(
    "moment",
    [dt.datetime(1, 1, 1, tzinfo=dt.UTC), dt.datetime(1899, 12, 31, tzinfo=dt.UTC),
     dt.datetime(9999, 12, 31, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC)],
)  # fmt: skip
def test_a_publication_time_far_outside_the_news_is_refused(moment):
    with pytest.raises(ValidationError, match="1945"):
        validate_publication_time(moment)


def test_a_publication_time_of_the_archives_or_the_next_years_is_accepted():
    for year in (1945, 1999, 2023, 2099):
        validate_publication_time(dt.datetime(year, 6, 1, tzinfo=dt.UTC))
