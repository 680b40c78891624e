"""The page the browser loads, made ours once instead of on every rerun.

Streamlit serves one ``index.html`` for every address of the app. :class:`PageShell` serves it with
``<html lang="nl">`` (screen readers pronounce the page as Dutch, browsers offer no translation), and puts
in its head what every page needs and what no rerun should have to send again:

- ``page/house.css``: the house style (spacing, focus ring, contrast) that the theme cannot say;
- ``page/dutch.js``: Streamlit's own few English texts replaced by Dutch (``framework_text.py``);
- ``page/notes.js``: note texts sent as typing pauses and as the tab closes (route ``/notitie``);
- ``page/step.js``: a new questionnaire step starts at its heading, for keyboard and screen reader.

Run the app through ``server.py`` (``make run``); ``streamlit run app.py`` works but has none of this.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wegwijzer.web import framework_text

PAGE = Path(__file__).parent / "page"
ASSET_PATHS = ("/_stcore/", "/static/", "/media/", "/component/", "/favicon", "/manifest", "/robots.txt")
SCRIPTS = ("dutch.js", "notes.js", "step.js")


@functools.cache
def head_additions() -> bytes:
    """The style and scripts added to the head of the page: read once per process."""
    text = json.dumps({"exact": framework_text.EXACT, "prefix": framework_text.PREFIX}, ensure_ascii=False)
    text = text.replace("<", "\\u003c")  # no "</script>" or "<!--" inside the script, whatever the texts hold
    parts = [f"<style>{(PAGE / 'house.css').read_text(encoding='utf-8')}</style>",
             f"<script>window.__wegwijzerText = {text};</script>",
             *(f"<script>{(PAGE / name).read_text(encoding='utf-8')}</script>" for name in SCRIPTS)]
    return "\n".join(parts).encode("utf-8")


def shaped(page: bytes) -> bytes:
    """Streamlit's index.html, in Dutch and with our head additions."""
    page = page.replace(b'<html lang="en">', b'<html lang="nl">', 1)
    return page.replace(b"</head>", head_additions() + b"</head>", 1)


class PageShell:
    """Serve the app's page through :func:`shaped`; every other response passes untouched."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(ASSET_PATHS):
            await self.app(scope, receive, send)
            return
        # the page itself is small: ask it uncompressed, so that it can be changed
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_shaped(message: Message) -> None:
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
            body = shaped(b"".join(chunks))
            response_headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            await send({**start, "headers": [*response_headers, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app({**scope, "headers": headers}, receive, send_shaped)
