"""My data: where it lives, import a session, delete sessions, everything, or (server mode) the account."""

import streamlit as st

from ui.context import server_mode, service
from ui.navigation import PAGES
from ui.session import session_title
from ui.widgets import refused, same_tab_link
from wegwijzer.config import settings
from wegwijzer.domain.transfer import ImportRejected
from wegwijzer.service import ServiceError

svc = service()

st.title("Mijn gegevens")
if server_mode():
    st.markdown(
        "Je sessies staan in je account op deze server. Alleen jij ziet ze. Een intervisiegroep ziet alleen de "
        "scores van een afgeronde sessie die jij met de groep deelt (nooit je notities); een coach ziet alleen "
        "wat jij toestaat, tot je de toegang intrekt. De beheerder ziet namen en e-mailadressen, geen antwoorden."
    )
else:
    st.markdown(
        f"Alles wat je invult staat alleen op deze computer, in het bestand `{settings().db_path}`. "
        "Er gaat niets naar internet. Maak een back-up met `make backup` (zie de README) of met de knoppen "
        "*Sessie (JSON)* op het dashboard."
    )

st.header("Sessie importeren")
st.caption("Kies een JSON-bestand dat Wegwijzer eerder heeft gemaakt, bijvoorbeeld op je eigen computer "
           "(dashboard → *Sessie (JSON)*). Het wordt als nieuwe sessie toegevoegd; er wordt niets overschreven. "
           "Een bestand dat niet klopt, verandert niets.")
upload = st.file_uploader("JSON-export van een sessie", type=["json"], key="import_file")
if upload is not None and st.button("Importeren", type="primary"):
    try:
        new_id = svc.sessions.import_json(upload.getvalue())
    except ImportRejected as exc:
        st.error(f"Niet geïmporteerd: {exc.message}")
    else:
        st.success("De sessie is geïmporteerd.")
        st.page_link(PAGES["dashboard"], label="Bekijk het dashboard", icon=":material/insights:",
                     query_params={"sessie": new_id})

st.header("Verwijderen")
sessions = svc.sessions.mine()
if sessions:
    options = {s.id: f"{session_title(s)} ({s.created_at[:10]}, {s.answered} antwoorden)" for s in sessions}
    doomed = st.selectbox("Sessie", list(options), format_func=options.get, key="delete_choice")
    confirm = st.checkbox("Ja, verwijder deze sessie met alle antwoorden, notities en acties", key="delete_confirm")
    if st.button("Sessie verwijderen", disabled=not confirm, icon=":material/delete:"):
        svc.sessions.delete(doomed)
        st.session_state.pop("active_session", None)
        st.session_state.pop("delete_confirm", None)
        st.success("De sessie is verwijderd.")
        st.rerun()
    st.divider()
    confirm_all = st.checkbox("Ja, verwijder al mijn sessies, antwoorden, notities en acties", key="delete_all_confirm")
    if st.button("Alle sessies verwijderen", disabled=not confirm_all, icon=":material/delete_forever:"):
        svc.sessions.delete_all_mine()
        st.session_state.clear()
        st.rerun()
else:
    st.caption("Er zijn geen sessies opgeslagen.")

if server_mode():
    st.header("Account verwijderen")
    st.markdown("Dit wist je account met alles wat erbij hoort, direct en definitief: je sessies, antwoorden, "
                "notities en acties, je deelname aan groepen, groepen die jij hebt gemaakt (die worden opgeheven) "
                "en alle coachrelaties, ook de voorbereidingen die een coach voor jou maakte.")
    with st.form("delete_account"):
        password = st.text_input("Je wachtwoord, ter bevestiging", type="password")
        sure = st.checkbox("Ja, wis mijn account en al mijn gegevens")
        if st.form_submit_button("Account definitief verwijderen", type="primary", icon=":material/person_remove:"):
            if not sure:
                st.error("Vink eerst aan dat je je account wilt wissen.")
            else:
                try:
                    svc.account.delete(password)
                except ServiceError as exc:
                    refused(exc)
                else:
                    st.session_state.clear()
                    st.success("Je account en al je gegevens zijn gewist.")
                    same_tab_link("Naar de inlogpagina", "inloggen", primary=True)
                    st.stop()
