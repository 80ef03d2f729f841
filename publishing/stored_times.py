"""Times PostgreSQL holds but Python cannot read, read as the nearest time Python can.

PostgreSQL stores years from 4713 BC to 294276 AD; Python's ``datetime`` stops at the
years 1 and 9999, and psycopg2 raises ``ValueError`` on a row beyond them — for every
query that reads that row, so one article published "in the year 10000" (a typo, a broken
import, a hand-written UPDATE) made the admin's article list and every public list
answer 500. ``infinity`` is read as ``datetime.max``, which overflows the moment it is
shown in Vietnam's time zone.

So each PostgreSQL connection reads ``timestamptz``, ``timestamp`` and ``date`` values
through these casters: a value beyond Python's range, or within a day of its ends, is
read as 30/12/9999 (or 02/01/0001). Such an article is outside the publication rule
(``publishing.models``: it is neither published nor scheduled), the desk still lists it,
and its form refuses the time until an editor corrects it. Connected by
``PublishingConfig.ready()``.
"""

from __future__ import annotations

import datetime as dt

from django.db.backends.signals import connection_created

LATEST_READABLE = dt.datetime(9999, 12, 30, tzinfo=dt.UTC)
EARLIEST_READABLE = dt.datetime(1, 1, 2, tzinfo=dt.UTC)

# PostgreSQL's type ids: timestamptz, timestamp, date.
TIMESTAMPTZ, TIMESTAMP, DATE = 1184, 1114, 1082


def _too_early(text: str) -> bool:
    return text.endswith(" BC") or text.startswith("-")


def _readable(parse, text: str | None, cursor, earliest, latest):
    if text is None:
        return None
    try:
        value = parse(text, cursor)
    except ValueError:  # "year 10000 is out of range", "year -44 is out of range"
        return earliest if _too_early(text) else latest
    return min(max(value, earliest), latest)


def register(sender, connection, **kwargs) -> None:
    """``connection_created``: give a new psycopg2 connection the casters above."""
    if connection.vendor != "postgresql" or connection.Database.__name__ != "psycopg2":
        return
    extensions = connection.Database.extensions
    naive = (EARLIEST_READABLE.replace(tzinfo=None), LATEST_READABLE.replace(tzinfo=None))
    days = (EARLIEST_READABLE.date(), LATEST_READABLE.date())
    casters = [
        (TIMESTAMPTZ, extensions.PYDATETIMETZ, (EARLIEST_READABLE, LATEST_READABLE)),
        (TIMESTAMP, extensions.PYDATETIME, naive),
        (DATE, extensions.PYDATE, days),
    ]
    for oid, parse, (earliest, latest) in casters:
        caster = extensions.new_type(
            (oid,),
            f"READABLE_{oid}",
            lambda text, cursor, p=parse, e=earliest, la=latest: _readable(p, text, cursor, e, la),
        )
        extensions.register_type(caster, connection.connection)


def connect() -> None:
    connection_created.connect(register, dispatch_uid="publishing-readable-times")
