"""Deterministic, text-free "photo-like" illustrations for the demo content.

``render_photo(scene, seed)`` paints a simple, soft scene (meeting, patrol, fire, traffic,
community, ceremony, digital, rescue) with Pillow only and returns JPEG bytes. The same
scene, seed and size always give the same bytes.
"""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SCENES = ("meeting", "patrol", "fire", "traffic", "community", "ceremony", "digital", "rescue")

# Restrained palette: the force's colours plus neutrals.
GREEN = (31, 77, 58)
GREEN_LIGHT = (64, 112, 84)
RED = (183, 28, 28)
RED_DARK = (122, 18, 22)
GOLD = (212, 160, 23)
BLUE = (28, 62, 120)
BLUE_LIGHT = (96, 150, 210)
SKIN = (214, 170, 130)
HAIR = (34, 28, 26)
ASPHALT = (72, 74, 78)
WHITE = (238, 238, 232)

Color = tuple[int, int, int]


def _lerp(a: Color, b: Color, t: float) -> Color:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _jit(rnd: random.Random, c: Color, amount: int = 12) -> Color:
    return tuple(max(0, min(255, v + rnd.randint(-amount, amount))) for v in c)


def _vgrad(w: int, h: int, top: Color, bottom: Color) -> Image.Image:
    mask = Image.linear_gradient("L").resize((w, h))
    return Image.composite(Image.new("RGB", (w, h), bottom), Image.new("RGB", (w, h), top), mask)


def _paste_grad(img: Image.Image, box: tuple[int, int, int, int], top: Color, bottom: Color):
    x0, y0, x1, y1 = box
    if x1 > x0 and y1 > y0:
        img.paste(_vgrad(x1 - x0, y1 - y0, top, bottom), (x0, y0))


def _glow(img: Image.Image, center, radius, color: Color, strength: float = 0.8) -> Image.Image:
    """Additive soft light around ``center``."""
    w, h = img.size
    mask = Image.new("L", (w, h), 0)
    cx, cy = center
    ImageDraw.Draw(mask).ellipse(
        (cx - radius, cy - radius * 0.7, cx + radius, cy + radius * 0.7),
        fill=round(255 * strength),
    )
    mask = mask.filter(ImageFilter.GaussianBlur(radius * 0.45))
    light = Image.new("RGB", (w, h), color)
    return ImageChops.add(img, ImageChops.multiply(light, Image.merge("RGB", (mask, mask, mask))))


def _person(d, x, feet, height, body: Color, *, cap: Color | None = None, legs=None, skin=SKIN):
    """A simple standing figure: head, shoulders/torso and legs."""
    r = height * 0.08
    head_cy = feet - height + r
    sh_top = head_cy + r * 1.2
    torso_w = height * 0.125
    hip = feet - height * 0.44
    legs = legs or _lerp(body, (20, 20, 24), 0.45)
    lw = torso_w * 0.42
    d.rounded_rectangle((x - torso_w * 0.9, hip - 2, x - 1, feet), radius=lw * 0.3, fill=legs)
    d.rounded_rectangle((x + 1, hip - 2, x + torso_w * 0.9, feet), radius=lw * 0.3, fill=legs)
    d.rounded_rectangle(
        (x - torso_w, sh_top, x + torso_w, hip + height * 0.03), radius=torso_w * 0.55, fill=body
    )
    d.ellipse((x - r, head_cy - r, x + r, head_cy + r), fill=skin)
    if cap:
        d.chord((x - r * 1.15, head_cy - r * 1.35, x + r * 1.15, head_cy + r * 0.5), 180, 360, cap)
        d.rectangle((x - r * 1.2, head_cy - r * 0.5, x + r * 1.35, head_cy - r * 0.3), fill=cap)
    else:
        d.chord((x - r, head_cy - r, x + r, head_cy + r * 0.6), 180, 360, fill=HAIR)


def _bust(d, x, base, size, body: Color, *, cap: Color | None = None, back=False):
    """Head and shoulders (seated people, audience seen from behind)."""
    r = size * 0.28
    d.rounded_rectangle(
        (x - size * 0.6, base - size * 0.75, x + size * 0.6, base + size), size * 0.3, body
    )
    cy = base - size * 0.75 - r * 0.75
    d.ellipse((x - r, cy - r, x + r, cy + r), fill=HAIR if back else SKIN)
    if cap:
        d.chord((x - r * 1.1, cy - r * 1.3, x + r * 1.1, cy + r * 0.5), 180, 360, fill=cap)
    elif not back:
        d.chord((x - r, cy - r, x + r, cy + r * 0.5), 180, 360, fill=HAIR)


