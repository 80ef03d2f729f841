"""Strict parameters: every list and detail says what it accepts, and anything else is a
400 that names the valid choices (never a silent ignore, never a silent cap).

A cursor is the sort key of the last item a page showed (its time and id), so the next
page starts right after it whatever was published in between: keyset pagination.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from api.problems import Problem

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
PAGING = ("limit", "cursor", "total")
TRUE = {"true", "1", "yes"}
FALSE = {"false", "0", "no"}


@dataclass(frozen=True)
class Spec:
    """What an endpoint accepts."""

    fields: tuple[str, ...]
    includes: tuple[str, ...] = ()
    filters: tuple[str, ...] = ()
    orders: dict[str, tuple[str, bool]] = field(default_factory=dict)  # name → (column, desc)
    # A column of "" orders by id alone.
    default_order: str = ""
    paged: bool = True

    @property
    def parameters(self) -> tuple[str, ...]:
        names = ["fields"]
        if self.includes:
            names.append("include")
        if self.paged:
            names += [*PAGING, *(("order",) if self.orders else ())]
        return (*names, *self.filters)


@dataclass
class Request:
    fields: tuple[str, ...]
    includes: frozenset[str]
    filters: dict[str, str]
    order: str = ""
    limit: int = DEFAULT_LIMIT
    cursor: tuple[dt.datetime | None, int] | None = None
    total: bool = False


def _names(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _valid(names) -> str:
    return ", ".join(names)


def parse(request: HttpRequest, spec: Spec) -> Request:
    """The parameters of ``request`` checked against ``spec``; Problem(400) otherwise."""
    allowed = spec.parameters
    for key in request.GET:
        if key not in allowed:
            raise Problem(
                400,
                _("Unknown parameter “%(name)s”. Valid parameters: %(valid)s.")
                % {"name": key, "valid": _valid(allowed)},
                valid=list(allowed),
            )
        if len(request.GET.getlist(key)) > 1:
            raise Problem(400, _("The parameter “%(name)s” is given twice.") % {"name": key})
    query = request.GET
    wanted = _fields(query.get("fields", ""), spec.fields)
    includes = frozenset(_names(query.get("include", "")))
    unknown = sorted(includes - set(spec.includes))
    if unknown:
        raise Problem(
            400,
            _("Unknown include “%(name)s”. Valid includes: %(valid)s.")
            % {"name": unknown[0], "valid": _valid(spec.includes)},
            valid=list(spec.includes),
        )
    filters = {name: query[name] for name in spec.filters if query.get(name, "") != ""}
    parsed = Request(fields=wanted, includes=includes, filters=filters)
    if spec.paged:
        parsed.limit = _limit(query.get("limit"))
        parsed.total = _flag("total", query.get("total"))
        parsed.order = query.get("order") or spec.default_order
        if spec.orders and parsed.order not in spec.orders:
            raise Problem(
                400,
                _("Unknown order “%(name)s”. Valid orders: %(valid)s.")
                % {"name": parsed.order, "valid": _valid(spec.orders)},
                valid=list(spec.orders),
            )
        if query.get("cursor"):
            parsed.cursor = decode_cursor(query["cursor"])
    return parsed


def _fields(value: str, valid: tuple[str, ...]) -> tuple[str, ...]:
    """``fields=title,slug`` keeps those; ``fields=-body`` drops one; both combine."""
    names = _names(value)
    unknown = [n for n in names if n.removeprefix("-") not in valid]
    if unknown:
        raise Problem(
            400,
            _("Unknown field “%(name)s”. Valid fields: %(valid)s.")
            % {"name": unknown[0], "valid": _valid(valid)},
            valid=list(valid),
        )
    kept = [n for n in names if not n.startswith("-")]
    dropped = {n[1:] for n in names if n.startswith("-")}
    chosen = [n for n in valid if n in kept] if kept else list(valid)
    return tuple(n for n in chosen if n not in dropped)


def _limit(value: str | None) -> int:
    if value is None or value == "":
        return DEFAULT_LIMIT
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise Problem(
            400,
            _("“limit” must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT},
            valid=f"1-{MAX_LIMIT}",
        )
    return int(value)


def _flag(name: str, value: str | None) -> bool:
    if value is None or value == "":
        return False
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise Problem(400, _("“%(name)s” must be true or false.") % {"name": name})


def moment(name: str, value: str) -> dt.datetime:
    """An ISO 8601 time (``2023-03-21T08:44:00+07:00``) or date (the day's start in
    Vietnam); a time without offset is Vietnam's."""
    try:
        parsed = parse_datetime(value)
        if parsed is None:
            day = parse_date(value)
            if day is not None:
                parsed = dt.datetime.combine(day, dt.time())
    except ValueError:
        parsed = None
    if parsed is None:
        raise Problem(
            400,
            _("“%(name)s” must be a date or a time in ISO 8601, e.g. 2023-03-21T08:44:00+07:00.")
            % {"name": name},
        )
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)


def encode_cursor(when: dt.datetime | None, pk: int) -> str:
    """``<microseconds since 1970>.<id>`` (no time for lists ordered by id alone)."""
    micro = "" if when is None else str((when - EPOCH) // MICROSECOND)
    return base64.urlsafe_b64encode(f"{micro}.{pk}".encode()).decode().rstrip("=")


def decode_cursor(value: str) -> tuple[dt.datetime | None, int]:
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        micro, pk = text.split(".")
        when = EPOCH + int(micro) * MICROSECOND if micro else None
        return when, int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError, OverflowError, OSError) as exc:
        raise Problem(
            400, _("The cursor is not one this API gave: start again without “cursor”.")
        ) from exc
