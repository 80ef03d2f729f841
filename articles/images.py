"""The image library: every photo goes in through here.

An upload is verified by content (never by name or browser-sent type), decoded once,
turned upright, converted to sRGB and re-encoded from its pixels: the stored file holds
no EXIF, GPS, XMP, comment or trailing byte of the upload. The same decoded picture
then gives the renditions readers get (WebP and JPEG at fixed widths, plus a 1200×630
social crop around the focal point), written once, next to the stored file.

Why not easy-thumbnails / sorl-thumbnail / django-imagekit: they make each rendition
by opening and decoding the source again. With 11 sizes × 2 formats that decodes a
24 MP photo 20+ times; ``bench/images.py`` measures both ways (see README).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import os
import re
import zipfile
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path, PurePath
from typing import IO

import pi_heif
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageCms, ImageSequence

from articles.models import Article, BodyImage, Campaign, GalleryItem, Image, image_upload_to
from articles.sanitize import IMG_TAG, img_attributes

pi_heif.register_heif_opener()

# Pillow's format name → the format the cleaned copy is stored in.
ACCEPTED_FORMATS = {
    "JPEG": "JPEG",
    "MPO": "JPEG",  # multi-picture JPEG from some cameras: the first picture is the photo
    "PNG": "PNG",
    "WEBP": "WEBP",
    "GIF": "GIF",
    "HEIF": "JPEG",  # iPhone photos; browsers cannot show HEIC, so the copy is a JPEG
    "AVIF": "JPEG",
}
# What Pillow may try when opening (MPO files open through the JPEG reader).
OPEN_FORMATS = ["JPEG", "PNG", "WEBP", "GIF", "HEIF", "AVIF"]
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
ANIMATABLE = {"GIF", "PNG", "WEBP"}
RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)
SOCIAL_SIZE = (1200, 630)
RENDITIONS_VERSION = 1

# Markup or script inside a file that claims to be a photo: such a file is an attack
# (HTML/JPEG polyglot), never a photo. Long enough not to occur by chance in pixel data.
_MARKUP = re.compile(
    rb"<script[\s>/]|<html[\s>]|<body[\s>]|<iframe[\s>/]|<\?php\s|javascript:", re.IGNORECASE
)
_TEXT_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<", re.IGNORECASE)

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_DATETIME = 0x0132
_SRGB = ImageCms.createProfile("sRGB")


class ImageInUse(ValidationError):
    """Refusal to delete a photo that articles or campaigns show."""

    def __init__(self, usage: Usage) -> None:
        self.usage = usage
        titles = [a.title for a in usage.articles] + [c.name for c in usage.campaigns]
        super().__init__(
            _("This photo is in use and cannot be deleted: %(where)s.")
            % {"where": "; ".join(f"“{t}”" for t in titles)},
            code="in_use",
        )


@dataclass
class Usage:
    """Where a photo appears."""

    articles: list[Article] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)
    roles: dict[int, list[str]] = field(default_factory=dict)  # article pk → cover/body/gallery

    def __bool__(self) -> bool:
        return bool(self.articles or self.campaigns)


@dataclass
class Prepared:
    """A verified upload, decoded and cleaned, ready to be written."""

    source_format: str
    stored_format: str
    frames: list[PILImage.Image]
    durations: list[int]
    loop: int
    taken_at: dt.datetime | None

    @property
    def picture(self) -> PILImage.Image:
        return self.frames[0]

    @property
    def animated(self) -> bool:
        return len(self.frames) > 1


# Verification -----------------------------------------------------------------


def _limit_mb() -> int:
    return settings.IMAGE_MAX_BYTES // (1024 * 1024)


def check_size(size: int) -> None:
    """Refuse an empty or oversized upload before reading it."""
    if size == 0:
        raise ValidationError(_("The file is empty (0 bytes)."), code="empty")
    if size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB, more than the %(limit)s MB allowed.")
            % {"size": f"{size / (1024 * 1024):.1f}".replace(".", ","), "limit": _limit_mb()},
            code="too_big",
        )


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _(
            "The image has more than %(limit)s megapixels: a file like this can freeze the "
            "server (a “decompression bomb”) and was refused."
        )
        % {"limit": settings.IMAGE_MAX_PIXELS // 1_000_000 or 1},
        code="too_many_pixels",
    )


def _refuse_disguised(data: bytes) -> None:
    head = data[:1024]
    if _TEXT_START.match(head) or head.lstrip().lower().startswith(b"<?xml"):
        if b"<svg" in data[:4096].lower():
            raise ValidationError(
                _(
                    "SVG drawings are not accepted: they can carry scripts. "
                    "Export the drawing as PNG or JPEG."
                ),
                code="svg",
            )
        raise ValidationError(
            _("This is a web page or a script renamed as an image, not a photo."), code="markup"
        )
    if _MARKUP.search(data):
        raise ValidationError(
            _("The file hides web-page code or a script inside the image and was refused."),
            code="polyglot",
        )
    if zipfile.is_zipfile(io.BytesIO(data)):
        raise ValidationError(
            _("The file is also an archive (ZIP/JAR) and was refused."), code="polyglot"
        )


def _taken_at(image: PILImage.Image) -> dt.datetime | None:
    """Capture time from EXIF (DateTimeOriginal, with its offset when the camera wrote one)."""
    try:
        exif = image.getexif()
        details = exif.get_ifd(_EXIF_IFD)
    except Exception:  # broken EXIF must not block a good photo
        return None
    raw = details.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    if not isinstance(raw, str):
        return None
    try:
        moment = dt.datetime.strptime(raw.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset = details.get(_OFFSET_TIME_ORIGINAL)
    if isinstance(offset, str):
        try:
            return dt.datetime.fromisoformat(moment.isoformat() + offset.strip("\x00 "))
        except ValueError:
            pass
    # Cameras keep local time without a zone: the newsroom's own.
    return timezone.make_aware(moment, timezone.get_default_timezone())


def _to_srgb(frame: PILImage.Image, icc: bytes | None) -> PILImage.Image:
    """One 8-bit frame in L, RGB or RGBA, colours converted to sRGB."""
    if frame.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16-bit greys: scale down, do not clip (a plain convert turns them white).
        frame = frame.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif frame.mode == "F":
        frame = frame.convert("L")
    elif frame.mode in ("P", "PA", "LA", "1") or "transparency" in frame.info:
        frame = frame.convert("RGBA" if frame.has_transparency_data else "RGB")
    elif frame.mode == "RGBa":
        frame = frame.convert("RGBA")
    if icc and frame.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            out_mode = "RGBA" if frame.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(frame, source, _SRGB, outputMode=out_mode)
            if converted is not None:
                frame = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to the plain conversion below
    if frame.mode not in ("L", "RGB", "RGBA"):
        frame = frame.convert("RGB")
    frame.info = {}
    return frame


def prepare(data: bytes) -> Prepared:
    """Verify ``data`` by content and decode it into clean, upright sRGB frames.

    Raises a ValidationError with a Vietnamese message for anything that is not a
    photo we accept. Nothing is written.
    """
    check_size(len(data))
    _refuse_disguised(data)
    accepted = ", ".join(["JPEG", "PNG", "WebP", "GIF", "HEIC", "AVIF"])
    try:
        with PILImage.open(io.BytesIO(data), formats=OPEN_FORMATS) as probe:
            source_format = probe.format
            width, height = probe.size
            frame_count = getattr(probe, "n_frames", 1) if source_format in ANIMATABLE else 1
            pixels = width * height * frame_count
            if pixels > settings.IMAGE_MAX_PIXELS:
                raise _too_many_pixels()
            probe.verify()
        with PILImage.open(io.BytesIO(data), formats=OPEN_FORMATS) as image:
            taken_at = _taken_at(image)
            turn = _TRANSPOSE.get(_orientation(image))
            icc = image.info.get("icc_profile")
            frames, durations = [], []
            for frame in ImageSequence.Iterator(image) if frame_count > 1 else [image]:
                frame.load()  # decodes the pixels: truncated files fail here
                durations.append(int(frame.info.get("duration", 100) or 100))
                frames.append(_to_srgb(frame.copy() if frame_count > 1 else frame, icc))
            loop = int(image.info.get("loop", 0) or 0)
            if turn is not None:
                frames = [f.transpose(turn) for f in frames]
    except ValidationError:
        raise
    except PILImage.DecompressionBombError as exc:  # Pillow's own guard, past ours
        raise _too_many_pixels() from exc
    except PILImage.UnidentifiedImageError as exc:
        raise ValidationError(
            _("The file is not a photo in a format we accept (%(formats)s).")
            % {"formats": accepted},
            code="not_image",
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
        raise ValidationError(
            _(
                "The file is damaged or incomplete and cannot be opened "
                "(perhaps the copy or the upload was cut short)."
            ),
            code="damaged",
        ) from exc
    return Prepared(
        source_format=source_format,
        stored_format=ACCEPTED_FORMATS[source_format],
        frames=frames,
        durations=durations,
        loop=loop,
        taken_at=taken_at,
    )


_TRANSPOSE = {
    2: PILImage.Transpose.FLIP_LEFT_RIGHT,
    3: PILImage.Transpose.ROTATE_180,
    4: PILImage.Transpose.FLIP_TOP_BOTTOM,
    5: PILImage.Transpose.TRANSPOSE,
    6: PILImage.Transpose.ROTATE_270,
    7: PILImage.Transpose.TRANSVERSE,
    8: PILImage.Transpose.ROTATE_90,
}


def _orientation(image: PILImage.Image) -> int:
    """The EXIF Orientation tag (1 = upright), read before the metadata is dropped."""
    try:
        return int(image.getexif().get(0x0112, 1) or 1)
    except Exception:  # broken EXIF must not block a good photo
        return 1


# Encoding ---------------------------------------------------------------------


def _flatten(picture: PILImage.Image) -> PILImage.Image:
    """JPEG has no transparency: lay the picture on white."""
    if picture.mode != "RGBA":
        return picture
    background = PILImage.new("RGB", picture.size, (255, 255, 255))
    background.paste(picture, mask=picture.getchannel("A"))
    return background


def _encode(frames: list[PILImage.Image], fmt: str, *, quality: int, **extra) -> bytes:
    buffer = io.BytesIO()
    first = frames[0]
    if fmt == "JPEG":
        _flatten(first).save(buffer, "JPEG", quality=quality, **extra)
    elif len(frames) > 1:
        first.save(buffer, fmt, save_all=True, append_images=frames[1:], quality=quality, **extra)
    elif fmt == "WEBP":
        first.save(buffer, "WEBP", quality=quality, method=4)
    elif fmt == "GIF":
        first.save(buffer, "GIF")
    else:
        first.save(buffer, fmt, compress_level=6)
    return buffer.getvalue()


def _resize(frames: list[PILImage.Image], size: tuple[int, int], box=None) -> list:
    return [f.resize(size, PILImage.Resampling.LANCZOS, box=box, reducing_gap=3.0) for f in frames]


def rendition_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """The widths readers get: the standard ones below the photo's own, and that capped."""
    top = min(width, RENDITION_WIDTHS[-1])
    widths = sorted({w for w in RENDITION_WIDTHS if w < top} | {top})
    return [(w, max(1, round(height * w / width))) for w in widths]


