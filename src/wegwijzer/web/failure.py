"""Middleware: a failure underneath any HTTP route is a Dutch page, never "500 Internal Server Error".

A read-only, damaged, missing or full database (or any other error before a response has started) gives
a page in the house style that says what is wrong and what to do; the detail, with its traceback and the
database path, goes to the server log (``service/failures.py``). Websockets pass untouched.
"""

from __future__ import annotations

from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wegwijzer.render import documents
from wegwijzer.service import failures


def failure_page(exc: BaseException, where: str) -> HTMLResponse:
    failure = failures.report(exc, where)
    html = documents.render("auth.html", title=failure.title, lead=failure.title, form="none", error=failure.message)
    return HTMLResponse(html, status_code=failure.status, headers={"Cache-Control": "no-store", "Retry-After": "60"})


class FailurePage:
    """The outermost middleware of our own: catches what every inner layer let through."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception as exc:
            if started:  # half a response is out: nothing better to send than closing it
                raise
            await failure_page(exc, f"{scope['method']} {scope['path']}")(scope, receive, send)
