"""Photo library benchmark: `make bench-images` (or `python bench/images.py`).

1. Upload to renditions of a 24 MP phone JPEG (sideways, with GPS), through the real
   service `images.image_upload`, each run in a fresh process: wall time and peak memory.
   Goal on this machine: under 2 s and under 400 MB.
2. The same work done the way thumbnail libraries (easy-thumbnails, sorl-thumbnail,
   django-imagekit) do it: open and decode the source again for every rendition.
3. The admin library page (60 photos a page) with 10.000 photos in the database: first
   page, accent-free search and the "not used" filter, median of 5 loads, queries counted.

Runs against a throw-away SQLite database and media folder (set BENCH_DATABASE_URL to use
PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/newsroom_bench — it is flushed).
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("BENCH_WORK") or tempfile.mkdtemp(prefix="newsroom-bench-"))
PHOTOS = 10_000


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    os.environ["DEBUG"] = "true"
    os.environ["TWO_FACTOR_REQUIRED"] = "none"  # the admin page itself is measured
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["MEDIA_ROOT"] = str(WORK / "media")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}"
    )
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("CACHE_URL", None)
    import django

    django.setup()


def phone_jpeg_24mp() -> bytes:
    """6000×4000 with photo-like detail, stored sideways (EXIF 6) with GPS, ~10 MB."""
    from PIL import Image

    from demo.data import DEMO_PHOTOS

    with Image.open(DEMO_PHOTOS / "phong-su-1.jpg") as drawn:
        scene = drawn.convert("RGB").resize((6000, 4000), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((6000, 4000), 24).convert("RGB")
    photo = Image.blend(scene.convert("RGB"), grain, 0.18).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Samsung"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (21.0, 35.0, 12.5), "E", (105.0, 50.0, 3.25)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()


def peak_rss_mb() -> float:
    """This process's own high-water mark (VmHWM; ru_maxrss would include the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_upload(path: Path) -> dict:
    """In a fresh process: one upload through the service, timed, peak memory read."""
    configure()
    from photos.services import image_upload

    # Each run differs by a JPEG comment so the library does not treat it as a duplicate.
    data = path.read_bytes()
    data = data[:2] + b"\xff\xfe\x00\x06" + os.urandom(4) + data[2:]
    before = peak_rss_mb()
    started = time.perf_counter()
    image = image_upload(file=io.BytesIO(data), original_name="IMG_0001.JPG", uploaded_by=None)
    elapsed = time.perf_counter() - started
    return {
        "seconds": elapsed,
        "peak_mb": peak_rss_mb(),
        "before_mb": before,
        "widths": len(image.renditions["sizes"]),
    }


def child_per_rendition(path: Path) -> dict:
    """What a thumbnail library does: every output re-opens and decodes the source."""
    from PIL import Image, ImageOps

    data = path.read_bytes()
    outputs = [(w, fmt) for w in (320, 640, 960, 1280, 1920) for fmt in ("WEBP", "JPEG")]
    outputs.append((1200, "JPEG"))  # the social crop
    started = time.perf_counter()
    for width, fmt in outputs:
        with Image.open(io.BytesIO(data)) as source:
            picture = ImageOps.exif_transpose(source)
            picture.thumbnail((width, width * 10), Image.Resampling.LANCZOS)
            picture.save(io.BytesIO(), fmt, quality=80)
    elapsed = time.perf_counter() - started
    return {
        "seconds": elapsed,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def in_child(kind: str, path: Path) -> dict:
    """Run one measurement in a fresh interpreter, so its peak memory is its own."""
    env = {**os.environ, "BENCH_WORK": str(WORK)}
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def library_page() -> list[tuple[str, float, int]]:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import User
    from articles.models import Article, Section
    from photos.models import Image
    from vietnamese.text import fold_accents

    call_command("flush", interactive=False, verbosity=0)
    places = [
        "xã Yên Ninh, huyện Phú Lương",
        "phường Quang Trung",
        "huyện Tân Lập",
        "thị xã Sông Lam",
    ]
    now = timezone.now()
    Image.objects.bulk_create(
        Image(
            file=f"anh/2026/01/01/{n:032x}.jpg",
            width=4000,
            height=3000,
            caption=f"Lực lượng Công an tuần tra bảo đảm an ninh trật tự, ảnh số {n}",
            credit="Ảnh: Nhóm PV",
            place=places[n % len(places)],
            search_text=fold_accents(
                f"Lực lượng Công an tuần tra, ảnh số {n} Ảnh: Nhóm PV {places[n % len(places)]}"
            ),
            checksum=f"{n:064x}",
            renditions={
                "v": 1,
                "sizes": [[320, 240], [640, 480], [960, 720], [1280, 960], [1920, 1440]],
                "social": "og-50-50.jpg",
            },
            uploaded_at=now - timezone.timedelta(minutes=n),
        )
        for n in range(PHOTOS)
    )
    section = Section.objects.create(name="An ninh trật tự")
    covers = list(Image.objects.values_list("pk", flat=True)[: PHOTOS // 5])
    Article.objects.bulk_create(
        Article(title=f"Bài {n}", slug=f"bai-{n}", section=section, cover_id=pk)
        for n, pk in enumerate(covers)
    )
    admin = User.objects.create_superuser("bench", password="mat-khau-rat-dai-123")
    library = f"/{settings.ADMIN_URL}photos/image/"
    client = Client()
    client.force_login(admin)
    figures = []
    for label, params in [
        ("first page", {}),
        ("search “phu luong”", {"q": "phu luong"}),
        ("filter: not used", {"use": "unused"}),
    ]:
        client.get(library, params)  # warm up
        times = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(library, params)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        figures.append((label, statistics.median(times), len(queries)))
    return figures


def main() -> None:
    configure()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"Photo library benchmark ({os.cpu_count()} cores)\n")
    source = WORK / "IMG_0001.JPG"
    source.write_bytes(phone_jpeg_24mp())
    size = source.stat().st_size / 1e6
    print(f"Source: 6000×4000 JPEG, {size:.1f} MB, sideways (EXIF 6), with GPS".replace(".", ","))

    runs = [in_child("upload", source) for _ in range(3)]
    times = [r["seconds"] for r in runs]
    peak = max(r["peak_mb"] for r in runs)
    baseline = max(r["before_mb"] for r in runs)
    print(
        f"  upload → clean copy + {runs[0]['widths']} widths × WebP/JPEG + social crop: "
        f"median {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})"
    )
    print(
        f"  peak memory of the process: {peak:.0f} MB "
        f"(Python + Django before the upload: {baseline:.0f} MB)"
    )
    goal = statistics.median(times) < 2 and peak < 400
    print(f"  goal < 2 s and < 400 MB: {'met' if goal else 'NOT met'}")

    other = in_child("per-rendition", source)
    print(
        f"  the same 11 outputs decoding the source once per output (as thumbnail libraries "
        f"do), without the clean copy: {other['seconds']:.2f} s, peak {other['peak_mb']:.0f} MB"
    )

    heading = f"\nAdmin library page, {PHOTOS:,} photos ({PHOTOS // 5:,} used as covers)"
    print(heading.replace(",", "."))
    for label, seconds, queries in library_page():
        print(f"  {label:<22} {seconds * 1000:6.0f} ms  ({queries} queries)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        measure = {"upload": child_upload, "per-rendition": child_per_rendition}[sys.argv[2]]
        print(json.dumps(measure(Path(sys.argv[3]))))
    else:
        try:
            main()
        finally:
            shutil.rmtree(WORK, ignore_errors=True)
