"""``{% fragment "name" vary… %}…{% endfragment %}``: a part of a page cached for readers.

Django's ``{% cache %}`` with the rules of this site built in: the key carries the
content version (``public/pagecache.py``), so a change replaces every cached part at
once; staff, and anyone while the cache is down, get the block rendered afresh, with no
cache call; ``FRAGMENT_CACHE_SECONDS = 0`` turns every fragment off.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.base import FilterExpression, Node, NodeList, Parser, Token

from public.pagecache import cache_call, part_key, parts_version

register = template.Library()


class FragmentNode(Node):
    def __init__(self, nodelist: NodeList, vary_on: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context) -> str:
        version = parts_version(context.get("request"))
        if version is None:
            return self.nodelist.render(context)
        vary = ":".join(str(v.resolve(context)) for v in self.vary_on)
        key = part_key("fragment", version, vary)
        html = cache_call(cache.get, key)
        if html is None:
            html = self.nodelist.render(context)
            cache_call(cache.set, key, html, settings.FRAGMENT_CACHE_SECONDS)
        return html


@register.tag
def fragment(parser: Parser, token: Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(b) for b in bits[1:]])
