"""Legal documents at scale: searches and listings over 20.000 documents, timed in-process.

    .venv/bin/python bench/documents.py

1. Builds (or reuses) a PostgreSQL database of its own (``BENCH_DOCUMENTS_DATABASE_URL``,
   default ``postgres://postgres@127.0.0.1:5432/newsroom_i19_bench``) holding
   ``BENCH_DOCUMENTS`` (20000) published documents: 12 types, 25 issuers, 12 fields,
   numbers unique per issuer, a summary and a text of 150–450 words each, dates from 2005
   to 2026, some replaced, some partly out of force.
2. Times, one request at a time and with every cache off (Django's dummy cache: no page,
   no part), each listing and search twice: the queries alone (``DocumentSearch``: one
   page of rows, the count and the filters' counts) and the whole page through Django's
   test client (middleware, view, templates). ``BENCH_RUNS`` (40) runs after 3 warm-ups.
3. Prints p50 and p95 in milliseconds and the goals (search p95 < 50 ms, every listing
   < 30 ms). Asserts nothing. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get(
    "BENCH_DOCUMENTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_i19_bench"
)
COUNT = int(os.environ.get("BENCH_DOCUMENTS", "20000"))
RUNS = int(os.environ.get("BENCH_RUNS", "40"))
os.environ.update(
    {
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "SECRET_KEY": "bench-only-not-secret",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "CACHE_URL": "dummycache://",
        "REDIS_URL": "",
        "PUBLIC_RATE_LIMIT": "100000000/s",
        "LOG_LEVEL": "WARNING",
    }
)

import psycopg2  # noqa: E402


def ensure_database() -> None:
    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
        dbname="postgres",
    )  # fmt: skip
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


ensure_database()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# No collected static files here: pages name them by their plain paths.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from documents.models import Document, DocumentType, Field, Issuer  # noqa: E402
from documents.numbers import number_key  # noqa: E402
from documents.search import DocumentSearch, Filters  # noqa: E402
from vietnamese.slugs import slugify_vi  # noqa: E402
from vietnamese.text import search_document  # noqa: E402

TYPES = [
    ("Luật", "QH"), ("Nghị định", "NĐ-CP"), ("Thông tư", "TT-BCA"), ("Quyết định", "QĐ-UBND"),
    ("Nghị quyết", "NQ-HĐND"), ("Chỉ thị", "CT-UBND"), ("Công văn", "CAT-PV01"),
    ("Kế hoạch", "KH-CAT"), ("Hướng dẫn", "HD-CAT"), ("Thông báo", "TB-CAT"),
    ("Báo cáo", "BC-CAT"), ("Quy chế", "QC-CAT"),
]  # fmt: skip
ISSUERS = [
    "Quốc hội", "Chính phủ", "Thủ tướng Chính phủ", "Bộ Công an", "Bộ Tư pháp",
    "Bộ Giao thông vận tải", "UBND tỉnh Sông Lam", "HĐND tỉnh Sông Lam", "Công an tỉnh Sông Lam",
    *(f"Phòng {n} Công an tỉnh Sông Lam" for n in ("PV01", "PA03", "PA05", "PC02", "PC04",
      "PC06", "PC07", "PC08", "PA08", "PC10", "PC11", "PX01", "PH10", "PK02", "PC09", "PA09")),
]  # fmt: skip
FIELDS = [
    "An ninh trật tự", "Cư trú", "Căn cước, định danh điện tử", "Trật tự an toàn giao thông",
    "Phòng cháy, chữa cháy", "Phòng, chống ma túy", "An ninh mạng", "Xuất nhập cảnh",
    "Tổ chức lực lượng", "Thông tin, tuyên truyền", "Thi hành án hình sự", "Vũ khí, vật liệu nổ",
]  # fmt: skip
WORDS = (
    "quy định hướng dẫn thực hiện công tác bảo đảm an ninh trật tự an toàn xã hội trên địa bàn "
    "tỉnh công an xã phường đặc khu cư trú căn cước định danh điện tử giao thông đường bộ phòng "
    "cháy chữa cháy cứu nạn cứu hộ ma túy tội phạm lừa đảo không gian mạng tuyên truyền phổ biến "
    "pháp luật người dân doanh nghiệp cơ quan đơn vị tổ chức cá nhân trách nhiệm kiểm tra xử lý "
    "vi phạm hành chính báo cáo kết quả kế hoạch năm tháng quý sơ kết tổng kết thi đua khen "
    "thưởng lực lượng cán bộ chiến sĩ phong trào toàn dân bảo vệ an ninh Tổ quốc camera giám sát"
).split()


def build() -> None:
    call_command("migrate", verbosity=0)
    if Document.objects.count() == COUNT:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE documents_document")
        return
    print(f"Building {COUNT:,} documents…".replace(",", "."), flush=True)
    Document.objects.all().delete()
    rng = random.Random(19)
    types = [DocumentType.objects.get_or_create(name=n, defaults={"code": c})[0] for n, c in TYPES]
    codes = dict(TYPES)
    issuers = [Issuer.objects.get_or_create(name=n)[0] for n in ISSUERS]
    fields = [Field.objects.get_or_create(name=n)[0] for n in FIELDS]
    now = timezone.now()
    batch, used = [], set()
    for i in range(COUNT):
        doc_type, issuer = rng.choice(types), rng.choice(issuers)
        issued = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(22 * 365))
        number = f"{i % 400 + 1}/{issued.year}/{codes[doc_type.name]}"
        if i == 0:
            number, doc_type, issued = "45/2023/TT-BCA", types[2], dt.date(2023, 9, 12)
        key = (number_key(number), issuer.pk)
        if key in used:
            number = f"{number}-{i}"
            key = (number_key(number), issuer.pk)
        used.add(key)
        summary = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(12, 30))).capitalize()
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(150, 450)))
        effective = issued + dt.timedelta(days=rng.choice([0, 0, 15, 45, 180]))
        expires = effective + dt.timedelta(days=rng.randrange(400, 4000)) if i % 5 == 0 else None
        field = rng.choice(fields)
        document = Document(
            number=number, number_key=key[0], slug=f"{slugify_vi(number)}-{i}", summary=summary,
            doc_type=doc_type, issuer=issuer, field=field, issued_on=issued,
            effective_from=effective, expires_on=expires,
            validity_override="partial" if i % 97 == 0 else "",
            validity_reason="Một số điều bị bãi bỏ." if i % 97 == 0 else "",
            full_text=text, status="published", published_at=now - dt.timedelta(minutes=i),
            first_published_at=now - dt.timedelta(minutes=i),
            search_text=search_document(number, summary, doc_type.name, issuer.name, field.name,
                                        text),
        )  # fmt: skip
        batch.append(document)
        if len(batch) == 2000:
            Document.objects.bulk_create(batch)
            batch = []
    Document.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE documents_document")


CASES = [
    # (kind, label, address)
    ("listing", "list, page 1", "/van-ban/"),
    ("listing", "list, page 500", "/van-ban/?page=500"),
    ("listing", "list, type", "/van-ban/?loai=thong-tu"),
    ("listing", "list, issuer", "/van-ban/?co-quan=bo-cong-an"),
    ("listing", "list, type + year + status",
     "/van-ban/?loai=thong-tu&nam=2023&tinh-trang=con-hieu-luc"),
    ("search", "number, exact", "/van-ban/?q=45/2023/tt-bca"),
    ("search", "number, start", "/van-ban/?q=45/2023"),
    ("search", "words, common", "/van-ban/?q=cong+an"),
    ("search", "words, three", "/van-ban/?q=phong+chay+chua+chay"),
    ("search", "words + filters", "/van-ban/?q=cu+tru&loai=cong-van&nam=2020"),
]  # fmt: skip


def queries_only(address: str) -> None:
    query = dict(p.split("=", 1) for p in urlsplit(address).query.split("&") if p)
    query = {k: v.replace("+", " ") for k, v in query.items()}
    search = DocumentSearch(Filters.from_query(query))
    results = search.results()
    number = int(query.get("page", "1"))
    start = (number - 1) * 20
    results.count()
    list(results[start : start + 20])
    search.facets()


def timed(call, runs: int) -> list[float]:
    for _ in range(3):
        call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    build()
    client = Client()
    count = f"{Document.objects.count():,}".replace(",", ".")
    print(
        f"\n{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC · {count} documents"
        f" · load {os.getloadavg()[0]:.2f} · {RUNS} runs each, every cache off\n"
    )
    print(f"{'':9} {'':30} {'queries p50':>12} {'p95':>7} {'page p50':>10} {'p95':>7}  goal")
    for kind, label, address in CASES:
        alone = timed(lambda a=address: queries_only(a), RUNS)
        whole = timed(lambda a=address: client.get(a), RUNS)
        assert client.get(address).status_code == 200, address
        goal = "< 50" if kind == "search" else "< 30"
        print(
            f"{kind:9} {label:30} {statistics.median(alone):12.1f} {p95(alone):7.1f}"
            f" {statistics.median(whole):10.1f} {p95(whole):7.1f}  {goal}"
        )


if __name__ == "__main__":
    main()
