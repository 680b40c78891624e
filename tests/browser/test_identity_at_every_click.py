"""A click in a tab whose person logged out elsewhere is checked when it runs: nothing is written, and no
file with that person's data is made or served."""

from __future__ import annotations

import time

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.support.browser import wait_for_app
from tests.support.server import PASSWORD, login, person
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


def test_an_old_tab_gives_no_file_after_logout_and_another_login(server, chromium, library):
    url, db_path = server
    a_email, a_id = person(server, library, "Anna Oudtabblad")
    b_email, _ = person(server, library, "Bert Nieuwkomer")
    sid = Store(db_path).sessions.of_person(a_id)[0].id
    page = login(chromium, url, a_email)
    page.goto(f"{url}/dashboard?sessie={sid}")
    wait_for_app(page)
    with page.expect_download() as info:  # logged in: A gets her answers
        page.get_by_role("button", name="Antwoorden (CSV)").click()
    earlier = info.value
    assert open(earlier.path(), encoding="utf-8-sig").readline().startswith("nummer;titel;hoofdstuk;beheersing")

    other = page.context.new_page()  # a second tab: A logs out everywhere, B logs in on the same browser
    other.goto(f"{url}/uitloggen")
    other.wait_for_url("**/inloggen?uitgelogd=1")
    other.fill("#email", b_email)
    other.fill("#password", PASSWORD)
    other.click("button[type=submit]")
    wait_for_app(other)

    made = []
    page.on("download", lambda download: made.append(download))
    for label in ("Sessie (JSON)", "Antwoorden (CSV)"):  # A's old tab, still showing her dashboard
        page.get_by_role("button", name=label).click()
        page.wait_for_timeout(3000)  # give a wrongly made file every chance to arrive
    files = []
    for download in made:
        try:
            files.append(open(download.path(), encoding="utf-8-sig").read())
        except (PlaywrightError, OSError):
            pass  # a download that failed holds nothing
    assert not any("beheersing" in f or '"answers"' in f for f in files), "A's data reached the old tab after logout"
    expect(page.get_by_text("Dit bestand kon niet worden gemaakt. Ben je intussen uitgelogd?").first).to_be_visible()
    # B (now the browser's login) cannot fetch A's earlier file by its URL either
    assert other.request.get(earlier.url).status == 404
    page.context.close()
