"""A small client of Streamlit's websocket protocol: what a browser tab does, without the browser.

It opens ``/_stcore/stream`` with a given origin and cookie, runs a page, reads the buttons the page drew,
and asks for a deferred download the way the frontend does when such a button is clicked.
"""

from __future__ import annotations

import itertools
import urllib.parse

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import ClientConnection, connect

from wegwijzer.service import auth

_requests = itertools.count(1)


def open_stream(url: str, *, token: str | None = None, origin: str | None = None) -> ClientConnection:
    """The handshake a tab of ``origin`` (default: the app's own) makes, with the login cookie ``token``.

    A refused handshake raises ``websockets.exceptions.InvalidStatus`` (HTTP 403)."""
    parts = urllib.parse.urlsplit(url)
    headers = {"Cookie": f"{auth.COOKIE_NAME}={token}"} if token else {}
    return connect(f"ws://{parts.netloc}/_stcore/stream", origin=origin or url, additional_headers=headers,
                   subprotocols=["streamlit"], open_timeout=10, max_size=None)


def _until(ws: ClientConnection, done, timeout: float = 30) -> list[ForwardMsg]:
    seen: list[ForwardMsg] = []
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(ws.recv(timeout=timeout))
        seen.append(msg)
        if done(msg):
            return seen


def run_page(ws: ClientConnection, page: str, query: str = "") -> dict[str, str]:
    """Run ``page`` (its url path) and return the deferred downloads it drew: label -> placeholder id."""
    back = BackMsg()
    back.rerun_script.query_string = query
    back.rerun_script.page_name = page
    ws.send(back.SerializeToString())
    messages = _until(ws, lambda m: m.WhichOneof("type") == "script_finished")
    for m in messages:
        if m.WhichOneof("type") == "new_session" and m.new_session.initialize.session_id:
            ws.streamlit_session = m.new_session.initialize.session_id  # backend requests must name it
    return {m.delta.new_element.download_button.label: m.delta.new_element.download_button.deferred_file_id
            for m in messages
            if m.WhichOneof("type") == "delta" and m.delta.new_element.WhichOneof("type") == "download_button"}


def click_download(ws: ClientConnection, placeholder: str) -> str | None:
    """Click a deferred download: the URL of the made file, or None when the server made nothing."""
    back = BackMsg()
    back.backend_operation_request.request_id = str(next(_requests))
    back.backend_operation_request.session_id = ws.streamlit_session
    back.backend_operation_request.deferred_file.file_id = placeholder
    ws.send(back.SerializeToString())
    reply = _until(ws, lambda m: m.WhichOneof("type") == "backend_operation_response")[-1].backend_operation_response
    return reply.deferred_file.url or None
