"""Validation of what the public sends in URLs: page numbers, search queries, any text.

Views may call these helpers directly; ``PublicInputMiddleware`` applies them to every
public request so that a view written later is protected without remembering to.
"""

import re
import unicodedata

from django.conf import settings

# C0 and C1 control characters (NUL breaks PostgreSQL, the rest breaks nothing useful),
# and the Unicode "noncharacters" / lone surrogates a browser can still percent-encode.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
# "1" to "99999": no listing here has more pages; "last" is Django's own alias.
_PAGE = re.compile(r"(?:[1-9][0-9]{0,4}|last)")
# Longest value kept for any other query parameter.
MAX_PARAMETER_LENGTH = 500


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


def clean_text(value: str, *, max_length: int = MAX_PARAMETER_LENGTH) -> str:
    """``value`` in NFC form, control characters dropped, cut to ``max_length``."""
    value = unicodedata.normalize("NFC", _CONTROL.sub("", value))
    return value[:max_length]


def clean_search_query(raw: str | None) -> str:
    """A search query as the search engine should see it.

    Vietnamese typed on some phones arrives decomposed (NFD); NFC keeps "ệ" one
    character. Whitespace runs become one space; the length is capped by the
    SEARCH_QUERY_MAX_LENGTH setting (cut at a word boundary when there is one).
    """
    if not raw:
        return ""
    limit = settings.SEARCH_QUERY_MAX_LENGTH
    text = clean_text(_SPACES.sub(" ", raw[: limit * 4])).strip()
    text = _SPACES.sub(" ", text)
    if len(text) > limit:
        cut = text[: limit + 1]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:limit]
    return text


def is_valid_page(raw: str) -> bool:
    """Whether ``raw`` is a page number a paginated listing can be asked for."""
    return bool(_PAGE.fullmatch(raw))
