"""Archives of old portals, built here from the formats' documentation (no real export).

``wxr()`` writes a WordPress export, ``nukeviet_dump()`` a mysqldump of NukeViet 4's news
module, ``uploads()`` the old uploads folder their photos come from. bench/imports.py uses
``wxr_stream()`` to write 20.000 posts.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image as PILImage

from tests.factories import phone_photo

BACKAN = "https://congan.backan.example.vn"
THAINGUYEN = "https://congan.thainguyen.example.vn"


def photo(n: int, size=(48, 32)) -> bytes:
    """A distinct real JPEG for each ``n`` (the same ``n`` gives the same bytes)."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (n * 37 % 256, n * 11 % 256, 120)).save(
        buffer, "JPEG", quality=80, comment=f"photo {n}".encode()
    )
    return buffer.getvalue()


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wxr_item(
    *,
    post_id: int,
    title: str,
    kind: str = "post",
    status: str = "publish",
    content: str = "",
    excerpt: str = "",
    creator: str = "admin",
    slug: str = "",
    date: str = "2019-05-12 08:44:00",
    date_gmt: str | None = None,
    categories: Iterable[tuple[str, str]] = (("an-ninh", "An ninh"),),
    tags: Iterable[tuple[str, str]] = (),
    meta: dict[str, str] | None = None,
    attachment_url: str = "",
    base: str = BACKAN,
) -> str:
    slug = slug or f"bai-{post_id}"
    if date_gmt is None:
        local = dt.datetime.fromisoformat(date)
        date_gmt = (local - dt.timedelta(hours=7)).isoformat(sep=" ")
    link = (
        f"{base}/{date[:4]}/{date[5:7]}/{slug}/"
        if kind == "post"
        else f"{base}/{slug}/"
        if kind == "page"
        else f"{base}/?attachment_id={post_id}"
    )
    terms = "".join(
        f'<category domain="category" nicename="{n}">{cdata(name)}</category>'
        for n, name in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{n}">{cdata(name)}</category>' for n, name in tags
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{escape(k)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(v)}</wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    attachment = (
        f"<wp:attachment_url>{escape(attachment_url)}</wp:attachment_url>" if attachment_url else ""
    )
    return f"""
<item>
  <title>{escape(title)}</title>
  <link>{escape(link)}</link>
  <pubDate>Sun, 12 May 2019 01:44:00 +0000</pubDate>
  <dc:creator>{cdata(creator)}</dc:creator>
  <guid isPermaLink="false">{base}/?p={post_id}</guid>
  <description></description>
  <content:encoded>{cdata(content)}</content:encoded>
  <excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date>{cdata(date)}</wp:post_date>
  <wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>
  <wp:comment_status>closed</wp:comment_status>
  <wp:post_name>{cdata(slug)}</wp:post_name>
  <wp:status>{cdata(status)}</wp:status>
  <wp:post_parent>0</wp:post_parent>
  <wp:post_type>{cdata(kind)}</wp:post_type>
  {attachment}{terms}{metas}
</item>"""


def wxr_head(*, version: str = "1.2", base: str = BACKAN, authors=(), categories=(), tags=()):
    ns = f"http://wordpress.org/export/{version}/"
    people = "".join(
        f"<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{cdata(login)}"
        f"</wp:author_login><wp:author_display_name>{cdata(name)}</wp:author_display_name>"
        f"</wp:author>"
        for i, (login, name) in enumerate(authors, start=1)
    )
    cats = "".join(
        f"<wp:category><wp:term_id>{i}</wp:term_id><wp:category_nicename>{cdata(n)}"
        f"</wp:category_nicename><wp:category_parent>{cdata(parent)}</wp:category_parent>"
        f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"
        for i, (n, name, parent) in enumerate(categories, start=1)
    )
    tag_list = "".join(
        f"<wp:tag><wp:tag_slug>{cdata(n)}</wp:tag_slug><wp:tag_name>{cdata(name)}</wp:tag_name>"
        f"</wp:tag>"
        for n, name in tags
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.4" created="2025-06-30 10:00" -->
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="{ns}">
<channel>
  <title>Công an tỉnh Bắc Kạn</title>
  <link>{base}</link>
  <description>Cổng thông tin</description>
  <language>vi</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{base}</wp:base_site_url>
  <wp:base_blog_url>{base}</wp:base_blog_url>
  {people}{cats}{tag_list}
"""


WXR_TAIL = "\n</channel>\n</rss>\n"


def wxr(items: Iterable[str], **head) -> str:
    return wxr_head(**head) + "".join(items) + WXR_TAIL


def upload_url(base: str, name: str) -> str:
    return f"{base}/wp-content/uploads/2019/05/{name}"


def full_wxr(base: str = BACKAN, *, version: str = "1.2", title_suffix: str = "") -> str:
    """Every kind of item and the edge cases of the issue."""
    u = lambda name: upload_url(base, name)  # noqa: E731
    items = [
        wxr_item(
            post_id=10,
            kind="attachment",
            title="Ảnh hiện trường",
            status="inherit",
            attachment_url=u("hien-truong.jpg"),
            excerpt="Hiện trường vụ việc",
            meta={"_wp_attachment_image_alt": "Hiện trường"},
            base=base,
        ),
        wxr_item(
            post_id=11,
            kind="attachment",
            title="Ảnh 2",
            status="inherit",
            attachment_url=u("anh-2.jpg"),
            base=base,
        ),
        wxr_item(
            post_id=12,
            kind="attachment",
            title="Ảnh điện thoại",
            status="inherit",
            attachment_url=u("dien-thoai.jpg"),
            base=base,
        ),
        wxr_item(
            post_id=13,
            kind="attachment",
            title="Ảnh mất",
            status="inherit",
            attachment_url=u("khong-co.jpg"),
            base=base,
        ),
        wxr_item(
            post_id=100,
            title="Bắt giữ đối tượng trộm cắp tài sản" + title_suffix,
            slug="bat-giu-doi-tuong-trom-cap",
            content=(
                "Ngày 12/5, Công an huyện đã bắt giữ đối tượng.\n"
                "Dòng thứ hai của đoạn.\n\n"
                '[caption id="attachment_10" align="aligncenter" width="640"]'
                f'<img src="{u("hien-truong.jpg")}" alt="" width="640" height="400" /> '
                "Hiện trường vụ việc[/caption]\n\n"
                'Đoạn cuối, xem <a href="' + base + '/2019/05/bai-101/">bài trước</a>.'
                "\n\n[embed]https://www.youtube.com/watch?v=abc[/embed]"
            ),
            excerpt="<p>Tóm tắt: bắt giữ đối tượng trộm cắp.</p>",
            categories=[("an-ninh", "An ninh")],
            tags=[("trom-cap", "trộm cắp"), ("bac-kan", "Bắc Kạn")],
            meta={"_thumbnail_id": "12"},
            base=base,
        ),
        wxr_item(
            post_id=101,
            title="Ra quân tấn công trấn áp tội phạm",
            content='Nội dung.\n\n[gallery ids="10,11,13"]\n\n[contact-form-7 id="5"]',
            categories=[("tin-tuc", "Tin tức")],
            creator="bk_phongvien",
            base=base,
        ),
        wxr_item(
            post_id=102,
            title="Bản nháp",
            status="draft",
            date_gmt="0000-00-00 00:00:00",
            content="Chưa xong.",
            base=base,
        ),
        wxr_item(post_id=103, title="Chờ duyệt", status="pending", content="Chờ.", base=base),
        wxr_item(post_id=104, title="Riêng tư", status="private", content="Kín.", base=base),
        wxr_item(
            post_id=105,
            title="Hẹn giờ",
            status="future",
            date="2099-01-01 08:00:00",
            content="Sau này.",
            base=base,
        ),
        wxr_item(
            post_id=106,
            title="Đã xóa",
            status="trash",
            content="Thùng rác.",
            slug="da-xoa",
            base=base,
        ),
        wxr_item(
            post_id=107,
            title="Bài của người lạ",
            creator="nguoi_la",
            content="Không ai ánh xạ tác giả này.",
            base=base,
        ),
        wxr_item(
            post_id=108,
            title="Ảnh bị thiếu",
            content=f'<img src="{u("khong-co.jpg")}" alt="thiếu" />\n\nVẫn còn chữ.',
            base=base,
        ),
        wxr_item(
            post_id=200,
            kind="page",
            title="Giới thiệu",
            slug="gioi-thieu",
            content="Trang giới thiệu.",
            categories=[],
            base=base,
        ),
        wxr_item(post_id=300, kind="nav_menu_item", title="Menu", status="publish", base=base),
    ]
    return wxr(
        items,
        version=version,
        base=base,
        authors=[("admin", "Quản trị"), ("bk_phongvien", "Phóng viên"), ("nguoi_la", "Lạ")],
        categories=[("an-ninh", "An ninh", ""), ("tin-tuc", "Tin tức", "")],
        tags=[("trom-cap", "trộm cắp")],
    )


MAPPING = """
default_section = "Tin tức"
[authors]
"admin" = "Nguyễn Văn An (Phòng Tham mưu)"
"bk_phongvien" = "Trần Thị Bình (Công an tỉnh Bắc Kạn)"
"Hoàng Minh" = "Hoàng Minh (Công an tỉnh Bắc Kạn)"
[sections]
"an-ninh" = "An ninh trật tự"
"tin-tuc" = "Tin tức"
[tags]
"trộm cắp" = "Trộm cắp tài sản"
"""


def uploads(folder: Path, *, numbers: dict[str, int] | None = None) -> Path:
    """An old uploads folder: wp-content/uploads/2019/05/… (khong-co.jpg is missing)."""
    target = folder / "uploads" / "2019" / "05"
    target.mkdir(parents=True, exist_ok=True)
    numbers = numbers or {"hien-truong.jpg": 1, "anh-2.jpg": 2}
    for name, n in numbers.items():
        (target / name).write_bytes(photo(n))
    (target / "dien-thoai.jpg").write_bytes(phone_photo())
    return folder / "uploads"


def many_posts(count: int, *, base: str = BACKAN, body_words: int = 40) -> Iterator[str]:
    sentence = "Lực lượng Công an tỉnh tuần tra kiểm soát bảo đảm an ninh trật tự. "
    for n in range(1, count + 1):
        yield wxr_item(
            post_id=1000 + n,
            title=f"Bài số {n}: tin an ninh trật tự",
            slug=f"bai-so-{n}",
            content=(sentence * (body_words // 10)) + "\n\n" + sentence * (body_words // 10),
            date=f"20{10 + n % 15:02d}-0{1 + n % 9}-1{n % 9} 08:{n % 60:02d}:00",
            categories=[("an-ninh", "An ninh")],
            tags=[("tuan-tra", "tuần tra")],
            base=base,
        )


def wxr_stream(path: Path, count: int, *, body_words: int = 40) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(
            wxr_head(authors=[("admin", "Quản trị")], categories=[("an-ninh", "An ninh", "")])
        )
        for item in many_posts(count, body_words=body_words):
            out.write(item)
        out.write(WXR_TAIL)
    return path
