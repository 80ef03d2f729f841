"""WordPress's text conventions: paragraphs from line breaks (wpautop) and shortcodes."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_BLOCK = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|"
    "map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|"
    "aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary"
)
_BLOCK_START = re.compile(rf"^\s*</?(?:{_BLOCK})[\s/>]", re.I)
_BLOCK_END = re.compile(rf"</(?:{_BLOCK})>\s*$", re.I)
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.I | re.S)

# [name attrs]inner[/name] or [name attrs] alone; names as WordPress allows them.
_SHORTCODE = re.compile(
    r"\[(?P<name>[a-zA-Z][a-zA-Z0-9_-]*)(?P<attrs>[^\]]*?)\](?:(?P<inner>.*?)\[/(?P=name)\])?", re.S
)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")


def autop(text: str) -> str:
    """Paragraphs where WordPress shows them: a blank line ends a paragraph, a single line
    break is a <br>; block elements are left unwrapped, <pre> untouched."""
    if not text.strip():
        return ""
    keep: list[str] = []

    def stash(match: re.Match) -> str:
        keep.append(match.group(0))
        return f"\x00{len(keep) - 1}\x00"

    text = _PRE.sub(stash, text.replace("\r\n", "\n").replace("\r", "\n"))
    # Blocks stand on lines of their own.
    text = re.sub(rf"(<(?:{_BLOCK})[\s/>])", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</(?:{_BLOCK})>)", r"\1\n\n", text, flags=re.I)
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_START.match(chunk) or _BLOCK_END.search(chunk) or chunk.startswith("\x00"):
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    result = "\n".join(out)
    return re.sub(r"\x00(\d+)\x00", lambda m: keep[int(m.group(1))], result)


def attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in _ATTR.finditer(text or "")
    }


@dataclass
class Shortcodes:
    html: str
    gallery_ids: list[str] = field(default_factory=list)
    gallery_srcs: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


KNOWN = {"caption", "wp_caption", "gallery"}


def expand(text: str) -> Shortcodes:
    """[caption] becomes a figure, [gallery] the article's photo story (its ids listed and
    removed from the text); any other shortcode is listed and its tags removed (what it
    wrapped is kept)."""
    result = Shortcodes(html="")

    def replace(match: re.Match) -> str:
        name = match.group("name").lower()
        attrs = attributes(match.group("attrs"))
        inner = match.group("inner") or ""
        if name in {"caption", "wp_caption"}:
            caption = attrs.get("caption", "")
            image = inner
            found = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.I)
            if found:
                image = found.group(0)
                caption = caption or inner[found.end() :].strip()
            caption = re.sub(r"<[^>]+>", "", caption).strip()
            figcaption = f"<figcaption>{html.escape(html.unescape(caption))}</figcaption>"
            return f'\n\n<figure class="image">{image}{figcaption if caption else ""}</figure>\n\n'
        if name == "gallery":
            ids = [i.strip() for i in attrs.get("ids", "").split(",") if i.strip().isdigit()]
            result.gallery_ids.extend(ids)
            if not ids:
                result.unknown.append("gallery (no ids)")
            return ""
        if name not in result.unknown:
            result.unknown.append(name)
        return inner

    previous = None
    expanded = text or ""
    while previous != expanded:  # nested shortcodes, innermost last
        previous = expanded
        expanded = _SHORTCODE.sub(replace, expanded)
    result.html = expanded
    return result
