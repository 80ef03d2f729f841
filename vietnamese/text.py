"""Accent- and case-folding of Vietnamese text, shared by the search index and the query.

"An ninh Tổ quốc" and "an ninh to quoc" fold to the same words, "Đảng" to "dang":
readers on phones often type without diacritics.
"""

import hashlib
import re
import unicodedata

_WORD = re.compile(r"\w+")
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower case, no diacritics, "đ" → "d"."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold_accents(text: str) -> str:
    """'Đội CSGT Phú Lương' → 'doi csgt phu luong': folded, whitespace collapsed."""
    return " ".join(fold(text).split())


def words(text: str) -> list[str]:
    """The folded words of ``text``, punctuation dropped."""
    return _WORD.findall(fold(text))


def search_document(*parts: str) -> str:
    """Folded words of the plain texts ``parts``, space-padded for whole-word matching.

    " ra quan dot cao diem ... " — a term ``t`` matches exactly when ``" t "`` occurs.
    """
    return " " + " ".join(words(" ".join(part or "" for part in parts))) + " "


def source_digest(*texts: str) -> str:
    """A fingerprint of Vietnamese texts (whitespace aside): a translation saved with it
    knows when the Vietnamese has changed since."""
    joined = "\x1f".join(" ".join((text or "").split()) for text in texts)
    return hashlib.sha256(joined.encode()).hexdigest()
