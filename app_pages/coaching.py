"""Coaching: invite a coach and control what they see; as a coach, accept an invitation and open a coachee."""

from urllib.parse import urlsplit

import streamlit as st

from ui.context import require_login
from ui.navigation import PAGES
from ui.widgets import refused
from wegwijzer import text
from wegwijzer.service import ServiceError
from wegwijzer.service.access import AccessDenied
from wegwijzer.service.coaching import COACH_SCOPES
from wegwijzer.text import plain

svc = require_login()


def invite_link(code: str) -> str:
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/coaching?uitnodiging={code}"


st.title("Coaching")
invited = st.query_params.get("uitnodiging", "")
if invited:
    st.info("Je opent een uitnodiging om coach te worden. Kijk onder *Mijn coachees* en klik op "
            "*Uitnodiging accepteren*.")
mine, coaching = st.tabs(["Mijn coach", "Mijn coachees"])

with mine:
    st.markdown("Nodig een coach uit om je resultaten te zien. De coach ziet niets tot hij of zij de uitnodiging "
                "accepteert, en niets meer zodra jij de toegang intrekt. Je kiest wat de coach ziet: alleen scores "
                "(met je prioriteiten, acties en veranderingen), of ook je notities.")
    with st.form("invite_coach", clear_on_submit=True):
        scope = st.radio("Wat mag de coach zien?", list(COACH_SCOPES), format_func=COACH_SCOPES.get, horizontal=True)
        if st.form_submit_button("Uitnodiging maken", type="primary", icon=":material/person_add:"):
            link = svc.coaching.invite(scope)
            st.session_state["new_coach_code"] = link.code
    if code := st.session_state.get("new_coach_code"):
        st.success("Geef deze code (of de link) aan je coach. De coach logt in en vult de code in op Coaching → "
                   "Mijn coachees; de code werkt één keer.")
        st.code(f"{code}\n{invite_link(code)}", language=None)
    for link in svc.coaching.my_links():
        with st.container(border=True):
            if link.status == "uitgenodigd":
                status = f"Uitnodiging open (code {link.code}), nog niet geaccepteerd"
            elif link.status == "actief":
                status = f"**{plain(link.coach_name)}** ziet je resultaten sinds {text.date(link.accepted_at)}"
            else:
                status = f"Ingetrokken op {text.date(link.revoked_at)}" + (
                    f" ({plain(link.coach_name)})" if link.coach_name else "")
            st.markdown(status)
            if link.status != "ingetrokken":
                left, right = st.columns([3, 1], vertical_alignment="bottom")
                new_scope = left.radio("Toegang", list(COACH_SCOPES), format_func=COACH_SCOPES.get, horizontal=True,
                                       index=list(COACH_SCOPES).index(link.scope), key=f"scope_{link.id}")
                if new_scope != link.scope:
                    svc.coaching.set_scope(link.id, new_scope)
                    st.rerun()
                if right.button("Intrekken", key=f"revoke_{link.id}", icon=":material/block:"):
                    svc.coaching.revoke(link.id)
                    st.session_state.pop("new_coach_code", None)
                    st.rerun()

with coaching:
    with st.form("accept_invite", clear_on_submit=True):
        code = st.text_input("Code van je coachee", value=invited[:40], max_chars=40, placeholder="XXXX-XXXX-XXXX-XXXX")
        if st.form_submit_button("Uitnodiging accepteren", type="primary"):
            try:
                accepted = svc.coaching.accept(code)
            except (ServiceError, AccessDenied) as exc:
                refused(exc)
            else:
                st.switch_page(PAGES["coachee"], query_params={"coachee": accepted.coachee_id})
    coachees = svc.coaching.coachees()
    if not coachees:
        st.caption("Je bent (nog) geen coach van iemand.")
    for link in coachees:
        with st.container(border=True):
            left, right = st.columns([4, 1], vertical_alignment="center")
            left.markdown(f"**{plain(link.coachee_name)}** · {COACH_SCOPES[link.scope].lower()} · "
                          f"sinds {text.date(link.accepted_at)}")
            right.page_link(PAGES["coachee"], label="Openen", icon=":material/arrow_forward:",
                            query_params={"coachee": link.coachee_id})

    facilitated = svc.mirror.facilitated_rounds()
    if facilitated:
        st.subheader("Spiegel-rondes die jij begeleidt")
        st.markdown("Je coachee heeft je gevraagd de links van deze feedbackrondes te maken en rond te sturen. Stuur "
                    "elke genodigde alleen de eigen link, rechtstreeks, en geef de links niet aan je coachee: dan kan "
                    "niemand terugrekenen wat één persoon antwoordde. De uitkomst zie jij niet.")
    for item in facilitated:
        spiegel = item.round
        with st.container(border=True):
            st.markdown(f"**{plain(spiegel.title)}** van {plain(spiegel.person_name)} · open tot "
                        f"{text.date(spiegel.expires_at)} · "
                        + (f"{item.waiting} {'link' if item.waiting == 1 else 'links'} nog te maken" if item.waiting
                           else "alle links gemaakt"))
            if item.waiting and st.button("Links maken", key=f"issue_{spiegel.id}", icon=":material/link:"):
                try:
                    st.session_state[f"issued_{spiegel.id}"] = svc.mirror.issue_links(spiegel.id)
                except (ServiceError, AccessDenied) as exc:
                    refused(exc)
            if issued := st.session_state.pop(f"issued_{spiegel.id}", None):
                parts = urlsplit(st.context.url or "")
                base = f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}"
                st.warning("Kopieer de links nu: ze worden maar één keer getoond.")
                st.code("\n".join(f"{k.label}: {base}/feedback/{k.token}" for k in issued), language=None)
