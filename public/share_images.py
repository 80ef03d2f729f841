"""Share images drawn from a title: 1200×630 PNG cards for Zalo and Facebook.

Crime warnings often have no photo, and a photo says less than the warning's own words:
the card is the title, large, under a red “CẢNH BÁO” label, in the site's Noto Serif.

The font is the self-hosted one (``static/fonts``): Pillow's FreeType reads WOFF2. Those
files are the browser subsets, Latin and Vietnamese apart (the CSS joins them with
``unicode-range``), so text is drawn in runs, each character from the subset that holds
it, exactly as a browser does. Text is put in NFC first: every Vietnamese letter is then
one character, found whole in one of the two subsets.
"""

from __future__ import annotations

import functools
import hashlib
import io
import unicodedata
from collections.abc import Iterator

from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
RED = (164, 22, 26)
GOLD = (200, 161, 58)
INK = (26, 26, 26)
PAPER = (255, 255, 255)
WASH = (245, 243, 238)
MARGIN = 72

# The Vietnamese subset's unicode-range (static/css/site.css), the rest is Latin.
_VIETNAMESE = (
    (0x0102, 0x0103), (0x0110, 0x0111), (0x0128, 0x0129), (0x0168, 0x0169), (0x01A0, 0x01A1),
    (0x01AF, 0x01B0), (0x0300, 0x0301), (0x0303, 0x0304), (0x0308, 0x0309), (0x0323, 0x0323),
    (0x0329, 0x0329), (0x1EA0, 0x1EF9), (0x20AB, 0x20AB),
)  # fmt: skip
_FILES = {
    "latin": "fonts/noto-serif-latin-700-normal.woff2",
    "vietnamese": "fonts/noto-serif-vietnamese-700-normal.woff2",
}


def version(article) -> str:
    """Changes with the title the image shows: a shared link then asks for the new image
    (Facebook and Zalo keep an image by its address)."""
    return hashlib.sha1(article.title.encode(), usedforsecurity=False).hexdigest()[:10]


def _subset(char: str) -> str:
    code = ord(char)
    return "vietnamese" if any(lo <= code <= hi for lo, hi in _VIETNAMESE) else "latin"


@functools.lru_cache(maxsize=32)
def font(subset: str, size: int) -> ImageFont.FreeTypeFont:
    path = finders.find(_FILES[subset]) or str(settings.STATIC_ROOT / _FILES[subset])
    return ImageFont.truetype(path, size)


def runs(text: str) -> Iterator[tuple[str, str]]:
    """(subset, text) pieces of ``text``, each drawn with one font file."""
    current, piece = "", ""
    for char in unicodedata.normalize("NFC", text):
        subset = (current or "latin") if char == " " else _subset(char)  # a space joins its run
        if subset != current and piece:
            yield current, piece
            piece = ""
        current = subset
        piece += char
    if piece:
        yield current, piece


def width(text: str, size: int) -> float:
    return sum(font(subset, size).getlength(piece) for subset, piece in runs(text))


def draw_text(
    draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill
) -> None:
    x, y = xy
    for subset, piece in runs(text):
        face = font(subset, size)
        draw.text((x, y), piece, font=face, fill=fill, anchor="ls")  # left, on the baseline
        x += face.getlength(piece)


def wrap(text: str, size: int, room: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and width(f"{lines[-1]} {word}", size) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fitted(
    text: str, room: float, *, largest: int, smallest: int, max_lines: int
) -> tuple[int, list[str]]:
    """The largest size (and its lines) at which ``text`` fits in ``max_lines``; at the
    smallest size, the last line ends with “…”."""
    for size in range(largest, smallest - 1, -4):
        lines = wrap(text, size, room)
        if len(lines) <= max_lines:
            return size, lines
    lines = wrap(text, smallest, room)[:max_lines]
    while lines and width(lines[-1] + " …", smallest) > room:
        lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
    lines[-1] += " …"
    return smallest, lines


def warning_card(title: str, *, label: str, detail: str = "", site: str = "") -> bytes:
    """The share image of a crime warning: ``label`` (“CẢNH BÁO”), ``detail`` (its methods),
    the title and the site's name, as a PNG of ``SIZE``."""
    picture = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(picture)
    w, h = SIZE
    draw.rectangle((0, 0, w, 14), fill=RED)
    draw.rectangle((0, 14, w, 18), fill=GOLD)
    draw.rectangle((0, h - 96, w, h), fill=WASH)
    draw.line((0, h - 96, w, h - 96), fill=(226, 224, 218), width=2)
    # The label: white on red.
    label_size = 30
    label_width = width(label, label_size)
    draw.rectangle((MARGIN, 66, MARGIN + label_width + 36, 66 + 56), fill=RED)
    draw_text(draw, (MARGIN + 18, 66 + 40), label, label_size, PAPER)
    if detail:
        size, lines = fitted(
            detail, w - 2 * MARGIN - label_width - 70, largest=26, smallest=20, max_lines=1
        )
        draw_text(draw, (MARGIN + label_width + 64, 66 + 39), lines[0], size, RED)
    # The title, as large as it fits in four lines.
    size, lines = fitted(title, w - 2 * MARGIN, largest=68, smallest=40, max_lines=4)
    leading = round(size * 1.28)
    top = 160 + (4 - len(lines)) * leading // 3
    for n, line in enumerate(lines):
        draw_text(draw, (MARGIN, top + size + n * leading), line, size, INK)
    if site:
        size, lines = fitted(site.upper(), w - 2 * MARGIN, largest=30, smallest=20, max_lines=1)
        draw_text(draw, (MARGIN, h - 36), lines[0], size, RED)
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()
