"""The development plan's pages under AppTest: "Mijn ontwikkelplan", "Hoe ging het?" and the dashboard's part.

Every change is checked in the database; every refusal is Dutch and keeps what was typed.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT
from wegwijzer import clock, text
from wegwijzer.domain import plan
from wegwijzer.domain.records import ActionDraft, Answer
from wegwijzer.storage import Store
from wegwijzer.text import plain

HOSTILE = "<img src=x onerror=alert(1)> **vet** [link](http://x)"


def page(path: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for k, v in query.items():
        at.query_params[k] = str(v)
    at.run()
    at.switch_page(path)
    at.run()
    assert not at.exception
    return at


def plan_page() -> AppTest:
    return page("app_pages/ontwikkelplan.py")


def cards(at: AppTest) -> list[str]:
    """The action cards' first Markdown: "**7\\. Title** · af op …  \nwhat"."""
    return [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]


def after_click_on(at: AppTest, path: str) -> AppTest:
    """The page after a button on ``path``: the browser reruns ``path``; AppTest reruns the page it was opened on
    when that page switched to ``path`` itself, so run ``path`` again then."""
    if at.title and at.title[0].value == "Wegwijzer voor de gemeentesecretaris":
        at.switch_page(path)
        at.run()
    assert not at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption, *at.info, *at.error])


@pytest.fixture
def me(db_path, library):
    """The local person with two completed quick scans (a year apart), and no plan actions yet."""
    store = Store(db_path)
    person = store.people.local_person()
    quick = sorted(library.structure.quick_scan)
    for year, mastery in ((2025, 2), (2026, 4)):
        store.sessions.insert_full(person, {"label": f"Quick scan {year}", "scope_kind": "quickscan", "scope_key": "",
                                            "perspective": "zittend", "themes": quick, "status": "afgerond",
                                            "created_at": f"{year}-04-01T10:00:00+00:00"},
                                   [Answer(n, mastery=mastery, importance=3) for n in quick], [])
    return store, person


def add(store: Store, person: int, session: int, theme: int, what: str, due: dt.date | None, **fields) -> int:
    return store.plan.add(person, session, ActionDraft(theme=theme, what=what, due=due, **fields))


def sessions(store: Store, person: int) -> list[int]:
    return [s.id for s in sorted(store.sessions.of_person(person), key=lambda s: s.created_at)]


# --- Mijn ontwikkelplan ---------------------------------------------------------------------------------------


def test_an_empty_plan_explains_how_to_start_and_without_a_session_where_to_begin(db_path):
    at = plan_page()
    assert at.title[0].value == "Mijn ontwikkelplan"
    assert "Je hebt nog geen acties." in at.info[0].value
    assert not at.metric  # no counts of nothing
    assert [p.label for p in at.get("page_link")] == ["Begin eerst een sessie op de startpagina"]
    assert not at.form  # an action begins in a session


def test_an_action_is_added_with_an_offered_date_and_the_form_is_empty_again(me):
    store, person = me
    at = plan_page()
    at.selectbox(key="plan_new_theme").set_value(28)
    at.text_input(key="plan_new_what").input("Wijkbezoek met het MT plannen")
    at.text_input(key="plan_new_support").input("Met de coach")
    at.form_submit_button[0].click().run()
    assert not at.exception and not at.error
    [action] = store.plan.of_person(person)
    assert (action.theme, action.what, action.support, action.status) == (28, "Wijkbezoek met het MT plannen",
                                                                         "Met de coach", "gepland")
    assert action.due == plan.months_on(clock.today(), 1)  # "over een maand" is offered first
    assert action.session_id == sessions(store, person)[-1]  # begins in the latest session
    assert at.text_input(key="plan_new_what").value == ""
    assert at.toast[0].value == f"Actie toegevoegd, streefdatum {text.date(action.due)}."
    assert [m.label for m in at.metric] == ["Nog open", "Over de datum", "Gedaan", "Losgelaten"]
    assert [m.value for m in at.metric] == ["1", "0", "0", "0"]


