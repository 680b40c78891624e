"""Middleware: the login gate of server mode, and the door of the websocket in every mode.

- A page load (GET or HEAD alike) without a valid login is sent to the login page.
- A file under ``/media/`` is served only to the logged-in person it was made for, while the grant lasts
  (``web/media.py``); anyone else gets a plain 404.
- A websocket handshake (``/_stcore/stream``, where the app itself runs) is accepted only from the app's
  own origin (``base.own_origin``) and, in server mode, only with a valid login cookie. A refused handshake
  is closed before it is accepted, which the server answers with HTTP 403.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocketClose

from wegwijzer.config import settings
from wegwijzer.web import media
from wegwijzer.web.base import current_person, own_origin
from wegwijzer.web.rater import RATER_PATH

OPEN_PATHS = ("/inloggen", "/registreren", "/uitloggen", "/wachtwoord-herstellen", "/_stcore/", "/static/", "/favicon", "/manifest",
              "/robots.txt")
METRICS_PATH = "/_stcore/metrics"  # Streamlit's server figures: only for someone logged in, in server mode
GATED_METHODS = {"GET", "HEAD"}  # HEAD answers what GET would, so it passes the same gate
POLICY_VIOLATION = 1008
NO_FILE = "Dit bestand is er niet (meer). Download het opnieuw vanuit Wegwijzer."

log = logging.getLogger(__name__)


class LoginGate:
    """In server mode, send a page load without a valid login to the login page; guard files, websockets and
    Streamlit's metrics."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and not self._websocket_allowed(scope):
            await WebSocketClose(code=POLICY_VIOLATION)(scope, receive, send)
            return
        if scope["type"] == "http" and scope["path"] == METRICS_PATH and settings().server_mode:
            if current_person(HTTPConnection(scope)) is None:
                await PlainTextResponse("Log eerst in.", status_code=403)(scope, receive, send)
                return
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

    @staticmethod
    def _websocket_allowed(scope: Scope) -> bool:
        connection = HTTPConnection(scope)
        origin, host = connection.headers.get("origin"), connection.headers.get("host")
        if not own_origin(origin, host):
            log.warning("Websocket refused: origin %r is not this app's (host %r)", origin, host)
            return False
        return not settings().server_mode or current_person(connection) is not None
