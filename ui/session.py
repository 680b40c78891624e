"""The active session of this browser tab: from the URL (``?sessie=``), remembered across pages."""

from __future__ import annotations

import streamlit as st

from ui.context import service
from ui.navigation import PAGES
from wegwijzer import text
from wegwijzer.domain.records import SessionRecord


def own_session(session_id: object) -> SessionRecord | None:
    """The session with this id when the current person may read it as its owner, else None."""
    try:
        sid = int(str(session_id))
    except (TypeError, ValueError):
        return None
    svc = service()
    if not svc.may("sessions.answers", session_id=sid):
        return None
    return svc.sessions.get(sid)


def session_from_query() -> SessionRecord | None:
    """The session named in the URL, else the one this tab had open, else the one worked on last (a new tab
    opened on Vragenlijst or Dashboard shows that); the URL is kept in step."""
    raw = st.query_params.get("sessie") or st.session_state.get("active_session")
    if raw is None:
        return _latest()
    record = own_session(raw)
    if record is not None:
        st.session_state.active_session = record.id
        if st.query_params.get("sessie") != str(record.id):
            st.query_params["sessie"] = str(record.id)
    return record


def _latest() -> SessionRecord | None:
    mine = service().sessions.mine()
    record = max(mine, key=lambda s: (s.updated_at, s.id)) if mine else None
    if record is not None:
        st.session_state.active_session = record.id
        st.query_params["sessie"] = str(record.id)
    return record


def no_session_notice() -> None:
    if st.query_params.get("sessie"):
        st.title("Sessie niet gevonden")
        st.error("Deze sessie is niet met je gedeeld, of bestaat niet (meer).")
    else:
        st.title("Nog geen sessie gekozen")
        st.info("Kies eerst een sessie op de startpagina, of begin een nieuwe.")
    st.page_link(PAGES["start"], label="Naar de startpagina", icon=":material/home:")
    st.stop()


def session_title(record: SessionRecord) -> str:
    return record.label or f"Sessie van {text.date(record.created_at)}"
