"""A click in a tab whose person logged out elsewhere is checked when it runs: nothing is written."""

from __future__ import annotations

import time

from tests.support.browser import wait_for_app
from tests.support.server import login, person
from wegwijzer.storage import Store


def test_a_rating_after_logout_in_another_tab_is_not_stored(server, chromium, library):
    url, db_path = server
    email, pid = person(server, library, "Tessa Tabs", sessions=0)
    store = Store(db_path)
    sid = store.sessions.create(pid, label="Open", scope_kind="hoofdstuk", scope_key="verbinder",
                                perspective="zittend", themes=list(range(1, 8)))
    page = login(chromium, url, email)
    page.goto(f"{url}/vragenlijst?sessie={sid}")
    wait_for_app(page)
    page.locator(".st-key-theme_1 label").filter(has_text="4 · Goed").first.click()
    wait_for_app(page)
    deadline = time.monotonic() + 10
    while 1 not in store.sessions.answers(sid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert store.sessions.answers(sid)[1].mastery == 4  # logged in: the click is stored

    other = page.context.new_page()  # a second tab of the same browser logs out everywhere
    other.goto(f"{url}/uitloggen")
    other.wait_for_url("**/inloggen?uitgelogd=1")

    page.locator(".st-key-theme_2 label").filter(has_text="2 · Matig").first.click()
    wait_for_app(page)
    time.sleep(1)  # give a wrongly accepted write every chance to land
    assert 2 not in store.sessions.answers(sid)  # before: the callback wrote with the service of the last rerun
    assert page.get_by_text("Je bent niet ingelogd").count() == 1
    page.context.close()