@pytest.mark.parametrize(("what", "own_date", "message"), [
    ("Iets doen", "", "Kies het thema waar de actie bij hoort."),
    ("", "", "Schrijf op wat je gaat doen."),
    ("Iets doen", "31-2-2027", "31-2-2027 bestaat niet: februari 2027 heeft 28 dagen."),
    ("Iets doen", "1-1-2020", "Kies een datum vanaf vandaag; 1 januari 2020 is al voorbij."),
])
def test_a_refused_action_says_why_in_dutch_stores_nothing_and_keeps_what_was_typed(me, what, own_date, message):
    store, person = me
    at = plan_page()
    if "thema" not in message:
        at.selectbox(key="plan_new_theme").set_value(28)
    at.text_input(key="plan_new_what").input(what)
    at.text_input(key="plan_new_own_date").input(own_date)
    at.text_input(key="plan_new_support").input("Met de griffier")
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert message in at.error[0].value
    assert store.plan.of_person(person) == []
    assert at.text_input(key="plan_new_support").value == "Met de griffier"
    assert at.text_input(key="plan_new_own_date").value == own_date


def test_a_status_changes_at_one_click_and_a_look_back_is_asked_and_kept(me):
    store, person = me
    aid = add(store, person, sessions(store, person)[0], 7, "Kennismaken met de griffier", clock.today())
    at = plan_page()
    at.segmented_control(key=f"plan_status_{aid}_0").set_value("gedaan").run()
    assert store.plan.get(aid).status == "gedaan"
    # the filter shows the open ones, but an action closed here stays in view to be looked back on
    assert at.get("pills")[0].value == ["gepland", "bezig"]
    look = at.text_area(key=f"plan_look_back_{aid}_1")
    look.input("Goed gesprek; maandelijks vervolg.").run()
    assert store.plan.get(aid).look_back == "Goed gesprek; maandelijks vervolg."
    too_long = "x" * 5_000
    at.text_area(key=f"plan_look_back_{aid}_2").input(too_long).run()
    assert "Houd je terugblik kort: hoogstens 2.000 tekens (nu 5.000)." in at.error[0].value
    assert store.plan.get(aid).look_back == "Goed gesprek; maandelijks vervolg."
    assert at.text_area(key=f"plan_look_back_{aid}_2").value == too_long  # what was typed is still there


def test_the_list_is_by_due_date_marks_the_overdue_and_filters_by_status_and_role(me, library):
    store, person = me
    first = sessions(store, person)[0]
    today = clock.today()
    add(store, person, first, 28, "Later", today + dt.timedelta(days=30))
    add(store, person, first, 7, "Te laat", today - dt.timedelta(days=3))
    add(store, person, first, 2, "Klaar", today - dt.timedelta(days=9), status="gedaan")
    at = plan_page()
    shown = cards(at)
    assert shown[0].startswith("**7\\. ") and ":red-badge[over de datum]" in shown[0]
    assert shown[1].startswith("**28\\. ") and "over de datum" not in shown[1]
    assert len(shown) == 2  # "gedaan" is filtered out by default
    assert [m.value for m in at.metric] == ["2", "1", "1", "0"]
    at.get("pills")[0].set_value(list(plan.STATUS_LABELS)).run()
    assert len(cards(at)) == 3
    role = "boegbeeld"
    at.selectbox(key="plan_filter_role").set_value(role).run()
    shown = [int(card[2:].split("\\.")[0]) for card in cards(at)]
    assert 28 in shown and all(role in dict(library.theme(n).roles.items()) for n in shown)
    assert 7 not in shown


def test_an_action_is_changed_in_its_card_or_deleted_and_a_past_date_is_refused(me):
    store, person = me
    aid = add(store, person, sessions(store, person)[0], 7, "Eerste versie", clock.today())
    at = plan_page()
    at.button(key=f"plan_edit_button_{aid}").click().run()
    form = f"plan_edit_{aid}_0"
    assert at.text_input(key=f"{form}_what").value == "Eerste versie"
    at.text_input(key=f"{form}_what").input("Tweede versie")
    at.text_input(key=f"{form}_due").input("2-1-2020")
    [save] = [b for b in at.form_submit_button if b.label == "Wijziging bewaren"]
    save.click().run()
    assert "is al voorbij" in at.error[0].value
    assert store.plan.get(aid).what == "Eerste versie"
    assert at.text_input(key=f"{form}_what").value == "Tweede versie"  # still typed, still open
    at.text_input(key=f"{form}_due").input("")
    [save] = [b for b in at.form_submit_button if b.label == "Wijziging bewaren"]
    save.click().run()
    assert store.plan.get(aid).what == "Tweede versie" and store.plan.get(aid).due == clock.today()
    assert at.toast[0].value == "Wijziging bewaard."
    assert not [b for b in at.form_submit_button if b.label == "Wijziging bewaren"]  # the card is closed again
    at.button(key=f"plan_edit_button_{aid}").click().run()
    at.checkbox(key=f"plan_delete_sure_{aid}").check().run()
    at.button(key=f"plan_delete_{aid}").click().run()
    assert store.plan.get(aid) is None and not at.exception


