"""The demonstration newsroom as data: ``site.json`` (sections, campaigns, authors, the photo
story), ``articles.jsonl`` (the importer's format, with publication times relative to
today), ``photos/`` (drawn pictures; the province "Sông Lam" and everyone in it are
fictional), ``documents.csv`` with ``documents/`` (legal documents as a spreadsheet, and
their PDFs), ``organisation.json`` with ``portraits/`` (drawn, not photographed) and
``english.json`` (English pages).
"""

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
DEMO_PHOTOS = FOLDER / "photos"
ARTICLES = "articles.jsonl"
# The police sections: crime methods and warnings, wanted notices (fictional people, drawn
# portraits: scripts/draw_demo_portraits.py), reporting channels, questions and answers.
POLICE = "police.json"
# Legal documents as a spreadsheet (the importer's columns) and their files in documents/.
DOCUMENTS = "documents.csv"


def load_site(folder: Path = FOLDER) -> dict:
    return json.loads((folder / "site.json").read_text(encoding="utf-8"))


def load_police(folder: Path = FOLDER) -> dict:
    return json.loads((folder / POLICE).read_text(encoding="utf-8"))


def load_organisation(folder: Path = FOLDER) -> dict:
    """Units, leaders (with drawn portraits in portraits/) and introduction pages."""
    return json.loads((folder / "organisation.json").read_text(encoding="utf-8"))


def load_english(folder: Path = FOLDER) -> dict:
    """English pages: translations of the introduction pages and of two articles."""
    return json.loads((folder / "english.json").read_text(encoding="utf-8"))
