"""In Chromium: what a coachee typed reaches the coach as text, never as a link or markup (chart and page)."""

from __future__ import annotations

from tests.support.server import go, login, person
from wegwijzer.service import Service
from wegwijzer.service.access import Actor
from wegwijzer.storage import Store
from wegwijzer.text import WORD_JOINER

SESSION_NAME = "<a href='https://evil.example/grafiek'>Klik hier</a>"
ACTION = "Lees https://evil.example/actie en www.evil.example"
NOTE = "Mail jan@evil.example of kijk op http://evil.example/notitie"


def test_a_coachees_texts_are_no_links_for_the_coach_in_chart_or_text(server, chromium, library):
    url, db_path = server
    coachee_email, coachee = person(server, library, "Cora Coachee", sessions=2)
    coach_email, coach = person(server, library, "Karel Coach")
    store = Store(db_path)
    latest, earlier = store.sessions.of_person(coachee)[:2]
    priority = max(store.sessions.answers(latest.id).values(), key=lambda a: (a.importance or 0) * (5 - (a.mastery or 5)))
    store.sessions.save_answer(latest.id, priority.theme, note=NOTE)
    store.sessions.save_action(latest.id, priority.theme, ACTION)
    store.sessions.rename(earlier.id, SESSION_NAME)
    link = Service(store, library, Actor(coachee)).coaching.invite("scores_notities")
    Service(store, library, Actor(coach)).coaching.accept(link.code)
    store.close()

    k = login(chromium, url, coach_email)
    go(k, f"{url}/coachee?coachee={coachee}")
    k.wait_for_selector(".js-plotly-plot .legendtext", timeout=30_000)
    legend = " ".join(k.locator(".js-plotly-plot .legendtext").all_text_contents())
    assert SESSION_NAME in legend, legend  # the comparison chart names the earlier session as typed
    shown = k.locator("[data-testid=stMain]").inner_text().replace(WORD_JOINER, "")
    assert ACTION in shown and NOTE in shown, shown
    assert k.locator("a[href*='evil.example']").count() == 0  # not in the page, not in the chart's SVG
    assert k.locator(".js-plotly-plot a").count() == 0
