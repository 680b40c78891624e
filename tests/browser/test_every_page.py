"""Every page and its main states, at 1366×900 and at a tablet's 820×1180: axe-core finds no violation of
ours, no English is left for a reader or a screen reader, nothing is cut off, and each page has its own title.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.browser import streamlit_server, wait_for_app
from tests.support.pagecheck import problems
from tests.support.server import login, person
from wegwijzer import clock
from wegwijzer.demo import populate
from wegwijzer.domain.records import ActionDraft
from wegwijzer.service import Service
from wegwijzer.service.access import LOGGED_OUT, Actor
from wegwijzer.storage import Store

WIDTHS = [(1366, 900), (820, 1180)]


@pytest.fixture(scope="module")
def local_app(tmp_path_factory, library):
    """``streamlit run server.py`` in local mode with two full sessions and an open quick scan."""
    db_path = tmp_path_factory.mktemp("pages") / "pages.db"
    store = Store(db_path)
    me = store.people.local_person()
    full = populate(store, library, person_id=me, sessions_per_person=2, seed=5)
    [quick] = populate(store, library, person_id=me, sessions_per_person=1, seed=9, scope="quickscan")
    store.sessions.set_status(quick, "open")
    today = clock.today()
    for theme, what, days, status, look_back in (  # a plan with every state: overdue, long, done with a look-back
            (7, "Kennismaken met alle fractievoorzitters", -5, "gepland", ""),
            (28, "Wijkronde met het MT " + "en de ketenpartners " * 12, 20, "bezig", ""),
            (2, "Agenda van de collegevergadering opschonen", 40, "gedaan", "Scheelt elke week een half uur."),
            (55, "Crisisoefening met de veiligheidsregio", 90, "losgelaten", "Regio plant het zelf in 2027.")):
        store.plan.add(me, full[0], ActionDraft(theme=theme, what=what, due=today + dt.timedelta(days=days),
                                                support="Met de coach", status=status, look_back=look_back))
    store.close()
    with streamlit_server(db_path) as (url, _):
        yield url, full[1], quick


def open_all_expanders(page) -> None:
    for summary in page.locator("[data-testid=stExpander] summary").all():
        summary.click()
    page.wait_for_timeout(500)


def show_every_status(page) -> None:
    for status in ("Gedaan", "Losgelaten"):
        page.get_by_role("button", name=status, exact=True).first.click()
        wait_for_app(page)
    page.get_by_role("button", name="Wijzigen").first.click()  # one card open for editing
    wait_for_app(page)
    wait_for_app(page)


LOCAL_STATES = {
    "start": ("", None),
    "questionnaire, expanders open": ("vragenlijst?sessie={quick}", open_all_expanders),
    "completed session": ("vragenlijst?sessie={full}", None),
    "dashboard with a comparison": ("dashboard?sessie={full}", None),
    "development plan, all statuses": ("ontwikkelplan", show_every_status),
    "how it went, a new session": ("hoe-ging-het?sessie={quick}", None),
    "theme library": ("themas", None),
    "one theme": ("thema?nr=55", None),
    "my data": ("gegevens", None),
    "function profile": ("functieprofiel", None),
    "2020 study": ("onderzoek", None),
}


@pytest.mark.parametrize("size", WIDTHS, ids=["1366", "820"])
@pytest.mark.parametrize("state", list(LOCAL_STATES))
def test_local_pages_are_accessible_dutch_and_whole(chromium, local_app, state, size):
    url, full, quick = local_app
    path, prepare = LOCAL_STATES[state]
    page = chromium.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(f"{url}/{path.format(full=full, quick=quick)}")
    wait_for_app(page)
    page.wait_for_timeout(1500)  # charts draw after the rerun
    if prepare:
        prepare(page)
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.title().endswith("· Wegwijzer") and page.title() != "Wegwijzer"
    assert problems(page) == {}
    page.close()


def test_an_import_error_is_dutch_and_accessible(chromium, local_app, tmp_path):
    url, _, _ = local_app
    page = chromium.new_page(viewport={"width": 820, "height": 1180})
    page.goto(f"{url}/gegevens")
    wait_for_app(page)
    bad = tmp_path / "niet-goed.json"
    bad.write_text('{"format": "wegwijzer-sessie", "version": 1, "answers": [', encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(bad))
    wait_for_app(page)
    page.get_by_role("button", name="Importeren").click()
    wait_for_app(page)
    error = page.locator("[data-testid=stAlertContentError]").inner_text()
    assert "niet-goed.json is niet geïmporteerd" in error and "geen geldige JSON (regel 1" in error
    assert problems(page) == {}
    page.close()


def test_server_pages_are_accessible_dutch_and_whole(server, chromium, library):
    url, db_path = server
    email, pid = person(server, library, "Pagina Proef", sessions=2)
    store = Store(db_path)
    owner = Service(store, library, Actor(pid))
    [done, *_] = owner.sessions.mine()
    group = owner.groups.create("Intervisie Oost")
    owner.groups.share(group, done.id)
    round_id, links = owner.mirror.create_round(done.id, "Voorjaar", list(done.themes[:3]),
                                                [(f"Wethouder {i}", "college") for i in range(3)])
    for link in links:
        Service(store, library, LOGGED_OUT).mirror.submit_feedback(link.token, {done.themes[0]: 4}, {})
    owner.mirror.close_round(round_id)
    # the plan as others see it: one action shown to the group, the whole plan to a coach with notes
    shown = owner.plan.add(done.id, done.themes[0], "Elke maand een gesprek met de burgemeester",
                           clock.today() + dt.timedelta(days=30), "Met de coach")
    owner.plan.set_status(shown, "bezig")
    owner.plan.share(shown, group)
    coach_email, coach_id = person(server, library, "Coach Proef", sessions=0)
    Service(store, library, Actor(coach_id)).coaching.accept(owner.coaching.invite("scores_notities").code)
    page = login(chromium, url, email)
    coach = login(chromium, url, coach_email)
    for size in WIDTHS:
        for who, path in ((page, "groepen"), (page, f"groep?groep={group}"), (page, "coaching"), (page, "spiegel"),
                          (page, "account"), (coach, f"coachee?coachee={pid}")):
            who.set_viewport_size({"width": size[0], "height": size[1]})
            who.goto(f"{url}/{path}")
            wait_for_app(who)
            who.wait_for_timeout(1500)
            if path.startswith("groep?"):
                who.get_by_text("Acties uit mijn ontwikkelplan delen").click()
                wait_for_app(who)
            assert who.title().endswith("· Wegwijzer"), path
            assert problems(who) == {}, (path, size)
    anonymous = chromium.new_page(viewport={"width": 820, "height": 1180})
    for path in ("inloggen", "registreren", "feedback/geen-geldige-link"):
        anonymous.goto(f"{url}/{path}")
        assert anonymous.evaluate("document.documentElement.lang") == "nl"
        assert problems(anonymous) == {}, path
    page.context.close()
    coach.context.close()
    anonymous.close()


def test_the_checks_themselves_find_english_a_skipped_heading_and_cut_off_text(chromium):
    """A check that cannot fail proves nothing: a page with all three faults must be caught by each."""
    page = chromium.new_page(viewport={"width": 400, "height": 600})
    page.set_content('<html lang="nl"><head><title>Proef</title></head><body><main data-testid="stMain">'
                     '<h1>Titel</h1><h3>Te diep</h3><p>Upload a file</p>'
                     '<div style="width:80px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis">'
                     'Bekijk antwoorden van deze sessie</div></main></body></html>')
    found = problems(page)
    assert any(v.startswith("heading-order") for v in found["axe"])
    assert found["english"] == ["Upload"]
    assert found["cut off"] == ["cut off: Bekijk antwoorden van deze sessie"]
    page.close()