def focal_crop_box(
    size: tuple[int, int], target: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of ``target``'s shape inside ``size``, centred on ``focal`` if it can be."""
    width, height = size
    ratio = target[0] / target[1]
    crop_w, crop_h = (
        (width, round(width / ratio))
        if width / height < ratio
        else (
            round(height * ratio),
            height,
        )
    )
    crop_w, crop_h = min(crop_w, width), min(crop_h, height)
    left = min(max(round(focal[0] * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focal[1] * height - crop_h / 2), 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def _folder(name: str) -> str:
    """anh/2026/11/26/abc.jpg → anh/2026/11/26/abc (where its renditions live)."""
    return str(PurePath(name).with_suffix(""))


def social_name(focal: tuple[float, float]) -> str:
    return f"og-{round(focal[0] * 100)}-{round(focal[1] * 100)}.jpg"


def build_renditions(
    prepared: Prepared, focal: tuple[float, float], pool: Executor | None = None
) -> tuple[dict, dict]:
    """Encode every rendition; return (files relative to the image folder, description).

    Resizing is done here; the encodes go to ``pool`` when given (Pillow releases the GIL
    while it encodes, so two cores make them in about half the time).
    """
    pool = pool or _SERIAL
    width, height = prepared.picture.size
    sizes = rendition_sizes(width, height)
    # One high-quality downscale to the largest size; the smaller ones come from it.
    # Pillow's save() sets attributes on the image it writes, so two threads never share an
    # image object: copies where the same picture is encoded twice (they are small).
    if sizes[-1] != (width, height):
        base = _resize(prepared.frames, sizes[-1])
    else:
        base = [f.copy() for f in prepared.frames]
    animation = {"duration": prepared.durations, "loop": prepared.loop} if prepared.animated else {}
    jobs = {}
    for w, h in reversed(sizes):
        frames = base if (w, h) == sizes[-1] else _resize(base, (w, h))
        jobs[f"{w}.webp"] = pool.submit(
            _encode, frames, "WEBP", quality=settings.IMAGE_WEBP_QUALITY, **animation
        )
        jobs[f"{w}.jpg"] = pool.submit(
            _encode,
            [frames[0].copy()],
            "JPEG",
            quality=settings.IMAGE_JPEG_QUALITY,
            progressive=True,
        )
    # The social crop comes from the largest rendition: the same region, far fewer pixels.
    jobs[social_name(focal)] = pool.submit(render_social, base[0], focal)
    description = {
        "v": RENDITIONS_VERSION,
        "sizes": [list(s) for s in sizes],
        "social": social_name(focal),
        "animated": prepared.animated,
    }
    return {name: job.result() for name, job in jobs.items()}, description


class _Serial(Executor):
    """Runs submitted work at once, in this thread."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


_SERIAL = _Serial()


def render_social(picture: PILImage.Image, focal: tuple[float, float]) -> bytes:
    box = focal_crop_box(picture.size, SOCIAL_SIZE, focal)
    crop = picture.resize(SOCIAL_SIZE, PILImage.Resampling.LANCZOS, box=box, reducing_gap=2.0)
    return _encode([crop], "JPEG", quality=settings.IMAGE_JPEG_QUALITY, progressive=True)


def encode_stored(prepared: Prepared) -> bytes:
    """The library copy: full size, upright, no metadata, re-encoded from the pixels."""
    fmt = prepared.stored_format
    if fmt == "JPEG" and prepared.picture.mode == "RGBA":
        fmt = "PNG"  # a transparent HEIC/AVIF keeps its transparency
        prepared.stored_format = "PNG"
    extra = {"duration": prepared.durations, "loop": prepared.loop} if prepared.animated else {}
    return _encode(prepared.frames, fmt, quality=settings.IMAGE_ORIGINAL_QUALITY, **extra)


# Storage ----------------------------------------------------------------------


def private_storage() -> Storage | None:
    """Where untouched uploads are kept when IMAGE_PRIVATE_ORIGINALS_ROOT is set."""
    root = settings.IMAGE_PRIVATE_ORIGINALS_ROOT
    if not root:
        return None
    root, media = Path(root).resolve(), Path(settings.MEDIA_ROOT).resolve()
    if root == media or root.is_relative_to(media) or media.is_relative_to(root):
        raise ImproperlyConfigured(
            "IMAGE_PRIVATE_ORIGINALS_ROOT must be outside MEDIA_ROOT: the originals carry GPS."
        )
    return FileSystemStorage(location=root, file_permissions_mode=0o600)


class _Writer:
    """Writes files and remembers them, so a failure can take every one back."""

    def __init__(self) -> None:
        self.written: list[tuple[Storage, str]] = []

    def save(self, storage: Storage, name: str, data: bytes) -> str:
        saved = storage.save(name, ContentFile(data))
        self.written.append((storage, saved))
        return saved

    def rollback(self) -> None:
        for storage, name in self.written:
            storage.delete(name)


def _delete_files(name: str, renditions: dict, private_name: str = "") -> None:
    folder = _folder(name)
    for w, _h in renditions.get("sizes", []):
        for ext in ("webp", "jpg"):
            default_storage.delete(f"{folder}/{w}.{ext}")
    if renditions.get("social"):
        default_storage.delete(f"{folder}/{renditions['social']}")
    default_storage.delete(name)
    storage = private_storage()
    if private_name and storage is not None:
        storage.delete(private_name)


def discard_files(name: str) -> None:
    """Remove a stored photo and everything made from it (after a rolled-back import)."""
    folder = _folder(name)
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        files = []
    for relative in files:
        default_storage.delete(f"{folder}/{relative}")
    default_storage.delete(name)
    private = private_storage()
    if private is not None:
        parent, stem = str(PurePath(folder).parent), PurePath(folder).name
        try:
            _dirs, kept = private.listdir(parent)
        except FileNotFoundError:
            kept = []
        for relative in kept:
            if PurePath(relative).stem == stem:
                private.delete(f"{parent}/{relative}")


def _store(
    image: Image, prepared: Prepared, data: bytes, original_name: str, writer: _Writer
) -> None:
    """Write the cleaned copy, its renditions and (if set) the private original."""
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        stored_job = pool.submit(encode_stored, prepared)
        files, description = build_renditions(prepared, image.focal_point, pool)
        stored = stored_job.result()
    extension = EXTENSIONS[prepared.stored_format]
    name = writer.save(default_storage, image_upload_to(image, f"x{extension}"), stored)
    folder = _folder(name)
    for relative, content in files.items():
        writer.save(default_storage, f"{folder}/{relative}", content)
    private = private_storage()
    image.private_original = ""
    if private is not None:
        suffix = PurePath(original_name).suffix.lower()[:6] or ".bin"
        if not re.fullmatch(r"\.[a-z0-9]+", suffix):
            suffix = ".bin"
        image.private_original = writer.save(private, f"{_folder(name)}{suffix}", data)
    image.file.name = name
    image.width, image.height = prepared.picture.size
    image.renditions = description
    image.original_format = prepared.source_format
    image.original_size = len(data)
    image.taken_at = prepared.taken_at


def read_upload(file: IO[bytes]) -> bytes:
    size = getattr(file, "size", None)
    if size is not None:
        check_size(size)  # refuse before reading 2 GB into memory
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(settings.IMAGE_MAX_BYTES + 1)
    check_size(len(data))
    return data


def clean_filename(name: str) -> str:
    """The original name, kept as data only: no folders, no control characters."""
    base = PurePath(str(name or "").replace("\\", "/")).name
    base = "".join(c for c in base if c.isprintable())
    return base.strip()[:255]


# Services ---------------------------------------------------------------------


def image_upload(
    *,
    file: IO[bytes],
    uploaded_by,
    original_name: str | None = None,
    caption: str = "",
    alt_text: str = "",
    credit: str = "",
    place: str = "",
    focal_point: tuple[float, float] | None = None,
) -> Image:
    """Verify ``file`` and put it in the library; the one door for every upload.

    Used by the bulk upload, the single upload form and the rich-text editor. An
    identical file already in the library is returned instead of stored twice.
    Raises ValidationError (Vietnamese message) and leaves nothing behind on refusal.
    """
    image, _created = _upload(
        file,
        original_name=original_name if original_name is not None else getattr(file, "name", ""),
        uploaded_by=uploaded_by,
        caption=caption,
        alt_text=alt_text,
        credit=credit,
        place=place,
        focal_point=focal_point,
    )
    return image


def add_image(
    fileobj: IO[bytes],
    *,
    original_name: str,
    caption: str = "",
    alt_text: str = "",
    credit: str = "",
    place: str = "",
    uploaded_by=None,
) -> tuple[Image, bool]:
    """Like ``image_upload`` but also says whether the file was new: ``(image, created)``."""
    return _upload(
        fileobj,
        original_name=original_name,
        uploaded_by=uploaded_by,
        caption=caption,
        alt_text=alt_text,
        credit=credit,
        place=place,
    )


def _upload(
    file: IO[bytes], *, original_name: str, uploaded_by, focal_point=None, **metadata: str
) -> tuple[Image, bool]:
    data = read_upload(file)
    checksum = hashlib.sha256(data).hexdigest()
    existing = Image.objects.filter(checksum=checksum).first()
    if existing is not None:
        return existing, False
    prepared = prepare(data)
    image = Image(
        caption=metadata.get("caption", "")[:500],
        alt_text=metadata.get("alt_text", "")[:300],
        credit=metadata.get("credit", "")[:200],
        place=metadata.get("place", "")[:200],
        original_filename=clean_filename(original_name),
        checksum=checksum,
        uploaded_by=uploaded_by,
    )
    if focal_point is not None:
        image.focal_x, image.focal_y = focal_point
    writer = _Writer()
    try:
        with transaction.atomic():
            _store(image, prepared, data, original_name, writer)
            image.full_clean(exclude=["file", "uploaded_by"])
            image.save()
    except BaseException:
        writer.rollback()
        raise
    return image, True


@transaction.atomic
def image_replace(*, image: Image, file: IO[bytes], by, original_name: str | None = None) -> Image:
    """Put a new file behind the same library record; renditions are made again.

    Articles showing the photo keep showing it (the record and its id stay); the old
    files are removed once the change is committed.
    """
    data = read_upload(file)
    prepared = prepare(data)
    old = (image.file.name, dict(image.renditions), image.private_original)
    original_name = original_name if original_name is not None else getattr(file, "name", "")
    writer = _Writer()
    try:
        _store(image, prepared, data, original_name, writer)
        image.original_filename = clean_filename(original_name)
        image.checksum = hashlib.sha256(data).hexdigest()
        image.save()
    except BaseException:
        writer.rollback()
        raise
    transaction.on_commit(lambda: _delete_files(*old))
    _sync_body_sizes(image)
    return image


def _sync_body_sizes(image: Image) -> None:
    """Bodies carry the photo's URL and size in their <img>: point them at the new file."""
    pattern = re.compile(rf'<img\b[^>]*\bdata-image-id="{image.pk}"[^>]*>')
    for article in Article.objects.filter(body_images=image):

        def rewrite(match: re.Match) -> str:
            tag = match.group(0)
            tag = re.sub(r'\bsrc="[^"]*"', f'src="{image.file.url}"', tag)
            tag = re.sub(r'\bwidth="\d*"', f'width="{image.width}"', tag)
            return re.sub(r'\bheight="\d*"', f'height="{image.height}"', tag)

        body = pattern.sub(rewrite, article.body)
        if body != article.body:
            article.body = body
            article.save(update_fields=["body", "updated_at"])


@transaction.atomic
def image_set_focal_point(*, image: Image, focal_point: tuple[float, float] | None) -> Image:
    """Move the point crops keep; the social crop is made again around it."""
    old_social = image.renditions.get("social", "")
    if focal_point is None:
        image.focal_x = image.focal_y = None
    else:
        image.focal_x, image.focal_y = focal_point
    image.full_clean(exclude=["file", "uploaded_by"])
    new_social = social_name(image.focal_point)
    if new_social != old_social and image.file:
        with image.file.open("rb") as stored, PILImage.open(stored) as picture:
            picture.load()
            content = render_social(_to_srgb(picture, None), image.focal_point)
        folder = _folder(image.file.name)
        writer = _Writer()
        writer.save(default_storage, f"{folder}/{new_social}", content)
        transaction.on_commit(lambda: default_storage.delete(f"{folder}/{old_social}"))
        image.renditions = {**image.renditions, "social": new_social}
    image.save()
    return image


def image_usage(image: Image) -> Usage:
    """Every article and campaign that shows ``image``, and how."""
    roles: dict[int, list[str]] = {}
    for pk in Article.objects.filter(cover=image).values_list("pk", flat=True):
        roles.setdefault(pk, []).append("cover")
    for pk in BodyImage.objects.filter(image=image).values_list("article_id", flat=True):
        roles.setdefault(pk, []).append("body")
    for pk in GalleryItem.objects.filter(image=image).values_list("article_id", flat=True):
        roles.setdefault(pk, []).append("gallery")
    articles = list(Article.objects.filter(pk__in=roles).order_by("-published_at", "-pk"))
    campaigns = list(Campaign.objects.filter(cover=image))
    return Usage(articles=articles, campaigns=campaigns, roles=roles)


@transaction.atomic
def image_delete(*, image: Image) -> None:
    """Delete a photo nobody shows; refuse with the list of articles otherwise."""
    usage = image_usage(image)
    if usage:
        raise ImageInUse(usage)
    old = (image.file.name, dict(image.renditions), image.private_original)
    image.delete()
    transaction.on_commit(lambda: _delete_files(*old))


def image_rebuild(*, image: Image) -> Image:
    """Clean and re-render a photo stored before this pipeline (or after a settings change).

    The record keeps its checksum, so re-uploading the first file still finds it.
    """
    checksum = image.checksum
    with image.file.open("rb") as stored:
        data = stored.read()
    image_replace(
        image=image, file=io.BytesIO(data), by=None, original_name=image.original_filename
    )
    image.checksum = checksum
    image.save(update_fields=["checksum"])
    return image


def search_filter(query: str) -> Q:
    """Accent-insensitive match of every word of ``query`` in caption, credit, place…"""
    from articles.textfold import fold_accents

    condition = Q()
    for word in fold_accents(query).split():
        condition &= Q(search_text__contains=word)
    return condition


# Reading renditions (no file is opened: everything comes from the record) -------


def rendition_url(image: Image, width: int, fmt: str) -> str:
    return f"{_folder_url(image.file.name, settings.MEDIA_URL)}{width}.{fmt}"


@functools.lru_cache(maxsize=8192)
def _folder_url(name: str, media_url: str) -> str:
    """``/media/anh/…/<random>/``: asked of the storage once per photo, not per rendition
    (a listing shows 200 rendition addresses)."""
    return default_storage.url(f"{_folder(name)}/_")[:-1]


def srcset(image: Image, fmt: str) -> str:
    """ "…/320.webp 320w, …/640.webp 640w" for the renditions ``image`` has."""
    return ", ".join(
        f"{rendition_url(image, w, fmt)} {w}w" for w, _h in image.renditions.get("sizes", [])
    )


def fallback_rendition(image: Image, near: int = 960) -> tuple[str, int, int]:
    """(url, width, height) of the JPEG rendition closest to ``near`` pixels wide."""
    sizes = image.renditions.get("sizes") or []
    if not sizes:  # not rendered yet (stored before the library existed): the cleaned copy
        return image.file.url, image.width, image.height
    w, h = min(sizes, key=lambda s: (abs(s[0] - near), -s[0]))
    return rendition_url(image, w, "jpg"), w, h


def social_image_url(image: Image | None, request=None) -> str:
    """The 1200×630 crop (around the focal point) for Open Graph / Zalo / Facebook cards.

    Absolute when ``request`` is given (or from SITE_URL); empty without an image.
    """
    if image is None or not image.file:
        return ""
    social = image.renditions.get("social")
    url = (
        default_storage.url(f"{_folder(image.file.name)}/{social}")
        if social
        else fallback_rendition(image, 1200)[0]
    )
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_URL + url


def _library_name(src: str) -> str | None:
    """The storage name behind a media URL, or None for anything else."""
    media_url = settings.MEDIA_URL
    if src.startswith(media_url):
        return src[len(media_url) :]
    return None


def link_body_images(html: str) -> str:
    """Tie every library image of a sanitised body to its Image record.

    Each ``<img>`` whose src is a library file gets its stored width/height (no layout
    shift, no file opened when the page renders), ``data-image-id`` (renditions, "used
    in") and, when it has none, the image's alt text. One query, whatever the count.
    """
    matches = list(IMG_TAG.finditer(html))
    if not matches:
        return html
    wanted = {}
    for match in matches:
        attributes = img_attributes(match.group(1))
        name = _library_name(unescape(attributes.get("src", "")))
        if name:
            wanted[name] = None
    images = {image.file.name: image for image in Image.objects.filter(file__in=wanted)}

    def rewrite(match: re.Match) -> str:
        attributes = img_attributes(match.group(1))
        image = images.get(_library_name(unescape(attributes.get("src", ""))) or "")
        if image is None:
            return match.group(0)
        alt = unescape(attributes.get("alt", "")) or image.alt
        return (
            f'<img src="{escape(image.file.url)}" alt="{escape(alt)}" width="{image.width}" '
            f'height="{image.height}" data-image-id="{image.pk}">'
        )

    return IMG_TAG.sub(rewrite, html)
