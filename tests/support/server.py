"""Helpers for tests against a real server in server mode: people, logins, plain HTTP requests."""

from __future__ import annotations

import http.client
import itertools
import urllib.parse

from tests.support.browser import wait_for_app
from wegwijzer.demo import populate
from wegwijzer.service import auth
from wegwijzer.storage import Store
from wegwijzer.text import WORD_JOINER

PASSWORD = "een-lang-wachtwoord"
HOSTILE = "<img src=x onerror=alert(1)> **vet** [link](https://example.org) :red[rood]"
SHOWN = HOSTILE.replace("https:", "https:" + WORD_JOINER)  # as the page holds it: no bare URL left to link
_serial = itertools.count(1)


def person(server, library, name: str, *, sessions: int = 1) -> tuple[str, int]:
    """A new account with completed sessions; returns its e-mail address and person id."""
    store = Store(server[1])
    email = f"p{next(_serial)}@test.nl"
    pid = auth.register(store, name, email, PASSWORD)
    populate(store, library, sessions_per_person=sessions, seed=pid, person_id=pid)
    store.close()
    return email, pid


def login(chromium, url: str, email: str):
    context = chromium.new_context(viewport={"width": 1300, "height": 1400})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # any alert() means hostile text ran as code
    page.goto(f"{url}/inloggen")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    try:
        wait_for_app(page)
    except Exception:
        page.screenshot(path="/tmp/login_fail.png")
        raise
    return page


def go(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def request(url: str, method: str, path: str, body: str | None = None, headers: dict | None = None):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request(method, path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                   **(headers or {})})
    response = conn.getresponse()
    response.text = response.read().decode("utf-8", errors="replace")
    conn.close()
    return response


def form(**fields) -> str:
    return urllib.parse.urlencode(fields)
