"""Write the API's OpenAPI document to ``api/openapi.json`` (committed), or with
``--check`` fail when the committed file is not what the code generates."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from api.views import api

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "openapi.json"


def current_schema() -> str:
    return json.dumps(api.get_openapi_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class Command(BaseCommand):
    help = "Write the OpenAPI 3.1 document of /api/v1/ to api/openapi.json (--check: compare)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="fail if the file differs")

    def handle(self, *args, check: bool = False, **options) -> None:
        schema = current_schema()
        if check:
            if not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text() != schema:
                raise CommandError(
                    "api/openapi.json differs from the code: run `manage.py export_openapi`."
                )
            self.stdout.write("api/openapi.json is up to date.")
            return
        SCHEMA_FILE.write_text(schema)
        self.stdout.write(f"wrote {SCHEMA_FILE}")
