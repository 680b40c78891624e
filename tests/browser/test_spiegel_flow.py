"""Spiegel end to end in Debian's Chromium (server mode): a secretary opens a round in the app, four raters
answer through their links without an account, and the secretary closes the round and reads the result.
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from tests.support.browser import wait_for_app
from wegwijzer.demo import populate
from wegwijzer.domain.mirror import CATEGORIES as CATEGORY_NAMES
from wegwijzer.service import auth
from wegwijzer.storage import Store

PASSWORD = "een-lang-wachtwoord"
HOSTILE = "<img src=x onerror=alert(1)>"
INVITEES = [("Wethouder Jansen", "college"), ("Burgemeester", "college"), ("Wethouder Pietersen", "college"),
            ("Directeur corporatie", "extern")]
SELF = {2: 4, 5: 4, 9: 3}  # the secretary's own scores on the three themes the raters answer
# Per rater (in INVITEES order) the label to click per theme; themes left out stay unanswered.
CANNOT = "Kan ik niet beoordelen"
RATINGS = [
    {2: "4 · Goed", 5: "2 · Matig", 9: "5 · Sterk"},
    {2: "4 · Goed", 5: "3 · Redelijk", 9: CANNOT},
    {2: "5 · Sterk", 5: "2 · Matig", 9: "4 · Goed"},
    {2: "3 · Redelijk", 5: CANNOT, 9: "5 · Sterk"},
]
COMMENTS = [{5: "Helder in de raad."}, {}, {}, {2: HOSTILE}]


def secretary(db_path, library) -> tuple[str, int]:
    """An account with one completed session of all 100 themes; own scores on 2, 5 and 9 fixed."""
    store = Store(db_path)
    email = "sara@test.nl"
    person = auth.register(store, "Sara Secretaris", email, PASSWORD)
    [session] = populate(store, library, sessions_per_person=1, seed=person, person_id=person)
    for theme, mastery in SELF.items():
        store.sessions.save_answer(session, theme, mastery=mastery)
    store.close()
    return email, session


def login(chromium, url: str, email: str):
    page = chromium.new_context(viewport={"width": 1300, "height": 1400}).new_page()
    watch(page)
    page.goto(f"{url}/inloggen")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    wait_for_app(page)
    return page


def watch(page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # any alert() means hostile text ran as code


def fill_invitees(page) -> None:
    """Type the four invitees: a name field and a category per row (three rows at first, then one more)."""
    for row, (name, category) in enumerate(INVITEES):
        if row == 3:
            page.get_by_role("button", name="Nog een genodigde").click()
            wait_for_app(page)
        page.get_by_label(f"Genodigde {row + 1}", exact=True).fill(name)
        page.get_by_label(f"Genodigde {row + 1}", exact=True).press("Tab")
        wait_for_app(page)
        page.get_by_label(f"Categorie van genodigde {row + 1}").click()
        page.get_by_role("option", name=CATEGORY_NAMES[category]).click()
        wait_for_app(page)


def grid_cells(table) -> dict[tuple[int, int], str]:
    """The texts of a st.table by (row, column), 1-based with the header as row 1."""
    cells: dict[tuple[int, int], str] = {}
    for r, texts in enumerate(table.locator("tr").evaluate_all(
            "rows => rows.map(r => [...r.querySelectorAll('th, td')].map(c => c.textContent.trim()))"), start=1):
        for c, value in enumerate(texts, start=1):
            cells[r, c] = value
    return cells


def answer(context, link: str, library, ratings: dict[int, str], comments: dict[int, str]) -> None:
    page = context.new_page()
    watch(page)
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Feedback voor Sara Secretaris")
    expect(page.get_by_text("Wat je invult, ziet niemand los.")).to_be_visible()
    for theme, label in ratings.items():
        box = page.locator("fieldset", has=page.locator("legend", has_text=f"{theme}. {library.theme(theme).title}"))
        box.get_by_label(label, exact=True).check()
        if theme in comments:
            box.locator("textarea").fill(comments[theme])
    page.get_by_role("button", name="Feedback versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Dank je wel. Je feedback is bewaard.")
    assert page.dialogs == []
    page.close()


def test_a_round_with_four_raters_from_links_to_result(server, chromium, library):
    started = time.monotonic()
    url, db_path = server
    email, session = secretary(db_path, library)
    s = login(chromium, url, email)

    # the secretary opens a round in the app: the default themes (the quick scan) and four invitees
    s.goto(f"{url}/spiegel")
    wait_for_app(s)
    expect(s.locator("h1")).to_have_text("Spiegel (360°)")
    expect(s.get_by_text("Je hebt nog geen feedbackronde.")).to_be_visible()
    fill_invitees(s)
    s.get_by_role("button", name="Ronde openen en links maken").click()
    wait_for_app(s)
    expect(s.get_by_text("ze worden maar één keer getoond")).to_be_visible()
    code = s.locator("[data-testid=stCode]").inner_text()
    links = re.findall(r"^(.+) \((College van B&W|Externe partners)\): (http://\S+/feedback/([A-Za-z0-9_-]{43}))$",
                       code, re.MULTILINE)
    assert [(label, group) for label, group, _, _ in links] == [
        ("Wethouder Jansen", "College van B&W"), ("Burgemeester", "College van B&W"),
        ("Wethouder Pietersen", "College van B&W"), ("Directeur corporatie", "Externe partners")]
    assert all(link.startswith(f"{url}/feedback/") for _, _, link, _ in links)
    store = Store(db_path)
    [round_row] = store.mirror.rounds_of(store.sessions.get(session).person_id)
    assert list(round_row.themes[:3]) == [2, 5, 9] and round_row.self_scores[5] == 4
    assert sorted(i.category for i in store.mirror.invites(round_row.id)) == ["college"] * 3 + ["extern"]
    dump = "\n".join(store.conn.iterdump())
    assert not any(token in dump for *_, token in links)  # only hashes are kept
    store.close()

    # four raters, no account: one browser context without any cookie
    raters = chromium.new_context(viewport={"width": 1000, "height": 1200})
    for (_, _, link, _), ratings, comments in zip(links, RATINGS, COMMENTS, strict=True):
        answer(raters, link, library, ratings, comments)
    again = raters.new_page()
    again.goto(links[0][2])
    expect(again.get_by_role("alert")).to_have_text(
        "Met deze link is al feedback gegeven. Elke link werkt één keer; dank je wel.")
    expect(again.locator("form")).to_have_count(0)
    raters.close()

    # the secretary closes the round and reads the result
    s.goto(f"{url}/spiegel")
    wait_for_app(s)
    expect(s.get_by_text(re.compile(r"· 4 van 4 beantwoord"))).to_be_visible()
    s.get_by_role("button", name="Ronde sluiten en uitkomst bekijken").click()
    wait_for_app(s)
    main = s.locator("[data-testid=stMain]")
    expect(main.get_by_text("4 mensen gaven feedback.")).to_be_visible()
    chart = s.locator("[data-testid=stPlotlyChart]")
    expect(chart).to_have_count(1)
    expect(chart.locator(".legendtext")).to_have_count(4, timeout=20_000)
    legend = set(chart.locator(".legendtext").evaluate_all("els => els.map(e => e.textContent)"))
    assert legend == {"Zelf", "Overig", "Alle beoordelaars", "College van B&W"}, legend

    # Worked out with the rule in mirror.py (A, B, C college; D extern; None = cannot judge):
    # theme 2: 4, 4, 5, 3 → college 3 alone would leave D alone, so college merges: overig = totaal = 16/4 = 4.0 (n=4)
    # theme 5: 2, 3, 2, None → college shown alone, 7/3 = 2.33 → 2.3 (n=3); totaal the same three
    # theme 9: 5, None, 4, 5 → college 2 and extern 1: none alone, overig = totaal = 14/3 = 4.67 → 4.7 (n=3)
    # the other quick-scan themes: nobody rated them, so nothing is shown ("–")
    # gaps against totaal: 2: 4 − 4.0 = 0; 5: 4 − 2.3 = 1.7 (blind spot); 9: 3 − 4.7 = −1.7 (hidden strength)
    table = s.locator("[data-testid=stTable]").filter(has=s.locator("th", has_text=re.compile("^Thema$")))
    cells = grid_cells(table)
    assert [cells[1, c] for c in range(1, 6)] == ["Thema", "Zelf", "College van B&W", "Overig", "Alle beoordelaars"]
    assert (1, 6) not in cells  # no other group is shown anywhere
    rows = [[cells[r, c] for c in range(1, 6)] for r in (2, 3, 4, 5)]
    assert rows == [[f"2. {library.theme(2).title}", "4", "–", "4,0 (4)", "4,0 (4)"],
                    [f"5. {library.theme(5).title}", "4", "2,3 (3)", "–", "2,3 (3)"],
                    [f"9. {library.theme(9).title}", "3", "–", "4,7 (3)", "4,7 (3)"],
                    [f"11. {library.theme(11).title}", rows[3][1], "–", "–", "–"]], rows
    # Role verbinder (weights 2: 1.0, 5: 1.0, 9: 0.4), each group over the themes where it is shown:
    # college on 5 only: 7/3 → 2.3 (3); overig on 2 and 9: (1.0·4 + 0.4·14/3) / 1.4 = 88/21 = 4.19 → 4.2 (4);
    # totaal on 2, 5, 9: (4 + 7/3 + 0.4·14/3) / 2.4 = 8.2 / 2.4 = 3.42 → 3.4 (4)
    roles = grid_cells(s.locator("[data-testid=stTable]").filter(has=s.locator("th", has_text=re.compile("^Rol$"))))
    [row] = [r for r in range(2, 10) if roles.get((r, 1)) == library.roles["verbinder"].name]
    assert [roles[1, c] for c in range(3, 6)] == ["College van B&W", "Overig", "Alle beoordelaars"]
    assert [roles[row, c] for c in range(3, 6)] == ["2,3 (3)", "4,2 (4)", "3,4 (4)"]
    blind = main.locator("[data-testid=stColumn]").filter(has=s.get_by_role("heading", name="Blinde vlekken"))
    expect(blind).to_contain_text(f"5. {library.theme(5).title}: zelf 4, alle beoordelaars 2,3")
    hidden = main.locator("[data-testid=stColumn]").filter(has=s.get_by_role("heading", name="Verborgen kwaliteiten"))
    expect(hidden).to_contain_text(f"9. {library.theme(9).title}: zelf 3, alle beoordelaars 4,7")

    # comments: without names, the hostile one shown as text and never run
    expect(main.get_by_role("heading", name="Opmerkingen")).to_be_visible()
    expect(main.get_by_text(HOSTILE, exact=True)).to_be_visible()
    expect(main.get_by_text("Helder in de raad.", exact=True)).to_be_visible()
    invited = grid_cells(s.locator("[data-testid=stTable]").filter(has=s.locator("th", has_text="Genodigde")))
    assert sorted((invited[r, 1], invited[r, 3]) for r in range(2, 6)) == sorted((label, "ja") for label, _ in INVITEES)
    # the invitees table says who answered, but no name or category is ever next to a comment
    comment_part = main.inner_text().split("Opmerkingen", 1)[1]
    assert "Zonder naam of categorie" in comment_part and "Externe partners" not in comment_part
    assert not any(label in comment_part for label, _ in INVITEES)
    assert s.locator("img[src=x]").count() == 0 and s.dialogs == []
    assert time.monotonic() - started < 60
