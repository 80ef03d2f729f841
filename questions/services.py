"""State changes of questions: receiving one from the public form, the workflow of its
answer (``publishing.workflow``), rejecting it, and deleting askers' personal data."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from publishing import workflow
from publishing.models import Action, Status
from questions.models import Question, QuestionStep, Topic

# Steps that put the answer before readers (or on the way there): it must be ready.
TOWARDS_READERS = frozenset({Action.SUBMIT, Action.FORWARD, Action.APPROVE})


def is_author(question: Question, user) -> bool:
    """Who entered the answer counts as its author (the two-person rule)."""
    return not question.pk or question.answered_by_id in (None, user.pk)


def record_step(question: Question, **step) -> QuestionStep:
    return QuestionStep.objects.create(question=question, **step)


def readiness_problem(question: Question) -> str:
    """Why ``question`` cannot go before readers yet ("" when it can)."""
    missing = [
        label
        for label, value in (
            (_("a title"), question.title),
            (_("the question as published"), question.public_question),
            (_("the answer"), question.answer),
            (_("the answering unit"), question.answer_unit),
        )
        if not value.strip()
    ]
    if missing:
        return _("Before it goes on, the question needs %(what)s.") % {"what": ", ".join(missing)}
    return ""


def question_transition(*, question: Question, by, action: str, comment: str = "") -> QuestionStep:
    if action in TOWARDS_READERS:
        problem = readiness_problem(question)
        if problem:
            raise ValidationError(problem)
    return workflow.transition(
        item=question,
        by=by,
        action=action,
        comment=comment,
        authored=is_author(question, by),
        record=record_step,
    )


def question_reject(*, question: Question, by, reason: str) -> QuestionStep:
    """Out of the queue for good (spam, abuse, not a question for the police)."""
    if not reason.strip():
        raise ValidationError(_("Please give a reason: it is recorded with this step."))
    return question_transition(question=question, by=by, action=Action.ARCHIVE, comment=reason)


@transaction.atomic
def question_receive(*, topic: Topic, name: str, contact: str, text: str) -> Question:
    """A question from the public form, into the moderation queue (a draft)."""
    question = Question.objects.create(
        topic=topic,
        asker_name=name.strip(),
        asker_contact=contact.strip(),
        question=text.strip(),
        public_question="",
        status=Status.DRAFT,
    )
    return question


@transaction.atomic
def erase_asker_data(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete what askers gave about themselves once ``QUESTION_PERSONAL_DATA_DAYS`` have
    passed since their question came in: the name and contact of every question, and the
    whole of a question never published (its text may hold more). Returns (erased, deleted).
    """
    before = (now or timezone.now()) - dt.timedelta(days=settings.QUESTION_PERSONAL_DATA_DAYS)
    old = Question.objects.filter(received_at__lt=before)
    # Never shown, and not on its way to readers either: waiting, returned or rejected.
    never_shown = old.filter(
        first_published_at__isnull=True, status__in=[Status.DRAFT, Status.RETURNED, Status.ARCHIVED]
    )
    deleted = 0
    for question in never_shown:
        question.delete()  # its revisions never held the asker's details (see apps.py)
        deleted += 1
    # The text as received goes too: what readers see is the text the desk prepared.
    erased = old.filter(personal_data_erased_at__isnull=True).update(
        asker_name="", asker_contact="", question="", personal_data_erased_at=now or timezone.now()
    )
    return erased, deleted
