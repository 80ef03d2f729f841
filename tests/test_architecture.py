"""The house's rules that a linter does not see: imports at the top, HTML read by one module."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = [
    "accounts", "articles", "demo", "documents", "english", "imports", "newsroom", "notices",
    "organisation", "photos", "public", "publishing", "questions", "reporting", "vietnamese",
]  # fmt: skip


def app_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imports_inside_functions(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.name == "ready":
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                found.append(f"{name}:{inner.lineno} in {node.name}()")
    return found


def test_no_import_hides_inside_a_function():
    """A cycle is mended by moving code, never by importing late (``ready()`` excepted:
    Django's app registry has to be ready before models are imported)."""
    hidden = [
        line
        for path in app_modules()
        for line in imports_inside_functions(
            path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        )
    ]
    assert hidden == []


def test_the_check_finds_a_late_import_and_allows_ready():
    late = (
        "class A:\n    def ready(self):\n        import os\n    def f(self):\n        import re\n"
    )
    assert imports_inside_functions(late, "sample.py") == ["sample.py:5 in f()"]


@pytest.mark.parametrize("module", ["lxml", "nh3"])
def test_body_html_is_parsed_by_the_body_module_alone(module):
    users = [
        str(path.relative_to(ROOT))
        for path in app_modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        and (getattr(node, "module", None) or node.names[0].name).split(".")[0] == module
    ]
    # The archive readers of imports/ parse old portals' files (an XML export, saved pages)
    # into an item whose body then goes through articles/body.py like any other.
    assert [u for u in users if not u.startswith("imports/readers/")] == ["articles/body.py"]
