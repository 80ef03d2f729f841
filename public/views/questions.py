"""Questions and answers (“Hỏi đáp”): the answered questions (by field, searchable), one
question's page, and the public form.

The form page is never cached, by the page cache, nginx or a browser (``never_cache``):
it carries the reader's own CSRF token. It is guarded without any outside service: CSRF,
a rate limit per address (``RateLimitMiddleware``, ``FORM_RATE_LIMIT``), a honeypot field,
a signed time stamp (a form sent within seconds of being shown, or days later, is a
robot's or a stale one), and size limits; every refusal says why, in Vietnamese.
"""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from public.addresses import absolute
from public.navigation import site_parts
from public.pagecache import cached_parts
from public.search import Query
from public.templating import render_part
from questions.models import Question, Topic
from questions.services import question_receive

PAGE_SIZE = 15
# A person reads the form and types a question: faster than this is a robot.
FASTEST_SECONDS = 5
# A form left open longer than this is sent again from a fresh page.
OLDEST_SECONDS = 24 * 3600
# The whole form as sent, in bytes: a question is text, not a file.
MAX_BODY_BYTES = 20_000
_STAMP_SALT = "questions.ask-form"


def form_stamp() -> str:
    return signing.dumps(int(time.time()), salt=_STAMP_SALT)


class AskForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=100,
        error_messages={
            "required": gettext_lazy("Please give your name."),
            "max_length": gettext_lazy(
                "The name is too long (at most %(limit_value)d characters)."
            ),
        },
    )
    contact = forms.CharField(
        label=gettext_lazy("Phone or e-mail (optional)"),
        max_length=150,
        required=False,
        help_text=gettext_lazy("Only for the unit answering you; never published."),
        error_messages={
            "max_length": gettext_lazy(
                "The contact is too long (at most %(limit_value)d characters)."
            )
        },
    )
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Field"),
        queryset=Topic.objects.all(),
        empty_label=gettext_lazy("— choose —"),
        error_messages={
            "required": gettext_lazy("Please choose the field of your question."),
            "invalid_choice": gettext_lazy("Please choose the field of your question."),
        },
    )
    question = forms.CharField(
        label=gettext_lazy("Your question"),
        min_length=20,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "20 to 3.000 characters. Do not write ID numbers or other people's details."
        ),
        error_messages={
            "required": gettext_lazy("Please write your question."),
            "min_length": gettext_lazy(
                "The question is too short (at least %(limit_value)d characters)."
            ),
            "max_length": gettext_lazy(
                "The question is too long (at most %(limit_value)d characters)."
            ),
        },
    )
    # Hidden from people (CSS and aria-hidden), filled in by robots.
    website = forms.CharField(required=False, label=gettext_lazy("Leave this empty"))
    stamp = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("The question was not sent: a field meant to stay empty was filled in."),
                code="honeypot",
            )
        try:
            shown = signing.loads(cleaned.get("stamp") or "", salt=_STAMP_SALT)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("The form could not be checked. Please send the question again from this page."),
                code="stamp",
            ) from None
        age = time.time() - shown
        if age < FASTEST_SECONDS:
            raise forms.ValidationError(
                _(
                    "The question was sent too fast to have been typed. Please check it and "
                    "send it again."
                ),
                code="too_fast",
            )
        if age > OLDEST_SECONDS:
            raise forms.ValidationError(
                _("The form was open too long. Please send the question again from this page."),
                code="too_old",
            )
        return cleaned


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """The form (GET), or a question sent (POST): into the moderation queue, then a thank-you
    page; a refused one comes back with what was written and the reason."""
    status, refusal = 200, ""
    if request.method != "POST":
        form = AskForm(initial={"stamp": form_stamp()})
    elif int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
        form = AskForm(initial={"stamp": form_stamp()})
        status, refusal = 413, _("The question is too long to be sent.")
    else:
        form = AskForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            question_receive(
                topic=data["topic"],
                name=data["name"],
                contact=data["contact"],
                text=data["question"],
            )
            return HttpResponseRedirect(reverse("public:question-sent"))
        status = 400
        form.data = form.data.copy()
        form.data["stamp"] = form_stamp()  # the next try is timed from now
    context = {
        "form": form,
        "refusal": refusal,
        "question_days": settings.QUESTION_PERSONAL_DATA_DAYS,
        **site_parts(request),
    }
    return TemplateResponse(request, "questions/ask.html", context, status=status, using="jinja2")


@never_cache
@require_safe
def question_sent(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "questions/sent.html", site_parts(request), using="jinja2")


@require_safe
def question_list(request: HttpRequest) -> HttpResponse:
    query = Query.parse(request.GET.get("q", ""))
    topic_slug = request.GET.get("linh-vuc", "")[:140]
    number = request.GET.get("page") or "1"

    def make() -> dict:
        topics = list(Topic.objects.all())
        topic = next((t for t in topics if t.slug == topic_slug), None)
        if topic_slug and topic is None:
            raise Http404
        answered = Question.objects.answered().select_related("topic")
        if topic:
            answered = answered.filter(topic=topic)
        if query:
            answered = answered.matching(query.terms)
        paginator = Paginator(answered.latest_first(), PAGE_SIZE)
        try:
            page = paginator.page(paginator.num_pages if number == "last" else number)
        except InvalidPage as exc:
            raise Http404 from exc
        filters = {k: v for k, v in (("q", query.text), ("linh-vuc", topic_slug)) if v}
        context = {
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "page_query": urlencode(filters),
            "topics": topics,
            "topic": topic,
            "query": query,
        }
        return {
            "title": _("Questions and answers"),
            "description": _("Citizens' questions answered by the units of the provincial police."),
            "canonical": absolute(reverse("public:questions")),
            "robots": "noindex, follow" if filters or page.number > 1 else "",
            "main": render_part("questions/list_main.html", context, request),
            **site_parts(request),
        }

    parts = cached_parts(request, "questions", f"{query.text}:{topic_slug}:{number}", make)
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")


@require_safe
def question_detail(request: HttpRequest, slug: str) -> HttpResponse:
    def make() -> dict:
        question = Question.objects.answered().select_related("topic").filter(slug=slug).first()
        if question is None:
            raise Http404
        context = {"question": question, "canonical_url": absolute(question.get_absolute_url())}
        return {
            "title": question.title,
            "description": question.public_question[:300],
            "canonical": context["canonical_url"],
            "main": render_part("questions/detail_main.html", context, request),
            **site_parts(request),
        }

    parts = cached_parts(request, "question", slug, make)
    return TemplateResponse(request, "public/parts_page.html", {"parts": parts}, using="jinja2")
