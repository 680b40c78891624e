"""The development plan as others see it: a coachee's plan on the coach's page, the actions a group sees.

What others see is cut by the service (``svc.plan.of_coachee``, ``svc.plan.in_group``); these tables show
what comes back, every typed text escaped (``ui.widgets.table``). A group member chooses here which of
their own actions the group sees, one at a time, and withdraws them; the clicks run as callbacks that
check who is asking at the click (``ui.callbacks.run``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from ui.callbacks import run
from ui.plan import shortened, theme_label
from ui.widgets import show_problem, table
from wegwijzer import clock, text
from wegwijzer.content.library import Library
from wegwijzer.domain.plan import OVERDUE, STATUS_LABELS, due_label, is_overdue
from wegwijzer.domain.records import PlanAction
from wegwijzer.service import Service, ServiceError

GROUP_SEES = ("Elk lid kiest zelf welke acties uit het eigen ontwikkelplan de groep ziet, één voor één. De groep ziet "
              "alleen het thema, wat, de datum en de status, nooit met wie of welke steun en nooit een terugblik.")


def status_label(action: PlanAction, today: dt.date) -> str:
    """Its status in Dutch, with "over de datum" when it is still open after its due date."""
    label = STATUS_LABELS[action.status]
    return f"{label}, {OVERDUE}" if is_overdue(action, today) else label


def action_row(lib: Library, action: PlanAction, today: dt.date) -> dict[str, str]:
    """What everyone who may see an action sees: theme, what, due date and status."""
    return {"Thema": theme_label(lib, action.theme), "Wat": action.what,
            "Datum": due_label(action), "Status": status_label(action, today)}


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


# --- a group ------------------------------------------------------------------------------------------------------


def _share(current: Service, group_id: int, choice_key: str) -> None:
    """Show the action chosen at the moment of the click to the group."""
    action_id = st.session_state.get(choice_key)
    if action_id is None:
        raise ServiceError("Kies eerst een actie uit je ontwikkelplan.")
    current.plan.share(action_id, group_id)


def _withdraw(current: Service, action_id: int, group_id: int) -> None:
    current.plan.withdraw(action_id, group_id)


def group_actions(svc: Service, group_id: int) -> None:
    """The section "Gedeelde acties" of a group page: what the members show, and sharing one's own."""
    lib = svc.library
    today = clock.today()
    st.header("Gedeelde acties")
    st.caption(GROUP_SEES)
    shared = svc.plan.in_group(group_id)
    if shared:
        table([{"Lid": s.member} | action_row(lib, s.action, today) for s in shared])
    else:
        st.caption("Nog niemand deelt een actie met de groep.")
    with st.expander("Acties uit mijn ontwikkelplan delen"):
        _my_actions(svc, group_id, [s.action for s in shared if s.is_mine])


def _my_actions(svc: Service, group_id: int, mine_shared: list[PlanAction]) -> None:
    shared_ids = {a.id for a in mine_shared}
    others = [a for a in svc.plan.mine() if a.id not in shared_ids]
    where = f"plan_share_{group_id}"
    show_problem(where)
    if others:
        options = {a.id: shortened(f"{a.theme}. {a.what}") for a in others}
        choice_key = f"plan_share_choice_{group_id}"
        st.selectbox("Actie", list(options), format_func=options.get, key=choice_key)
        st.button("Deel met de groep", type="primary", icon=":material/share:", key=f"plan_share_button_{group_id}",
                  on_click=run, args=(_share, group_id, choice_key), kwargs={"where": where})
    elif mine_shared:
        st.caption("Je deelt al je acties met deze groep.")
    else:
        st.caption("Je hebt nog geen acties in je ontwikkelplan.")
    if not mine_shared:
        return
    st.markdown("**Wat de groep van mij ziet**")
    for action in mine_shared:
        where_back = f"plan_withdraw_{group_id}_{action.id}"
        # the button keeps its whole label at any width (in a fixed column it was cut off at 820 px)
        row = st.container(horizontal=True, vertical_alignment="center", gap="small")
        row.markdown(text.plain(shortened(f"{action.theme}. {action.what}")), width="stretch")
        row.button("Niet meer delen", width="content", key=f"plan_withdraw_button_{group_id}_{action.id}",
                      icon=":material/visibility_off:", on_click=run, args=(_withdraw, action.id, group_id),
                      kwargs={"where": where_back})
        show_problem(where_back)
