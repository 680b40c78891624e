"""The core loop in Debian's Chromium: compare honestly, keep a note typed just before the tab closes, land at
the top of a new step, open the latest session in a new tab, and delete a session with a clear confirmation.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import streamlit_server, wait_for_app, wait_until
from wegwijzer.domain.records import Answer
from wegwijzer.storage import Store

QUICK_BOEGBEELD = 28  # the quick scan's one theme with its main weight on boegbeeld


@pytest.fixture(scope="module")
def app(tmp_path_factory, library):
    """Local mode through server.py: a full session of 2025 and a quick scan of 2026, plus an open quick scan."""
    db_path = tmp_path_factory.mktemp("loop") / "loop.db"
    store = Store(db_path)
    me = store.people.local_person()
    quick = sorted(library.structure.quick_scan)
    before = [Answer(n, mastery=5 if n == QUICK_BOEGBEELD else 2, importance=2) for n in range(1, 101)]
    full = store.sessions.insert_full(me, {"label": "Voorjaar 2025", "scope_kind": "alle", "scope_key": "",
                                           "perspective": "zittend", "themes": list(range(1, 101)),
                                           "status": "afgerond", "created_at": "2025-04-01T10:00:00+00:00"},
                                      before, [])
    now = [Answer(n, mastery=4, importance=2) for n in quick]
    scan = store.sessions.insert_full(me, {"label": "Quick scan 2026", "scope_kind": "quickscan", "scope_key": "",
                                           "perspective": "zittend", "themes": quick, "status": "afgerond",
                                           "created_at": "2026-04-01T10:00:00+00:00"}, now, [])
    open_scan = store.sessions.create(me, label="Lopend", scope_kind="quickscan", scope_key="", perspective="zittend",
                                      themes=quick)
    store.close()
    with streamlit_server(db_path) as (url, _):
        yield url, db_path, full, scan, open_scan


def test_a_quick_scan_beside_a_full_session_is_compared_on_the_shared_themes_only(chromium, app):
    url, _, full, scan, _ = app
    page = chromium.new_page(viewport={"width": 1366, "height": 900})
    page.goto(f"{url}/dashboard?sessie={scan}")
    wait_for_app(page)
    # no earlier quick scan: nothing is compared until the person chooses the full session
    expect(page.get_by_role("heading", name="Verandering sinds Voorjaar 2025")).to_have_count(0)
    page.get_by_role("combobox", name="Vergelijk met een eerdere sessie").click()
    page.get_by_role("option", name="Voorjaar 2025 · Alle 100 thema's · 1 april 2025").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Verandering sinds Voorjaar 2025")).to_be_visible()
    expect(page.get_by_text("Vergeleken op 24 thema's die beide sessies een score gaven. Niet vergeleken: "
                            "0 thema's alleen in deze sessie en 76 thema's alleen in de eerdere.")).to_be_visible()
    rows = page.locator("[data-testid=stTable]").filter(has=page.get_by_text("Verschil")).locator("tr")
    cells = {r[0]: r[1:] for r in rows.evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('th, td')].map(c => c.textContent.trim()))")}
    # boegbeeld rests on theme 28 only: 5 → 4 (the old way said +1,4: 2,6 over 100 themes against 4,0 over 24)
    assert cells["Boegbeeld van de dienstverlening"] == ["5,0", "4,0", "−1,0", "1"]
    assert cells["Verbinder tussen college en organisatie"] == ["2,0", "4,0", "+2,0", "12"]
    assert cells["Adviseur van het college"] == ["2,1", "4,0", "+1,9", "17"]
    expect(page.get_by_text("Per thema: 24 van 24 thema's veranderd")).to_be_visible()
    expect(page.get_by_text("De 15 grootste van 24 veranderingen.")).to_be_visible()
    page.get_by_text("Toon alle 24 veranderingen").click()
    wait_for_app(page)
    expect(page.get_by_text("De 15 grootste van 24 veranderingen.")).to_have_count(0)
    page.close()


def test_a_note_is_kept_when_the_tab_closes_or_reloads_right_after_typing(chromium, app):
    url, db_path, _, _, open_scan = app
    store = Store(db_path)
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{url}/vragenlijst?sessie={open_scan}")
    wait_for_app(page)
    card = page.locator(".st-key-theme_2")
    card.get_by_text("Notitie (alleen voor jezelf)").click()
    field = card.get_by_label("Notitie bij Een brug heeft twee pijlers nodig")
    field.click()
    page.keyboard.type("Eerst met de burgemeester praten", delay=5)
    page.close()  # no blur, no pause: the tab goes at once
    wait_until(lambda: store.sessions.answers(open_scan).get(2) and store.sessions.answers(open_scan)[2].note)
    assert store.sessions.answers(open_scan)[2].note == "Eerst met de burgemeester praten"

    page = context.new_page()
    page.goto(f"{url}/vragenlijst?sessie={open_scan}")
    wait_for_app(page)
    card = page.locator(".st-key-theme_5")
    card.get_by_text("Notitie (alleen voor jezelf)").click()
    card.get_by_label("Notitie bij Hoeder van de integriteit").click()
    page.keyboard.type("Integriteit op de agenda", delay=5)
    page.reload()
    wait_until(lambda: store.sessions.answers(open_scan).get(5) and store.sessions.answers(open_scan)[5].note)
    assert store.sessions.answers(open_scan)[5].note == "Integriteit op de agenda"
    wait_for_app(page)
    card = page.locator(".st-key-theme_2")
    card.get_by_text("Notitie (alleen voor jezelf)").click()
    expect(card.get_by_label("Notitie bij Een brug heeft twee pijlers nodig")).to_have_value(
        "Eerst met de burgemeester praten")
    context.close()


def test_the_next_step_opens_at_its_top_with_the_focus_on_its_heading(chromium, app):
    url, _, _, _, open_scan = app
    page = chromium.new_page(viewport={"width": 820, "height": 1180})
    page.goto(f"{url}/vragenlijst?sessie={open_scan}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Stap 1 van 8")).to_be_visible()
    page.get_by_role("button", name="Volgende stap →").click()  # at the bottom of a long page
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Stap 2 van 8")).to_be_focused()
    assert page.evaluate("document.querySelector('[data-testid=stMain]').scrollTop") == 0
    page.keyboard.press("Tab")  # the keyboard goes on from the step, into its first theme
    assert page.evaluate("document.activeElement.closest('[data-testid=stMainBlockContainer]') !== null")
    page.close()


def test_a_new_tab_on_the_questionnaire_opens_the_session_worked_on_last(chromium, app):
    url, db_path, _, _, open_scan = app
    Store(db_path).sessions.save_answer(open_scan, 9, mastery=3)  # the latest change is in the open scan
    page = chromium.new_page(viewport={"width": 1366, "height": 900})
    page.goto(f"{url}/vragenlijst")
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text("Lopend")
    expect(page.get_by_text("Nog geen sessie gekozen")).to_have_count(0)
    page.goto(f"{url}/dashboard")
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text("Dashboard · Lopend")
    page.close()


def test_deleting_a_session_confirms_which_one_and_starts_afresh(chromium, app, library):
    url, db_path, _, _, _ = app
    store = Store(db_path)
    me = store.people.local_person()
    twin = {"label": "Tweeling", "scope_kind": "quickscan", "scope_key": "", "perspective": "zittend",
            "themes": [2, 5], "status": "afgerond", "created_at": "2026-05-01T09:00:00+00:00"}
    first = store.sessions.insert_full(me, twin, [Answer(2, mastery=3)], [])
    store.sessions.insert_full(me, twin | {"created_at": "2026-05-01T15:30:00+00:00"}, [Answer(2, mastery=3)], [],
                               origin="import")
    page = chromium.new_page(viewport={"width": 820, "height": 1180})
    page.goto(f"{url}/gegevens")
    wait_for_app(page)
    page.get_by_label("Sessie", exact=True).click()
    options = page.get_by_role("option").all_inner_texts()
    assert "Tweeling · 1 mei 2026 09:00 · Quick scan (24 thema's) · 1 van 2 thema's beantwoord" in options
    assert "Tweeling · 1 mei 2026 15:30 · Quick scan (24 thema's) · 1 van 2 thema's beantwoord · geïmporteerd" in options
    page.get_by_role("option", name="Tweeling · 1 mei 2026 09:00").click()
    wait_for_app(page)
    page.get_by_text("Ja, verwijder deze sessie met alle antwoorden, notities en acties").click()
    wait_for_app(page)
    page.get_by_role("button", name="Sessie verwijderen").click()
    wait_for_app(page)
    expect(page.get_by_text("De sessie 'Tweeling · 1 mei 2026 09:00")).to_be_visible()
    assert store.sessions.get(first) is None
    expect(page.get_by_label("Sessie", exact=True)).to_have_value("")
    assert not page.get_by_role("checkbox", name="Ja, verwijder deze sessie met alle antwoorden, notities en acties").is_checked()
    expect(page.get_by_role("button", name="Sessie verwijderen")).to_be_disabled()
    page.close()
