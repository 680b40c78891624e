"""Widget callbacks that check who is asking when they run, and never show a traceback.

A Streamlit callback runs before the page script, so a service made in the previous run may belong to
someone who has logged out in the meantime (in another tab). :func:`run` builds the service anew,
refuses when nobody is logged in any more, and turns every Dutch refusal or problem into a message
shown where it happened (see :func:`ui.widgets.show_problem`); so does a failure underneath (a full disk, a
read-only database), whose detail goes to the server log (``service/failures.py``).

    st.radio(..., on_change=run, args=(save_mastery, session_id, theme), kwargs={"where": "theme_5"})
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.context import server_mode, service
from ui.widgets import report_problem
from wegwijzer.errors import DutchMessage
from wegwijzer.service import Service, failures

LOGGED_OUT = "Je bent intussen uitgelogd, bijvoorbeeld in een ander venster. Er is niets bewaard; log opnieuw in."
PAGE = "page"


def run(action: Callable[..., Any], *args: Any, where: str = PAGE) -> None:
    """Call ``action(svc, *args)`` with a service for whoever is logged in now."""
    svc: Service = service()
    if server_mode() and not svc.actor.signed_in:
        report_problem(where, LOGGED_OUT)
        return
    try:
        action(svc, *args)
    except DutchMessage as exc:
        report_problem(where, exc.message)
    except Exception as exc:  # noqa: BLE001 - whatever failed, the person gets Dutch, the log the detail
        failure = failures.report(exc, f"callback {getattr(action, '__name__', action)} at {where}")
        report_problem(where, f"{failure.title}. {failure.message}")
