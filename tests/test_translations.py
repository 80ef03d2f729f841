"""The committed Vietnamese catalogue is complete and its .mo matches the .po."""

import ast
import gettext
import re
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def po_entries() -> dict[str, str]:
    text = PO.read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n")[1:]:
        if "#, fuzzy" in block:
            raise AssertionError(f"fuzzy entry left in the catalogue:\n{block}")
        context = re.search(r'^msgctxt (".*")$', block, re.M)
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            join = lambda chunk: "".join(ast.literal_eval(s) for s in chunk.split("\n") if s)  # noqa: E731
            # gettext keys an entry with a context as "context\x04msgid".
            prefix = ast.literal_eval(context.group(1)) + "\x04" if context else ""
            entries[prefix + join(msgid.group(1))] = join(msgstr.group(1))
    return entries


def test_every_string_is_translated():
    untranslated = [msgid for msgid, msgstr in po_entries().items() if not msgstr]
    assert untranslated == []


def test_compiled_catalogue_matches_the_po_file():
    with PO.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = [m for m, s in po_entries().items() if compiled.gettext(m) != s]
    assert stale == [], "run `make messages` to recompile locale/vi/LC_MESSAGES/django.mo"


def test_every_string_of_the_reader_pages_is_in_the_catalogue():
    """The reader pages are Jinja2 templates: makemessages reads them too."""
    from django.template import engines

    from public.management.commands.makemessages import jinja2_strings

    text = PO.read_text(encoding="utf-8")
    catalogue = {ast.literal_eval(m) for m in re.findall(r'^msgid (".*")$', text, re.M)}
    environment = engines["jinja2"].env
    templates = sorted((PO.parents[3] / "jinja2").rglob("*.*"))
    assert templates
    missing = []
    for template in templates:
        source = template.read_text(encoding="utf-8")
        for _line, _function, found in environment.extract_translations(source):
            strings = [found] if isinstance(found, str) else [s for s in found if s]
            missing += [s for s in strings[:1] if s not in catalogue]
        assert "gettext(" in jinja2_strings(source) or "_(" not in source, template
    assert missing == []
