"""Where pages get their resources: the content, the database and a service for whoever is using the app.

Content and database are loaded once per process (shared with the HTTP routes of server.py); no
Streamlit cache in between, whose key hashing cost more per rerun than the lookup itself. The
identity is read from the login cookie on every call of :func:`service`, so a logout in another tab
counts from the next click on.
"""

from __future__ import annotations

import streamlit as st

from ui.account_form import change_password_form
from ui.widgets import same_tab_link, show_failure
from wegwijzer import text
from wegwijzer.config import settings
from wegwijzer.content.library import Library, shared_library
from wegwijzer.content.problems import ContentError
from wegwijzer.service import Service, auth
from wegwijzer.service.access import Actor
from wegwijzer.storage import DatabaseProblem, Store, shared_store


def library() -> Library:
    return shared_library(str(settings().themes_dir))  # once per process, shared with server.py's routes


def store() -> Store:
    return shared_store(str(settings().db_path))  # one connection per process, shared with the login routes


def server_mode() -> bool:
    return settings().server_mode


def require_ready() -> None:
    """Load content and database, or show a clear Dutch error page and stop (never half the content)."""
    try:
        library()
    except ContentError as exc:
        st.title("Wegwijzer kan niet starten")
        st.error(
            f"De thema-inhoud bevat {text.count(len(exc.problems), 'fout', 'fouten')}. Wegwijzer start pas als alle 100 thema's in orde "
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
        if server_mode():  # visitors get what is wrong and what to do; the path is in the server log
            show_failure(exc, "start")
            st.stop()
        st.error(exc.message)
        st.markdown("Het pad van de database stel je in met de omgevingsvariabele `WEGWIJZER_DB`. "
                    "Zie de README voor back-up en herstel.")
        st.stop()


def actor() -> Actor:
    """Who is using the app now: the local person, or whoever the login cookie belongs to (asked every time)."""
    if not server_mode():
        if "local_person" not in st.session_state:
            st.session_state.local_person = store().people.local_person()
        return Actor(st.session_state.local_person)
    return Actor(auth.person_for_token(store(), st.context.cookies.get(auth.COOKIE_NAME)))


def service() -> Service:
    """A service for whoever is using the app at this moment. Build it anew in every callback."""
    return Service(store(), library(), actor())


def require_login() -> Service:
    """In server mode: the service for the logged-in person, or a Dutch notice with a login link."""
    svc = service()
    if svc.actor.signed_in or not server_mode():
        account = svc.account.mine() if server_mode() else None
        if account is not None and account.must_change_password:
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
    try:
        return _login_state()
    except Exception as exc:  # noqa: BLE001 - the database failed underneath: a Dutch page, the detail logged
        st.title("Wegwijzer kan nu niet verder")
        show_failure(exc, "login state")
        st.stop()


def _login_state() -> str:
    svc = service()
    if not svc.actor.signed_in:
        return "logged_out"
    account = svc.account.mine()
    if account is None:
        return "logged_out"
    if account.must_change_password:
        return "must_change"
    return "admin" if account.is_admin else "user"
