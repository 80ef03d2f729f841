"""Import benchmark: `make bench-imports` (or `python bench/imports.py`).

Writes a WordPress export of 20.000 posts (about 200 MB: bodies of ~10 KB, a cover photo
on one post in fifty), then imports it with `manage.py import_archive` in a process of its
own, as an operator would, and prints:

- items per second over the whole import, and the time the first pass (the check of the
  whole file) took;
- the peak memory (resident set, VmHWM) of the import process: goal ≤ 400 MB;
- how steady the progress line was: the gaps between its lines and the spread of the
  rate it printed.

Runs against a throw-away SQLite database and media folder (BENCH_DATABASE_URL for
PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/newsroom_bench — it is flushed).
BENCH_IMPORT_POSTS sets the number of posts, BENCH_IMPORT_BODY_KB the body size.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("BENCH_WORK") or tempfile.mkdtemp(prefix="newsroom-bench-imports-"))
POSTS = int(os.environ.get("BENCH_IMPORT_POSTS", "20000"))
BODY_KB = int(os.environ.get("BENCH_IMPORT_BODY_KB", "10"))
PHOTOS = 20
MAPPING = '[authors]\n"admin" = "Nguyễn Văn An (Phòng Tham mưu)"\n'
# "1.234/20000 mục, 37,4 mục/giây, còn 8:20" (or the English line)
PROGRESS = re.compile(r"^([\d.]+)/([\d.]+) \S+, ([\d.,]+) ")


def environment() -> dict[str, str]:
    env = {
        **os.environ,
        "DEBUG": "true",
        "MEDIA_ROOT": str(WORK / "media"),
        "IMPORT_REPORT_DIR": str(WORK / "reports"),
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}"),
    }
    for name in ("DJANGO_SETTINGS_MODULE", "REDIS_URL", "CACHE_URL"):
        env.pop(name, None)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def photo(n: int) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (64, 48), (n * 37 % 256, n * 11 % 256, 120)).save(buffer, "JPEG")
    return buffer.getvalue()


def write_archive(path: Path, uploads: Path) -> None:
    """The export, written as a stream (tests/imports/archives.py builds the same items)."""
    folder = uploads / "2019" / "05"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(PHOTOS):
        (folder / f"anh-{n}.jpg").write_bytes(photo(n))
    base = "https://congan.backan.example.vn"
    sentence = "Lực lượng Công an tỉnh tuần tra, kiểm soát, bảo đảm an ninh trật tự trên địa bàn. "
    per_paragraph = 6
    paragraphs = max(1, BODY_KB * 1024 // (len(sentence.encode()) * per_paragraph))
    body = "\n\n".join(sentence * per_paragraph for _ in range(paragraphs))
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"'
            ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Công an tỉnh Bắc Kạn</title><link>{base}</link>"
            f"<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{base}</wp:base_site_url>"
            "<wp:author><wp:author_login>admin</wp:author_login>"
            "<wp:author_display_name>Quản trị</wp:author_display_name></wp:author>"
            "<wp:category><wp:category_nicename>an-ninh</wp:category_nicename>"
            "<wp:cat_name>An ninh</wp:cat_name></wp:category>\n"
        )
        for n in range(PHOTOS):
            out.write(
                f"<item><title>Ảnh {n}</title><wp:post_id>{10 + n}</wp:post_id>"
                f"<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                f"<wp:attachment_url>{base}/wp-content/uploads/2019/05/anh-{n}.jpg"
                "</wp:attachment_url></item>\n"
            )
        for n in range(1, POSTS + 1):
            cover = (
                "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                f"<wp:meta_value>{10 + n % PHOTOS}</wp:meta_value></wp:postmeta>"
                if n % 50 == 0
                else ""
            )
            out.write(
                f"<item><title>Bài số {n}: tin an ninh trật tự</title>"
                f"<link>{base}/2019/05/bai-so-{n}/</link>"
                f"<dc:creator>admin</dc:creator><wp:post_id>{1000 + n}</wp:post_id>"
                f"<wp:post_date>2019-05-12 08:{n % 60:02d}:00</wp:post_date>"
                f"<wp:post_name>bai-so-{n}</wp:post_name><wp:status>publish</wp:status>"
                "<wp:post_type>post</wp:post_type>"
                '<category domain="category" nicename="an-ninh">An ninh</category>'
                f"<content:encoded><![CDATA[Bài {n}. {body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[Tóm tắt bài {n}.]]></excerpt:encoded>{cover}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def peak_rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) / 1024 if match else 0.0


def main() -> None:
    env = environment()
    archive, uploads = WORK / "archive.xml", WORK / "old" / "uploads"
    started = time.monotonic()
    write_archive(archive, uploads)
    size_mb = archive.stat().st_size / 1024 / 1024
    print(
        f"archive: {POSTS} posts, {size_mb:.0f} MB, written in {time.monotonic() - started:.0f} s"
    )
    (WORK / "mapping.toml").write_text(MAPPING, encoding="utf-8")
    if "BENCH_DATABASE_URL" in os.environ:
        manage(env, "flush", "--noinput")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(
        env, "shell", "-c",
        "from accounts.models import User; User.objects.create_superuser('bench', password='x')",
    )  # fmt: skip

    command = [
        sys.executable, "manage.py", "import_archive", "wxr", str(archive), "--source", "bench",
        "--by", "bench", "--mapping", str(WORK / "mapping.toml"), "--uploads", str(uploads),
    ]  # fmt: skip
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0.0]

    def watch() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], peak_rss_mb(process.pid))
            time.sleep(0.5)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    lines: list[tuple[float, int, float]] = []  # (seconds, done, printed rate)
    for line in process.stderr:
        match = PROGRESS.match(line.strip())
        if match:
            done = int(match.group(1).replace(".", ""))
            rate = float(match.group(3).replace(".", "").replace(",", "."))
            lines.append((time.monotonic() - started, done, rate))
            if len(lines) % 30 == 1:
                print("  " + line.strip(), flush=True)
    output = process.stdout.read()
    process.wait()
    watcher.join()
    elapsed = time.monotonic() - started
    if process.returncode != 0:
        sys.exit(f"import failed ({process.returncode}):\n{output[-2000:]}")
    items = POSTS + PHOTOS
    print(output.strip())
    print(f"import: {items} items in {elapsed:.0f} s = {items / elapsed:.1f} items/s overall")
    if lines:
        first = lines[0][0]
        gaps = [b[0] - a[0] for a, b in zip(lines, lines[1:], strict=False)]
        rates = [rate for _t, _d, rate in lines[len(lines) // 10 :]]
        print(f"  first progress line after {first:.0f} s (the whole file is checked first)")
        if gaps:
            print(
                f"  progress lines: {len(lines)}, gap between lines median "
                f"{statistics.median(gaps):.1f} s, longest {max(gaps):.1f} s"
            )
        if rates:
            print(
                f"  printed rate after the first tenth: min {min(rates):.1f}, "
                f"median {statistics.median(rates):.1f}, max {max(rates):.1f} items/s"
            )
    verdict = "ok" if peak[0] <= 400 else "OVER the 400 MB goal"
    print(f"peak memory of the import process (VmHWM): {peak[0]:.0f} MB ({verdict})")
    if "BENCH_WORK" not in os.environ:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
