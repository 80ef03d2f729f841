"""Where a library photo is shown.

The library does not know the apps built on it (they import it, never the other way
round): each app that points at photos registers how, in its ``AppConfig.ready()`` —
articles their cover, the photos in their text and their photo story; campaigns their
cover. The "in use / not used" filter, the admin's "used in" and the refusal to delete a
photo that is shown all read this one list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models


@dataclass(frozen=True)
class Use:
    """``model.<image_field>`` points at a photo; what people know it by is ``owner``
    (``""``: the object itself, ``"article"``: the article a photo-story item belongs to)."""

    model: type[models.Model]
    image_field: str
    label: str
    owner: str = ""

    def pointing_at(self, image) -> models.QuerySet:
        return self.model._default_manager.filter(**{self.image_field: image})

    def owners(self, image) -> list[models.Model]:
        found = self.pointing_at(image)
        if not self.owner:
            return list(found)
        return [getattr(link, self.owner) for link in found.select_related(self.owner)]


_uses: list[Use] = []


def register(model: type[models.Model], image_field: str, label, *, owner: str = "") -> None:
    """Declare that ``model.<image_field>`` shows a library photo (``label`` for the admin)."""
    use = Use(model, image_field, label, owner)
    if use not in _uses:
        _uses.append(use)


def uses() -> tuple[Use, ...]:
    return tuple(_uses)


def shown() -> models.Q | models.Exists:
    """An expression for ``Image`` rows: true where any registered use points at it."""
    expression = models.Q(pk__in=[])
    for use in _uses:
        expression |= models.Exists(
            use.model._default_manager.filter(**{use.image_field: models.OuterRef("pk")})
        )
    return expression


@dataclass
class Usage:
    """Where one photo appears: each owner (an article, a campaign…) with how it shows it."""

    owners: dict[models.Model, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.owners)


def usage_of(image) -> Usage:
    found = Usage()
    for use in _uses:
        for owner in use.owners(image):
            labels = found.owners.setdefault(owner, [])
            if str(use.label) not in labels:
                labels.append(str(use.label))
    return found