def _buildings(d, rnd, w, horizon, base: Color, *, lit=(232, 214, 160), density=0.35):
    x = -rnd.randint(0, 30)
    while x < w:
        bw = rnd.randint(int(w * 0.06), int(w * 0.13))
        bh = rnd.randint(int(horizon * 0.25), int(horizon * 0.65))
        col = _jit(rnd, base, 10)
        d.rectangle((x, horizon - bh, x + bw, horizon), fill=col)
        ww = max(3, bw // 9)
        for wy in range(horizon - bh + ww * 2, horizon - ww, ww * 3):
            for wx in range(x + ww, x + bw - ww, ww * 2):
                if rnd.random() < density:
                    d.rectangle((wx, wy, wx + ww - 1, wy + ww), fill=_jit(rnd, lit, 14))
                else:
                    d.rectangle((wx, wy, wx + ww - 1, wy + ww), fill=_lerp(col, (0, 0, 0), 0.2))
        x += bw + rnd.randint(0, 8)


def _tree(d, rnd, x, base, size, green: Color = GREEN_LIGHT):
    d.rectangle((x - size * 0.06, base - size * 0.5, x + size * 0.06, base), fill=(70, 52, 38))
    for _ in range(5):
        ox = rnd.uniform(-0.3, 0.3) * size
        oy = rnd.uniform(-0.25, 0.1) * size
        r = rnd.uniform(0.22, 0.34) * size
        d.ellipse(
            (x + ox - r, base - size * 0.75 + oy - r, x + ox + r, base - size * 0.75 + oy + r),
            fill=_jit(rnd, green, 14),
        )


def _house(d, rnd, x, base, size, roof: Color):
    wall = _jit(rnd, (226, 214, 190), 14)
    d.rectangle((x, base - size * 0.6, x + size, base), fill=wall)
    d.polygon(
        [
            (x - size * 0.12, base - size * 0.58),
            (x + size * 0.5, base - size),
            (x + size * 1.12, base - size * 0.58),
        ],
        fill=_jit(rnd, roof, 12),
    )
    d.rectangle((x + size * 0.4, base - size * 0.35, x + size * 0.6, base), fill=(92, 66, 44))
    d.rectangle(
        (x + size * 0.1, base - size * 0.45, x + size * 0.28, base - size * 0.3), fill=(70, 88, 104)
    )


def _star(d, cx, cy, r, fill):
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.4
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=fill)


# --- scenes -------------------------------------------------------------------------------------


def _meeting(img, d, rnd, w, h):
    u = w / 800
    _paste_grad(img, (0, 0, w, h), (206, 196, 178), (150, 138, 120))
    # stage backdrop
    top, bottom = int(h * 0.08), int(h * 0.55)
    d.rectangle((int(w * 0.08), top, int(w * 0.92), bottom), fill=_jit(rnd, RED_DARK, 6))
    _paste_grad(img, (int(w * 0.1), top + 8, int(w * 0.9), bottom - 8), _jit(rnd, RED, 8), RED_DARK)
    d.rectangle((int(w * 0.1), top + 8, int(w * 0.9), top + 14), fill=GOLD)
    _star(d, w * 0.5, top + (bottom - top) * 0.32, h * 0.07, GOLD)
    for i in range(3):
        y = top + (bottom - top) * (0.58 + 0.11 * i)
        d.rectangle((w * (0.28 + 0.04 * i), y, w * (0.72 - 0.04 * i), y + 3), fill=(230, 200, 120))
    # presidium
    n = rnd.randint(4, 6)
    table_y = int(h * 0.62)
    for i in range(n):
        x = w * (0.22 + 0.56 * (i + 0.5) / n)
        _bust(d, x, table_y - h * 0.03, h * 0.09, _jit(rnd, GREEN, 8), cap=None)
    d.rectangle((int(w * 0.16), table_y, int(w * 0.84), int(h * 0.7)), fill=(40, 74, 60))
    d.rectangle((int(w * 0.16), table_y, int(w * 0.84), table_y + 4), fill=(232, 232, 222))
    for i in range(n):
        x = w * (0.22 + 0.56 * (i + 0.5) / n)
        for _ in range(4):
            fx, fy = x + rnd.uniform(-12, 12) * u, table_y - rnd.uniform(4, 12) * u
            c = rnd.choice([(230, 200, 60), (224, 90, 90), (245, 240, 230)])
            d.ellipse((fx - 4 * u, fy - 4 * u, fx + 4 * u, fy + 4 * u), fill=c)
    # audience, seen from behind
    _paste_grad(img, (0, int(h * 0.7), w, h), (120, 104, 88), (70, 60, 52))
    for row in range(3):
        size = h * (0.1 + 0.05 * row)
        base = h * (0.8 + 0.1 * row)
        step = size * 1.35
        x = -rnd.uniform(0, step) + step * 0.5
        while x < w + step:
            body = _jit(rnd, rnd.choice([GREEN, GREEN, (44, 60, 90), (60, 60, 62)]), 8)
            _bust(d, x, base, size, body, back=True)
            x += step * rnd.uniform(0.92, 1.08)


