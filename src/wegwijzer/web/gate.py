"""Middleware: the login gate of server mode.

- A page load (GET or HEAD alike) without a valid login is sent to the login page.
- A file under ``/media/`` is served only to the logged-in person it was made for, while the grant lasts
  (``web/media.py``); anyone else gets a plain 404.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from wegwijzer.config import settings
from wegwijzer.web import media
from wegwijzer.web.base import current_person
from wegwijzer.web.rater import RATER_PATH

OPEN_PATHS = ("/inloggen", "/registreren", "/uitloggen", "/_stcore/", "/static/", "/favicon", "/manifest",
              "/robots.txt")
GATED_METHODS = {"GET", "HEAD"}  # HEAD answers what GET would, so it passes the same gate
NO_FILE = "Dit bestand is er niet (meer). Download het opnieuw vanuit Wegwijzer."


class LoginGate:
    """In server mode, send a page load without a valid login to the login page; guard the files it serves."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in GATED_METHODS and settings().server_mode:
            path = scope["path"]
            if path.startswith(media.MEDIA_PREFIX):
                if not media.may_fetch(path, current_person(HTTPConnection(scope))):
                    response = PlainTextResponse(NO_FILE, status_code=404, headers={"Cache-Control": "no-store"})
                    await response(scope, receive, send)
                    return
            elif not path.startswith(OPEN_PATHS) and not RATER_PATH.match(path):
                if current_person(HTTPConnection(scope)) is None:
                    target = path + (f"?{scope['query_string'].decode()}" if scope["query_string"] else "")
                    depth = path.count("/") - 1
                    prefix = "../" * depth if depth else "./"
                    response = RedirectResponse(f"{prefix}inloggen?next={quote(target)}", status_code=303)
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)
