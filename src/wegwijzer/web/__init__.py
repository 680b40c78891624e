"""The HTTP side: the login routes of server mode, the rater's form, a note sent as the page closes, and
the middleware (the login gate, the page shell: Dutch, house style, page scripts). Every route calls the guarded service."""

from __future__ import annotations

import os

from starlette.middleware import Middleware
from starlette.routing import Route

from wegwijzer.config import settings
from wegwijzer.service import auth
from wegwijzer.web.base import store
from wegwijzer.web.gate import LoginGate
from wegwijzer.web.login import login_page, logout_page, register_page, reset_page
from wegwijzer.web.notes import note_beacon
from wegwijzer.web.rater import rater_page
from wegwijzer.web.shell import PageShell


def routes() -> list[Route]:
    return [
        Route("/inloggen", login_page, methods=["GET", "POST"]),
        Route("/registreren", register_page, methods=["GET", "POST"]),
        Route("/uitloggen", logout_page, methods=["GET", "POST"]),
        Route("/wachtwoord-herstellen", reset_page, methods=["GET", "POST"]),
        Route("/feedback/{token}", rater_page, methods=["GET", "POST"]),
        Route("/notitie", note_beacon, methods=["POST"]),
    ]


def middleware() -> list[Middleware]:
    return [Middleware(PageShell), Middleware(LoginGate)]


def create_admin_from_environment() -> str | None:
    """Create the first administrator from WEGWIJZER_ADMIN_EMAIL/_NAME/_PASSWORD when there is none yet.

    Returns a Dutch line for the server log, or None when nothing was to be done.
    """
    email, password = os.environ.get("WEGWIJZER_ADMIN_EMAIL"), os.environ.get("WEGWIJZER_ADMIN_PASSWORD")
    if not settings().server_mode or not email or not password or store().people.has_admin():
        return None
    try:
        auth.register(store(), os.environ.get("WEGWIJZER_ADMIN_NAME", "Beheerder"), email, password, is_admin=True)
    except auth.LoginRefused as exc:
        raise SystemExit(f"WEGWIJZER_ADMIN_EMAIL/WEGWIJZER_ADMIN_PASSWORD: {exc.message}") from None
    return f"Beheerder {email} aangemaakt."
