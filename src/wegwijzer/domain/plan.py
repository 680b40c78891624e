"""The development plan: what makes an action valid, its order, what is overdue, and what moved.

An action belongs to a person, begins in a session and lives on across sessions: what (1–300
characters), a due date, with whom or what support (optional, up to 200), a status, and a look-back
(up to 2,000) when it is done or dropped. Several actions per theme are fine.

The due date: a date that is set or changed may not lie in the past (Dutch time) nor more than five
years ahead. An action has no due date only when it was carried over from the one-line action per
priority that came before the plan (migration ``0011_development_plan``, an older export, or the
dashboard's one-line field until the plan page replaces it); such an action keeps its text (up to
1,000 characters, the old limit) until the person changes it.

Everything here is a pure function of its arguments; "today" is passed in (``clock.today()``).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wegwijzer import text
from wegwijzer.domain.records import ActionDraft, Answer, PlanAction, PlanStatus, SessionRecord
from wegwijzer.errors import DutchMessage

STATUS_LABELS: dict[PlanStatus, str] = {"gepland": "Gepland", "bezig": "Bezig", "gedaan": "Gedaan",
                                        "losgelaten": "Losgelaten"}
OPEN: tuple[PlanStatus, ...] = ("gepland", "bezig")
CLOSED: tuple[PlanStatus, ...] = ("gedaan", "losgelaten")  # the look-back is asked for these
MAX_WHAT = 300
MAX_ONE_LINE = 1_000  # a carried-over one-line action (the limit before the plan)
MAX_SUPPORT = 200
MAX_LOOK_BACK = 2_000
MAX_YEARS_AHEAD = 5
REFLECTION_MONTHS = 3  # the suggested next reflection: a quick scan three months on
OVERDUE = "over de datum"  # an open action due before today
NO_DATE = "geen datum"  # a one-line action carried over from before the plan


class PlanError(DutchMessage, ValueError):
    """An action that cannot be stored as asked; ``message`` is Dutch and says what to do."""


# --- what a valid action is --------------------------------------------------------------------------


def _clean(value: str, *, lines: bool = False) -> str:
    """Typed text without control characters; on one line unless ``lines`` (then paragraphs are kept)."""
    value = "".join(c if c == "\n" or unicodedata.category(c) != "Cc" else " " for c in str(value))
    if lines:
        return "\n".join(" ".join(line.split()) for line in value.strip().splitlines()).strip()
    return " ".join(value.split())


def _too_long(label: str, limit: int, value: str) -> PlanError:
    return PlanError(f"Houd {label} kort: hoogstens {text.number(limit, 0)} tekens "
                     f"(nu {text.number(len(value), 0)}).")


def clean_what(value: str, limit: int = MAX_WHAT) -> str:
    what = _clean(value)
    if not what:
        raise PlanError("Schrijf op wat je gaat doen.")
    if len(what) > limit:
        raise _too_long("de omschrijving", limit, what)
    return what


def clean_support(value: str) -> str:
    support = _clean(value or "")
    if len(support) > MAX_SUPPORT:
        raise _too_long("het veld ‘met wie of welke steun’", MAX_SUPPORT, support)
    return support


def clean_look_back(value: str) -> str:
    look_back = _clean(value or "", lines=True)
    if len(look_back) > MAX_LOOK_BACK:
        raise _too_long("je terugblik", MAX_LOOK_BACK, look_back)
    return look_back


def check_due(due: dt.date | None, today: dt.date) -> dt.date:
    """A due date that is set or changed: from today up to five years ahead."""
    if due is None:
        raise PlanError("Kies een datum waarop je de actie af wilt hebben.")
    if isinstance(due, dt.datetime) or not isinstance(due, dt.date):
        raise PlanError("Kies een datum waarop je de actie af wilt hebben.")
    if due < today:
        raise PlanError(f"Kies een datum vanaf vandaag; {text.date(due)} is al voorbij.")
    if due > months_on(today, 12 * MAX_YEARS_AHEAD):
        raise PlanError(f"Kies een datum binnen {MAX_YEARS_AHEAD} jaar.")
    return due


def parse_due(typed: str, today: dt.date) -> dt.date:
    """A due date typed as text (day-month-year), checked as :func:`check_due`."""
    day = text.parse_day(typed)
    if day is None:
        why = text.impossible_day(typed)
        if why:
            raise PlanError(f"{typed.strip()} bestaat niet: {why}.")
        raise PlanError(f"‘{typed.strip()[:40]}’ is geen datum die we kunnen lezen. Schrijf dag-maand-jaar, "
                        "bijvoorbeeld 3-1-2027 of 3 januari 2027.")
    return check_due(day, today)


DUE_PRESETS: tuple[tuple[str, int, int], ...] = (  # label, months, days
    ("over twee weken", 0, 14), ("over een maand", 1, 0), ("over drie maanden", 3, 0),
    ("over een half jaar", 6, 0), ("over een jaar", 12, 0))


def due_presets(today: dt.date) -> dict[dt.date, str]:
    """The due dates offered when adding an action, each with its label: "over een maand (3 januari 2027)"."""
    days = {}
    for label, months, extra in DUE_PRESETS:
        day = months_on(today, months) + dt.timedelta(days=extra)
        days[day] = f"{label} ({text.date(day)})"
    return days


def check_status(status: str) -> PlanStatus:
    if status not in STATUS_LABELS:
        raise PlanError("Kies een status: gepland, bezig, gedaan of losgelaten.")
    return status  # type: ignore[return-value]


def new_action(theme: int, what: str, due: dt.date | None, support: str, today: dt.date) -> ActionDraft:
    """A new action (status "gepland"), validated; the service checks that the theme exists."""
    return ActionDraft(theme=theme, what=clean_what(what), due=check_due(due, today), support=clean_support(support))


def changed_action(action: PlanAction, what: str, due: dt.date | None, support: str, today: dt.date) -> ActionDraft:
    """``action`` with a new what, due date and support; a date that stays as it was is not checked again."""
    due = action.due if due == action.due else check_due(due, today)
    return ActionDraft(theme=action.theme, what=clean_what(what), due=due, support=clean_support(support),
                       status=action.status, look_back=action.look_back)


def with_status(action: PlanAction, status: str, look_back: str | None = None) -> ActionDraft:
    """``action`` with a new status; ``look_back`` None keeps the look-back it has, a text replaces it."""
    kept = action.look_back if look_back is None else clean_look_back(look_back)
    return ActionDraft(theme=action.theme, what=action.what, due=action.due, support=action.support,
                       status=check_status(status), look_back=kept)


def carried_over(theme: int, one_line: str) -> ActionDraft | None:
    """A one-line action from before the plan as a plan action: "gepland", no due date; None when empty."""
    what = _clean(one_line)[:MAX_ONE_LINE]
    return ActionDraft(theme=theme, what=what, due=None) if what else None


def months_on(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the last day of that month when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def suggested_reflection(today: dt.date) -> dt.date:
    """The date for the next reflection: a quick scan three months on."""
    return months_on(today, REFLECTION_MONTHS)


# --- reading a plan ----------------------------------------------------------------------------------


def by_due(actions: Iterable[PlanAction]) -> list[PlanAction]:
    """By due date (actions without a date last), then theme, then the order they were made."""
    return sorted(actions, key=lambda a: (a.due is None, a.due or dt.date.max, a.theme, a.id))


def is_overdue(action: PlanAction, today: dt.date) -> bool:
    """Due before today and still open (gepland or bezig)."""
    return action.is_open and action.due is not None and action.due < today


def due_label(action: PlanAction) -> str:
    """"3 januari 2027", or "geen datum"."""
    return text.date(action.due) if action.due else NO_DATE


def overdue(actions: Iterable[PlanAction], today: dt.date) -> list[PlanAction]:
    return [a for a in by_due(actions) if is_overdue(a, today)]


def open_actions(actions: Iterable[PlanAction]) -> list[PlanAction]:
    """What the next session asks about first ("Hoe ging het?")."""
    return [a for a in by_due(actions) if a.is_open]


@dataclass(frozen=True)
class PlanCounts:
    """How a plan stands: actions in all, open (gepland or bezig), overdue among the open, done, dropped."""

    total: int
    open: int
    overdue: int
    done: int
    dropped: int


def counts(actions: Iterable[PlanAction], today: dt.date) -> PlanCounts:
    actions = list(actions)
    return PlanCounts(len(actions), sum(a.is_open for a in actions), sum(is_overdue(a, today) for a in actions),
                      sum(a.status == "gedaan" for a in actions), sum(a.status == "losgelaten" for a in actions))


def counts_summary(c: PlanCounts) -> str:
    """"12 acties: 5 open (waarvan 1 over de datum), 6 gedaan en 1 losgelaten"."""
    if not c.total:
        return "Nog geen acties."
    open_part = f"{c.open} open" + (f" (waarvan {c.overdue} {OVERDUE})" if c.overdue else "")
    parts = [p for p in (open_part if c.open else "", f"{c.done} gedaan" if c.done else "",
                         f"{c.dropped} losgelaten" if c.dropped else "") if p]
    listed = ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else parts[0]
    return f"{text.count(c.total, 'actie', 'acties')}: {listed}"


def earlier_open(actions: Iterable[PlanAction], session_id: int) -> list[PlanAction]:
    """The open actions begun in another session than ``session_id``: what "Hoe ging het?" asks about."""
    return [a for a in open_actions(actions) if a.session_id != session_id]


def as_shared(action: PlanAction, *, with_notes: bool) -> PlanAction:
    """What others see: theme, what, dates and status; support and look-back only ``with_notes``
    (a coach with "scores en notities"; never a group)."""
    if with_notes:
        return action
    return dataclasses.replace(action, support="", look_back="")


# --- where the person worked and what moved ---------------------------------------------------------


@dataclass(frozen=True)
class ThemeMovement:
    """One theme with an action: its mastery in the session where the first action on it began, and now."""

    theme: int
    since: int  # id of the session where the first action on this theme began
    before: int
    after: int
    actions: tuple[PlanAction, ...]

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class PlanMovement:
    """Per theme with an action begun in an earlier session: the change since then, on shared scored themes only."""

    themes: tuple[ThemeMovement, ...]  # scored in both sessions, in theme order
    worked_on: tuple[int, ...]  # every theme with an action begun before this session
    unmeasured: tuple[int, ...]  # worked on, but not scored in both sessions

    @property
    def shared(self) -> int:
        return len(self.themes)

    @property
    def up(self) -> int:
        return sum(m.change > 0 for m in self.themes)

    @property
    def down(self) -> int:
        return sum(m.change < 0 for m in self.themes)

    @property
    def same(self) -> int:
        return sum(m.change == 0 for m in self.themes)


def _order(session: SessionRecord) -> tuple[str, int]:
    return (session.created_at, session.id)


def plan_movement(actions: Sequence[PlanAction], session: SessionRecord, answers: Mapping[int, Answer],
                  sessions: Mapping[int, SessionRecord],
                  answers_then: Mapping[int, Mapping[int, Answer]]) -> PlanMovement:
    """Where the person worked before ``session`` and what moved, per theme with an action.

    ``sessions`` and ``answers_then`` hold the sessions where the actions began and their answers, by
    session id. Only actions begun in a session made before ``session`` count; per theme the session
    of its first action is the baseline. A theme counts as moved only when it has a mastery score
    (not "niet van toepassing") both then and now.
    """
    first: dict[int, SessionRecord] = {}
    on_theme: dict[int, list[PlanAction]] = {}
    for action in actions:
        began = sessions.get(action.session_id)
        if began is None or began.person_id != session.person_id or _order(began) >= _order(session):
            continue
        on_theme.setdefault(action.theme, []).append(action)
        if action.theme not in first or _order(began) < _order(first[action.theme]):
            first[action.theme] = began
    moved, unmeasured = [], []
    for theme in sorted(on_theme):
        then = answers_then.get(first[theme].id, {}).get(theme)
        now = answers.get(theme)
        if then is not None and now is not None and then.is_scored and now.is_scored:
            moved.append(ThemeMovement(theme, first[theme].id, then.mastery, now.mastery,  # type: ignore[arg-type]
                                       tuple(by_due(on_theme[theme]))))
        else:
            unmeasured.append(theme)
    return PlanMovement(tuple(moved), tuple(sorted(on_theme)), tuple(unmeasured))


def _went(amount: int, one: str, many: str) -> str:
    return f"{amount} {one if amount == 1 else many}" if amount else ""


def movement_summary(movement: PlanMovement) -> str:
    """One short Dutch paragraph: where the person worked and what moved (shared themes only, with their number)."""
    worked_on = len(movement.worked_on)
    if not worked_on:
        return "Je had voor deze sessie nog geen acties uit een eerdere sessie."
    worked = ("Je had een actie op 1 thema." if worked_on == 1 else f"Je had acties op {text.themes(worked_on)}.")
    if not movement.themes:
        both = "Dat thema heb" if worked_on == 1 else "Geen daarvan heb"
        return f"{worked} {both} je niet in beide sessies gescoord, dus een verandering is nog niet te zien."
    if worked_on == 1:
        only = movement.themes[0]
        went = (f"bleef gelijk op {only.after}" if not only.change else
                f"ging {'omhoog' if only.change > 0 else 'omlaag'}, van {only.before} naar {only.after}")
        return f"{worked} Je score daarop {went}."
    if movement.shared == worked_on:
        shared = f"Je hebt ze {'allebei' if worked_on == 2 else 'allemaal'}"
    else:
        shared = f"Op {movement.shared} daarvan heb je"
    parts = [p for p in (_went(movement.up, "ging omhoog", "gingen omhoog"),
                         _went(movement.same, "bleef gelijk", "bleven gelijk"),
                         _went(movement.down, "ging omlaag", "gingen omlaag")) if p]
    moved = ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else parts[0]
    return f"{worked} {shared} in beide sessies gescoord: {moved}."
