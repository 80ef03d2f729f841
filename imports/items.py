"""What every reader yields: one item of an old portal, in the words of this site."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _


def plan_label(key: str) -> str:
    """The plan's words for what an item becomes, and for how it compares with the journal."""
    labels = {
        "published": _("published articles"),
        "draft": _("drafts"),
        "gone": _("not imported (the old address answers 410)"),
        "photo": _("photos"),
        "new": _("new"),
        "unchanged": _("unchanged"),
        "changed": _("changed (updated as a new revision)"),
    }
    return labels.get(key, key)


class ArchiveError(Exception):
    """The archive itself cannot be read (malformed, hostile): nothing is imported."""


@dataclass
class SourceItem:
    old_id: str
    kind: str  # "post", "page", "attachment", "row", "html"
    title: str = ""
    slug: str = ""
    sapo: str = ""
    body_html: str = ""
    authors: list[str] = field(default_factory=list)  # old logins or byline texts
    sections: list[str] = field(default_factory=list)  # old category keys, the first wins
    tags: list[str] = field(default_factory=list)
    campaigns: list[str] = field(default_factory=list)
    status: str = "publish"  # as the old portal said it
    target: str = "published"  # "published", "draft" or "gone" (410, not imported)
    published_at: dt.datetime | None = None
    cover_url: str = ""
    gallery: list[tuple[str, str]] = field(default_factory=list)  # (url, caption)
    media_url: str = ""  # an attachment's file
    caption: str = ""
    alt: str = ""
    old_urls: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unknown_shortcodes: list[str] = field(default_factory=list)

    def content_hash(self, mapped: dict | None = None) -> str:
        """The same item, mapped the same way, always gives the same hash."""
        data = asdict(self)
        # Notes are said in words (translated) and follow from the rest: not part of it.
        data.pop("notes")
        data["mapped"] = mapped or {}
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @property
    def is_article(self) -> bool:
        return self.kind != "attachment"
