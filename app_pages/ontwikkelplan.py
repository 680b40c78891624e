"""Mijn ontwikkelplan: every action of the person, by due date, with quick status changes, a new action, the
calendar and the export."""

import streamlit as st

from ui.context import library, service
from ui.downloads import download
from ui.navigation import PAGES
from ui.plan import action_card, add_form, kept_in_view
from ui.session import session_title
from wegwijzer import clock, text
from wegwijzer.domain import plan
from wegwijzer.render.calendar import plan_calendar
from wegwijzer.service import Service
from wegwijzer.text import plain

SHOWN = 20  # actions on screen before "Toon alle"
ALL_ROLES = "alle"

lib, svc = library(), service()
today = clock.today()
actions = svc.plan.mine()
sessions = svc.sessions.mine()

st.title("Mijn ontwikkelplan")
st.markdown("Wat je gaat doen met wat je in je sessies zag: per thema een actie met een datum, en hoe het ging. "
            "Je plan is van jou; een coach of intervisiegroep ziet er alleen iets van als jij dat regelt.")

if not actions:
    st.info("Je hebt nog geen acties. Rond een sessie af en kies op het dashboard bij je ontwikkelprioriteiten wat "
            "je gaat doen; of voeg hieronder een actie toe bij elk thema dat je wilt. Bij je volgende sessie vragen "
            "we eerst hoe het ging.", icon=":material/flag:")
else:
    c = plan.counts(actions, today)
    with st.container(horizontal=True, gap="medium"):
        st.metric("Nog open", c.open, width="content")
        st.metric("Over de datum", c.overdue, width="content")
        st.metric("Gedaan", c.done, width="content")
        st.metric("Losgelaten", c.dropped, width="content")

    st.header("Acties")
    with st.container(horizontal=True, gap="medium", vertical_alignment="bottom"):
        chosen = st.pills("Status", list(plan.STATUS_LABELS), selection_mode="multi", default=list(plan.OPEN),
                          format_func=plan.STATUS_LABELS.get, key="plan_filter_status")
        roles = {ALL_ROLES: "Alle rollen"} | {r.key: r.name for r in lib.structure.roles}
        role = st.selectbox("Rol", list(roles), format_func=roles.get, key="plan_filter_role", width=320,
                            help="Toont de acties op thema's die deze rol raken.")
    kept = kept_in_view()
    shown = [a for a in actions if (a.status in (chosen or plan.STATUS_LABELS) or a.id in kept)
             and (role == ALL_ROLES or any(k == role for k, _ in lib.theme(a.theme).roles.items()))]
    if not shown:
        st.caption("Geen acties met deze keuze. Kies een andere status of rol.")
    elif len(shown) > SHOWN and not st.toggle(f"Toon alle {len(shown)} acties", key="plan_all"):
        st.caption(f"De eerste {SHOWN} van {len(shown)} acties, op datum.")
        shown = shown[:SHOWN]
    else:
        st.caption(f"{len(shown)} van de {text.count(len(actions), 'actie', 'acties')}, op datum.")
    for action in shown:
        action_card(lib, action, today, kept=action.id in kept and action.status not in (chosen or plan.STATUS_LABELS))

if sessions:
    st.header("Nieuwe actie")
    latest = max(sessions, key=lambda s: (s.created_at, s.id))
    st.caption(f"De actie hoort bij je laatste sessie ({plain(session_title(latest))}). Bij je volgende sessie zie "
               "je of je score op dat thema veranderde.")
    add_form(lib, latest.id, form_key="plan_new")
else:
    st.page_link(PAGES["start"], label="Begin eerst een sessie op de startpagina", icon=":material/home:")

if actions:
    st.header("In je agenda")
    st.markdown("Zet de datums van je acties in je agenda. Download het bestand opnieuw na een wijziging: je agenda "
                "werkt de afspraken dan bij, zonder dubbele.")
    remind = st.checkbox("Met een herinnering voor een nieuwe reflectie", value=True, key="plan_remind")
    reflection = plan.suggested_reflection(today) if remind else None
    if reflection:
        st.caption(f"Een quick scan op {text.date(reflection)}, drie maanden vanaf vandaag.")

    def calendar_file(current: Service) -> bytes:
        feed = current.plan.calendar_feed()
        return plan_calendar(lib, feed.installation, feed.person_id, feed.actions, reflection=reflection)

    with st.container(horizontal=True, gap="small"):
        download(st, "In je agenda zetten (.ics)", calendar_file, file_name="wegwijzer-ontwikkelplan.ics",
                 mime="text/calendar", icon=":material/calendar_month:")
        download(st, "Ontwikkelplan (CSV)", lambda current: current.plan.export_csv(),
                 file_name="wegwijzer-ontwikkelplan.csv", mime="text/csv", icon=":material/table:")
