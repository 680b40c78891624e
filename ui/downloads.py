"""Files made when the download button is clicked, for whoever is still logged in at that moment.

Streamlit runs a download's ``data`` callable in a worker thread, outside the page script, where the
login cookie cannot be read. So the callable keeps the login token of the page that drew the button
and asks the database again when it runs: after a logout (the token is gone) nothing is made.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.context import library, server_mode, store
from wegwijzer.service import Service, auth
from wegwijzer.service.access import AccessDenied, Actor

Made = bytes | str


def made_for_me(make: Callable[[Service], Made]) -> Callable[[], Made]:
    """A ``data`` callable for ``st.download_button`` that checks the identity when the file is made."""
    local = st.session_state.get("local_person") if not server_mode() else None
    token = None if local is not None else st.context.cookies.get(auth.COOKIE_NAME)
    shared_store, content = store(), library()

    def build() -> Made:
        person = local if local is not None else auth.person_for_token(shared_store, token)
        if person is None:
            raise AccessDenied("Je bent intussen uitgelogd; log opnieuw in om dit bestand te downloaden.")
        return make(Service(shared_store, content, Actor(person)))

    return build
