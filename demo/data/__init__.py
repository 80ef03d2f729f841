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
# The police sections: crime methods and warnings, wanted notices (fictional people, drawn
# portraits: scripts/draw_demo_portraits.py), reporting channels, questions and answers.
POLICE = "police.json"


def load_site(folder: Path = FOLDER) -> dict:
    return json.loads((folder / "site.json").read_text(encoding="utf-8"))


def load_police(folder: Path = FOLDER) -> dict:
    return json.loads((folder / POLICE).read_text(encoding="utf-8"))
