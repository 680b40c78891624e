"""My data: where it lives, import a session, delete sessions, everything, or (server mode) the account."""

import streamlit as st

from ui.callbacks import run
from ui.components import file_picker
from ui.context import server_mode, service
from ui.downloads import download
from ui.navigation import PAGES
from ui.session import session_title
from ui.widgets import refused, same_tab_link, show_problem
from wegwijzer import clock, text
from wegwijzer.config import settings
from wegwijzer.domain.records import SessionRecord
from wegwijzer.domain.scopes import SCOPE_LABELS
from wegwijzer.domain.transfer import MAX_IMPORT_BYTES, ImportRejected
from wegwijzer.service import Service, ServiceError
from wegwijzer.text import plain

svc = service()

st.title("Mijn gegevens")
if server_mode():
    st.markdown(
        "Je sessies staan in je account op deze server. Alleen jij ziet ze. Een intervisiegroep ziet alleen de "
        "scores van een afgeronde sessie die jij met de groep deelt (nooit je notities); een coach ziet alleen "
        "wat jij toestaat, tot je de toegang intrekt. De beheerder ziet namen en e-mailadressen, geen antwoorden."
    )
else:
    st.markdown(f"Alles wat je invult staat alleen op deze computer, in het bestand `{settings().db_path}`. "
                "Er gaat niets naar internet.")
    st.header("Back-up")
    st.markdown("Een back-up is een kopie van het hele bestand, met al je sessies, notities en acties. Bewaar haar "
                "op een veilige plek; terugzetten kan met `make restore` (zie de README).")
    today = clock.today().isoformat()
    download(st, "Back-up downloaden", lambda current: current.account.backup(), file_name=f"wegwijzer-backup-{today}.db",
             mime="application/vnd.sqlite3", icon=":material/download:")

st.header("Sessie importeren")
st.markdown("Kies een JSON-bestand dat Wegwijzer eerder heeft gemaakt, bijvoorbeeld op je eigen computer "
            "(dashboard → *Sessie (JSON)*). Het wordt als nieuwe sessie toegevoegd; er wordt niets overschreven. "
            "Een bestand dat niet klopt, verandert niets.")
chosen = file_picker("import_file", label="JSON-export van een sessie (hoogstens 2 MB)", accept=".json,application/json",
                     max_bytes=MAX_IMPORT_BYTES, too_big="Dit bestand is groter dan 2 MB en dus geen Wegwijzer-export.")
if chosen and chosen.get("text") is not None and st.button("Importeren", type="primary"):
    try:
        new_id = svc.sessions.import_json(chosen["text"].encode("utf-8"))
    except ImportRejected as exc:
        st.error(f"{plain(chosen['name'])} is niet geïmporteerd. {exc.message}")
    else:
        st.success("De sessie is geïmporteerd.")
        st.page_link(PAGES["dashboard"], label="Bekijk het dashboard", icon=":material/insights:",
                     query_params={"sessie": new_id})

st.header("Verwijderen")
if deleted := st.session_state.pop("deleted_session", None):
    st.success(f"De sessie {deleted} is verwijderd.")
sessions = svc.sessions.mine()


def describe(record: SessionRecord) -> str:
    """Enough to tell two sessions apart: name, date and time, scope, answers, where it came from."""
    made = text.date(record.created_at) + " " + record.created_at[11:16]
    return (f"{session_title(record)} · {made} · {SCOPE_LABELS[record.scope_kind]} · "
            f"{record.answered} van {text.themes(len(record.themes))} beantwoord"
            + (" · geïmporteerd" if record.imported else ""))


round_ = st.session_state.setdefault("delete_round", 0)  # a fresh choice and checkbox after each deletion
choice_key, confirm_key = f"delete_choice_{round_}", f"delete_confirm_{round_}"


def delete_chosen(current: Service) -> None:
    doomed = st.session_state.get(choice_key)
    record = next((s for s in current.sessions.mine() if s.id == doomed), None)
    if record is None:
        return
    current.sessions.delete(record.id)
    st.session_state.pop("active_session", None)
    st.session_state.delete_round = round_ + 1  # start afresh: nothing chosen, nothing ticked
    st.session_state.deleted_session = f"'{describe(record)}'"


if sessions:
    options = {s.id: describe(s) for s in sessions}
    st.selectbox("Sessie", list(options), format_func=options.get, key=choice_key, index=None,
                 placeholder="Kies de sessie die je wilt verwijderen")
    confirm = st.checkbox("Ja, verwijder deze sessie met alle antwoorden, notities en acties", key=confirm_key)
    show_problem("delete")
    st.button("Sessie verwijderen", disabled=not (confirm and st.session_state.get(choice_key)),
              icon=":material/delete:", on_click=run, args=(delete_chosen,), kwargs={"where": "delete"})
    st.divider()
    confirm_all = st.checkbox("Ja, verwijder al mijn sessies, antwoorden, notities en acties", key="delete_all_confirm")
    if st.button("Alle sessies verwijderen", disabled=not confirm_all, icon=":material/delete_forever:"):
        svc.sessions.delete_all_mine()
        st.session_state.clear()
        st.session_state.deleted_session = "en alle andere"
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
