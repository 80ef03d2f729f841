"""One way to make test objects: small helpers with overridable defaults."""

from __future__ import annotations

import io
import itertools
import struct
import zipfile
import zlib

from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, Author, Byline, Campaign, Method, Section
from documents.models import Document, DocumentType, Issuer
from notices.models import NoticePhoto, Offence, WantedNotice
from organisation.models import Unit
from photos.models import Image
from photos.services import add_image
from questions.models import Question, Topic
from reporting.models import Channel

_counter = itertools.count(1)


def jpeg_bytes(
    size: tuple[int, int] = (64, 40), color: tuple[int, int, int] | None = None, **save_options
) -> bytes:
    """A real JPEG; each call gives a different file unless ``color`` is fixed."""
    n = next(_counter)
    if color is None:
        color = (n % 256, 90, 140)
        save_options.setdefault("comment", f"test {n}")  # close colours may encode alike
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG", **save_options)
    return buffer.getvalue()


def phone_photo(
    size: tuple[int, int] = (120, 80),
    *,
    orientation: int = 6,
    gps: bool = True,
    taken: str = "2024:05:01 08:30:00",
    **save_options,
) -> bytes:
    """A JPEG as phones write it: pixels stored sideways plus an EXIF Orientation tag,
    GPS coordinates, the camera model and the capture time.

    Seen upright it is ``size`` wide, red on the left half and blue on the right.
    """
    upright = PILImage.new("RGB", size, (0, 0, 220))
    upright.paste((220, 0, 0), (0, 0, size[0] // 2, size[1]))
    stored = upright.rotate(90, expand=True) if orientation == 6 else upright
    exif = PILImage.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Samsung"
    exif[0x0110] = "Galaxy A54 của Nguyễn Văn An"
    exif[0x013B] = "Nguyễn Văn An"  # Artist
    exif.get_ifd(0x8769)[0x9003] = taken
    if gps:
        location = exif.get_ifd(0x8825)
        location[1], location[2] = "N", (21.0, 35.0, 12.5)
        location[3], location[4] = "E", (105.0, 50.0, 3.25)
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", exif=exif.tobytes(), quality=92, **save_options)
    return buffer.getvalue()


def make_image(**overrides) -> Image:
    data = overrides.pop("data", None) or jpeg_bytes()
    image, _created = add_image(io.BytesIO(data), original_name="photo.jpg", **overrides)
    return image


def make_section(name: str | None = None, **overrides) -> Section:
    return Section.objects.create(name=name or f"Chuyên mục {next(_counter)}", **overrides)


def make_author(name: str = "Nguyễn Văn An", unit: str = "Công an huyện Phú Lương") -> Author:
    return Author.objects.get_or_create(name=name, unit=unit)[0]


def make_campaign(name: str | None = None, **overrides) -> Campaign:
    overrides.setdefault("starts_on", timezone.localdate() - timezone.timedelta(days=30))
    return Campaign.objects.create(name=name or f"Phong trào {next(_counter)}", **overrides)


def make_article(*, authors: list[Author] | None = None, **overrides) -> Article:
    """A published article by default; pass ``status``/``published_at`` to change that."""
    n = next(_counter)
    defaults = {
        "title": f"Công an xã đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc số {n}",
        "sapo": "Nhiều mô hình tự quản về an ninh trật tự được nhân rộng trong năm.",
        "body": "<p>Nội dung bài viết.</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(hours=1),
    }
    defaults.update(overrides)
    if "section" not in defaults:
        defaults["section"] = Section.objects.first() or make_section()
    tags = defaults.pop("tags", [])
    campaigns = defaults.pop("campaigns", [])
    article = Article.objects.create(**defaults)
    for position, author in enumerate(authors or [make_author()]):
        Byline.objects.create(article=article, author=author, position=position)
    article.tags.set(tags)
    article.campaigns.set(campaigns)
    return article


# Files photo staff (and attackers) send --------------------------------------------


def noisy_jpeg(size: tuple[int, int] = (640, 400), **save_options) -> bytes:
    """A JPEG with photo-like detail (noise compresses badly, like a real photo)."""
    noise = PILImage.effect_noise(size, 60).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=90, **save_options)
    return buffer.getvalue()


def cmyk_jpeg(size: tuple[int, int] = (80, 50)) -> bytes:
    """A print-shop JPEG in CMYK: pure magenta + yellow, i.e. red."""
    buffer = io.BytesIO()
    PILImage.new("CMYK", size, (0, 255, 255, 0)).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def png_16bit(size: tuple[int, int] = (256, 16)) -> bytes:
    """A 16-bit greyscale PNG ramping from black (left) to white (right)."""
    ramp = PILImage.new("I;16", size)
    ramp.putdata(
        [round(65535 * x / (size[0] - 1)) for _y in range(size[1]) for x in range(size[0])]
    )
    buffer = io.BytesIO()
    ramp.save(buffer, "PNG")
    return buffer.getvalue()


def animated_gif(size: tuple[int, int] = (60, 40), colours=((200, 0, 0), (0, 160, 0), (0, 0, 200))):
    frames = [PILImage.new("RGB", size, colour) for colour in colours]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0)
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    data = noisy_jpeg((400, 300))
    return data[: len(data) // 2]


def bomb_png(side: int = 30_000) -> bytes:
    """A few kilobytes that claim 900 megapixels (1-bit greyscale, all black)."""

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    pixels = zlib.compress(row * side, 9)
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>fetch('/admin/')</script><rect width='10' height='10'/></svg>"
)
HTML_PAGE = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


