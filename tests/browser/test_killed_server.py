"""R1: answers shown before a SIGKILL are there after a restart."""

from __future__ import annotations

from playwright.sync_api import expect, sync_playwright

from tests.browser.test_local_flows import rate
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, free_port, require_chromium, start_server, wait_for_app
from wegwijzer.storage import Store


def test_r1_answers_shown_before_sigkill_are_there_after_restart(tmp_path):
    require_chromium()
    db_path = tmp_path / "r1.db"
    store = Store(db_path)
    sid = store.sessions.create(store.people.local_person(), label="R1", scope_kind="hoofdstuk", scope_key="directeur",
                               perspective="zittend", themes=list(range(17, 28)))
    given = {17: "4 · Goed", 18: "2 · Matig", 19: "5 · Sterk", 20: "1 · Nauwelijks", 21: "3 · Redelijk"}
    port = free_port()
    server = start_server(db_path, port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/vragenlijst?sessie={sid}")
            wait_for_app(page)
            for number, label in given.items():
                rate(page, number, label)
                # the page shows the answer as given once the rerun that stored it has finished
                expect(page.get_by_text(f"{list(given).index(number) + 1} van 11 thema's beantwoord")).to_be_visible()
            server.kill()  # SIGKILL: no shutdown, no flush
            server.wait(10)

            server = start_server(db_path, port)
            page.goto(f"http://127.0.0.1:{port}/vragenlijst?sessie={sid}")
            wait_for_app(page)
            for number, label in given.items():
                expect(page.locator(f".st-key-theme_{number} label").filter(has_text=label).locator("input")).to_be_checked()
            browser.close()
    finally:
        server.kill()
    stored = Store(db_path).sessions.answers(sid)
    assert {n: stored[n].mastery for n in given} == {n: int(label[0]) for n, label in given.items()}