def _ceremony(img, d, rnd, w, h):
    u = w / 800
    _paste_grad(img, (0, 0, w, h), (150, 30, 32), (96, 16, 20))
    d.rectangle((0, 0, w, int(h * 0.12)), fill=RED_DARK)
    d.rectangle((0, int(h * 0.12), w, int(h * 0.13)), fill=GOLD)
    for i in range(4):
        y = h * (0.2 + 0.06 * i)
        d.rectangle((w * (0.22 + 0.05 * i), y, w * (0.78 - 0.05 * i), y + 4), fill=(236, 206, 120))
    _star(d, w * 0.5, h * 0.5, h * 0.1, GOLD)
    img.paste(_glow(img, (w * 0.5, h * 0.45), w * 0.35, (60, 30, 0), 0.7))
    d = ImageDraw.Draw(img)
    # flags on poles
    for fx in (w * 0.06, w * 0.94):
        d.rectangle((fx - 2, h * 0.2, fx + 2, h * 0.85), fill=(200, 190, 170))
        side = 1 if fx < w / 2 else -1
        fx2 = fx + side * w * 0.07
        d.rectangle((min(fx, fx2), h * 0.2, max(fx, fx2), h * 0.3), fill=RED)
        _star(d, fx + side * w * 0.035, h * 0.25, h * 0.025, (250, 215, 40))
    # stage floor
    _paste_grad(img, (0, int(h * 0.78), w, h), (120, 40, 40), (60, 26, 26))
    d.rectangle((0, int(h * 0.78), w, int(h * 0.79)), fill=GOLD)
    n = rnd.randint(6, 9)
    for i in range(n):
        x = w * (0.1 + 0.8 * (i + 0.5) / n) + rnd.uniform(-8, 8)
        ht = h * rnd.uniform(0.42, 0.48)
        body = _jit(rnd, GREEN, 8) if i % 3 else _jit(rnd, (238, 236, 226), 6)
        _person(d, x, h * 0.86, ht, body, cap=_lerp(GREEN, (0, 0, 0), 0.2) if i % 3 else None)
        # flowers and certificate held at the chest
        cy = h * 0.86 - ht * 0.62
        for _ in range(6):
            fx, fy = x + rnd.uniform(-10, 10) * u, cy + rnd.uniform(-10, 4) * u
            c = rnd.choice([(240, 200, 50), (230, 80, 90), (250, 245, 235), (200, 60, 120)])
            d.ellipse((fx - 5 * u, fy - 5 * u, fx + 5 * u, fy + 5 * u), fill=c)
        if i % 2 == 0:
            d.rectangle(
                (x - ht * 0.1, cy + 8, x + ht * 0.1, cy + 8 + ht * 0.12), fill=(245, 235, 200)
            )
            d.rectangle((x - ht * 0.08, cy + 11, x + ht * 0.08, cy + 13), fill=RED)


def _street_base(img, d, rnd, w, h, *, dusk=False):
    horizon = int(h * rnd.uniform(0.5, 0.58))
    sky_top, sky_bot = (
        ((48, 54, 92), (226, 150, 110)) if dusk else ((98, 150, 206), (214, 228, 236))
    )
    _paste_grad(img, (0, 0, w, horizon), _jit(rnd, sky_top, 6), _jit(rnd, sky_bot, 6))
    _buildings(
        d,
        rnd,
        w,
        horizon,
        (112, 118, 126) if not dusk else (58, 56, 70),
        density=0.4 if dusk else 0.15,
    )
    return horizon


