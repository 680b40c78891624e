"""Shared page plumbing: cached content and database, the active session, and error pages.

This is the only place where pages get their resources; the rules themselves live in src/wegwijzer.
"""

from __future__ import annotations

import streamlit as st

from wegwijzer.config import settings
from wegwijzer.content.library import Library, shared_library
from wegwijzer.content.problems import ContentError
from wegwijzer.domain.records import SessionRecord
from wegwijzer.errors import DutchMessage
from wegwijzer.service import Service, auth
from wegwijzer.service.access import Actor
from wegwijzer.storage.database import DatabaseProblem, Store, shared_store

PAGES = {
    "start": "app_pages/start.py",
    "vragenlijst": "app_pages/vragenlijst.py",
    "dashboard": "app_pages/dashboard.py",
    "bibliotheek": "app_pages/bibliotheek.py",
    "thema": "app_pages/thema.py",
    "gegevens": "app_pages/gegevens.py",
    "groepen": "app_pages/groepen.py",
    "groep": "app_pages/groep.py",
    "coaching": "app_pages/coaching.py",
    "coachee": "app_pages/coachee.py",
    "functieprofiel": "app_pages/functieprofiel.py",
    "onderzoek": "app_pages/onderzoek.py",
    "spiegel": "app_pages/spiegel.py",
    "account": "app_pages/account.py",
    "beheer": "app_pages/beheer.py",
}


@st.cache_resource(show_spinner=False)
def _library(folder: str) -> Library:
    return shared_library(folder)  # the same content object as the rater form of server.py


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return shared_store(path)  # the same connection as the login routes of server.py


@st.cache_resource(show_spinner=False)
def _methods(path: str) -> tuple:
    from wegwijzer.content.methods import load_methods

    return load_methods(path)


def methods() -> tuple:
    """The intervision methods (inhoud/intervisiemethodes.yaml), loaded once."""
    from wegwijzer.content.methods import DEFAULT_PATH

    return _methods(str(DEFAULT_PATH))


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


def server_mode() -> bool:
    return settings().server_mode


def actor() -> Actor:
    """Who is using the app: the local person, or whoever the login cookie belongs to (checked every run)."""
    if not server_mode():
        if "local_person" not in st.session_state:
            st.session_state.local_person = store().local_person()
        return Actor(st.session_state.local_person)
    return Actor(auth.person_for_token(store(), st.context.cookies.get(auth.COOKIE_NAME)))


def service() -> Service:
    return Service(store(), library(), actor())


def same_tab_link(label: str, href: str, *, primary: bool = False) -> None:
    """A link to one of the login routes, opened in this tab (st.link_button opens a new one).

    ``label`` and ``href`` are fixed strings of the app, never text someone typed.
    """
    style = ("display:inline-block;padding:.45rem .9rem;border-radius:.5rem;text-decoration:none;font-weight:600;"
             + ("background:#1d4f91;color:#fff;" if primary else "border:1px solid #c9ced6;color:#1f2328;"))
    st.markdown(f'<a href="{href}" target="_self" style="{style}">{label}</a>', unsafe_allow_html=True)


def require_login() -> Service:
    """In server mode: the service for the logged-in person, or a Dutch notice with a login link."""
    svc = service()
    if svc.actor.signed_in or not server_mode():
        account = svc.my_account() if server_mode() else None
        if account is not None and account.must_change_password:
            from ui.account_form import change_password_form

            st.title("Kies een nieuw wachtwoord")
            st.info("Je bent ingelogd met een tijdelijk wachtwoord van de beheerder. Kies eerst een eigen wachtwoord.")
            change_password_form(svc)
            st.stop()
        return svc
    st.title("Je bent niet ingelogd")
    st.info("Log in om Wegwijzer te gebruiken. Was je ingelogd? Dan ben je intussen uitgelogd, "
            "bijvoorbeeld in een ander venster.")
    same_tab_link("Naar de inlogpagina", "inloggen", primary=True)
    st.stop()


def login_state() -> str:
    """"local", "logged_out", "must_change", "user" or "admin": which pages the navigation offers."""
    if not server_mode():
        return "local"
    svc = service()
    if not svc.actor.signed_in:
        return "logged_out"
    account = svc.my_account()
    if account is None:
        return "logged_out"
    if account.must_change_password:
        return "must_change"
    return "admin" if account.is_admin else "user"


def own_session(session_id: object) -> SessionRecord | None:
    """The session with this id when the current person may read it as its owner, else None."""
    try:
        sid = int(str(session_id))
    except (TypeError, ValueError):
        return None
    svc = service()
    if not svc.may("answers", session_id=sid):
        return None
    return svc.session(sid)


def refused(exc: DutchMessage) -> None:
    """Show a refusal or a problem in plain Dutch (never a traceback)."""
    st.error(exc.message)


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
    if st.query_params.get("sessie"):
        st.title("Sessie niet gevonden")
        st.error("Deze sessie is niet met je gedeeld, of bestaat niet (meer).")
    else:
        st.title("Nog geen sessie gekozen")
        st.info("Kies eerst een sessie op de startpagina, of begin een nieuwe.")
    st.page_link(PAGES["start"], label="Naar de startpagina", icon=":material/home:")
    st.stop()


def session_title(record: SessionRecord) -> str:
    return record.label or f"Sessie van {record.created_at[:10]}"
