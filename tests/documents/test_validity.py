"""A document's status follows its dates as the days pass (pinned clock); an editor can
state "partly out of force" with its reason. The list's filter and the page agree."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from documents.models import Document
from documents.validity import Validity
from tests.factories import make_document

D = dt.date


@pytest.fixture
def circular(db):
    return make_document(
        number="45/2023/TT-BCA",
        issued_on=D(2023, 9, 12),
        effective_from=D(2023, 11, 1),
        expires_on=D(2026, 1, 1),
    )


def status_in_the_list(document: Document, day: dt.date) -> str:
    row = Document.objects.filter(pk=document.pk).with_validity(day).get()
    for status in Validity:
        if Document.objects.filter(pk=document.pk).in_status(status, day).exists():
            assert row.validity_now == status
            return status
    raise AssertionError("in no status")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2023, 9, 12), Validity.PENDING),  # issued, not yet in force
        (D(2023, 10, 31), Validity.PENDING),
        (D(2023, 11, 1), Validity.IN_FORCE),  # its day of effect
        (D(2025, 12, 31), Validity.IN_FORCE),
        (D(2026, 1, 1), Validity.EXPIRED),  # out of force from its expiry date
    ],
)
def test_the_status_follows_the_dates(circular, day, expected):
    with time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC)):
        assert circular.validity() == expected
        assert status_in_the_list(circular, day) == expected


def test_without_a_date_of_effect_it_is_in_force_from_its_date_of_issue(db):
    letter = make_document(number="417/CAT-PC02", issued_on=D(2025, 6, 16))
    assert letter.validity(today=D(2025, 6, 15)) == Validity.PENDING
    assert letter.validity(today=D(2025, 6, 16)) == Validity.IN_FORCE
    assert status_in_the_list(letter, D(2025, 6, 16)) == Validity.IN_FORCE


def test_partly_out_of_force_is_set_by_hand_with_its_reason(circular):
    circular.validity_override = Validity.PARTIAL
    circular.validity_reason = ""
    with pytest.raises(ValidationError):
        circular.full_clean()
    with pytest.raises(IntegrityError):
        circular.save()


def test_an_override_wins_over_the_dates_everywhere(circular):
    Document.objects.filter(pk=circular.pk).update(
        validity_override=Validity.PARTIAL,
        validity_reason="Điều 5 bị bãi bỏ bởi Thông tư 12/2025/TT-BCA.",
    )
    circular.refresh_from_db()
    for day in (D(2023, 10, 1), D(2024, 6, 1), D(2027, 1, 1)):
        assert circular.validity(today=day) == Validity.PARTIAL
        assert status_in_the_list(circular, day) == Validity.PARTIAL


def test_a_document_cannot_go_out_of_force_before_it_is_in_force(db):
    document = make_document(issued_on=D(2024, 1, 1), effective_from=D(2024, 2, 1))
    document.expires_on = D(2024, 1, 15)
    with pytest.raises(ValidationError):
        document.full_clean()