def _patrol(img, d, rnd, w, h):
    dusk = rnd.random() < 0.5
    horizon = _street_base(img, d, rnd, w, h, dusk=dusk)
    _paste_grad(img, (0, horizon, w, int(h * 0.66)), (168, 164, 156), (140, 136, 130))
    _paste_grad(img, (0, int(h * 0.66), w, h), (86, 88, 92), (58, 60, 64))
    for x in range(-40, w, 110):
        d.rectangle((x, int(h * 0.83), x + 60, int(h * 0.845)), fill=(214, 210, 196))
    for x in (w * 0.12, w * 0.85):
        _tree(d, rnd, x, horizon + h * 0.1, h * 0.35)
    # police car
    cx, base = w * rnd.uniform(0.35, 0.5), h * 0.8
    cw, ch = w * 0.42, h * 0.16
    x0 = cx - cw / 2
    d.rounded_rectangle(
        (x0 + cw * 0.2, base - ch * 1.7, x0 + cw * 0.75, base - ch * 0.7), ch * 0.3, fill=WHITE
    )
    d.polygon(
        [
            (x0 + cw * 0.26, base - ch * 0.8),
            (x0 + cw * 0.31, base - ch * 1.55),
            (x0 + cw * 0.69, base - ch * 1.55),
            (x0 + cw * 0.72, base - ch * 0.8),
        ],
        fill=(40, 58, 80),
    )
    d.rectangle((x0 + cw * 0.495, base - ch * 1.55, x0 + cw * 0.51, base - ch * 0.8), fill=WHITE)
    d.rounded_rectangle((x0, base - ch * 0.95, x0 + cw, base - ch * 0.1), ch * 0.25, fill=WHITE)
    d.rectangle((x0 + 4, base - ch * 0.6, x0 + cw - 4, base - ch * 0.42), fill=BLUE)
    d.rectangle((x0 + 4, base - ch * 0.42, x0 + cw - 4, base - ch * 0.36), fill=RED)
    d.rounded_rectangle(
        (x0 + cw * 0.36, base - ch * 1.9, x0 + cw * 0.64, base - ch * 1.7), 4, fill=(40, 40, 46)
    )
    d.rectangle(
        (x0 + cw * 0.37, base - ch * 1.88, x0 + cw * 0.5, base - ch * 1.72), fill=(220, 40, 40)
    )
    d.rectangle(
        (x0 + cw * 0.5, base - ch * 1.88, x0 + cw * 0.63, base - ch * 1.72), fill=(40, 90, 230)
    )
    for wx in (x0 + cw * 0.2, x0 + cw * 0.8):
        r = ch * 0.33
        d.ellipse((wx - r, base - r * 1.3, wx + r, base + r * 0.7), fill=(24, 24, 26))
        d.ellipse(
            (wx - r * 0.5, base - r * 0.8, wx + r * 0.5, base + r * 0.2), fill=(150, 150, 156)
        )
    d.rectangle((x0 + cw - 10, base - ch * 0.8, x0 + cw, base - ch * 0.65), fill=(250, 236, 170))
    out = _glow(img, (x0 + cw * 0.43, base - ch * 1.8), w * 0.08, (140, 20, 20), 0.8)
    out = _glow(out, (x0 + cw * 0.57, base - ch * 1.8), w * 0.08, (20, 50, 150), 0.8)
    img.paste(out)
    d = ImageDraw.Draw(img)
    # officers
    for i in range(rnd.randint(2, 3)):
        x = x0 + cw + w * (0.06 + 0.09 * i) if cx < w * 0.45 else x0 - w * (0.06 + 0.09 * i)
        _person(
            d,
            x,
            h * (0.9 + 0.02 * i),
            h * 0.45,
            _jit(rnd, GREEN, 6),
            cap=_lerp(GREEN, (0, 0, 0), 0.25),
        )


def _traffic(img, d, rnd, w, h):
    horizon = int(h * 0.42)
    _paste_grad(img, (0, 0, w, horizon), (110, 160, 210), (226, 232, 230))
    _paste_grad(img, (0, horizon, w, h), (120, 150, 96), (70, 110, 60))
    vx = w * rnd.uniform(0.42, 0.58)
    d.polygon([(vx - 6, horizon), (vx + 6, horizon), (w * 1.05, h), (-w * 0.05, h)], fill=ASPHALT)
    for side in (-1, 1):
        d.line(
            [(vx + side * 5, horizon), (w * 0.5 + side * w * 0.52, h)],
            fill=(226, 226, 218),
            width=5,
        )
    # dashed centre line in perspective
    t = 0.02
    while t < 1:
        t2 = t + 0.05 * (0.3 + t)
        y1, y2 = horizon + (h - horizon) * t, horizon + (h - horizon) * min(t2, 1)
        x1, x2 = vx + (w * 0.5 - vx) * t, vx + (w * 0.5 - vx) * min(t2, 1)
        hw1, hw2 = 1 + 6 * t, 1 + 6 * min(t2, 1)
        d.polygon(
            [(x1 - hw1, y1), (x1 + hw1, y1), (x2 + hw2, y2), (x2 - hw2, y2)], fill=(240, 220, 120)
        )
        t = t2 + 0.05 * (0.3 + t2)
    # roadside trees
    for i in range(7):
        t = (i + 1) / 8
        y = horizon + (h - horizon) * t * 0.7
        for side in (-1, 1):
            x = vx + side * (20 + (w * 0.62) * t)
            _tree(d, rnd, x, y, h * (0.05 + 0.3 * t), (52, 100, 58))
    # motorbikes with riders
    for _ in range(rnd.randint(3, 5)):
        t = rnd.uniform(0.15, 0.55)
        y = horizon + (h - horizon) * t
        x = vx + (w * 0.5 - vx) * t + rnd.uniform(-0.35, 0.35) * w * t
        s = h * 0.5 * t
        d.ellipse((x - s * 0.1, y - s * 0.18, x + s * 0.1, y), fill=(20, 20, 22))
        d.rounded_rectangle(
            (x - s * 0.08, y - s * 0.5, x + s * 0.08, y - s * 0.1),
            s * 0.05,
            fill=_jit(rnd, (90, 40, 40), 40),
        )
        d.rounded_rectangle(
            (x - s * 0.12, y - s * 0.95, x + s * 0.12, y - s * 0.45),
            s * 0.08,
            fill=_jit(rnd, (80, 90, 110), 40),
        )
        d.ellipse(
            (x - s * 0.09, y - s * 1.15, x + s * 0.09, y - s * 0.95),
            fill=_jit(rnd, (200, 60, 60), 50),
        )
    # traffic police officer and cones in front
    ox = w * rnd.choice([0.2, 0.78])
    _person(d, ox, h * 0.97, h * 0.55, (214, 190, 60), cap=(226, 226, 220), legs=(40, 58, 60))
    d.rectangle((ox - h * 0.04, h * 0.66, ox + h * 0.04, h * 0.675), fill=(240, 240, 236))
    for i in range(4):
        cx = ox + (w * 0.08 + i * w * 0.06) * (1 if ox < w / 2 else -1)
        cy = h * (0.9 - 0.03 * i)
        s = h * (0.08 - 0.008 * i)
        d.polygon(
            [
                (cx - s * 0.3, cy),
                (cx + s * 0.3, cy),
                (cx + s * 0.06, cy - s),
                (cx - s * 0.06, cy - s),
            ],
            fill=(236, 100, 30),
        )
        d.rectangle(
            (cx - s * 0.2, cy - s * 0.55, cx + s * 0.2, cy - s * 0.42), fill=(245, 245, 240)
        )