def test_hostile_text_is_shown_as_text(me):
    store, person = me
    add(store, person, sessions(store, person)[0], 7, HOSTILE, clock.today(), support=HOSTILE)
    at = plan_page()
    shown = texts(at)
    assert not re.search(r"(?<!\\)<img", shown) and "\\<img src\\=x onerror\\=alert\\(1\\)\\>" in shown
    assert "\\*\\*vet\\*\\*" in shown


# --- Hoe ging het? -------------------------------------------------------------------------------------------


def test_a_new_session_starts_with_how_it_went_and_saves_all_changes_in_one_go(me):
    store, person = me
    first = sessions(store, person)[0]
    today = clock.today()
    done = add(store, person, first, 7, "Griffier spreken", today)
    dropped = add(store, person, first, 28, "Wijkronde", today + dt.timedelta(days=5))
    kept = add(store, person, first, 2, "Agenda opschonen", today, status="bezig")
    add(store, person, first, 3, "Al gedaan", today, status="gedaan")  # closed: not asked again
    at = page("app_pages/start.py")
    at.radio(key="new_scope").set_value("quickscan").run()
    [start] = [b for b in at.form_submit_button if b.label == "Sessie starten"]
    start.click().run()
    assert at.title[0].value == "Hoe ging het?"
    new = sessions(store, person)[-1]
    asked = [r.label for r in at.radio]
    assert asked == ["Hoe staat het met ‘Agenda opschonen’?", "Hoe staat het met ‘Griffier spreken’?",
                     "Hoe staat het met ‘Wijkronde’?"]
    at.radio(key=f"hgh_status_{new}_{done}").set_value("gedaan")
    at.text_area(key=f"hgh_look_back_{new}_{done}").input("Afspraak staat maandelijks.")
    at.radio(key=f"hgh_status_{new}_{dropped}").set_value("losgelaten")
    [save] = [b for b in at.form_submit_button if b.label == "Bewaren en naar de vragenlijst"]
    save.click().run()
    assert not at.exception
    assert (store.plan.get(done).status, store.plan.get(done).look_back) == ("gedaan", "Afspraak staat maandelijks.")
    assert store.plan.get(dropped).status == "losgelaten"
    assert store.plan.get(kept).status == "bezig"
    after_click_on(at, "app_pages/hoe_ging_het.py")
    assert at.title[0].value.startswith("Sessie van")  # on to the questionnaire of the new session
    assert not [m for m in at.markdown if "Kijk eerst even terug?" in m.value]  # done: not offered again


def test_one_bad_look_back_stores_none_of_the_changes_and_keeps_them_on_screen(me):
    store, person = me
    first = sessions(store, person)[0]
    one = add(store, person, first, 7, "Een", clock.today())
    two = add(store, person, first, 28, "Twee", clock.today())
    new = store.sessions.create(person, label="Nieuw", scope_kind="quickscan", scope_key="", perspective="zittend",
                                themes=[7, 28])
    at = page("app_pages/hoe_ging_het.py", sessie=new)
    at.radio(key=f"hgh_status_{new}_{one}").set_value("gedaan")
    at.radio(key=f"hgh_status_{new}_{two}").set_value("gedaan")
    at.text_area(key=f"hgh_look_back_{new}_{two}").input("y" * 2_001)
    [save] = [b for b in at.form_submit_button if b.label == "Bewaren en naar de vragenlijst"]
    save.click().run()
    assert "‘Twee’: Houd je terugblik kort" in at.error[0].value
    assert store.plan.get(one).status == store.plan.get(two).status == "gepland"  # all or nothing
    assert at.title[0].value == "Hoe ging het?"
    assert at.radio(key=f"hgh_status_{new}_{one}").value == "gedaan"


