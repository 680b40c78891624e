"""The development plan as a calendar file (.ics, RFC 5545, written with ``icalendar``).

One all-day VEVENT per action with a due date, on that date. VEVENT rather than VTODO: Outlook,
Google Calendar and Apple Calendar all import events from an .ics file, while Google and Apple
Calendar ignore to-dos in it and Outlook turns them into tasks apart from the calendar. The events are
"free" time (TRANSP:TRANSPARENT), so a due date never blocks an agenda.

Each UID is made of the action's id and the id of this installation (a random id in the database), and
SEQUENCE is the action's revision: downloading the file again updates the events already imported
instead of adding them twice. A dropped action ("losgelaten") stays in the file as CANCELLED, so that a
re-import takes it out of the agenda. An optional all-day event reminds of the next reflection (a
quick scan), with one UID per person, so moving it moves it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event

from wegwijzer import text
from wegwijzer.content.library import Library
from wegwijzer.domain.plan import STATUS_LABELS
from wegwijzer.domain.records import PlanAction

PRODID = "-//Wegwijzer//Ontwikkelplan//NL"
CALENDAR_NAME = "Mijn ontwikkelplan (Wegwijzer)"
REFLECTION_SUMMARY = "Wegwijzer: tijd voor een nieuwe reflectie"
REFLECTION_DESCRIPTION = "Doe de quick scan in Wegwijzer en kijk terug: hoe zijn je acties uitgepakt?"


def action_uid(action_id: int, installation: str) -> str:
    return f"wegwijzer-actie-{action_id}-{installation}@wegwijzer"


def reflection_uid(person_id: int, installation: str) -> str:
    return f"wegwijzer-reflectie-{person_id}-{installation}@wegwijzer"


def _stamp(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC)


def _all_day(event: Event, day: dt.date) -> None:
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")


def _action_event(library: Library, action: PlanAction, installation: str, stamp: dt.datetime) -> Event:
    theme = library.by_number.get(action.theme)
    status = STATUS_LABELS[action.status]
    event = Event()
    event.add("uid", action_uid(action.id, installation))
    event.add("dtstamp", stamp)
    event.add("created", _stamp(action.created_at))
    event.add("last-modified", _stamp(action.updated_at))
    event.add("sequence", action.revision)
    event.add("summary", f"{'Gedaan: ' if action.status == 'gedaan' else ''}{action.what}")
    lines = [f"Actie uit je ontwikkelplan in Wegwijzer, af op {text.date(action.due)}.",
             f"Thema {action.theme}: {theme.title}" if theme else f"Thema {action.theme}",
             f"Status: {status}"]
    if action.support:
        lines.append(f"Met wie of welke steun: {action.support}")
    event.add("description", "\n".join(lines))
    event.add("categories", ["Ontwikkelplan"])
    event.add("status", "CANCELLED" if action.status == "losgelaten" else "CONFIRMED")
    _all_day(event, action.due)  # type: ignore[arg-type]
    return event


def _reflection_event(person_id: int, installation: str, day: dt.date, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", reflection_uid(person_id, installation))
    event.add("dtstamp", stamp)
    event.add("summary", REFLECTION_SUMMARY)
    event.add("description", REFLECTION_DESCRIPTION)
    event.add("status", "CONFIRMED")
    _all_day(event, day)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", REFLECTION_SUMMARY)
    alarm.add("trigger", dt.timedelta(hours=-15))  # 9:00 the day before
    event.add_component(alarm)
    return event


def plan_calendar(library: Library, installation: str, person_id: int, actions: Iterable[PlanAction], *,
                  reflection: dt.date | None = None, stamp: dt.datetime | None = None) -> bytes:
    """The .ics file: one event per action with a due date, and (``reflection``) the next reflection."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for action in actions:
        if action.due is not None:
            calendar.add_component(_action_event(library, action, installation, stamp))
    if reflection is not None:
        calendar.add_component(_reflection_event(person_id, installation, reflection, stamp))
    return calendar.to_ical()
