"""Shared page plumbing: cached content and database, the active session, and error pages.

This is the only place where pages get their resources; the rules themselves live in src/wegwijzer.
"""

from __future__ import annotations

import streamlit as st

from wegwijzer.config import settings
from wegwijzer.content import Library, load_library
from wegwijzer.db import DatabaseProblem, Store
from wegwijzer.models import SessionRecord
from wegwijzer.problems import ContentError

PAGES = {
    "start": "app_pages/start.py",
    "vragenlijst": "app_pages/vragenlijst.py",
    "dashboard": "app_pages/dashboard.py",
    "bibliotheek": "app_pages/bibliotheek.py",
    "thema": "app_pages/thema.py",
    "gegevens": "app_pages/gegevens.py",
}


@st.cache_resource(show_spinner=False)
def _library(folder: str) -> Library:
    return load_library(folder)


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return Store(path)


def library() -> Library:
    return _library(str(settings().themes_dir))


def store() -> Store:
    return _store(str(settings().db_path))


def require_ready() -> None:
    """Load content and database, or show a clear Dutch error page and stop (never half the content)."""
    try:
        library()
    except ContentError as exc:
        st.title("Wegwijzer kan niet starten")
        st.error(
            f"De thema-inhoud bevat {len(exc.problems)} fout(en). Wegwijzer start pas als alle 100 thema's in orde "
            "zijn, zodat je nooit met een deel van de inhoud werkt. Er is niets aan je gegevens veranderd."
        )
        st.markdown("Herstel de bestanden hieronder (bestand:regel: code veld — wat er mis is — hoe je het oplost) "
                    "en controleer met `python -m wegwijzer check`.")
        st.code("\n".join(p.format() for p in exc.problems[:50]), language=None)
        st.stop()
    try:
        store()
    except DatabaseProblem as exc:
        st.title("Wegwijzer kan de database niet openen")
        st.error(exc.message)
        st.markdown("Het pad van de database stel je in met de omgevingsvariabele `WEGWIJZER_DB`. "
                    "Zie de README voor back-up en herstel.")
        st.stop()


def person_id() -> int:
    """The person using the app; in local mode the single local person."""
    if "person_id" not in st.session_state:
        st.session_state.person_id = store().local_person()
    return st.session_state.person_id


def own_session(session_id: object) -> SessionRecord | None:
    """The session with this id when it belongs to the current person, else None."""
    try:
        sid = int(str(session_id))
    except (TypeError, ValueError):
        return None
    record = store().session(sid)
    if record is None or record.person_id != person_id():
        return None
    return record


def session_from_query() -> SessionRecord | None:
    """The session named in the URL (``?sessie=``), remembered across pages in this browser tab."""
    raw = st.query_params.get("sessie") or st.session_state.get("active_session")
    record = own_session(raw) if raw is not None else None
    if record is not None:
        st.session_state.active_session = record.id
        if st.query_params.get("sessie") != str(record.id):
            st.query_params["sessie"] = str(record.id)
    return record


def no_session_notice() -> None:
    st.info("Kies eerst een sessie op de startpagina, of begin een nieuwe.")
    st.page_link(PAGES["start"], label="Naar de startpagina", icon=":material/home:")
    st.stop()


def session_title(record: SessionRecord) -> str:
    return record.label or f"Sessie van {record.created_at[:10]}"
