"""The withdrawal of a wanted notice (“đình nã”), in one step: from then on the notice is in
no public place, its photos and every rendition answer 404 and are gone from the media
store, the withdrawal is published as a short text notice, and the history says who and
when. Each place is proven here, with the page cache on and warm before the step."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from reversion.models import Version

from notices.models import NoticeStep, WantedNotice, Withdrawal
from notices.services import notice_approve, notice_withdraw
from photos.models import Image
from photos.renditions import social_image_url
from publishing.models import Action
from tests.factories import make_article, make_notice

pytestmark = pytest.mark.django_db

NAME = "Nguyễn Văn Minh Họa"


@pytest.fixture
def notice():
    return make_notice(full_name=NAME, decision_number="15/QĐ-CSĐT", photos=2)


def photo_addresses(notice: WantedNotice) -> list[str]:
    """Every address of every photo of the notice: the stored file, each rendition in
    WebP and JPEG, the social crop."""
    addresses = []
    for image in (p.image for p in notice.photos.select_related("image")):
        folder = image.file.url.rsplit(".", 1)[0]
        addresses.append(image.file.url)
        for width, _height in image.renditions["sizes"]:
            addresses += [f"{folder}/{width}.webp", f"{folder}/{width}.jpg"]
        addresses.append(urlsplit(social_image_url(image)).path)
    return addresses


@pytest.fixture
def withdraw(django_capture_on_commit_callbacks):
    """``withdraw(notice, by, **fields)``, committed (files go once the step commits)."""

    def step(notice, by, **overrides):
        fields = {
            "decision_number": "03/QĐ-CSĐT",
            "decision_date": timezone.localdate(),
            "reason": Withdrawal.Reason.ARRESTED,
        }
        fields.update(overrides)
        with django_capture_on_commit_callbacks(execute=True):
            return notice_withdraw(notice=notice, by=by, **fields)

    return step


PUBLIC_PLACES = {
    "the list": "/truy-na/",
    "the list of its year": "/truy-na/?nam={year}",
    "the search": "/tim-kiem/?q=minh+hoa",
    "the sitemap": "/sitemap-notices.xml",
    "the feed": "/truy-na/rss/",
    "the lookup": "/truy-na/tra-cuu/?so=15/QD-CSDT",
}


def test_a_withdrawn_notice_leaves_every_public_place_at_once(client, notice, approver, withdraw):
    year = notice.decision_date.year
    page = notice.get_absolute_url()
    addresses = photo_addresses(notice)
    assert len(addresses) >= 2 * (1 + 2 + 1)  # two photos: file, a rendition in two formats, crop
    # Before: everywhere, and every page is in the caches.
    for place, url in PUBLIC_PLACES.items():
        assert page in client.get(url.format(year=year)).content.decode(), place
    detail = client.get(page).content.decode()
    assert NAME in detail and 'property="og:image"' in detail
    assert all(client.get(url).status_code == 200 for url in addresses)

    withdraw(notice, approver)

    # After: at the next request (the content version changed; nginx adds at most
    # PROXY_CACHE_SECONDS = 5 s), in none of them.
    assert settings.PAGE_CACHE_SECONDS and settings.PROXY_CACHE_SECONDS <= 10
    for place, url in PUBLIC_PLACES.items():
        response = client.get(url.format(year=year))
        assert response.status_code == 200, place
        text = response.content.decode()
        assert page not in text, place
        if place == "the lookup":  # it says the decision was withdrawn
            assert "đã được đình nã" in text
        elif place != "the sitemap":
            assert NAME not in text, place
    # Its page: 410, the short withdrawal notice, no share card.
    gone = client.get(page)
    assert gone.status_code == 410
    text = gone.content.decode()
    assert "03/QĐ-CSĐT" in text and "15/QĐ-CSĐT" in text and "đã bị bắt" in text
    assert 'property="og:image"' not in text and "/media/" not in text
    assert client.get(page + "in/").status_code == 410  # the poster too
    # Its photos: every address answers 404, and no file is left in the media store.
    assert [client.get(url).status_code for url in addresses] == [404] * len(addresses)
    media = Path(settings.MEDIA_ROOT)
    assert [p for p in media.rglob("*") if p.is_file()] == []
    assert Image.objects.count() == 0


def test_the_withdrawal_is_published_as_a_short_text_notice(client, notice, approver, withdraw):
    withdrawal = withdraw(notice, approver, reason=Withdrawal.Reason.SURRENDERED)
    response = client.get("/truy-na/dinh-na/")
    text = response.content.decode()
    assert f'id="dinh-na-{withdrawal.pk}"' in text
    assert NAME in text and "sinh năm 1990" in text and "đã ra đầu thú" in text
    assert "<img" not in text.split('class="withdrawals"')[1].split("</ol>")[0]


def test_the_step_is_in_the_history_with_who_and_when(notice, approver, now, withdraw):
    withdraw(notice, approver)
    step = NoticeStep.objects.get(notice=notice)
    assert (step.action, step.by, step.to_status) == (Action.TAKE_DOWN, approver, "unpublished")
    assert "03/QĐ-CSĐT" in step.comment and "Đình nã" in step.comment
    assert abs((step.at - timezone.now()).total_seconds()) < 60
    withdrawal = Withdrawal.objects.get(notice=notice)
    assert withdrawal.withdrawn_by == approver


def test_what_readers_no_longer_need_is_erased_with_its_revisions(notice, approver, withdraw):
    with reversion.create_revision():
        notice.save()
    assert Version.objects.get_for_object(notice).exists()
    withdraw(notice, approver)
    notice.refresh_from_db()
    assert (notice.residence, notice.features, notice.other_names) == ("", "", "")
    assert notice.birth_date is None and notice.birth_year == 1990
    assert not any("Đồng Mẫu" in v.serialized_data for v in Version.objects.get_for_object(notice))


def test_only_an_approver_withdraws(notice, editor, reporter, withdraw):
    for person in (editor, reporter):
        with pytest.raises(PermissionDenied):
            withdraw(notice, person)
    assert not WantedNotice.objects.get(pk=notice.pk).is_withdrawn


def test_a_withdrawal_is_final(notice, approver, administrator, withdraw):
    withdraw(notice, approver)
    with pytest.raises(ValidationError):
        withdraw(notice, approver)
    with pytest.raises(ValidationError):
        notice_approve(notice=notice, by=administrator)
    assert not WantedNotice.objects.published().filter(pk=notice.pk).exists()


def test_a_photo_also_shown_by_an_article_is_withdrawn_all_the_same(
    client, notice, approver, withdraw
):
    image = notice.photos.first().image
    article = make_article(cover=image)
    url = image.file.url
    withdraw(notice, approver)
    assert client.get(url).status_code == 404
    image.refresh_from_db()
    assert not image.file and image.renditions == {} and image.caption == ""
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200 and url not in page.content.decode()
