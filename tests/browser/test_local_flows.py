"""End to end in Debian's Chromium (playwright) against `streamlit run` on 127.0.0.1."""

from __future__ import annotations

import json
import re
import subprocess

from playwright.sync_api import expect

from tests.support.browser import streamlit_server, wait_for_app, wait_until
from wegwijzer.storage import Store


def rate(page, number: int, label: str) -> None:
    page.locator(f".st-key-theme_{number} label").filter(has_text=label).first.click()


def test_session_answers_survive_a_reload_and_the_dashboard_and_pdf_work(chromium, tmp_path):
    db_path = tmp_path / "e2e.db"
    with streamlit_server(db_path) as (url, _):
        page = chromium.new_page(viewport={"width": 1300, "height": 1000}, accept_downloads=True)
        page.goto(url)
        wait_for_app(page)
        page.get_by_text("Quick scan (24 thema's)").click()
        page.get_by_label("Naam van de sessie (optioneel)").fill("Reflectie voorjaar 2027")
        page.get_by_role("button", name="Sessie starten").click()
        page.wait_for_url(re.compile(r"/vragenlijst\?sessie=\d+"))
        wait_for_app(page)
        sid = int(re.search(r"sessie=(\d+)", page.url).group(1))

        rate(page, 2, "4 · Goed")
        store = Store(db_path)
        wait_until(lambda: store.sessions.answers(sid).get(2) is not None)
        rate(page, 5, "Zeer belangrijk")
        wait_until(lambda: store.sessions.answers(sid).get(5) is not None and store.sessions.answers(sid)[5].importance == 3)
        page.locator(".st-key-theme_5").get_by_text("Notitie (alleen voor jezelf)").click()
        note = page.locator(".st-key-theme_5 textarea")
        note.fill("Bespreken met de burgemeester")
        note.press("Tab")  # a note is stored when the field loses focus
        wait_until(lambda: store.sessions.answers(sid)[5].note == "Bespreken met de burgemeester")
        assert store.sessions.answers(sid)[2].mastery == 4

        page.reload()
        wait_for_app(page)
        expect(page.locator(".st-key-theme_2 label").filter(has_text="4 · Goed").locator("input")).to_be_checked()
        expect(page.locator(".st-key-theme_5 label").filter(has_text="Zeer belangrijk").locator("input")).to_be_checked()
        expect(page.get_by_text("Notitie (alleen voor jezelf) · ingevuld")).to_be_visible()
        expect(page.get_by_text("1 van 24 thema's beantwoord")).to_be_visible()

        page.get_by_role("link", name="Naar het dashboard").click()
        wait_for_app(page)
        expect(page.get_by_role("heading", name=re.compile("Rollenprofiel"))).to_be_visible()
        page.wait_for_selector(".polarlayer .scatterlayer path.js-line", timeout=20_000)
        assert page.locator(".polarlayer .angularaxis text, .polarlayer g.angularaxistick text").count() >= 7

        page.get_by_role("button", name="PDF-verslag maken").click()
        download_button = page.get_by_role("button", name="PDF downloaden")
        download_button.wait_for(timeout=60_000)
        with page.expect_download() as info:
            download_button.click()
        pdf = tmp_path / "verslag.pdf"
        info.value.save_as(pdf)
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert int(re.search(r"Pages:\s+(\d+)", out).group(1)) >= 3

        wait_for_app(page)  # downloads do not rerun the page (on_click="ignore"); this only makes sure it is idle
        with page.expect_download() as info:
            page.get_by_role("button", name="Antwoorden (CSV)").click()
        rows = open(info.value.path(), encoding="utf-8-sig").read().splitlines()
        assert rows[0].startswith("nummer;titel;hoofdstuk;beheersing")
        assert any(r.startswith("2;Een brug heeft twee pijlers nodig;") and ";4;Goed;" in r for r in rows)
        wait_for_app(page)
        with page.expect_download() as info:
            page.get_by_role("button", name="Sessie (JSON)").click()
        wait_for_app(page)
        exported = json.loads(open(info.value.path(), encoding="utf-8").read())
        assert exported["format"] == "wegwijzer-sessie"
        assert {"theme": 5, "mastery": None, "importance": 3, "not_applicable": False,
                "note": "Bespreken met de burgemeester"} in exported["answers"]


def test_keyboard_alone_can_rate_a_theme(chromium, tmp_path):
    db_path = tmp_path / "kb.db"
    store = Store(db_path)
    sid = store.sessions.create(store.people.local_person(), label="", scope_kind="hoofdstuk", scope_key="dienstverlening",
                               perspective="zittend", themes=[28, 29])
    with streamlit_server(db_path) as (url, _):
        page = chromium.new_page()
        page.goto(f"{url}/vragenlijst?sessie={sid}")
        wait_for_app(page)
        first = page.locator(".st-key-theme_28 input[type=radio]").first
        first.focus()
        page.keyboard.press("Space")  # selects "1 · Nauwelijks"
        wait_until(lambda: store.sessions.answers(sid).get(28) is not None and store.sessions.answers(sid)[28].mastery == 1)
        page.keyboard.press("ArrowRight")  # moves the choice to "2 · Matig"
        wait_until(lambda: store.sessions.answers(sid)[28].mastery == 2)