# The police sections ---------------------------------------------------------------


def make_offence(name: str = "Lừa đảo chiếm đoạt tài sản") -> Offence:
    return Offence.objects.get_or_create(name=name)[0]


def make_notice(*, photos: int = 1, **overrides) -> WantedNotice:
    """A published wanted notice (a fictional person) with ``photos`` photos."""
    n = next(_counter)
    defaults = {
        "decision_number": f"{n}/QĐ-CSĐT",
        "decision_date": timezone.localdate() - timezone.timedelta(days=30),
        "issuing_agency": "Cơ quan Cảnh sát điều tra Công an tỉnh Sông Lam",
        "issuer_name": "Hà Minh Mẫu",
        "issuer_title": "Phó Thủ trưởng",
        "full_name": f"Nguyễn Văn Minh Họa {n}",
        "other_names": "Tý Mẫu",
        "sex": "male",
        "birth_year": 1990,
        "residence": "Thôn Đồng Mẫu, xã Yên Lạc",
        "features": "Cao khoảng 1,68 m, nốt ruồi ở cằm.",
        "contact_agency": "Cơ quan Cảnh sát điều tra Công an tỉnh Sông Lam",
        "contact_address": "số 1 đường Minh Họa",
        "contact_phone": "0200 3 800 113",
        "status": WantedNotice.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(hours=2),
        "first_published_at": timezone.now() - timezone.timedelta(hours=2),
    }
    defaults.update(overrides)
    defaults.setdefault("offence", make_offence())
    notice = WantedNotice.objects.create(**defaults)
    for position in range(photos):
        image = make_image(data=jpeg_bytes((600, 800)))
        NoticePhoto.objects.create(notice=notice, image=image, position=position)
    return notice


def make_topic(name: str = "Cư trú") -> Topic:
    return Topic.objects.get_or_create(name=name)[0]


