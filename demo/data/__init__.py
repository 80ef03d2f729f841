"""The demonstration newsroom as data: ``site.json`` (sections, campaigns, authors, the photo
story), ``articles.jsonl`` (the importer's format, with publication times relative to
today) and ``photos/`` (drawn pictures; the province "Sông Lam" and everyone in it are
fictional).
"""

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
DEMO_PHOTOS = FOLDER / "photos"
ARTICLES = "articles.jsonl"


def load_site(folder: Path = FOLDER) -> dict:
    return json.loads((folder / "site.json").read_text(encoding="utf-8"))
