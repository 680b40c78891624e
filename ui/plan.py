"""The development plan's Streamlit parts, shared by "Mijn ontwikkelplan", the dashboard and "Hoe ging het?".

Every change goes through :func:`ui.callbacks.run` (identity checked at the click, a refusal shown in Dutch at the
place where it happened). A refused change keeps what was typed: the fields keep their value and the message
says what to do.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ui.callbacks import run
from ui.widgets import show_problem
from wegwijzer import clock, text
from wegwijzer.content.library import Library
from wegwijzer.domain import plan
from wegwijzer.domain.records import PlanAction
from wegwijzer.service import Service
from wegwijzer.text import plain

STATUSES = list(plan.STATUS_LABELS)
SHORT = 80  # characters of an action in a label
OWN_DATE = "eigen"  # the choice "another date" in the due-date list
# No max_chars on a look-back: the browser would cut a long paste off without a word; the service refuses it in
# Dutch instead, and the text stays in the field to be shortened.
LOOK_BACK_HELP = f"Hoogstens {text.number(plan.MAX_LOOK_BACK, 0)} tekens."


def shortened(value: str, limit: int = SHORT) -> str:
    """``value`` on one line, cut at a word with "…" when it is longer than ``limit`` characters."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[: limit - 1].rsplit(" ", 1)[0] if " " in value[: limit - 1] else value[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def theme_label(library: Library, number: int) -> str:
    theme = library.by_number.get(number)
    return f"{number}. {theme.title}" if theme else f"Thema {number}"


def looked_back_key(session_id: int) -> str:
    """Set once the person saved or skipped "Hoe ging het?" for this session in this tab."""
    return f"looked_back_{session_id}"


def due_text(action: PlanAction, today: dt.date) -> str:
    """"uiterlijk 3 januari 2027", with the mark for an open action past its date; or "geen datum"."""
    if action.due is None:
        return plan.NO_DATE
    overdue = f" · :red-badge[{plan.OVERDUE}]" if plan.is_overdue(action, today) else ""
    return f"uiterlijk {text.date(action.due)}{overdue}"


def action_head(library: Library, action: PlanAction, today: dt.date, *, with_theme: bool = True) -> str:
    """The first lines of an action as Markdown: theme (bold), its date, and what, typed text escaped."""
    head = f"**{plain(theme_label(library, action.theme))}** · " if with_theme else ""
    return f"{head}{due_text(action, today)}  \n{plain(action.what)}"


def waiting(count: int) -> str:
    """"1 open actie uit een eerdere sessie", "3 open acties uit eerdere sessies"."""
    return "1 open actie uit een eerdere sessie" if count == 1 else f"{count} open acties uit eerdere sessies"


# --- one action -----------------------------------------------------------------------------------------------


KEEP_SHOWN = "plan_keep_shown"  # actions closed in this tab stay in view, whatever the filter, for their look-back


def _save_status(svc: Service, action_id: int, key: str) -> None:
    status = st.session_state.get(key)
    if status is not None:  # a segmented control can be emptied; nothing changes then
        svc.plan.set_status(action_id, status)
        st.session_state.setdefault(KEEP_SHOWN, set()).add(action_id)
        st.toast(f"Status bewaard: {plan.STATUS_LABELS[status].lower()}.", icon=":material/check:")


def kept_in_view() -> set[int]:
    """The actions whose status was changed in this tab: the status filter does not hide them here any more."""
    return st.session_state.get(KEEP_SHOWN, set())


def _save_look_back(svc: Service, action: PlanAction, key: str) -> None:
    svc.plan.set_status(action.id, action.status, st.session_state.get(key, ""))
    st.toast("Terugblik bewaard.", icon=":material/check:")


EDITING = "plan_editing"  # the action whose edit form is open in this tab


def _start_editing(_svc: Service, action_id: int) -> None:
    st.session_state[EDITING] = action_id


def _stop_editing(_svc: Service) -> None:
    st.session_state.pop(EDITING, None)


