"""Files and websockets over real HTTP: a download is for the person who made it, while logged in; the
websocket (where the app runs) opens only from the app's own origin and, in server mode, with a login.

The client speaks Streamlit's websocket protocol itself (``tests/support/stream.py``), as a tab does.
"""

from __future__ import annotations

import http.client
import re
import urllib.parse

import pytest
from websockets.exceptions import InvalidStatus

from tests.support.server import PASSWORD, form, person, request
from tests.support.stream import click_download, open_stream, run_page
from wegwijzer.service import auth
from wegwijzer.storage import Store


def token_for(url: str, email: str) -> str:
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD), {"Origin": url})
    assert r.status == 303
    return re.search(rf"{auth.COOKIE_NAME}=([^;]+)", r.getheader("Set-Cookie")).group(1)


def fetch(url: str, method: str, path: str, token: str | None = None) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request(method, path, headers={"Cookie": f"{auth.COOKIE_NAME}={token}"} if token else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def test_a_download_is_served_only_to_its_maker_and_only_while_logged_in(server, library):
    url, db_path = server
    a_email, a_id = person(server, library, "Anna Bestand")
    b_email, _ = person(server, library, "Bert Buur")
    store = Store(db_path)
    session = store.sessions.of_person(a_id)[0]
    store.close()
    a_token, b_token = token_for(url, a_email), token_for(url, b_email)

    with open_stream(url, token=a_token) as tab:  # A's dashboard, as her tab has it
        buttons = run_page(tab, "dashboard", f"sessie={session.id}")
        file_url = click_download(tab, buttons["Antwoorden (CSV)"])
        assert file_url and "/media/" in file_url
        path = "/media/" + file_url.split("/media/", 1)[1]
        status, mine = fetch(url, "GET", path, a_token)
        assert status == 200 and b"beheersing;beheersing_label" in mine  # A gets her own answers

        for token in (b_token, None):  # another account, or nobody, asking for A's file by its URL
            for method in ("GET", "HEAD"):
                status, body = fetch(url, method, path, token)
                assert status == 404 and b"beheersing" not in body, (method, token is None)
        assert fetch(url, "HEAD", path, a_token)[0] == 200  # HEAD answers like GET, for the same person

        request(url, "POST", "/uitloggen", "", {"Cookie": f"{auth.COOKIE_NAME}={a_token}", "Origin": url})
        assert fetch(url, "GET", path, a_token)[0] == 404  # the old cookie fetches nothing any more
        assert click_download(tab, buttons["Antwoorden (CSV)"]) is None  # and the old tab makes nothing
        assert click_download(tab, buttons["Sessie (JSON)"]) is None


def test_head_is_gated_like_get_on_every_page(server):
    url, _ = server
    for path in ("/", "/dashboard", "/groepen?groep=1"):
        r = request(url, "HEAD", path)
        assert r.status == 303 and "inloggen" in r.getheader("Location"), path


def test_the_websocket_opens_only_from_our_own_origin_with_a_login(server, library):
    url, _ = server
    email, _ = person(server, library, "Wanda Websocket")
    token = token_for(url, email)
    port = urllib.parse.urlsplit(url).port
    for origin in (f"http://127.0.0.1:{port + 1}", f"http://localhost:{port}", "https://evil.example"):
        with pytest.raises(InvalidStatus) as refused:  # a page of another site, even on the same host
            open_stream(url, token=token, origin=origin)
        assert refused.value.response.status_code == 403, origin
    with pytest.raises(InvalidStatus):  # our own origin, but nobody logged in
        open_stream(url)
    with pytest.raises(InvalidStatus):  # an old cookie after logout
        open_stream(url, token="x" * 43)
    with open_stream(url, token=token) as tab:  # our own page with a valid login: the app runs
        assert "Antwoorden (CSV)" in run_page(tab, "dashboard")
