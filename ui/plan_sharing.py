"""The development plan as others see it: a coachee's plan on the coach's page.

What others see is cut by the service (``svc.plan.of_coachee``); these tables show what comes back,
every typed text escaped (``ui.widgets.table``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from ui.widgets import table
from wegwijzer import clock, text
from wegwijzer.content.library import Library
from wegwijzer.domain.plan import STATUS_LABELS, is_overdue
from wegwijzer.domain.records import PlanAction

NO_DATE = "geen datum"
OVERDUE = "over de datum"


def status_label(action: PlanAction, today: dt.date) -> str:
    """Its status in Dutch, with "over de datum" when it is still open after its due date."""
    label = STATUS_LABELS[action.status]
    return f"{label}, {OVERDUE}" if is_overdue(action, today) else label


def action_row(lib: Library, action: PlanAction, today: dt.date) -> dict[str, str]:
    """What everyone who may see an action sees: theme, what, due date and status."""
    return {"Thema": f"{action.theme}. {lib.theme(action.theme).title}", "Wat": action.what,
            "Datum": text.date(action.due) if action.due else NO_DATE, "Status": status_label(action, today)}


def coachee_plan(lib: Library, actions: Sequence[PlanAction], *, with_notes: bool) -> None:
    """The section "Ontwikkelplan" of the coach's page: the actions as the coachee's scope lets the coach see them."""
    st.header("Ontwikkelplan")
    if not with_notes:
        st.caption("Met toegang tot de scores zie je wat de coachee gaat doen, wanneer en hoe het ervoor staat. Met "
                   "wie of welke steun en de terugblikken worden alleen gedeeld bij toegang tot scores en notities.")
    if not actions:
        st.caption("Deze coachee heeft nog geen acties in het ontwikkelplan.")
        return
    today = clock.today()
    table([action_row(lib, a, today) | (_notes(a) if with_notes else {}) for a in actions])


def _notes(action: PlanAction) -> dict[str, str]:
    return {"Met wie of welke steun": action.support or text.MISSING, "Terugblik": action.look_back or text.MISSING}