def _edit(svc: Service, action: PlanAction, form: str) -> None:
    state = st.session_state
    typed = state.get(f"{form}_due", "").strip()
    due = plan.parse_due(typed, clock.today()) if typed else action.due
    svc.plan.update(action.id, state.get(f"{form}_what", ""), due, state.get(f"{form}_support", ""))
    state.pop(EDITING, None)
    st.toast("Wijziging bewaard.", icon=":material/check:")


def _delete(svc: Service, action_id: int) -> None:
    svc.plan.delete(action_id)
    st.session_state.pop(EDITING, None)
    st.toast("Actie verwijderd.", icon=":material/delete:")


def _edit_form(action: PlanAction, where: str) -> None:
    """The action's what, date and support to change, and deleting it (after a confirmation)."""
    form = f"plan_edit_{action.id}_{action.revision}"  # fresh fields after each change
    now = plan.due_label(action)
    with st.form(form, border=False):
        st.text_input("Wat ga je doen?", value=action.what, key=f"{form}_what", max_chars=plan.MAX_WHAT)
        st.text_input(f"Nieuwe streefdatum (dag-maand-jaar). Nu: {now}; leeg laten verandert niets.",
                      key=f"{form}_due", max_chars=20)
        st.text_input("Wie of wat helpt je daarbij? (optioneel)", value=action.support, key=f"{form}_support",
                      max_chars=plan.MAX_SUPPORT)
        with st.container(horizontal=True, gap="small"):
            st.form_submit_button("Wijziging bewaren", type="primary", icon=":material/save:", on_click=run,
                                  args=(_edit, action, form), kwargs={"where": where})
            st.form_submit_button("Annuleren", on_click=run, args=(_stop_editing,), kwargs={"where": where})
    if st.checkbox("Ik wil deze actie verwijderen", key=f"plan_delete_sure_{action.id}"):
        st.button("Definitief verwijderen", icon=":material/delete:", key=f"plan_delete_{action.id}", on_click=run,
                  args=(_delete, action.id), kwargs={"where": where})


def action_card(library: Library, action: PlanAction, today: dt.date, *, with_theme: bool = True,
                kept: bool = False) -> None:
    """One action: theme, what, due date (overdue marked), support, a quick status change, its look-back when
    done or dropped, and "Wijzigen" (what, date, support, or delete it, in the card itself); ``kept``: shown
    although the filter leaves its status out (it was just changed here)."""
    where = f"plan_action_{action.id}"
    with st.container(border=True, key=f"plan_card_{action.id}"):
        st.markdown(action_head(library, action, today, with_theme=with_theme))
        if action.support:
            st.caption(f"Steun: {plain(action.support)}")
        show_problem(where)
        key = f"plan_status_{action.id}_{action.revision}"  # a change made elsewhere gives a fresh control
        st.segmented_control(f"Status van ‘{shortened(action.what, 60)}’", STATUSES, default=action.status,
                             format_func=plan.STATUS_LABELS.get, key=key, label_visibility="collapsed",
                             on_change=run, args=(_save_status, action.id, key), kwargs={"where": where})
        if action.status in plan.CLOSED:
            look_key = f"plan_look_back_{action.id}_{action.revision}"
            st.text_area("Terugblik: wat leverde het op, of waarom liet je het los?", value=action.look_back,
                         key=look_key, height=80, help=LOOK_BACK_HELP, on_change=run,
                         args=(_save_look_back, action, look_key), kwargs={"where": where})
        if kept:
            st.caption("Deze actie blijft hier staan zodat je kunt terugblikken, ook al valt ze buiten je filter.")
        if st.session_state.get(EDITING) == action.id:
            _edit_form(action, where)
        else:
            st.button("Wijzigen", type="tertiary", icon=":material/edit:", key=f"plan_edit_button_{action.id}",
                      on_click=run, args=(_start_editing, action.id), kwargs={"where": where})


# --- a new action ---------------------------------------------------------------------------------------------


ADDING = "plan_adding"  # the forms for a new action opened on request in this tab


def _open_form(_svc: Service, form_key: str) -> None:
    st.session_state.setdefault(ADDING, set()).add(form_key)


