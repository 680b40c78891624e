"""Server mode in Debian's Chromium: groups, strangers, coaching, hostile text, logout in every tab.

One server (``streamlit run server.py`` with WEGWIJZER_MODE=server) serves the whole module; every test
makes its own people so the tests do not depend on each other's order.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.support.browser import wait_for_app, wait_until
from tests.support.server import HOSTILE, SHOWN, go, login, person
from wegwijzer.domain import credentials
from wegwijzer.storage import Store

# --- the browser: groups, strangers, coaching, hostile text ---------------------------------------


def agree_to_show_name(page) -> None:
    """Names show only for members who agreed themselves (issue 14, item 7)."""
    page.get_by_text("Mijn naam in deze groep").click()
    consent = page.get_by_role("checkbox", name="De groep mag mijn naam zien")
    for _ in range(3):  # a click that lands while the page still reruns is lost; a person would click again
        page.get_by_text("De groep mag mijn naam zien").click()
        wait_for_app(page)
        if consent.is_checked():
            break
    expect(consent).to_be_checked()


def test_two_members_share_in_a_group_and_see_both_profiles(server, chromium, library):
    url, db_path = server
    a_email, _ = person(server, library, "Anna " + HOSTILE)
    b_email, _ = person(server, library, "Bert Bakker")
    a = login(chromium, url, a_email)
    go(a, f"{url}/groepen")
    a.get_by_role("textbox", name="Naam van de groep").fill("Intervisie " + HOSTILE)
    a.get_by_role("button", name="Groep maken").click()
    wait_for_app(a)
    expect(a.locator("h1")).to_contain_text("Intervisie <img src=x onerror=alert(1)> **vet** [link]")
    a.get_by_text("Leden uitnodigen").click()
    code = re.search(r"[2-9A-Z]{4}(-[2-9A-Z]{4}){3}", a.locator("[data-testid=stCode]").inner_text()).group(0)
    a.get_by_role("button", name="Deze sessie delen").click()
    wait_for_app(a)
    agree_to_show_name(a)
    group_url = a.url

    b = login(chromium, url, b_email)
    go(b, f"{url}/groepen")
    b.get_by_role("textbox", name="Code van de groep").fill(code.lower().replace("-", " "))
    b.get_by_role("button", name="Lid worden").click()
    wait_for_app(b)
    b.get_by_role("button", name="Deze sessie delen").click()
    wait_for_app(b)
    expect(b.get_by_text("2 van 2 leden delen een sessie.")).to_be_visible()
    agree_to_show_name(b)
    # stored before A looks (on a busy machine the rerun may start after wait_for_app returned)
    group_id = int(re.search(r"groep=(\d+)", group_url).group(1))
    watch = Store(db_path)
    wait_until(lambda: all(m.shows_name for m in watch.groups.members(group_id)), timeout=20)

    go(a, group_url)
    expect(a.get_by_text("2 van 2 leden delen een sessie.")).to_be_visible()
    legend_items = a.locator("[data-testid=stPlotlyChart] .legendtext")
    expect(legend_items).to_have_count(2, timeout=20_000)  # plotly draws after the page; slow on a busy machine
    legend = legend_items.evaluate_all("els => els.map(e => e.textContent)")
    assert "Bert Bakker" in legend and any("<img src=x onerror=alert(1)>" in t for t in legend)
    expect(a.get_by_text("Agenda voor de bijeenkomst")).to_be_visible()
    assert a.locator("img[src=x]").count() == 0 and b.locator("img[src=x]").count() == 0
    assert a.dialogs == [] and b.dialogs == []
    # notes never reach the group: B sees no note of A's shared session
    store = Store(db_path)
    a_notes = [ans.note for s in store.sessions.of_person(store.people.account_by_email(a_email)[0].person_id)
               for ans in store.sessions.answers(s.id).values() if ans.note]
    assert a_notes, "the fixture gives the sessions notes"
    assert a_notes[0] not in b.content()


def test_a_stranger_reaches_nothing_by_url(server, chromium, library):
    url, db_path = server
    owner_email, owner = person(server, library, "Olga Eigenaar")
    stranger_email, _ = person(server, library, "Sam Vreemd")
    store = Store(db_path)
    session_id = store.sessions.of_person(owner)[0].id
    group_id = store.groups.create("Geheime groep", owner, credentials.new_code(), "namen")
    label = store.sessions.of_person(owner)[0].label
    store.close()
    s = login(chromium, url, stranger_email)
    for path in (f"/dashboard?sessie={session_id}", f"/vragenlijst?sessie={session_id}", f"/groep?groep={group_id}",
                 f"/coachee?coachee={owner}"):
        go(s, url + path)
        text = s.locator("[data-testid=stMain]").inner_text()
        assert "Geheime groep" not in text and "Olga" not in text, path
        assert re.search(r"niet met je gedeeld|geen toegang|Kies eerst een sessie", text), path
        if label:
            assert label not in text, path
    # nobody logged in: every page sends to the login page
    anonymous = chromium.new_page()
    anonymous.goto(f"{url}/groep?groep={group_id}")
    expect(anonymous).to_have_url(re.compile(r"/inloggen\?next=/groep"))
    anonymous.close()


def test_coach_invitation_accepted_then_revoked(server, chromium, library):
    url, db_path = server
    coachee_email, coachee = person(server, library, "Cora Coachee", sessions=2)
    coach_email, _ = person(server, library, "Karel Coach")
    store = Store(db_path)
    latest = store.sessions.of_person(coachee)[0]
    priority = max(store.sessions.answers(latest.id).values(), key=lambda a: (a.importance or 0) * (5 - (a.mastery or 5)))
    store.sessions.save_answer(latest.id, priority.theme, note="Notitie " + HOSTILE)
    store.sessions.save_action(latest.id, priority.theme, "Actie " + HOSTILE)
    store.sessions.rename(latest.id, "Sessie " + HOSTILE)
    store.close()
    c = login(chromium, url, coachee_email)
    go(c, f"{url}/coaching")
    c.get_by_text("Scores en notities").first.click()
    c.get_by_role("button", name="Uitnodiging maken").click()
    wait_for_app(c)
    code = re.search(r"[2-9A-Z]{4}(-[2-9A-Z]{4}){3}", c.locator("[data-testid=stCode]").inner_text()).group(0)

    k = login(chromium, url, coach_email)
    go(k, f"{url}/coachee?coachee={coachee}")
    expect(k.get_by_text("Je hebt geen toegang (meer) tot deze persoon.")).to_be_visible()  # before acceptance
    go(k, f"{url}/coaching")
    k.get_by_role("tab", name="Mijn coachees").click()
    k.get_by_role("textbox", name="Code van je coachee").fill(code)
    k.get_by_role("button", name="Uitnodiging accepteren").click()
    wait_for_app(k)
    expect(k.locator("h1")).to_have_text("Cora Coachee")
    expect(k.get_by_text("Gespreksvoorbereiding")).to_be_visible()
    expect(k.get_by_text("Je ziet: scores en notities.")).to_be_visible()
    # the top priority is suggested for the conversation, with the coachee's note shown literally
    expect(k.get_by_text("Notitie " + SHOWN)).to_be_visible()
    # the action and the session's name, too, appear exactly as typed
    expect(k.get_by_text("Actie " + SHOWN).first).to_be_visible()  # at the priority and in the plan
    chosen = k.locator("[data-testid=stSelectbox]").first
    shown = chosen.inner_text() + " " + " ".join(i.input_value() for i in chosen.locator("input").all())
    assert "Sessie <img src=x onerror=alert(1)> **vet**" in shown, shown
    assert k.locator("img[src=x]").count() == 0 and k.dialogs == []

    go(c, f"{url}/coaching")
    expect(c.get_by_text("Karel Coach ziet je resultaten")).to_be_visible()
    c.get_by_role("button", name="Intrekken").click()
    wait_for_app(c)
    expect(c.get_by_text(re.compile("Ingetrokken op"))).to_be_visible()

    k.reload()
    wait_for_app(k)
    expect(k.get_by_text("Je hebt geen toegang (meer) tot deze persoon.")).to_be_visible()
    assert "Cora Coachee" not in k.locator("[data-testid=stMain]").inner_text()


def test_logout_in_one_tab_ends_the_other_tab_too(server, chromium, library):
    url, _ = server
    email, _ = person(server, library, "Twee Tabs")
    first = login(chromium, url, email)
    second = first.context.new_page()  # same browser, same cookie: a new tab is logged in too
    go(second, f"{url}/groepen")
    expect(second.locator("h1")).to_have_text("Intervisiegroepen")
    go(first, f"{url}/account")
    first.get_by_role("link", name="Uitloggen").click()
    first.wait_for_url(re.compile(r"/inloggen\?uitgelogd=1"))
    expect(first.get_by_text("Je bent uitgelogd, op al je apparaten.")).to_be_visible()
    # the other tab still has its page open; its next interaction finds the login gone
    second.get_by_role("button", name="Groep maken").click()
    wait_for_app(second)
    expect(second.get_by_text("Je bent niet ingelogd")).to_be_visible()
