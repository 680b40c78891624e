"""The one clock of the app: UTC timestamps as ISO text, the way the database stores them; and Dutch time for
what people read (today's date, the time a report or a backup was made)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def now() -> str:
    """This moment in UTC, to the second: ``2026-12-03T10:41:04+00:00``."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def in_days(days: float) -> str:
    """The moment ``days`` from now, in the same form as :func:`now`."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).isoformat(timespec="seconds")


HOME = ZoneInfo("Europe/Amsterdam")  # the people who use the app: "today" is their today, not UTC's


def today() -> dt.date:
    """Today's date in the Netherlands (a due date is "past" from the morning after, Dutch time)."""
    return dt.datetime.now(HOME).date()


def local_now() -> dt.datetime:
    """This moment on a Dutch clock, for what people read ("gemaakt op 4 december 2026 om 09:12")."""
    return dt.datetime.now(HOME)