def test_skipping_changes_nothing_and_without_open_actions_the_questionnaire_comes_at_once(me):
    store, person = me
    first = sessions(store, person)[0]
    aid = add(store, person, first, 7, "Een", clock.today())
    new = store.sessions.create(person, label="Nieuw", scope_kind="quickscan", scope_key="", perspective="zittend",
                                themes=[7, 28])
    at = page("app_pages/vragenlijst.py", sessie=new)
    assert any("Je hebt nog 1 open actie uit een eerdere sessie." in m.value for m in at.markdown)
    at = page("app_pages/hoe_ging_het.py", sessie=new)
    [skip] = [b for b in at.form_submit_button if b.label == "Overslaan"]
    skip.click().run()
    after_click_on(at, "app_pages/hoe_ging_het.py")
    assert at.title[0].value == "Nieuw" and store.plan.get(aid).status == "gepland"
    store.plan.save(aid, plan.with_status(store.plan.get(aid), "gedaan"))
    at = page("app_pages/hoe_ging_het.py", sessie=new)
    assert at.title[0].value == "Nieuw"  # nothing open: straight on


# --- the dashboard ------------------------------------------------------------------------------------------


def test_the_dashboard_adds_actions_at_a_priority_and_shows_what_moved_since_it_began(me, library):
    store, person = me
    first, second = sessions(store, person)
    quick = sorted(library.structure.quick_scan)
    add(store, person, first, quick[0], "Oude actie", clock.today())
    at = page("app_pages/dashboard.py", sessie=second)
    assert "Je ontwikkelplan: wat bewoog er?" in [h.value for h in at.header]
    assert "Je had een actie op 1 thema. Je score daarop ging omhoog, van 2 naar 4." in texts(at)
    [moved] = [t.value for t in at.table if "Verschil" in t.value.columns and "Actie uit sessie" in t.value.columns]
    assert list(moved.iloc[0][["Actie uit sessie", "Toen", "Nu", "Verschil"]]) == ["Quick scan 2025", 2, 4, plain("+2")]
    # the 2025 scan (mastery 2, importance 3 everywhere) has every theme as a priority: add an action at one
    at = page("app_pages/dashboard.py", sessie=first)
    key = f"action_{first}_{quick[1]}"
    assert not at.text_input  # the forms are drawn only when asked for
    at.button(key=f"{key}_open").click().run()
    at.text_input(key=f"{key}_what").input("Bij de prioriteit een actie")
    at.button(key=f"{key}_submit").click().run()
    assert not at.exception and not at.error
    made = [a for a in store.plan.of_person(person) if a.what == "Bij de prioriteit een actie"]
    assert [(a.theme, a.session_id) for a in made] == [(quick[1], first)]
    assert not at.text_input  # stored: the form is closed, the card offers "Nog een actie toevoegen"
    assert at.button(key=f"{key}_open").label == "Nog een actie toevoegen"


def test_the_dashboards_kept_charts_are_drawn_again_when_an_answer_changes_within_the_same_second(me, library):
    store, person = me
    first, second = sessions(store, person)
    at = page("app_pages/dashboard.py", sessie=second)
    before = at.get("plotly_chart")[0].proto.spec
    roles_before = at.table[0].value
    stamp = store.sessions.get(second).updated_at
    theme = sorted(library.structure.quick_scan)[0]
    store.sessions.save_answer(second, theme, mastery=1)  # from 4: the role profile changes
    with store.db.write() as conn:  # the same second as before (the clock counts seconds)
        conn.execute("UPDATE answers SET updated_at = ? WHERE session_id = ?", (stamp, second))
    assert store.sessions.get(second).updated_at == stamp
    at.run()
    assert not at.exception
    assert at.get("plotly_chart")[0].proto.spec != before
    assert list(at.table[0].value.columns) == ["Rol", "Score (1–5)", "Rust op"]  # the chart's table, kept with it
    assert not at.table[0].value.equals(roles_before)


def test_the_dashboards_kept_movement_table_follows_a_status_changed_in_another_tab(me, library):
    store, person = me
    first, second = sessions(store, person)
    action = add(store, person, first, sorted(library.structure.quick_scan)[0], "Oude actie", clock.today())
    at = page("app_pages/dashboard.py", sessie=second)

    def actions_column() -> str:
        [moved] = [t.value for t in at.table if "Actie uit sessie" in t.value.columns]
        return moved.iloc[0]["Acties"]

    assert actions_column() == plain("Oude actie (gepland)")
    draft = store.plan.get(action)
    store.plan.save_many({action: plan.with_status(draft, "gedaan", "Gelukt.")})
    at.run()
    assert not at.exception
    assert actions_column() == plain("Oude actie (gedaan)")
