"""The app's clock: stored moments in UTC, what people read on a Dutch clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from wegwijzer import clock


def test_stored_moments_are_utc():
    assert dt.datetime.fromisoformat(clock.now()).utcoffset() == dt.timedelta(0)


def test_what_people_read_is_dutch_time_whatever_the_server_clock():
    moment = clock.local_now()
    assert moment.utcoffset() == moment.astimezone(ZoneInfo("Europe/Amsterdam")).utcoffset()
    assert moment.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))  # CET or CEST, never the server's UTC
    assert clock.today() in (moment.date(), moment.date() + dt.timedelta(days=1))  # the same day unless midnight passed
