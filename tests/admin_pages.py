"""Every page of the desk a role can open, and the English words a page shows.

Used by tests/accounts/test_desk_in_vietnamese.py (the server's HTML, with the test
client) and tests/browser/test_desk.py (what Chromium shows once the pages' scripts have
run: the selection counter, the calendar, CKEditor).

``desk_pages(client)`` walks the admin from its front page, as a person would: it follows
every link under the admin's address, one page per address pattern (``/42/change/`` and
``/43/change/`` are one page), and adds the add, change, history and delete pages of
every model the person's admin entries allow, so that a page nobody links to yet is
not missed. ``english_in(text)`` finds, word by word, the common English words of user
interfaces: Vietnamese syllables written without diacritics that are also English words
("an", "in", "to", "ban", "tin", "long"…) are not on the list, so Vietnamese never trips
it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit

import lxml.html
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from articles import services
from articles.models import Article, GalleryItem, Tag
from tests.factories import make_article, make_author, make_campaign, make_image, make_section

# Words of user interfaces (Django's admin, its widgets, CKEditor's, ours), lower case.
ENGLISH_UI_WORDS = frozenset(
    """
    about above access account accounts action actions active add added adding address
    after again ago all already and another any app application applications apply
    approval approve approved archive archived are article articles ask at attempt
    attempts authentication author authors authorization available back before below
    blockquote body bold browse button by cancel change changed changes characters
    check choose chosen clear click close closing code collapse column columns comment
    comments confirm content continue copy count counts create created current
    currently dashboard data date dates day days default delete deleted deletion
    description details disabled discard document done download draft drafts drop
    edit edited editing editor email empty enabled enter entries entry error errors
    every expand expires failed failure field fields file files filter filtered
    filters find first for forgotten forward forwarded found from full group groups
    has have heading help here hidden hide history hold home hour hours if image
    images insert is it italic item items just keep language last latest leave left
    less link links list loading locked log logged login logout lookup make many
    midnight minute minutes missing model models modified month months more move must
    name navigation new next noon none not note nothing now number object objects of
    off ok old only open option options or order other page pages paragraph password
    past paste path permission permissions photo photos picture please popup position
    powered preview previous print private profile public publish published read
    recent record records redo remove removed replace required reset restore result
    results return returned revision revisions right row rows run save saved
    schedule scheduled search second seconds section sections see select selected
    selection send sent server settings share show showing sidebar site size skip
    sort sorted sorting source staff start status step submit submitted success
    successfully summary table tag tags text the theme there this time title to today
    toggle tomorrow tools total type undo unknown unsaved untitled up update updated
    upload uploaded uploading use used user username users using value version view
    viewed visible was we week weeks welcome were what when where which will with
    word words year years yes yesterday you your
    """.split()
) - {
    # Vietnamese syllables without diacritics that are English words too.
    "to", "ban", "can", "long", "sang", "tin", "than", "hay",
}  # fmt: skip

# English that the desk shows on purpose: names of products and of protocols.
ALLOWED_PHRASES = (
    "Google Authenticator",
    "Microsoft Authenticator",
    "App Store",
    "HTTP Accept",
    # CKEditor 5's GPL licence badge (docs/editors-guide.md, "Trình soạn thảo").
    "Powered by CKEditor",
    # What django-axes stores for a header the browser did not send: a value, not a label.
    "<unknown>",
)

# A word of its own: not letters inside a longer run of letters and digits ("OK2I" of a key).
_WORD = re.compile(r"(?<!\w)[A-Za-z]+(?:'[a-z]+)?(?!\w)")
# A file's name is the name it was uploaded with, not words of the interface.
_FILE_NAME = re.compile(r"\S+\.(?:jpe?g|png|webp|gif|heic|avif|pdf)\b", re.IGNORECASE)
# Not words of the interface: scripts, styles, and machine text (a setup key, a code).
_NOT_TEXT = ("script", "style", "template", "noscript", "svg", "code")
_TEXT_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def english_in(text: str) -> list[str]:
    """The English UI words in ``text``, each with a few words around it."""
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    text = _FILE_NAME.sub(" ", text)
    found = []
    for match in _WORD.finditer(text):
        if match.group().lower() in ENGLISH_UI_WORDS:
            start, end = max(0, match.start() - 30), match.end() + 30
            found.append(" ".join(text[start:end].split()))
    return found


def page_text(html: str) -> str:
    """What a person reads on a page: its title, its text, the labels of its buttons and
    the text of its tooltips, placeholders and images (not scripts or styles)."""
    root = lxml.html.document_fromstring(html)
    for element in root.iter(*_NOT_TEXT):
        element.drop_tree()
    # What the page hides from everyone (the admin's hidden rows, ``hidden`` elements);
    # text only screen readers hear (``visually-hidden``) is kept.
    for element in root.xpath('//*[@hidden or contains(concat(" ", @class, " "), " hidden ")]'):
        element.drop_tree()
    pieces = [root.findtext(".//title") or ""]
    body = root.find("body")
    if body is not None:
        pieces.append(body.text_content())
        for element in body.iter():
            if not isinstance(element.tag, str):
                continue
            pieces += [element.get(name, "") for name in _TEXT_ATTRIBUTES]
            if element.tag == "input" and element.get("type") in {"submit", "button"}:
                pieces.append(element.get("value", ""))
    return "\n".join(p for p in pieces if p)


def _pattern(path: str) -> str:
    return re.sub(r"/\d+/", "/N/", path)


def _admin_prefix() -> str:
    return "/" + settings.ADMIN_URL


# Addresses under the admin that are not pages of the desk to read.
_SKIPPED = (
    "logout/",
    "jsi18n/",
    "autocomplete/",
    "r/",  # "view on site" redirects to the public site
)


def _wanted(path: str) -> bool:
    prefix = _admin_prefix()
    if not path.startswith(prefix):
        return False
    rest = path[len(prefix) :]
    return not any(rest.startswith(skip) or f"/{skip}" in f"/{rest}" for skip in _SKIPPED)


def model_pages(user) -> list[str]:
    """The add, list, change, history and delete pages of every model whose admin
    ``user`` may open (one object each: the first in the list they see)."""
    request = RequestFactory().get(_admin_prefix())
    request.user = user
    pages = []
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        name = f"admin:{meta.app_label}_{meta.model_name}"
        if model_admin.has_view_or_change_permission(request):
            pages.append(reverse(f"{name}_changelist"))
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"{name}_add"))
        obj = model_admin.get_queryset(request).first()
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            continue
        for view in ("change", "history", "delete"):
            if view == "delete" and not model_admin.has_delete_permission(request, obj):
                continue
            try:
                pages.append(reverse(f"{name}_{view}", args=[obj.pk]))
            except NoReverseMatch:
                continue
    return pages


def desk_pages(client, user, *, every: Iterable[str] = (), limit: int = 250) -> dict[str, str]:
    """``{address: html}`` of every desk page ``user`` (logged in on ``client``) can open
    (200 only), one per address pattern, found by following links from the front page;
    the addresses in ``every`` are all read (an article's form in each of its states)."""
    every = list(every)
    queue = deque([*every, _admin_prefix(), *model_pages(user)])
    seen_patterns: set[str] = set()
    pages: dict[str, str] = {}
    while queue and len(pages) < limit:
        address = queue.popleft()
        path = urlsplit(address).path
        if path in pages or not _wanted(path):
            continue
        if path not in every and _pattern(path) in seen_patterns:
            continue
        seen_patterns.add(_pattern(path))
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[path] = html
        root = lxml.html.document_fromstring(html)
        for link in root.iter("a"):
            href = link.get("href")
            if href and not href.startswith(("#", "javascript:", "mailto:")):
                queue.append(urljoin(path, href))
    return pages


def article_pages(articles: Iterable[Article]) -> list[str]:
    """The form and the revisions of each article (those a person cannot open answer
    403 or 404 and are left out)."""
    return [
        reverse(f"admin:articles_article_{view}", args=[article.pk])
        for article in articles
        for view in ("change", "revisions")
    ]


def desk_world(*, reporter, editor, approver, photo_staff, administrator) -> dict:
    """A desk with something in every state: articles from draft to archived (the steps
    taken through the services, so they have a history and revisions), photos in use and
    not, a photo story, a scheduled article, a log-in lock-out."""
    section = make_section("An ninh trật tự")
    make_section("Phòng chống ma túy", parent=section)
    tag = Tag.objects.create(name="xã Phú Đình")
    campaign = make_campaign("Vì an ninh Tổ quốc", slogan="Vì nước quên thân, vì dân phục vụ")
    mine = make_author("Lê Thị Hạnh", "Công an xã Phú Đình")
    mine.user = reporter
    mine.save()
    cover = make_image(caption="Tổ tuần tra tại chợ phiên", credit="Ảnh: Đỗ Thu Trang")
    make_image(caption="Ảnh chưa dùng", uploaded_by=photo_staff)
    made = {}
    for status in Article.Status.values:
        made[status] = make_article(
            title=f"Công an xã Phú Đình tuần tra ban đêm ({Article.Status(status).label})",
            status=Article.Status.DRAFT,
            published_at=None,
            authors=[mine],
            cover=cover,
            tags=[tag],
            campaigns=[campaign],
            created_by=reporter,
            section=section,
        )
    steps = {
        "submitted": [("submit", reporter)],
        "returned": [("submit", reporter), ("return", editor)],
        "forwarded": [("submit", reporter), ("forward", editor)],
        "published": [("submit", reporter), ("forward", editor), ("approve", approver)],
        "unpublished": [
            ("submit", reporter), ("forward", editor), ("approve", approver),
            ("take_down", approver),
        ],
        "archived": [("archive", approver)],
    }  # fmt: skip
    for status, path in steps.items():
        for action, by in path:
            services.article_transition(
                article=made[status], by=by, action=action, comment="Xem lại số liệu."
            )
    GalleryItem.objects.create(article=made["published"], image=cover, position=1)
    make_article(
        title="Bài hẹn giờ đăng sáng mai",
        published_at=timezone.now() + timezone.timedelta(days=1, hours=3),
        cover=cover,
        section=section,
    )
    AccessAttempt.objects.create(
        username="khach", ip_address="203.0.113.9", user_agent="Trình duyệt", failures_since_start=5
    )
    return made
