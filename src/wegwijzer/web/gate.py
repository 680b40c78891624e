"""Middleware: the login gate of server mode, and the app's page served in Dutch."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wegwijzer.config import settings
from wegwijzer.web.base import current_person
from wegwijzer.web.rater import RATER_PATH

OPEN_PATHS = ("/inloggen", "/registreren", "/uitloggen", "/_stcore/", "/static/", "/favicon", "/manifest",
              "/robots.txt")
ASSET_PATHS = ("/_stcore/", "/static/", "/media/", "/component/", "/favicon", "/manifest", "/robots.txt")


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




class DutchPage:
    """Serve the app's page with ``<html lang="nl">``: Streamlit's index.html says "en", so screen readers would
    pronounce Dutch as English and browsers would offer to translate it."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(ASSET_PATHS):
            await self.app(scope, receive, send)
            return
        # the page itself is small: ask it uncompressed, so that its one attribute can be changed
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_dutch(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if not content_type.startswith(b"text/html"):
                    start = None
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks).replace(b'<html lang="en">', b'<html lang="nl">', 1)
            response_headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            await send({**start, "headers": [*response_headers, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app({**scope, "headers": headers}, receive, send_dutch)
