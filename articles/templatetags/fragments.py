"""``{% fragment "name" vary… %}…{% endfragment %}``: a page part cached for readers.

Like Django's ``{% cache %}``, with the rules of this site built in:

- the key carries the *content version* (``articles/pagecache.py``), so a saved article
  replaces every cached part at once, nothing to expire by hand;
- staff never get or store a cached part (they see drafts and previews): for them, and
  for anyone while the cache is down, the block is simply rendered, with no cache call;
- ``FRAGMENT_CACHE_SECONDS = 0`` turns every fragment off (the benchmark counts queries so).

A page made of fragments is still rendered by Django on every request: the view finds
the article or list (its query cache), decides 404/410/301, and joins the parts.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.template.base import FilterExpression, Node, NodeList, Parser, Token

from articles.pagecache import part_key, parts, request_content_version

register = template.Library()


class FragmentNode(Node):
    def __init__(
        self, nodelist: NodeList, name: FilterExpression, vary_on: list[FilterExpression]
    ) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context) -> str:
        version = None
        if settings.FRAGMENT_CACHE_SECONDS:
            version = request_content_version(context.get("request"))
        if version is None:
            return self.nodelist.render(context)
        vary = ":".join(str(v.resolve(context)) for v in [self.name, *self.vary_on])
        key = part_key("fragment", version, vary)
        html = parts.get(key)
        if html is None:
            html = self.nodelist.render(context)
            parts.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
        return html


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
