"""The development plan as the report shows it: a line of counts, what moved per theme, every action by date.

Pure text for the template ``report.html`` (section "Ontwikkelplan"); typed text (what, support, look-back)
stays as typed and is escaped by the template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from wegwijzer import text
from wegwijzer.content.library import Library
from wegwijzer.domain.plan import (
    OVERDUE,
    STATUS_LABELS,
    PlanMovement,
    by_due,
    counts,
    counts_summary,
    due_label,
    is_overdue,
    movement_summary,
)
from wegwijzer.domain.records import PlanAction


@dataclass(frozen=True)
class ActionRow:
    theme: str  # "12. Title"
    what: str
    due: str  # "3 december 2026" or "geen datum"
    status: str  # "Gepland"
    overdue: str  # "over de datum" for an open action due before today, else empty
    support: str
    look_back: str  # empty unless the report includes notes


@dataclass(frozen=True)
class MovementRow:
    theme: str
    before: int
    after: int
    change: str  # "+2", "−1", "0"


@dataclass(frozen=True)
class PlanView:
    summary: str  # empty for a plan without actions
    movement: str  # the movement sentence, empty without actions begun in an earlier session
    moved: tuple[MovementRow, ...]
    unmeasured: tuple[str, ...]  # themes worked on, not scored in both sessions
    rows: tuple[ActionRow, ...]
    look_backs_left_out: bool  # some action has a look-back, and the report leaves notes out


def view(library: Library, actions: Sequence[PlanAction], movement: PlanMovement | None, today: dt.date, *,
         include_notes: bool) -> PlanView:
    def theme(number: int) -> str:
        return f"{number}. {library.theme(number).title}"

    rows = []
    for a in by_due(actions):
        rows.append(ActionRow(theme=theme(a.theme), what=a.what, due=due_label(a),
                              status=STATUS_LABELS[a.status], overdue=OVERDUE if is_overdue(a, today) else "",
                              support=a.support, look_back=a.look_back if include_notes else ""))
    worked = movement is not None and bool(movement.worked_on)
    return PlanView(
        summary=f"{counts_summary(counts(actions, today))}." if actions else "",
        movement=movement_summary(movement) if worked else "",
        moved=tuple(MovementRow(theme(m.theme), m.before, m.after, text.signed(m.change, 0))
                    for m in movement.themes) if worked else (),
        unmeasured=tuple(theme(n) for n in movement.unmeasured) if worked else (),
        rows=tuple(rows), look_backs_left_out=not include_notes and any(a.look_back for a in actions),
    )
