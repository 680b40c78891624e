"""Small shared widgets: links to the login routes, Dutch refusals, and problems shown where they happened."""

from __future__ import annotations

import streamlit as st

from wegwijzer.errors import DutchMessage

_PROBLEMS = "ww_problems"


def same_tab_link(label: str, href: str, *, primary: bool = False) -> None:
    """A link to one of the login routes, opened in this tab (st.link_button opens a new one).

    ``label`` and ``href`` are fixed strings of the app, never text someone typed.
    """
    style = ("display:inline-block;padding:.45rem .9rem;border-radius:.5rem;text-decoration:none;font-weight:600;"
             + ("background:#1d4f91;color:#fff;" if primary else "border:1px solid #c9ced6;color:#1f2328;"))
    st.markdown(f'<a href="{href}" target="_self" style="{style}">{label}</a>', unsafe_allow_html=True)


def refused(exc: DutchMessage) -> None:
    """Show a refusal or a problem in plain Dutch (never a traceback)."""
    st.error(exc.message)


def report_problem(where: str, message: str) -> None:
    """Remember a problem of a callback, to be shown by :func:`show_problem` at ``where`` in this rerun."""
    st.session_state.setdefault(_PROBLEMS, {})[where] = message


def show_problem(where: str) -> None:
    """Show (once) the problem a callback reported for ``where``, if any."""
    message = st.session_state.get(_PROBLEMS, {}).pop(where, None)
    if message:
        st.error(message, icon=":material/error:")
