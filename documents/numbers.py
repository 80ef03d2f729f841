"""Document numbers (số ký hiệu) as people write them and as the site compares them.

``45/2023/TT-BCA``, ``05/2019/NQ-HĐND``, ``123/CAT-PV2``: a reader types them in any case,
with or without diacritics and spaces, with a dash or without. ``number_key()`` keeps only
the letters and digits, folded: ``452023ttbca``, ``052019nqhdnd``. Two documents of one
issuer never share a key (the import is idempotent on it).
"""

from __future__ import annotations

import re

from vietnamese.text import fold

_DASHES = str.maketrans(dict.fromkeys("–—‐‑‒―−", "-"))
_SPACED = re.compile(r"\s*([/-])\s*")
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_DIGIT = re.compile(r"\d")


def clean_number(number: str) -> str:
    """``45 / 2023 / TT – BCA`` → ``45/2023/TT-BCA`` (its letters' case kept)."""
    text = " ".join((number or "").translate(_DASHES).split())
    return _SPACED.sub(r"\1", text)


def number_key(number: str) -> str:
    """Letters and digits of ``number``, folded: what two spellings of it share."""
    return _NOT_KEY.sub("", fold(number or ""))


def looks_like_number(text: str) -> bool:
    """A query that may be (the start of) a number: a digit and at least three signs."""
    key = number_key(text)
    return len(key) >= 3 and bool(_DIGIT.search(key))
