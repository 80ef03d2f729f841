"""``{% fragment "name" vary… %}…{% endfragment %}``: a page part cached for readers.

Like Django's ``{% cache %}``, with the rules of this site built in:

- the key carries the *content version* (``articles/pagecache.py``), so a saved article
  replaces every cached part at once, nothing to expire by hand;
- staff never get or store a cached part (they see drafts and previews): for them, and
  for anyone while the cache is down, the block is simply rendered, with no cache call;
- ``FRAGMENT_CACHE_SECONDS = 0`` turns every fragment off (the benchmark counts queries so);
- fragments inside a fragment being rendered (the cards of a list) are looked up together,
  once the outer part is rendered: one round trip to Redis for all of them, one to store
  those that were missing. The outer part must not transform what is inside them (no
  ``{% filter %}`` around a fragment): a placeholder stands there until they are joined.

A page made of fragments is still rendered by Django on every request: the view finds
the article or list (its query cache), decides 404/410/301, and joins the parts.
"""

from __future__ import annotations

import contextvars
import re
import secrets

from django import template
from django.conf import settings
from django.template.base import FilterExpression, Node, NodeList, Parser, Token

from articles.pagecache import part_key, parts, parts_version

register = template.Library()


def fragment_key(version: str, name: str, *vary) -> str:
    """The key of ``{% fragment name vary… %}``: a view may fetch parts ahead with it."""
    return part_key("fragment", version, ":".join(str(v) for v in [name, *vary]))


class FragmentNode(Node):
    def __init__(
        self, nodelist: NodeList, name: FilterExpression, vary_on: list[FilterExpression]
    ) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context) -> str:
        version = parts_version(context.get("request"))
        if version is None:
            return self.nodelist.render(context)
        key = fragment_key(version, *(v.resolve(context) for v in [self.name, *self.vary_on]))
        enclosing = _batch.get()
        if enclosing is not None:
            return enclosing.defer(key, self.nodelist, context)
        html = parts.get(key)
        if html is None:
            batch = Batch()
            token = _batch.set(batch)
            try:
                html = self.nodelist.render(context)
            finally:
                _batch.reset(token)
            html, missing = batch.join(html)
            parts.set_many({key: html, **missing}, settings.FRAGMENT_CACHE_SECONDS)
        return html


_PLACEHOLDER = re.compile(r"<!--part:([0-9a-f]{16}):(\d+)-->")


class Batch:
    """The fragments met while an outer fragment renders, to be fetched together."""

    def __init__(self) -> None:
        self.token = secrets.token_hex(8)
        self.pending: list[tuple[str, NodeList, object]] = []

    def defer(self, key: str, nodelist: NodeList, context) -> str:
        # The context as it is now, should the part be missing: a loop moves on before
        # the batch is joined.
        self.pending.append((key, nodelist, context.new(context.flatten())))
        return f"<!--part:{self.token}:{len(self.pending) - 1}-->"

    def join(self, html: str) -> tuple[str, dict[str, str]]:
        """``html`` with every part in place, and the parts that had to be rendered."""
        if not self.pending:
            return html, {}
        found = parts.get_many(list(dict.fromkeys(key for key, _, _ in self.pending)))
        missing = {}
        for key, nodelist, context in self.pending:
            if key not in found:
                found[key] = missing[key] = nodelist.render(context)
        keys = [key for key, _, _ in self.pending]

        def part(match: re.Match) -> str:
            # Only this batch's placeholders (a body could hold text that looks like one).
            if match.group(1) != self.token:
                return match.group(0)
            return found[keys[int(match.group(2))]]

        return _PLACEHOLDER.sub(part, html), missing


_batch: contextvars.ContextVar[Batch | None] = contextvars.ContextVar("batch", default=None)


@register.tag
def fragment(parser: Parser, token: Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
