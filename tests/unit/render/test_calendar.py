"""The plan as an .ics file: parsed back with icalendar, RFC 5545 essentials, stable UIDs, Dutch text."""

from __future__ import annotations

import dataclasses
import datetime as dt

from icalendar import Calendar

from wegwijzer.domain.records import PlanAction
from wegwijzer.render.calendar import PRODID, plan_calendar

INSTALLATION = "0123456789abcdef0123456789abcdef"
STAMP = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)


def action(id: int, due: dt.date | None, status: str = "gepland", **fields) -> PlanAction:
    values = dict(person_id=1, session_id=1, theme=2, what="Gesprek met de burgemeester", support="", look_back="",
                  created_at="2026-12-01T10:00:00+00:00", updated_at="2026-12-02T10:00:00+00:00")
    values.update(fields)
    return PlanAction(id=id, due=due, status=status, **values)


def events(ics: bytes) -> dict[str, object]:
    return {str(e["UID"]): e for e in Calendar.from_ical(ics).walk("VEVENT")}


def test_every_dated_action_is_an_all_day_event_with_the_rfc_5545_essentials(mini):
    actions = [action(1, dt.date(2027, 1, 15), support="Met de griffier"), action(2, None),
               action(3, dt.date(2027, 2, 1), status="bezig", theme=3)]
    ics = plan_calendar(mini, INSTALLATION, 1, actions, stamp=STAMP)
    calendar = Calendar.from_ical(ics)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == ("2.0", PRODID)
    found = events(ics)
    assert len(found) == 2  # the action without a due date has no place in a calendar
    for event in found.values():
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert required in event
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["TRANSP"]) == "TRANSPARENT"
    first = found[f"wegwijzer-actie-1-{INSTALLATION}@wegwijzer"]
    assert first.decoded("DTSTART") == dt.date(2027, 1, 15) and first.decoded("DTEND") == dt.date(2027, 1, 16)
    assert str(first["SUMMARY"]) == "Gesprek met de burgemeester"
    assert str(first["DESCRIPTION"]) == ("Actie uit je ontwikkelplan in Wegwijzer, af op 15 januari 2027.\n"
                                         "Thema 2: Tweede thema\nStatus: Gepland\nMet wie of welke steun: Met de griffier")
    assert str(found[f"wegwijzer-actie-3-{INSTALLATION}@wegwijzer"]["DESCRIPTION"]).splitlines()[1:3] == [
        "Thema 3: Derde thema", "Status: Bezig"]
    lines = ics.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and all(len(line) <= 75 for line in lines)  # CRLF, folded lines


def test_a_new_download_updates_the_same_events_instead_of_adding_them(mini):
    before = events(plan_calendar(mini, INSTALLATION, 1, [action(1, dt.date(2027, 1, 15))], stamp=STAMP))
    changed = action(1, dt.date(2027, 3, 1), what="Tweede gesprek", revision=2, status="gedaan")
    after = events(plan_calendar(mini, INSTALLATION, 1, [changed], stamp=STAMP + dt.timedelta(days=5)))
    assert set(before) == set(after)
    event = next(iter(after.values()))
    assert event.decoded("SEQUENCE") == 2 and str(event["SUMMARY"]) == "Gedaan: Tweede gesprek"
    assert event.decoded("DTSTART") == dt.date(2027, 3, 1)
    other_installation = events(plan_calendar(mini, "f" * 32, 1, [changed], stamp=STAMP))
    assert not set(other_installation) & set(after)  # another database: other actions, other UIDs


def test_a_dropped_action_is_cancelled_so_a_re_import_takes_it_out(mini):
    event = next(iter(events(plan_calendar(mini, INSTALLATION, 1, [action(1, dt.date(2027, 1, 15),
                                                                           status="losgelaten")])).values()))
    assert str(event["STATUS"]) == "CANCELLED"


def test_the_next_reflection_is_an_event_with_a_reminder_and_one_uid_per_person(mini):
    first = events(plan_calendar(mini, INSTALLATION, 7, [], reflection=dt.date(2027, 3, 3), stamp=STAMP))
    moved = events(plan_calendar(mini, INSTALLATION, 7, [], reflection=dt.date(2027, 4, 1), stamp=STAMP))
    assert list(first) == list(moved) == [f"wegwijzer-reflectie-7-{INSTALLATION}@wegwijzer"]
    event = next(iter(first.values()))
    assert str(event["SUMMARY"]) == "Wegwijzer: tijd voor een nieuwe reflectie"
    assert event.decoded("DTSTART") == dt.date(2027, 3, 3)
    alarm = event.walk("VALARM")[0]
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == dt.timedelta(hours=-15)


def test_hostile_text_comes_back_exactly_as_text(mini):
    hostile = "Bespreek: a;b,c\\d\nEND:VEVENT\nBEGIN:VEVENT <script>alert(1)</script> ☃"
    one = dataclasses.replace(action(1, dt.date(2027, 1, 15)), what=hostile, support=hostile)
    found = events(plan_calendar(mini, INSTALLATION, 1, [one], stamp=STAMP))
    assert len(found) == 1
    event = next(iter(found.values()))
    assert str(event["SUMMARY"]) == hostile
    assert str(event["DESCRIPTION"]).endswith("Met wie of welke steun: " + hostile)
