"""django-axes' records named in Vietnamese at the desk.

Its models name themselves in English ("Access Log for quantri @ 2023-03-21 …"), and that
name is the title, the breadcrumb and the delete question of their admin pages. The app
that installs axes (``LockoutsConfig.ready``) gives them these names instead.
"""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else ""


def attempt_name(attempt) -> str:
    return _("Failed log-ins of “%(username)s” from %(address)s") % {
        "username": attempt.username or "—",
        "address": attempt.ip_address or "—",
    }


def log_name(entry) -> str:
    return _("Log-in of “%(username)s” at %(time)s") % {
        "username": entry.username or "—",
        "time": _when(entry.attempt_time),
    }


def failure_name(failure) -> str:
    return _("Failed log-in of “%(username)s” at %(time)s") % {
        "username": failure.username or "—",
        "time": _when(failure.attempt_time),
    }


def name_in_vietnamese(access_attempt, access_log, access_failure_log) -> None:
    access_attempt.__str__ = attempt_name
    access_log.__str__ = log_name
    access_failure_log.__str__ = failure_name