def _fire(img, d, rnd, w, h):
    horizon = int(h * 0.7)
    _paste_grad(img, (0, 0, w, horizon), (44, 36, 52), (150, 80, 50))
    # smoke
    smoke = Image.new("L", (w, h), 0)
    sd = ImageDraw.Draw(smoke)
    sx = w * rnd.uniform(0.4, 0.6)
    for i in range(26):
        t = i / 26
        x = sx + math.sin(t * 5 + rnd.random()) * w * 0.05 + t * w * 0.25
        y = h * 0.45 - t * h * 0.5
        r = w * (0.05 + 0.1 * t)
        sd.ellipse((x - r, y - r, x + r, y + r), fill=rnd.randint(90, 150))
    smoke = smoke.filter(ImageFilter.GaussianBlur(w * 0.02))
    img.paste(Image.composite(Image.new("RGB", (w, h), (90, 86, 88)), img, smoke))
    d = ImageDraw.Draw(img)
    # burning building
    bx0, bx1 = sx - w * 0.2, sx + w * 0.18
    btop = h * 0.32
    d.rectangle((bx0, btop, bx1, horizon), fill=(54, 46, 46))
    d.rectangle((bx0 - w * 0.25, h * 0.42, bx0 - 4, horizon), fill=(66, 60, 62))
    d.rectangle((bx1 + 4, h * 0.38, bx1 + w * 0.3, horizon), fill=(62, 56, 60))
    for row in range(4):
        for col in range(5):
            wx = bx0 + (bx1 - bx0) * (0.08 + col * 0.19)
            wy = btop + (horizon - btop) * (0.08 + row * 0.23)
            lit = rnd.random() < 0.55
            c = _jit(rnd, (250, 160, 50), 20) if lit else (30, 28, 30)
            d.rectangle((wx, wy, wx + (bx1 - bx0) * 0.1, wy + (horizon - btop) * 0.13), fill=c)
    img.paste(_glow(img, (sx, horizon - h * 0.12), w * 0.3, (170, 80, 10), 0.9))
    d = ImageDraw.Draw(img)
    # flames
    for layer, col in enumerate([(214, 70, 20), (246, 140, 30), (252, 214, 90)]):
        for _ in range(9 - layer * 2):
            fx = rnd.uniform(bx0 + 10, bx1 - 10)
            fh = h * rnd.uniform(0.12, 0.3) * (1 - layer * 0.25)
            fw = w * rnd.uniform(0.025, 0.05)
            base = horizon - h * 0.06 * rnd.random()
            d.polygon(
                [
                    (fx - fw, base),
                    (fx - fw * 0.3, base - fh * 0.6),
                    (fx + rnd.uniform(-fw, fw) * 0.5, base - fh),
                    (fx + fw * 0.4, base - fh * 0.55),
                    (fx + fw, base),
                ],
                fill=col,
            )
    _paste_grad(img, (0, horizon, w, h), (70, 60, 58), (40, 36, 36))
    d = ImageDraw.Draw(img)
    # fire engine
    tx = w * 0.02 if sx > w * 0.5 else w * 0.6
    tw, th = w * 0.38, h * 0.17
    ty = h * 0.93
    d.rounded_rectangle((tx, ty - th, tx + tw, ty - th * 0.15), 6, fill=RED)
    d.rounded_rectangle((tx + tw * 0.72, ty - th * 1.35, tx + tw, ty - th * 0.5), 8, fill=RED)
    d.rectangle((tx + tw * 0.77, ty - th * 1.25, tx + tw * 0.96, ty - th * 0.95), fill=(40, 54, 70))
    d.rectangle((tx + 6, ty - th * 0.55, tx + tw * 0.7, ty - th * 0.47), fill=(240, 240, 230))
    d.line(
        [(tx + tw * 0.05, ty - th * 1.08), (tx + tw * 0.7, ty - th * 1.08)],
        fill=(200, 200, 200),
        width=4,
    )
    for i in range(9):
        lx = tx + tw * (0.06 + 0.075 * i)
        d.line([(lx, ty - th * 1.14), (lx, ty - th * 1.02)], fill=(200, 200, 200), width=3)
    for wx in (tx + tw * 0.18, tx + tw * 0.5, tx + tw * 0.85):
        r = th * 0.22
        d.ellipse((wx - r, ty - r * 1.4, wx + r, ty + r * 0.6), fill=(20, 20, 22))
    # firefighters spraying water
    for i in range(rnd.randint(2, 3)):
        fx = (tx + tw + w * (0.05 + 0.09 * i)) if tx < w * 0.3 else (tx - w * (0.05 + 0.09 * i))
        fy = h * (0.97 + 0.01 * i)
        _person(d, fx, fy, h * 0.36, (120, 104, 60), cap=(236, 196, 40), legs=(84, 74, 44))
        if i == 0:
            span = bx1 - bx0
            tgt_x = bx0 + 0.15 * span if fx > sx else bx1 - 0.15 * span
            tgt_y = btop + 0.25 * (horizon - btop)
            x0, y0 = fx, fy - h * 0.36 * 0.6
            for k in range(48):
                t = k / 47
                px = x0 + (tgt_x - x0) * t
                py = y0 + (tgt_y - y0) * t - math.sin(t * math.pi) * h * 0.12
                r = 2 + 5 * t
                d.ellipse((px - r, py - r, px + r, py + r), fill=(200, 224, 240))


