"""The desk's front page: what waits for each person, told by the apps that know it.

The admin site lives here, in the lowest layer, and knows neither articles nor photos.
Each app registers its panels (``register``) from its admin module; a panel is a function
of the request that returns what the panel shows (its template's context), or None when
it has nothing for that person (a reporter has no approval queue). The front page shows
the panels in their order. A panel reads what it counts and lists in a fixed number of
queries, however many articles there are (tests/accounts/test_dashboard.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    order: int
    context: Callable[[HttpRequest], dict | None]


_panels: dict[str, Panel] = {}


def register(name: str, *, template: str, order: int) -> Callable:
    """``@dashboard.register("approval", template=…, order=30)`` on a panel's function."""

    def decorator(function: Callable[[HttpRequest], dict | None]):
        _panels[name] = Panel(name, template, order, function)
        return function

    return decorator


def panels_for(request: HttpRequest) -> list[dict]:
    """The panels that have something for ``request.user``, in order, each with its
    ``template`` and ``name`` besides its own context."""
    shown = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.name)):
        context = panel.context(request)
        if context is not None:
            shown.append({"name": panel.name, "template": panel.template, **context})
    return shown
