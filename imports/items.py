"""What every reader yields: one item of an old portal, in the words of this site."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field


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
        data["mapped"] = mapped or {}
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @property
    def is_article(self) -> bool:
        return self.kind != "attachment"