def _community(img, d, rnd, w, h):
    horizon = int(h * rnd.uniform(0.45, 0.52))
    _paste_grad(img, (0, 0, w, horizon), (120, 172, 220), (226, 236, 236))
    # hills
    for k, col in enumerate([(120, 150, 130), (86, 128, 92)]):
        pts = [(0, horizon)]
        for i in range(9):
            pts.append((w * i / 8, horizon - h * (0.08 + 0.08 * rnd.random()) * (1.3 - k * 0.5)))
        pts.append((w, horizon))
        d.polygon(pts, fill=col)
    _paste_grad(img, (0, horizon, w, h), (110, 150, 80), (78, 118, 58))
    d.rectangle((0, int(h * 0.7), w, h), fill=(176, 160, 130))
    _paste_grad(img, (0, int(h * 0.7), w, h), (188, 172, 140), (150, 132, 104))
    for _ in range(rnd.randint(4, 6)):
        x = w * rnd.uniform(0, 0.9)
        _house(
            d,
            rnd,
            x,
            horizon + h * rnd.uniform(0.06, 0.14),
            h * rnd.uniform(0.12, 0.18),
            rnd.choice([(160, 66, 46), (120, 70, 54), (70, 80, 96)]),
        )
    for _ in range(5):
        _tree(
            d,
            rnd,
            w * rnd.random(),
            horizon + h * rnd.uniform(0.08, 0.2),
            h * rnd.uniform(0.18, 0.3),
            (60, 110, 60),
        )
    # banner between two poles
    bx0, bx1 = w * 0.22, w * 0.78
    d.rectangle((bx0 - 3, h * 0.3, bx0 + 3, h * 0.72), fill=(110, 84, 60))
    d.rectangle((bx1 - 3, h * 0.3, bx1 + 3, h * 0.72), fill=(110, 84, 60))
    d.rectangle((bx0 + 3, h * 0.31, bx1 - 3, h * 0.4), fill=RED)
    d.rectangle((bx0 + 3, h * 0.395, bx1 - 3, h * 0.4), fill=GOLD)
    for i in range(3):
        d.rectangle(
            (
                w * (0.3 + 0.04 * i),
                h * (0.335 + 0.02 * i),
                w * (0.7 - 0.04 * i),
                h * (0.34 + 0.02 * i),
            ),
            fill=(246, 226, 150),
        )
    # group of people
    people = []
    for row in range(2):
        n = rnd.randint(7, 10)
        for i in range(n):
            x = w * (0.08 + 0.84 * (i + 0.5 * (1 + row)) / n) + rnd.uniform(-12, 12)
            people.append((row, x))
    for row, x in people:
        feet = h * (0.86 + 0.1 * row)
        ht = h * (0.32 + 0.06 * row) * rnd.uniform(0.92, 1.05)
        if rnd.random() < 0.3:
            _person(d, x, feet, ht, _jit(rnd, GREEN, 6), cap=_lerp(GREEN, (0, 0, 0), 0.25))
        else:
            body = _jit(
                rnd,
                rnd.choice(
                    [(230, 230, 226), (70, 110, 160), (200, 120, 80), (150, 60, 70), (230, 200, 90)]
                ),
                14,
            )
            _person(d, x, feet, ht, body, legs=_jit(rnd, (50, 54, 64), 10))


