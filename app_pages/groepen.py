"""Intervision groups: the groups I am in, make a group, join one with a code."""

import streamlit as st

from ui.context import require_login
from ui.navigation import PAGES
from ui.widgets import refused
from wegwijzer.service import ServiceError
from wegwijzer.service.groups import GROUP_NAMINGS
from wegwijzer.text import count, plain

svc = require_login()
st.title("Intervisiegroepen")
st.markdown("In een intervisiegroep deelt ieder lid één afgeronde sessie. De groep ziet alleen de scores daarvan, "
            "nooit notities, en alleen leden zien de groep. Acties uit je ontwikkelplan deel je los, een voor een, "
            "zonder steun of terugblik. Je kiest zelf wat je deelt en kunt het altijd weer intrekken.")

st.header("Mijn groepen")
groups = svc.groups.mine()
if not groups:
    st.caption("Je bent nog geen lid van een groep.")
for group in groups:
    with st.container(border=True):
        left, right = st.columns([4, 1], vertical_alignment="center")
        members = svc.groups.members(group.id)
        sharing = sum(m.shares for m in members)
        mine = next(m for m in members if m.is_me)
        left.markdown(f"**{plain(group.name)}**  \n{count(len(members), 'lid', 'leden')}, {sharing} {'deelt' if sharing == 1 else 'delen'} een sessie"
                      + (" · jij deelt" if mine.shares else " · jij deelt nog niets")
                      + (" · jij bent gespreksleider" if mine.is_creator else ""))
        right.page_link(PAGES["groep"], label="Openen", icon=":material/arrow_forward:",
                        query_params={"groep": group.id})

make, join = st.columns(2)
with make, st.form("new_group", clear_on_submit=True):
    st.header("Nieuwe groep")
    name = st.text_input("Naam van de groep", max_chars=120, placeholder="Intervisie gemeentesecretarissen regio Oost")
    naming = st.radio("Hoe zien leden elkaar in de resultaten?", list(GROUP_NAMINGS), format_func=GROUP_NAMINGS.get,
                      help="Een naam verschijnt alleen als dat lid het zelf goedvindt; je kunt dit later als "
                           "gespreksleider nog wijzigen.")
    if st.form_submit_button("Groep maken", type="primary"):
        try:
            new_id = svc.groups.create(name, naming)
        except ServiceError as exc:
            refused(exc)
        else:
            st.switch_page(PAGES["groep"], query_params={"groep": new_id})
with join, st.form("join_group", clear_on_submit=True):
    st.header("Lid worden")
    code = st.text_input("Code van de groep", max_chars=40, placeholder="XXXX-XXXX-XXXX-XXXX",
                         help="De gespreksleider van de groep geeft je deze code.")
    if st.form_submit_button("Lid worden"):
        try:
            joined = svc.groups.join(code)
        except ServiceError as exc:
            refused(exc)
        else:
            st.switch_page(PAGES["groep"], query_params={"groep": joined})
