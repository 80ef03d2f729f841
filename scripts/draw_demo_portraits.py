"""Draw the demo's wanted-notice portraits (demo/data/photos/truy-na-*.jpg) and the covers
of two crime warnings (canh-bao-*.jpg) with Pillow.

The demo's wanted persons are fictional, and so are their faces: simple drawn portraits,
each marked “ẢNH MINH HỌA — NHÂN VẬT HƯ CẤU” (illustration, fictional person), never a
photograph of anyone. Run once: python scripts/draw_demo_portraits.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "demo" / "data" / "photos"
FONTS = ROOT / "static" / "fonts"
W, H = 600, 800

# skin, hair, shirt, background, hair style, face width
PEOPLE = [
    ((224, 184, 150), (34, 30, 28), (60, 80, 110), (214, 220, 226), "short", 1.0),
    ((205, 160, 125), (20, 20, 22), (120, 60, 50), (226, 222, 210), "side", 1.08),
    ((232, 196, 165), (48, 36, 30), (70, 100, 70), (220, 214, 222), "long", 0.94),
    ((196, 150, 118), (60, 58, 56), (40, 40, 44), (212, 222, 214), "bald", 1.04),
]


def label_font(size: int, char: str) -> ImageFont.FreeTypeFont:
    vietnamese = 0x1EA0 <= ord(char) <= 0x1EF9 or char in "ĂăĐđĨĩŨũƠơƯư"
    subset = "vietnamese" if vietnamese else "latin"
    return ImageFont.truetype(str(FONTS / f"noto-serif-{subset}-700-normal.woff2"), size)


def draw_label(draw: ImageDraw.ImageDraw, text: str, y: int) -> None:
    text = unicodedata.normalize("NFC", text)
    total = sum(label_font(22, c).getlength(c) for c in text)
    x = (W - total) / 2
    for char in text:
        face = label_font(22, char)
        draw.text((x, y), char, font=face, fill=(255, 255, 255), anchor="ls")
        x += face.getlength(char)


def portrait(skin, hair, shirt, background, style, breadth) -> Image.Image:
    picture = Image.new("RGB", (W, H), background)
    draw = ImageDraw.Draw(picture)
    cx = W // 2
    fw = int(150 * breadth)
    # Shoulders and neck.
    draw.ellipse((cx - 260, 600, cx + 260, 1000), fill=shirt)
    draw.rectangle((cx - 45, 470, cx + 45, 620), fill=tuple(max(0, c - 18) for c in skin))
    # Hair behind the head.
    if style == "long":
        draw.rounded_rectangle((cx - fw - 25, 170, cx + fw + 25, 600), radius=120, fill=hair)
    # Ears and face.
    draw.ellipse((cx - fw - 22, 330, cx - fw + 22, 420), fill=skin)
    draw.ellipse((cx + fw - 22, 330, cx + fw + 22, 420), fill=skin)
    draw.ellipse((cx - fw, 180, cx + fw, 560), fill=skin)
    # Hair on top.
    if style == "short":
        draw.chord((cx - fw - 6, 160, cx + fw + 6, 420), 180, 360, fill=hair)
    elif style == "side":
        draw.chord((cx - fw - 8, 150, cx + fw + 8, 440), 170, 350, fill=hair)
        draw.polygon([(cx - fw, 290), (cx - 20, 230), (cx + fw, 270), (cx + fw, 240)], fill=hair)
    elif style == "long":
        draw.chord((cx - fw - 10, 160, cx + fw + 10, 430), 180, 360, fill=hair)
    else:  # bald, a ring of hair
        draw.arc((cx - fw - 4, 200, cx + fw + 4, 520), 160, 200, fill=hair, width=18)
        draw.arc((cx - fw - 4, 200, cx + fw + 4, 520), 340, 20, fill=hair, width=18)
    # Eyes, brows, nose, mouth.
    for side in (-1, 1):
        ex = cx + side * int(fw * 0.42)
        draw.ellipse((ex - 22, 352, ex + 22, 372), fill=(250, 250, 248))
        draw.ellipse((ex - 9, 353, ex + 9, 371), fill=(40, 30, 25))
        draw.line((ex - 30, 328 - side * 2, ex + 28, 322 + side * 2), fill=hair, width=8)
    draw.line(
        (cx, 370, cx - 12, 440, cx + 10, 446), fill=tuple(max(0, c - 45) for c in skin), width=5
    )
    draw.line((cx - 38, 480, cx + 38, 478), fill=(150, 70, 65), width=6)
    # The mark: an illustration, a fictional person.
    draw.rectangle((0, H - 70, W, H), fill=(164, 22, 26))
    draw_label(draw, "ẢNH MINH HỌA — NHÂN VẬT HƯ CẤU", H - 28)
    return picture


def warning_cover(background, accent, screen_text_rows: int) -> Image.Image:
    """A phone with a warning sign on its screen: the cover of a crime warning."""
    picture = Image.new("RGB", (1600, 1000), background)
    draw = ImageDraw.Draw(picture)
    for n in range(0, 1600, 80):  # a quiet pattern
        draw.line((n, 0, n - 400, 1000), fill=tuple(min(255, c + 10) for c in background), width=3)
    draw.rounded_rectangle((600, 120, 1000, 900), radius=50, fill=(30, 30, 34))
    draw.rounded_rectangle((625, 180, 975, 820), radius=16, fill=(245, 243, 238))
    for row in range(screen_text_rows):
        y = 560 + row * 50
        draw.rounded_rectangle(
            (660, y, 940 - (row % 2) * 90, y + 24), radius=12, fill=(200, 196, 188)
        )
    draw.polygon([(800, 230), (935, 480), (665, 480)], fill=accent)
    draw.rectangle((788, 300, 812, 410), fill=(255, 255, 255))
    draw.ellipse((786, 428, 814, 456), fill=(255, 255, 255))
    return picture


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for n, colours in enumerate(
        [((35, 66, 47), (200, 161, 58), 4), ((60, 64, 90), (164, 22, 26), 5)], 1
    ):
        path = OUT / f"canh-bao-{n}.jpg"
        warning_cover(*colours).save(path, "JPEG", quality=84)
        sys.stdout.write(f"{path.relative_to(ROOT)}\n")
    for n, person in enumerate(PEOPLE, 1):
        path = OUT / f"truy-na-{n}.jpg"
        portrait(*person).save(path, "JPEG", quality=86)
        sys.stdout.write(f"{path.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