def _digital(img, d, rnd, w, h):
    _paste_grad(img, (0, 0, w, h), (196, 206, 216), (120, 130, 146))
    # windows with daylight
    for i in range(3):
        x = w * (0.04 + 0.1 * i)
        _paste_grad(
            img,
            (int(x), int(h * 0.1), int(x + w * 0.08), int(h * 0.5)),
            (226, 240, 250),
            (176, 204, 226),
        )
    d = ImageDraw.Draw(img)
    # wall screen with dashboard
    sx0, sy0, sx1, sy1 = w * 0.4, h * 0.08, w * 0.94, h * 0.48
    d.rounded_rectangle((sx0 - 6, sy0 - 6, sx1 + 6, sy1 + 6), 8, fill=(30, 32, 40))
    _paste_grad(img, (int(sx0), int(sy0), int(sx1), int(sy1)), (20, 56, 110), (14, 34, 70))
    d = ImageDraw.Draw(img)
    # bar chart
    for i in range(8):
        bh = (sy1 - sy0) * rnd.uniform(0.15, 0.6)
        bx = sx0 + (sx1 - sx0) * (0.05 + 0.05 * i)
        d.rectangle(
            (bx, sy1 - 14 - bh, bx + (sx1 - sx0) * 0.03, sy1 - 14), fill=_jit(rnd, BLUE_LIGHT, 20)
        )
    # "map" dots and lines
    pts = [
        (sx0 + (sx1 - sx0) * rnd.uniform(0.55, 0.95), sy0 + (sy1 - sy0) * rnd.uniform(0.15, 0.85))
        for _ in range(14)
    ]
    for a, b in zip(pts, pts[1:], strict=False):
        d.line([a, b], fill=(70, 130, 190), width=2)
    for x, y in pts:
        c = GOLD if rnd.random() < 0.3 else (120, 200, 240)
        d.ellipse((x - 5, y - 5, x + 5, y + 5), fill=c)
    for i in range(4):
        d.rectangle(
            (
                sx0 + 14,
                sy0 + 14 + i * 16,
                sx0 + (sx1 - sx0) * rnd.uniform(0.15, 0.35),
                sy0 + 22 + i * 16,
            ),
            fill=(150, 190, 230),
        )
    out = _glow(img, ((sx0 + sx1) / 2, (sy0 + sy1) / 2), w * 0.3, (10, 30, 60), 0.6)
    img.paste(out)
    d = ImageDraw.Draw(img)
    # desks with monitors and people
    _paste_grad(img, (0, int(h * 0.62), w, h), (150, 142, 134), (100, 94, 90))
    for row in range(2):
        y = h * (0.66 + 0.18 * row)
        n = 4 - row
        s = h * (0.1 + 0.06 * row)
        d.rectangle((0, y - s * 0.3, w, y - s * 0.05), fill=(120, 88, 62))
        xs = [w * (0.12 + 0.8 * (i + 0.5) / n) + rnd.uniform(-10, 10) for i in range(n)]
        for x in xs:
            mw, mh = s * 1.4, s * 0.9
            top = y - s * 1.7
            d.rectangle((x - 3, top + mh, x + 3, y - s * 0.3), fill=(40, 40, 44))
            d.rectangle((x - mw / 2 - 3, top - 3, x + mw / 2 + 3, top + mh + 3), fill=(28, 30, 36))
            box = (int(x - mw / 2), int(top), int(x + mw / 2), int(top + mh))
            _paste_grad(img, box, (80, 150, 220), (36, 90, 170))
            d = ImageDraw.Draw(img)
            for k in range(3):
                ly = top + mh * (0.2 + 0.22 * k)
                d.rectangle(
                    (x - mw * 0.38, ly, x + mw * (0.1 + 0.2 * rnd.random()), ly + 3),
                    fill=(210, 230, 250),
                )
        for i, x in enumerate(xs):
            _bust(
                d,
                x + s * 0.45 * (1 if i % 2 else -1),
                y + s * 0.45,
                s * 0.75,
                _jit(rnd, GREEN, 8),
                back=True,
            )


