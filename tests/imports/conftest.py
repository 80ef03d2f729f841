from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.imports import archives


@pytest.fixture(autouse=True)
def reports(settings, tmp_path) -> Path:
    settings.IMPORT_REPORT_DIR = str(tmp_path / "reports")
    return tmp_path / "reports"


@pytest.fixture
def operator(administrator):
    return administrator


@pytest.fixture
def wxr_files(tmp_path) -> dict[str, Path]:
    path = tmp_path / "backan.xml"
    path.write_text(archives.full_wxr(), encoding="utf-8")
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(archives.MAPPING, encoding="utf-8")
    folder = archives.uploads(tmp_path / "old")
    return {"wxr": path, "mapping": mapping, "uploads": folder}


def run_command(*args: str, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_archive", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def import_wxr(files: dict[str, Path], *extra: str, source: str = "backan", by="quantri"):
    return run_command(
        "wxr",
        str(files["wxr"]),
        "--source",
        source,
        "--by",
        by,
        "--mapping",
        str(files["mapping"]),
        "--uploads",
        str(files["uploads"]),
        *extra,
    )
