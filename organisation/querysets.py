"""The read rules of the organisation: units by kind and commune, leaders in office."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from vietnamese.text import fold_accents


class UnitQuerySet(models.QuerySet):
    def shown(self) -> UnitQuerySet:
        """Units readers see (merged and dissolved ones are kept, not shown)."""
        return self.filter(active=True)

    def command(self):
        return self.shown().filter(kind="command").first()

    def departments(self) -> UnitQuerySet:
        return self.shown().filter(kind="department")

    def communes(self) -> UnitQuerySet:
        return self.shown().filter(kind="commune")

    def of_kind(self, kind: str) -> UnitQuerySet:
        return self.filter(kind=kind)

    def serving(self, commune: str) -> UnitQuerySet:
        """The station(s) of a commune or ward, its name typed with or without accents."""
        return self.filter(search_text__contains=f" {fold_accents(commune)} ")

    def matching(self, query: str) -> UnitQuerySet:
        """Every word of ``query`` in the name, commune, address or head, accents optional
        ("phu dinh" finds "Công an xã Phú Đình")."""
        for word in fold_accents(query).split():
            self = self.filter(search_text__contains=word)
        return self


class LeaderQuerySet(models.QuerySet):
    def in_office(self, on: dt.date | None = None) -> LeaderQuerySet:
        day = on or timezone.localdate()
        return self.filter(
            models.Q(term_start__isnull=True) | models.Q(term_start__lte=day),
            models.Q(term_end__isnull=True) | models.Q(term_end__gte=day),
        )