def make_question(*, answered: bool = True, **overrides) -> Question:
    """A question from the public form; ``answered``: published with its answer."""
    n = next(_counter)
    defaults = {
        "topic": make_topic(),
        "asker_name": "Trần Thị Mẫu",
        "asker_contact": "0900 111 222",
        "question": f"Tôi muốn đăng ký thường trú cho con mới sinh thì làm thế nào? ({n})",
    }
    if answered:
        defaults.update(
            title=f"Đăng ký thường trú cho con mới sinh số {n}",
            public_name="Bạn Mẫu (xã Yên Lạc)",
            public_question="Đăng ký thường trú cho con mới sinh cần giấy tờ gì?",
            answer="Cha hoặc mẹ nộp tờ khai CT01 tại Công an xã nơi cư trú.",
            answer_unit="Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
            status=Question.Status.PUBLISHED,
            published_at=timezone.now() - timezone.timedelta(hours=1),
            first_published_at=timezone.now() - timezone.timedelta(hours=1),
        )
    defaults.update(overrides)
    return Question.objects.create(**defaults)


def make_warning(*, methods: list[str] = ("Giả danh công an",), **overrides) -> Article:
    """A published crime warning (an article of the warning kind)."""
    overrides.setdefault("title", "Cảnh báo thủ đoạn giả danh công an gọi điện yêu cầu chuyển tiền")
    overrides.setdefault("warning_signs", "Người gọi xưng là công an\nYêu cầu chuyển tiền")
    overrides.setdefault("warning_advice", "Dập máy\nGọi 113")
    article = make_article(kind=Article.Kind.WARNING, **overrides)
    article.methods.set([Method.objects.get_or_create(name=name)[0] for name in methods])
    return article


def make_channel(**overrides) -> Channel:
    defaults = {"kind": Channel.Kind.DUTY_DESK, "name": "Trực ban Công an tỉnh (24/7)"}
    defaults.update(phone="0200 3 800 113", featured=True)
    defaults.update(overrides)
    return Channel.objects.create(**defaults)


# Legal documents, their files, the organisation -------------------------------------


def pdf_bytes(
    text: str = "Thong tu quy dinh ve cu tru", *, catalog_extra: str = "", extra_objects=()
) -> bytes:
    """A small real PDF with a text layer (Helvetica, ASCII text). ``catalog_extra`` goes in
    the catalogue (``/OpenAction 5 0 R``); ``extra_objects`` are added as objects 5, 6…"""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R {catalog_extra}>>".encode(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
        b"/BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        *(o.encode() if isinstance(o, str) else o for o in extra_objects),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


OOXML_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def docx_bytes(
    text: str = "Kế hoạch tuyên truyền Luật Căn cước",
    *,
    main_type: str = DOCX_MAIN,
    extra_files: dict[str, bytes] | None = None,
    relationships: str = "",
) -> bytes:
    """A minimal Word document; ``relationships`` are added to word/_rels/document.xml.rels."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main_type}"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{OOXML_RELATIONSHIPS}/officeDocument" '
            'Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{relationships}</Relationships>",
        )
        for name, data in (extra_files or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_document(**overrides):
    """A published Thông tư of the Bộ Công an by default."""
    n = next(_counter)
    defaults = {
        "number": f"{n}/2023/TT-BCA",
        "summary": f"Quy định về quản lý cư trú và căn cước số {n}",
        "issued_on": timezone.localdate() - timezone.timedelta(days=400),
        "status": Document.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(hours=1),
    }
    defaults.update(overrides)
    if "doc_type" not in defaults:
        defaults["doc_type"] = DocumentType.objects.get_or_create(
            name="Thông tư", defaults={"code": "TT"}
        )[0]
    if "issuer" not in defaults:
        defaults["issuer"] = Issuer.objects.get_or_create(
            name="Bộ Công an", defaults={"code": "BCA"}
        )[0]
    return Document.objects.create(**defaults)


def make_unit(name: str = "Công an xã Phú Đình", **overrides):
    defaults = {"kind": Unit.Kind.COMMUNE, "commune": "xã Phú Đình", "hotline": "0912.345.113"}
    defaults.update(overrides)
    return Unit.objects.create(name=name, **defaults)
