"""The one clock of the app: UTC timestamps as ISO text, the way the database stores them."""

from __future__ import annotations

import datetime as dt


def now() -> str:
    """This moment in UTC, to the second: ``2026-12-03T10:41:04+00:00``."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def in_days(days: float) -> str:
    """The moment ``days`` from now, in the same form as :func:`now`."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).isoformat(timespec="seconds")
