"""Hoe ging het? The first step of a new session: the open actions of earlier sessions, updated in one go."""

import streamlit as st

from ui.callbacks import run
from ui.context import library, service
from ui.navigation import PAGES
from ui.plan import LOOK_BACK_HELP, action_head, looked_back_key, shortened, waiting
from ui.session import no_session_notice, session_from_query
from ui.widgets import show_problem
from wegwijzer import clock, text
from wegwijzer.domain import plan
from wegwijzer.service import Service
from wegwijzer.text import plain

WHERE = "hoe_ging_het"

lib, svc = library(), service()
record = session_from_query()
if record is None:
    no_session_notice()
sid, today = record.id, clock.today()
asked = plan.earlier_open(svc.plan.mine(), sid)
done_key = f"hoe_ging_het_done_{sid}"  # saved or skipped just now: on to the questionnaire

st.title("Hoe ging het?")
if not asked or st.session_state.pop(done_key, False):
    st.switch_page(PAGES["vragenlijst"], query_params={"sessie": sid})

st.markdown(f"Voor je aan deze sessie begint: je hebt nog {waiting(len(asked))}. Geef per actie aan hoe het "
            "ervoor staat. Bij wat je gedaan of losgelaten hebt, kun je kort terugblikken. Niets is verplicht: wat "
            "je niet verandert, blijft zoals het was.")


def keys(action_id: int) -> tuple[str, str]:
    return f"hgh_status_{sid}_{action_id}", f"hgh_look_back_{sid}_{action_id}"


def save(current: Service) -> None:
    changes = {}
    for action in asked:
        status_key, look_key = keys(action.id)
        status = st.session_state.get(status_key) or action.status
        look_back = st.session_state.get(look_key, "").strip()
        if status != action.status or look_back:
            changes[action.id] = (status, look_back or None)
    if changes:
        current.plan.set_statuses(changes)
        st.toast(f"Je ontwikkelplan is bijgewerkt ({text.count(len(changes), 'actie', 'acties')}).",
                 icon=":material/check:")
    skip(current)


def skip(_current: Service) -> None:
    st.session_state[done_key] = True
    st.session_state[looked_back_key(sid)] = True  # the questionnaire no longer offers this step


show_problem(WHERE)
with st.form(f"hoe_ging_het_{sid}", border=False):
    for action in asked:
        status_key, look_key = keys(action.id)
        with st.container(border=True, key=f"hgh_card_{action.id}"):
            st.markdown(action_head(lib, action, today))
            st.radio(f"Hoe staat het met ‘{plain(shortened(action.what.rstrip('.'), 60))}’?", list(plan.STATUS_LABELS),
                     index=list(plan.STATUS_LABELS).index(action.status), format_func=plan.STATUS_LABELS.get,
                     horizontal=True, key=status_key)
            st.text_area("Terugblik (optioneel; vooral bij gedaan of losgelaten)", key=look_key,
                         help=LOOK_BACK_HELP, height=68,
                         placeholder="Wat leverde het op, of waarom liet je het los?")
    with st.container(horizontal=True, gap="small"):
        st.form_submit_button("Bewaren en naar de vragenlijst", type="primary", icon=":material/arrow_forward:",
                              on_click=run, args=(save,), kwargs={"where": WHERE})
        st.form_submit_button("Overslaan", on_click=run, args=(skip,), kwargs={"where": WHERE})
