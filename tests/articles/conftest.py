from pathlib import Path

import pytest

from tests.factories import jpeg_bytes


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "camera.jpg").write_bytes(jpeg_bytes((120, 80)))
    (tmp_path / "anh" / "cover.jpg").write_bytes(jpeg_bytes((160, 100)))
    return tmp_path


@pytest.fixture
def operator(db, approver):
    """Imports are made for a member of staff: here the approver (who may publish)."""
    return approver