def _rescue(img, d, rnd, w, h):
    u = w / 800
    horizon = int(h * 0.5)
    _paste_grad(img, (0, 0, w, horizon), (110, 118, 128), (170, 174, 176))
    for k in range(2):
        pts = [(0, horizon)]
        for i in range(9):
            pts.append((w * i / 8, horizon - h * (0.06 + 0.1 * rnd.random()) * (1.2 - 0.5 * k)))
        pts.append((w, horizon))
        d.polygon(pts, fill=[(128, 140, 136), (96, 116, 100)][k])
    # submerged houses and trees
    for _ in range(rnd.randint(3, 5)):
        x = w * rnd.uniform(0, 0.9)
        _house(
            d,
            rnd,
            x,
            horizon + h * rnd.uniform(0.04, 0.1),
            h * rnd.uniform(0.12, 0.18),
            (140, 70, 52),
        )
    for _ in range(4):
        _tree(
            d,
            rnd,
            w * rnd.random(),
            horizon + h * rnd.uniform(0.05, 0.1),
            h * rnd.uniform(0.2, 0.28),
            (70, 104, 70),
        )
    water_top = horizon + int(h * 0.03)
    water = _vgrad(w, h - water_top, (150, 124, 88), (104, 82, 56))
    img.paste(water, (0, water_top))
    d = ImageDraw.Draw(img)
    for _ in range(60):
        y = rnd.uniform(water_top + 4, h)
        x = rnd.uniform(0, w)
        ln = w * rnd.uniform(0.02, 0.08) * (y - water_top) / (h - water_top)
        d.line([(x, y), (x + ln, y)], fill=(176, 150, 114), width=2)
    # rescue boat
    bx, by = w * rnd.uniform(0.3, 0.55), h * 0.84
    bw, bh = w * 0.38, h * 0.09
    d.polygon(
        [(bx, by - bh), (bx + bw, by - bh), (bx + bw * 0.9, by), (bx + bw * 0.08, by)],
        fill=(226, 110, 30),
    )
    d.rectangle((bx, by - bh, bx + bw, by - bh * 0.8), fill=(245, 245, 240))
    for i in range(5):
        x = bx + bw * (0.12 + 0.18 * i)
        if i in (0, 4):
            body, cap = (226, 110, 30), (236, 196, 40)
        else:
            body, cap = (
                ((236, 120, 30), None)
                if i % 2
                else (_jit(rnd, GREEN, 6), _lerp(GREEN, (0, 0, 0), 0.25))
            )
        _bust(d, x, by - bh * 1.1, h * 0.07, body, cap=cap)
    d.polygon(
        [(bx, by - bh), (bx + bw, by - bh), (bx + bw * 0.9, by), (bx + bw * 0.08, by)],
        outline=(150, 60, 20),
    )
    d.rectangle((bx, by - bh * 0.75, bx + bw * 0.98, by - bh * 0.1), fill=(226, 110, 30))
    d.rectangle(
        (bx + bw * 0.06, by - bh * 0.5, bx + bw * 0.92, by - bh * 0.38), fill=(245, 245, 240)
    )
    # rain
    rain = Image.new("L", (w, h), 0)
    rd = ImageDraw.Draw(rain)
    for _ in range(int(500 * u) + 50):
        x, y = rnd.uniform(0, w), rnd.uniform(0, h)
        rd.line([(x, y), (x - 6 * u, y + 22 * u)], fill=rnd.randint(40, 110), width=1)
    img.paste(Image.composite(Image.new("RGB", (w, h), (225, 228, 232)), img, rain))


_PAINTERS = {
    "meeting": _meeting,
    "patrol": _patrol,
    "fire": _fire,
    "traffic": _traffic,
    "community": _community,
    "ceremony": _ceremony,
    "digital": _digital,
    "rescue": _rescue,
}


def render_photo(scene: str, seed: int, size: tuple[int, int] = (1600, 1000)) -> bytes:
    """Paint ``scene`` (one of ``SCENES``) with variation ``seed``; return JPEG bytes."""
    painter = _PAINTERS.get(scene)
    if painter is None:
        raise ValueError(f"unknown scene {scene!r}; expected one of {', '.join(SCENES)}")
    rnd = random.Random(f"{scene}:{seed}")
    out_w, out_h = size
    # Paint at half resolution and upscale: cheaper, and the softness reads as a photo.
    w, h = max(160, out_w // 2), max(100, out_h // 2)
    img = Image.new("RGB", (w, h), (128, 128, 128))
    painter(img, ImageDraw.Draw(img), rnd, w, h)
    # Warm/cool grade, vignette and a little grain, then upscale.
    tint = rnd.choice([(255, 250, 240), (248, 250, 255), (255, 252, 246)])
    img = ImageChops.multiply(img, Image.new("RGB", img.size, tint))
    vignette = Image.radial_gradient("L").resize((w, h)).point(lambda v: 255 - max(0, v - 150) // 2)
    img = ImageChops.multiply(img, Image.merge("RGB", (vignette, vignette, vignette)))
    grain = Image.frombytes("L", (w, h), rnd.randbytes(w * h)).point(
        lambda v: 128 + (v - 128) // 10
    )
    img = ImageChops.overlay(img, Image.merge("RGB", (grain, grain, grain)))
    img = img.resize((out_w, out_h), Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82, progressive=True)
    return buf.getvalue()
