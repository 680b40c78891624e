"""The HTTP side: the login routes of server mode, the rater's form, a note sent as the page closes, and
the middleware (a Dutch page for any failure underneath, the login gate, the page shell: Dutch, house style,
page scripts). Every route calls the guarded service."""

from __future__ import annotations

import os

from starlette.middleware import Middleware
from starlette.routing import Route

from wegwijzer.config import settings
from wegwijzer.domain import credentials
from wegwijzer.service import auth, failures
from wegwijzer.storage import DatabaseProblem
from wegwijzer.web.base import store
from wegwijzer.web.failure import FailurePage
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
    return [Middleware(FailurePage), Middleware(PageShell), Middleware(LoginGate)]


def trust_forwarded_addresses_only_from_our_proxies() -> None:
    """Make uvicorn (which serves the app) believe X-Forwarded-For only from our proxies, or from nobody.

    Left alone, uvicorn believes X-Forwarded-For from 127.0.0.1 and ::1, whoever connects from there, and
    puts that address in place of the real one before any of our code sees the request. Its setting
    (``FORWARDED_ALLOW_IPS``) is read before ``server.py`` is imported, so server.py calls this at import:
    uvicorn wraps the app in its proxy middleware only after that import, and then gets ours.
    """
    import uvicorn.config
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    proxies = list(settings().proxies)
    os.environ["FORWARDED_ALLOW_IPS"] = ",".join(proxies)

    class OurProxiesOnly(ProxyHeadersMiddleware):
        def __init__(self, app, trusted_hosts=None):  # noqa: ANN001 - uvicorn's signature
            super().__init__(app, trusted_hosts=proxies)

    uvicorn.config.ProxyHeadersMiddleware = OurProxiesOnly  # type: ignore[misc]


def create_admin_from_environment() -> str | None:
    """Create the first administrator from WEGWIJZER_ADMIN_EMAIL/_NAME/_PASSWORD when there is none yet.

    Returns a Dutch line for the server log, or None when nothing was to be done.
    """
    email, password = os.environ.get("WEGWIJZER_ADMIN_EMAIL"), os.environ.get("WEGWIJZER_ADMIN_PASSWORD")
    if not settings().server_mode or not email or not password:
        return None
    try:
        if store().people.has_admin():
            return None
    except DatabaseProblem as exc:  # the server still starts: every page then says in Dutch what is wrong
        failures.report(exc, "creating the administrator at start")
        return None
    try:
        auth.register(store(), os.environ.get("WEGWIJZER_ADMIN_NAME", "Beheerder"), email, password, is_admin=True)
    except auth.LoginRefused as exc:
        found = store().people.account_by_email(credentials.normalise_email(email))
        if found is not None and found[0].is_admin:  # another server process on this database was first
            return None
        raise SystemExit(f"WEGWIJZER_ADMIN_EMAIL/WEGWIJZER_ADMIN_PASSWORD: {exc.message}") from None
    return f"Beheerder {email} aangemaakt."