def _close_form(_svc: Service, form_key: str) -> None:
    st.session_state.get(ADDING, set()).discard(form_key)


def add_form_on_request(library: Library, session_id: int, *, form_key: str, theme: int, title: str,
                        label: str) -> None:
    """A button that opens the form for a new action on ``theme``; the form closes once the action is stored.
    Drawn only when asked for: a dashboard with a form at each of its five priorities reran ~10 ms slower."""
    if form_key in st.session_state.get(ADDING, set()):
        add_form(library, session_id, form_key=form_key, fixed_theme=theme, title=title)
        st.button("Sluiten zonder toevoegen", key=f"{form_key}_close", type="tertiary", icon=":material/close:",
                  on_click=run, args=(_close_form, form_key))
    else:
        st.button(label, key=f"{form_key}_open", icon=":material/add:", on_click=run, args=(_open_form, form_key))


def _fields(form_key: str) -> dict[str, str]:
    return {name: f"{form_key}_{name}" for name in ("theme", "what", "due", "own_date", "support")}


def _add(svc: Service, session_id: int, form_key: str, fixed_theme: int | None) -> None:
    keys, state = _fields(form_key), st.session_state
    today = clock.today()
    due = state.get(keys["due"])
    own = state.get(keys["own_date"], "").strip()
    if own or due == OWN_DATE:
        if not own:
            raise plan.PlanError("Vul je eigen datum in (dag-maand-jaar), of kies een datum uit de lijst.")
        due = plan.parse_due(own, today)
    theme = fixed_theme if fixed_theme is not None else state.get(keys["theme"])
    if theme is None:
        raise plan.PlanError("Kies het thema waar de actie bij hoort.")
    svc.plan.add(session_id, int(theme), state.get(keys["what"], ""), due, state.get(keys["support"], ""))
    for name in ("what", "own_date", "support"):  # stored: the form is empty for the next one
        state[keys[name]] = ""
    state.get(ADDING, set()).discard(form_key)  # a form opened on request closes again
    st.toast(f"Actie toegevoegd, streefdatum {text.date(due)}.", icon=":material/check:")


def add_form(library: Library, session_id: int, *, form_key: str, fixed_theme: int | None = None,
             title: str = "") -> None:
    """A form for a new action in this session: on ``fixed_theme``, or on a theme chosen from all 100. A refused
    action keeps everything typed and says what to change."""
    keys, today = _fields(form_key), clock.today()
    presets = plan.due_presets(today)
    choices: dict[object, str] = {**presets, OWN_DATE: "een andere datum (vul hieronder in)"}
    show_problem(form_key)
    with st.form(form_key, border=True):
        if title:
            st.markdown(f"**{title}**")
        if fixed_theme is None:  # no theme chosen beforehand: an action is never filed under a theme by accident
            st.selectbox("Thema", [t.number for t in library.themes], format_func=lambda n: theme_label(library, n), key=keys["theme"],
                         index=None, placeholder="Kies een thema (typ een titel of nummer)")
        st.text_input("Wat ga je doen?", key=keys["what"], max_chars=plan.MAX_WHAT,
                      placeholder="Concreet en zichtbaar, bijvoorbeeld: een gesprek met de burgemeester plannen")
        left, right = st.columns(2, gap="small")
        left.selectbox("Streefdatum", list(choices), format_func=choices.get, index=1, key=keys["due"])
        right.text_input("Of een eigen datum (dag-maand-jaar)", key=keys["own_date"], max_chars=20,
                         placeholder="bijvoorbeeld 3-1-2027")
        st.text_input("Wie of wat helpt je daarbij? (optioneel)", key=keys["support"], max_chars=plan.MAX_SUPPORT,
                      placeholder="Bijvoorbeeld: met de coach, of met het MT")
        st.form_submit_button("Actie toevoegen", icon=":material/add:", key=f"{form_key}_submit", on_click=run,
                              args=(_add, session_id, form_key, fixed_theme), kwargs={"where": form_key})
