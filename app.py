"""Wegwijzer — routes only. The browser loads it through server.py (`make run`), which also serves the page
shell: Dutch, the house style and the page scripts (src/wegwijzer/web/shell.py)."""

import streamlit as st

from ui.context import login_state, require_ready
from ui.navigation import PAGES, run_page

st.set_page_config(page_icon="🧭", layout="wide")
require_ready()
state = login_state()  # "local", "logged_out", "must_change", "user" or "admin"
page = st.Page
own = [page(PAGES["start"], title="Start", icon=":material/home:", default=True, url_path="start"),
       page(PAGES["vragenlijst"], title="Vragenlijst", icon=":material/edit_note:", url_path="vragenlijst"),
       page(PAGES["dashboard"], title="Dashboard", icon=":material/insights:", url_path="dashboard"),
       page(PAGES["ontwikkelplan"], title="Mijn ontwikkelplan", icon=":material/flag:", url_path="ontwikkelplan"),
       page(PAGES["hoe_ging_het"], title="Hoe ging het?", icon=":material/history:", url_path="hoe-ging-het",
            visibility="hidden")]
shared = [page(PAGES["groepen"], title="Intervisiegroepen", icon=":material/groups:", url_path="groepen"),
          page(PAGES["groep"], title="Groep", icon=":material/groups:", url_path="groep", visibility="hidden"),
          page(PAGES["coaching"], title="Coaching", icon=":material/handshake:", url_path="coaching"),
          page(PAGES["coachee"], title="Coachee", icon=":material/person:", url_path="coachee", visibility="hidden")]
further = [page(PAGES["functieprofiel"], title="Functieprofiel", icon=":material/work:", url_path="functieprofiel"),
           page(PAGES["onderzoek"], title="Onderzoek 2020", icon=":material/query_stats:", url_path="onderzoek")]
reference = [page(PAGES["bibliotheek"], title="Thema's", icon=":material/menu_book:", url_path="themas"),
             page(PAGES["thema"], title="Thema", icon=":material/article:", url_path="thema", visibility="hidden"),
             page(PAGES["gegevens"], title="Mijn gegevens", icon=":material/database:", url_path="gegevens")]
account = [page(PAGES["account"], title="Account", icon=":material/account_circle:", url_path="account")]
if state == "admin":
    account.append(page(PAGES["beheer"], title="Beheer", icon=":material/admin_panel_settings:", url_path="beheer"))
spiegel = page(PAGES["spiegel"], title="Spiegel (360°)", icon=":material/flip:", url_path="spiegel")
sections = {"Wegwijzer": own, "Samen": [spiegel, *shared], "Verder": further, "Naslag": reference, "Account": account}
if state == "local":
    sections = {"Wegwijzer": own, "Verder": further, "Naslag": reference}
elif state in {"logged_out", "must_change"}:
    sections = {"Wegwijzer": [page(PAGES["account"], title="Inloggen", icon=":material/login:", default=True)]}
run_page(st.navigation(sections, position="top"))
