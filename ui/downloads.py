"""Every download of the app: made when the button is clicked, for whoever is still logged in at that moment,
and served only to that person.

Streamlit runs a download's ``data`` callable in a worker thread, outside the page script, where the
login cookie cannot be read. So the callable keeps the login token of the page that drew the button
and asks the database again when it runs: after a logout (the token is gone) nothing is made. The file it
makes is then granted to that person alone (``wegwijzer.web.media``): the login gate serves its
``/media/<id>`` URL to nobody else, and to nobody at all once the grant has expired.

Pages call :func:`download` and never ``st.download_button`` themselves (a unit test keeps it so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.runtime.memory_media_file_storage import _calculate_file_id

from ui.context import library, server_mode, store
from wegwijzer.service import Service, auth
from wegwijzer.service.access import AccessDenied, Actor
from wegwijzer.web import media

Made = bytes | str


def media_file_id(data: bytes, mime: str, file_name: str) -> str:
    """The id under which Streamlit stores and serves this file (``/media/<id>.<ext>``)."""
    return _calculate_file_id(data, mime, file_name)


def made_for_me(make: Callable[[Service], Made], *, mime: str, file_name: str) -> Callable[[], bytes]:
    """A ``data`` callable for ``st.download_button`` that checks the identity when the file is made and
    grants the file to that person."""
    local = st.session_state.get("local_person") if not server_mode() else None
    token = None if local is not None else st.context.cookies.get(auth.COOKIE_NAME)
    shared_store, content = store(), library()

    def build() -> bytes:
        person = local if local is not None else auth.person_for_token(shared_store, token)
        if person is None:
            raise AccessDenied("Je bent intussen uitgelogd; log opnieuw in om dit bestand te downloaden.")
        made = make(Service(shared_store, content, Actor(person)))
        data = made.encode("utf-8") if isinstance(made, str) else made
        media.grant(media_file_id(data, mime, file_name), person)
        return data

    return build


def download(where: Any, label: str, make: Callable[[Service], Made], *, file_name: str, mime: str,
             icon: str) -> None:
    """A download button in ``where`` (``st`` or a column) whose file ``make`` builds at the click."""
    where.download_button(label, made_for_me(make, mime=mime, file_name=file_name), on_click="ignore",
                          file_name=file_name, mime=mime, icon=icon)
