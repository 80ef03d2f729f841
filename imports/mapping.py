"""Mapping files: old authors, sections and tags to this site's.

A TOML file with three tables::

    [authors]   # old login or byline text → "Name (Unit)"
    "admin" = "Nguyễn Văn An (Phòng Tham mưu)"
    "bk_phongvien" = "Trần Thị Bình (Công an tỉnh Bắc Kạn)"   # a unit that no longer exists
    [sections]  # old category (slug or name) → a section of this site
    "an-ninh-trat-tu" = "An ninh trật tự"
    [tags]      # old tag → a tag of this site ("" drops it)
    "ma-tuy" = "Ma túy"

An author the file does not map is refused, never given to the operator; a section or a
tag the file does not map keeps its old name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from imports.items import ArchiveError

_BYLINE = re.compile(r"^\s*(?P<name>[^()]+?)\s*(?:\((?P<unit>[^()]*)\))?\s*$")


def parse_byline(text: str) -> tuple[str, str] | None:
    match = _BYLINE.match(text or "")
    if not match:
        return None
    return match.group("name").strip(), (match.group("unit") or "").strip()


@dataclass
class Mapping:
    authors: dict[str, tuple[str, str]] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    default_section: str = "Tin tức"

    @classmethod
    def load(cls, path: Path | None) -> Mapping:
        if path is None:
            return cls()
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ArchiveError(_("The mapping file cannot be read: %(e)s") % {"e": exc}) from None
        except tomllib.TOMLDecodeError as exc:
            raise ArchiveError(
                _("The mapping file is not valid TOML: %(e)s") % {"e": exc}
            ) from None
        mapping = cls(default_section=str(data.get("default_section", cls.default_section)))
        for key, value in (data.get("authors") or {}).items():
            byline = parse_byline(str(value))
            if byline is None:
                raise ArchiveError(
                    _("Author “%(key)s”: write the new byline as “Name (Unit)”, not “%(v)s”.")
                    % {"key": key, "v": value}
                )
            mapping.authors[_key(key)] = byline
        mapping.sections = {
            _key(k): str(v).strip() for k, v in (data.get("sections") or {}).items()
        }
        mapping.tags = {_key(k): str(v).strip() for k, v in (data.get("tags") or {}).items()}
        return mapping

    def author(self, old: str) -> tuple[str, str] | None:
        return self.authors.get(_key(old))

    def section(self, old: str, name: str = "") -> tuple[str, bool]:
        """(section name here, whether the file mapped it)."""
        for key in (old, name):
            if key and _key(key) in self.sections:
                return self.sections[_key(key)], True
        return (name or old or self.default_section), False

    def tag(self, old: str) -> str:
        return self.tags.get(_key(old), old)


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()
