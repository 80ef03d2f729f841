"""Records of the JSON Lines importer and the command that reads them, for the import tests."""

import io
import json
from pathlib import Path

from django.core.management import call_command


def record(**overrides) -> dict:
    data = {
        "source_id": "cms-1",
        "title": "Công an huyện Phú Lương ra mắt mô hình “Camera an ninh” tại 12 xã",
        "sapo": "Mô hình giúp người dân chung tay giữ bình yên thôn xóm.",
        "body_html": (
            "<p>Đến nay đã có 2.245 hộ tham gia.</p>"
            '<figure><img src="anh/camera.jpg"><figcaption>Lắp camera tại xã Yên Ninh'
            "</figcaption></figure>"
        ),
        "authors": [{"name": "Nguyễn Văn An", "unit": "Công an huyện Phú Lương"}],
        "published_at": "2023-03-21T08:44:00+07:00",
        "status": "published",
        "section": "An ninh trật tự",
        "tags": ["huyện Phú Lương", "camera an ninh"],
        "campaigns": ["Vì an ninh Tổ quốc"],
        "cover": {
            "path": "anh/cover.jpg",
            "caption": "Lễ ra mắt",
            "alt": "",
            "credit": "Ảnh: Minh",
        },
    }
    data.update(overrides)
    return data


def write_jsonl(folder: Path, *records, name="bai.jsonl") -> Path:
    path = folder / name
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", str(path), "--by", "lanhdao", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def stored_files(media_root: Path) -> list[Path]:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
