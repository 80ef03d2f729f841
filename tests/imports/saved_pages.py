"""Saved pages of an old .NET portal with no export (Cao Bằng), and the selector file for them.

``saved_site()`` writes the folder as a browser's “Save page as” leaves it: each page beside
its ``<name>_files/`` folder of photos, a canonical ``?ItemID=`` address on some pages and
not on others.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.imports.archives import photo

CAOBANG = "https://congan.caobang.example.vn"

SELECTORS = f"""
base_url = "{CAOBANG}"
date_format = "%d/%m/%Y %H:%M"
section = "Tin tức"

[selectors]
title = "h1.news-title"
body = "div#news-content"
sapo = "p.sapo"
date = "span.date"
byline = "p.author strong"
images = "div.slide img"
cover = "meta[property='og:image']"
section = "ul.breadcrumb li:last-child"
tags = "div.tags a"
remove = ["div.share", "script"]
"""

MAPPING = """
[authors]
"Hoàng Minh" = "Hoàng Minh (Công an tỉnh Cao Bằng)"
"Lê Hà" = "Lê Thu Hà (Phòng Công tác đảng và công tác chính trị)"
[sections]
"An ninh" = "An ninh trật tự"
"""


def page(
    *,
    title: str,
    body: str,
    date: str = "Thứ Hai, 12/05/2019 08:44",
    author: str = "Hoàng Minh",
    canonical: str = "",
    section: str = "An ninh",
    files: str = "",
    sapo: str = "Tóm tắt bài viết.",
    tags: tuple[str, ...] = (),
) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    cover = f'<meta property="og:image" content="{files}/bia.jpg">' if files else ""
    slide = (
        f'<div class="slide"><img src="{files}/slide-1.jpg" alt="Ảnh một">'
        f'<img src="{files}/slide-2.jpg" alt="Ảnh hai"></div>'
        if files
        else ""
    )
    tag_links = "".join(f'<a href="/tag/{t}">{t}</a>' for t in tags)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} - Công an tỉnh Cao Bằng</title>
{link}{cover}</head>
<body>
<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li>{section}</li></ul>
<h1 class="news-title">{title}</h1>
<span class="date">{date}</span>
<p class="sapo">{sapo}</p>
{slide}
<div id="news-content">{body}
<div class="share">Chia sẻ: Facebook Zalo</div><script>track();</script></div>
<p class="author">Tác giả: <strong>{author}</strong></p>
<div class="tags">{tag_links}</div>
</body></html>
"""


def saved_site(folder: Path, *, title_suffix: str = "") -> Path:
    news = folder / "tin-tuc"
    files = news / "bat-giu-doi-tuong_files"
    files.mkdir(parents=True, exist_ok=True)
    for name, n in [("anh.jpg", 1), ("bia.jpg", 3), ("slide-1.jpg", 4), ("slide-2.jpg", 5)]:
        (files / name).write_bytes(photo(n))
    (news / "bat-giu-doi-tuong.html").write_text(
        page(
            title="Bắt giữ đối tượng trộm cắp" + title_suffix,
            body=(
                "<p>Ngày 12/5, Công an huyện Hòa An bắt giữ đối tượng.</p>"
                '<figure><img src="bat-giu-doi-tuong_files/anh.jpg" alt="">'
                "<figcaption>Đối tượng tại cơ quan Công an</figcaption></figure>"
                '<p>Xem <a href="khac.html">bài khác</a>.</p>'
            ),
            canonical=f"{CAOBANG}/Pages/TinTuc.aspx?ItemID=123",
            files="bat-giu-doi-tuong_files",
            tags=("trộm cắp", "Hòa An"),
        ),
        encoding="utf-8",
    )
    (news / "khac.html").write_text(
        page(
            title="Tuyên truyền phòng chống tội phạm",
            body="<p>Nội dung tuyên truyền.</p>",
            date="Cập nhật 21/03/2023 08:44 (GMT+7)",
            author="Lê Hà",
            section="Tuyên truyền",
        ),
        encoding="utf-8",
    )
    (news / "nguoi-la.html").write_text(
        page(title="Bài của người lạ", body="<p>Chưa ánh xạ.</p>", author="Người lạ"),
        encoding="utf-8",
    )
    return folder


TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Text as a legacy Vietnamese page stores it: a letter, then its tone as a combining mark."""
    out = bytearray()
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in TONES)
        letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out += (letter + tones).encode("cp1258")
    return bytes(out)
