"""Turning an upload into a clean photo and its renditions: verification, decoding, encoding.

An upload is verified by content (never by name or browser-sent type), decoded once,
turned upright, converted to sRGB and re-encoded from its pixels: the stored file holds
no EXIF, GPS, XMP, comment or trailing byte of the upload. The same decoded picture
then gives the renditions readers get (WebP and JPEG at fixed widths, plus a 1200×630
social crop around the focal point). Nothing here touches the database or the storage.

Why not easy-thumbnails / sorl-thumbnail / django-imagekit: they make each rendition
by opening and decoding the source again. With 11 sizes × 2 formats that decodes a
24 MP photo 20+ times; ``bench/images.py`` measures both ways (see docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from concurrent.futures import Executor, Future
from dataclasses import dataclass

import pi_heif
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageCms, ImageSequence

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


def to_srgb(frame: PILImage.Image, icc: bytes | None) -> PILImage.Image:
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
                frames.append(to_srgb(frame.copy() if frame_count > 1 else frame, icc))
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
