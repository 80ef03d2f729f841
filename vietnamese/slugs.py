"""Vietnamese-aware slugs: Django's slugify() silently drops "đ"; we transliterate it."""

from collections.abc import Callable

from django.utils.text import slugify

_TRANSLITERATE = str.maketrans({"đ": "d", "Đ": "D"})
# Dashes and quotes that appear in headlines and must become word breaks.
_SEPARATORS = str.maketrans(dict.fromkeys("–—‐‑‒―/\\|·•.,:;", " "))


def slugify_vi(text: str, *, max_length: int = 200) -> str:
    """'Đoàn Thanh niên đường sáng–xanh' → 'doan-thanh-nien-duong-sang-xanh'."""
    text = (text or "").translate(_TRANSLITERATE).translate(_SEPARATORS)
    slug = slugify(text)  # NFKD + ASCII: strips the remaining diacritics
    return slug[:max_length].rstrip("-")


def unique_slug(text: str, *, exists: Callable[[str], bool], max_length: int = 200) -> str:
    """The Vietnamese slug of ``text``, suffixed -2, -3… until ``exists`` says it is free."""
    base = slugify_vi(text, max_length=max_length) or "bai-viet"
    candidate, n = base, 1
    while exists(candidate):
        n += 1
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    return candidate
