"""Django's makemessages, for the reader pages' Jinja2 templates too, without fuzzy matches.

Django reads its own templates (``templates/``); the reader pages are Jinja2 (``jinja2/``,
public/templating.py), whose ``_()``, ``gettext()`` and ``ngettext()`` calls Jinja2 finds
itself (``Environment.extract_translations``). Each such template is handed to xgettext as
a small Python file with the same calls on the same lines, so the catalogue says where a
string comes from.

A guessed ("fuzzy") translation is skipped at run time, so a new string would silently
show in English: no fuzzy matching (an empty one is caught by tests/test_translations.py).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.commands import makemessages
from django.template import engines

JINJA_DIR = Path(settings.BASE_DIR) / "jinja2"


def jinja2_strings(source: str) -> str:
    """Python source with the template's translatable calls, each on its own line."""
    lines: dict[int, list[str]] = {}
    environment = engines["jinja2"].env
    for lineno, function, found in environment.extract_translations(source):
        # Strings only; with keyword arguments a call's strings come as a tuple.
        strings = [found] if isinstance(found, str) else [s for s in found if isinstance(s, str)]
        if function in ("_", "gettext") and len(strings) == 1:
            call = f"gettext({strings[0]!r})"
        elif function == "ngettext" and len(strings) == 2:
            call = f"ngettext({strings[0]!r}, {strings[1]!r}, n)"
        elif function == "pgettext" and len(strings) == 2:
            call = f"pgettext({strings[0]!r}, {strings[1]!r})"
        else:
            continue
        lines.setdefault(lineno, []).append(call)
    last = max(lines, default=0)
    return "\n".join("; ".join(lines.get(n, [])) for n in range(1, last + 1)) + "\n"


class BuildFile(makemessages.BuildFile):
    @property
    def is_jinja2(self) -> bool:
        return Path(self.path).resolve().is_relative_to(JINJA_DIR)

    def preprocess(self) -> None:
        if not (self.is_templatized and self.is_jinja2):
            return super().preprocess()
        with open(self.path, encoding="utf-8") as template:
            source = template.read()
        with open(self.work_path, "w", encoding="utf-8") as python:
            python.write(jinja2_strings(source))
        return None


class Command(makemessages.Command):
    build_file_class = BuildFile
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
