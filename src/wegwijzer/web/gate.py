"""Middleware: the login gate of server mode."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from wegwijzer.config import settings
from wegwijzer.web.base import current_person
from wegwijzer.web.rater import RATER_PATH

OPEN_PATHS = ("/inloggen", "/registreren", "/uitloggen", "/wachtwoord-herstellen", "/_stcore/", "/static/", "/favicon", "/manifest",
              "/robots.txt")


class LoginGate:
    """In server mode, send a page load without a valid login to the login page."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and settings().server_mode:
            path = scope["path"]
            if not path.startswith(OPEN_PATHS) and not RATER_PATH.match(path):
                request = Request(scope)
                if current_person(request) is None:
                    target = path + (f"?{scope['query_string'].decode()}" if scope["query_string"] else "")
                    depth = path.count("/") - 1
                    prefix = "../" * depth if depth else "./"
                    response = RedirectResponse(f"{prefix}inloggen?next={quote(target)}", status_code=303)
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)
