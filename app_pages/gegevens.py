"""My data: where it lives, import a session, delete sessions or everything."""

import streamlit as st

from app_pages.common import PAGES, library, person_id, session_title, store
from wegwijzer.config import settings
from wegwijzer.transfer import ImportRejected, import_session

lib = library()
db = store()

st.title("Mijn gegevens")
st.markdown(
    f"Alles wat je invult staat alleen op deze computer, in het bestand `{settings().db_path}`. "
    "Er gaat niets naar internet. Maak een back-up met `make backup` (zie de README) of met de knoppen "
    "*Sessie (JSON)* op het dashboard."
)

st.header("Sessie importeren")
st.caption("Kies een JSON-bestand dat Wegwijzer eerder heeft gemaakt. Het wordt als nieuwe sessie toegevoegd; "
           "er wordt niets overschreven. Een bestand dat niet klopt, verandert niets.")
upload = st.file_uploader("JSON-export van een sessie", type=["json"], key="import_file")
if upload is not None and st.button("Importeren", type="primary"):
    try:
        new_id = import_session(db, person_id(), upload.getvalue(), lib)
    except ImportRejected as exc:
        st.error(f"Niet geïmporteerd: {exc.message}")
    else:
        st.success("De sessie is geïmporteerd.")
        st.page_link(PAGES["dashboard"], label="Bekijk het dashboard", icon=":material/insights:",
                     query_params={"sessie": new_id})

st.header("Verwijderen")
sessions = db.sessions_of(person_id())
if sessions:
    options = {s.id: f"{session_title(s)} ({s.created_at[:10]}, {s.answered} antwoorden)" for s in sessions}
    doomed = st.selectbox("Sessie", list(options), format_func=options.get, key="delete_choice")
    confirm = st.checkbox("Ja, verwijder deze sessie met alle antwoorden, notities en acties", key="delete_confirm")
    if st.button("Sessie verwijderen", disabled=not confirm, icon=":material/delete:"):
        db.delete_session(doomed)
        st.session_state.pop("active_session", None)
        st.session_state.pop("delete_confirm", None)
        st.success("De sessie is verwijderd.")
        st.rerun()
    st.divider()
    confirm_all = st.checkbox("Ja, verwijder al mijn sessies, antwoorden, notities en acties", key="delete_all_confirm")
    if st.button("Alles verwijderen", disabled=not confirm_all, type="primary", icon=":material/delete_forever:"):
        db.delete_person_data(person_id())
        st.session_state.clear()
        st.rerun()
else:
    st.caption("Er zijn geen sessies opgeslagen.")
