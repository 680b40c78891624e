"""Wegwijzer — routes only. Run with: streamlit run app.py"""

import streamlit as st
from app_pages.common import PAGES, require_ready

st.set_page_config(page_title="Wegwijzer", page_icon="🧭", layout="wide")
require_ready()
st.navigation(
    {
        "Wegwijzer": [
            st.Page(PAGES["start"], title="Start", icon=":material/home:", default=True, url_path="start"),
            st.Page(PAGES["vragenlijst"], title="Vragenlijst", icon=":material/edit_note:", url_path="vragenlijst"),
            st.Page(PAGES["dashboard"], title="Dashboard", icon=":material/insights:", url_path="dashboard"),
        ],
        "Naslag": [
            st.Page(PAGES["bibliotheek"], title="Thema's", icon=":material/menu_book:", url_path="themas"),
            st.Page(PAGES["thema"], title="Thema", icon=":material/article:", url_path="thema", visibility="hidden"),
            st.Page(PAGES["gegevens"], title="Mijn gegevens", icon=":material/database:", url_path="gegevens"),
        ],
    }
).run()
