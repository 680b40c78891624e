"""svc.plan: one's own plan with Dutch refusals that change nothing, what moved, the calendar, the export."""

from __future__ import annotations

import datetime as dt

import pytest

from wegwijzer import clock
from wegwijzer.domain.records import Answer
from wegwijzer.render.calendar import plan_calendar
from wegwijzer.service import Service, ServiceError
from wegwijzer.service.access import AccessDenied, Actor
from wegwijzer.storage import Store

TODAY = clock.today()
SOON = TODAY + dt.timedelta(days=14)


def completed(store: Store, person: int, created: str, scores: dict[int, int]) -> int:
    return store.sessions.insert_full(person, {"label": created[:4], "scope_kind": "eigen", "scope_key": "",
                                               "perspective": "zittend", "themes": sorted(scores),
                                               "status": "afgerond", "created_at": created},
                                      [Answer(t, mastery=m, importance=3) for t, m in scores.items()], [])


@pytest.fixture
def me(store, library):
    return Service(store, library, Actor(store.people.local_person()))


def test_add_change_status_and_delete(store, me):
    sid = completed(store, me.actor.person_id, "2026-03-01T10:00:00+00:00", {1: 2, 2: 3})
    later = me.plan.add(sid, 2, "Later", SOON + dt.timedelta(days=1))
    first = me.plan.add(sid, 40, "Gesprek met de burgemeester", SOON, "Mijn coach")  # any theme of the book
    assert [a.id for a in me.plan.mine()] == [first, later]
    me.plan.update(first, "Gesprek met burgemeester en griffier", SOON, "")
    me.plan.set_status(first, "gedaan", "Het gesprek gaf rust.")
    action = store.plan.get(first)
    assert (action.what, action.support, action.status, action.look_back, action.revision) == (
        "Gesprek met burgemeester en griffier", "", "gedaan", "Het gesprek gaf rust.", 2)
    me.plan.set_status(first, "bezig")  # the look-back stays
    assert store.plan.get(first).look_back == "Het gesprek gaf rust."
    me.plan.delete(later)
    assert [a.id for a in me.plan.mine()] == [first]


@pytest.mark.parametrize(("call", "message"), [
    (lambda s, sid, a: s.plan.add(sid, 2, "", SOON), "Schrijf op wat je gaat doen."),
    (lambda s, sid, a: s.plan.add(sid, 2, "Iets", TODAY - dt.timedelta(days=1)), "is al voorbij"),
    (lambda s, sid, a: s.plan.add(sid, 101, "Iets", SOON), "Thema 101 bestaat niet"),
    (lambda s, sid, a: s.plan.update(a, "Iets", TODAY - dt.timedelta(days=3)), "is al voorbij"),
    (lambda s, sid, a: s.plan.update(a, "x" * 301, SOON), "hoogstens 300 tekens"),
    (lambda s, sid, a: s.plan.set_status(a, "gedaan", "x" * 5000), "hoogstens 2.000 tekens (nu 5.000)"),
    (lambda s, sid, a: s.plan.set_status(a, "afgerond"), "Kies een status"),
])
def test_bad_input_is_refused_in_dutch_and_changes_nothing(store, me, call, message):
    sid = completed(store, me.actor.person_id, "2026-03-01T10:00:00+00:00", {2: 3})
    action = me.plan.add(sid, 2, "Bestaande actie", SOON)
    before = "\n".join(store.conn.iterdump())
    with pytest.raises(ServiceError) as info:
        call(me, sid, action)
    assert message in info.value.message
    assert "\n".join(store.conn.iterdump()) == before


def test_several_statuses_at_once_are_all_or_nothing(store, me):
    sid = completed(store, me.actor.person_id, "2026-03-01T10:00:00+00:00", {2: 3})
    first, second = me.plan.add(sid, 2, "Eerste", SOON), me.plan.add(sid, 2, "Tweede", SOON)
    before = "\n".join(store.conn.iterdump())
    with pytest.raises(ServiceError) as info:
        me.plan.set_statuses({first: ("gedaan", "Klaar"), second: ("losgelaten", "x" * 5000)})
    assert info.value.message == "‘Tweede’: Houd je terugblik kort: hoogstens 2.000 tekens (nu 5.000)."
    assert "\n".join(store.conn.iterdump()) == before
    me.plan.set_statuses({first: ("gedaan", "Klaar"), second: ("bezig", None)})
    assert [(a.what, a.status, a.look_back) for a in me.plan.mine()] == [("Eerste", "gedaan", "Klaar"),
                                                                         ("Tweede", "bezig", "")]


def test_several_statuses_at_once_only_for_ones_own_actions(store, library, me):
    other = Service(store, library, Actor(store.people.create("Ander")))
    theirs = other.plan.add(completed(store, other.actor.person_id, "2026-03-01T10:00:00+00:00", {2: 3}), 2, "Van hen",
                            SOON)
    mine = me.plan.add(completed(store, me.actor.person_id, "2026-03-01T10:00:00+00:00", {2: 3}), 2, "Van mij", SOON)
    for changes in ({mine: ("gedaan", None), theirs: ("gedaan", None)}, {"x": ("gedaan", None)}, 5):
        with pytest.raises(AccessDenied):
            me.plan.set_statuses(changes)
    assert store.plan.get(theirs).status == store.plan.get(mine).status == "gepland"


def test_the_dashboard_one_line_field_is_the_first_action_of_that_theme_in_that_session(store, me):
    sid = completed(store, me.actor.person_id, "2026-03-01T10:00:00+00:00", {2: 3})
    first = me.plan.add(sid, 2, "Eerste", SOON, "Met P.")
    me.plan.add(sid, 2, "Tweede", SOON)
    me.plan.set_status(first, "bezig")
    assert me.sessions.actions(sid)[2].text == "Eerste"
    me.sessions.save_action(sid, 2, "Eerste, beter gezegd")  # changes the what only
    action = store.plan.get(first)
    assert (action.what, action.support, action.status, action.due) == ("Eerste, beter gezegd", "Met P.", "bezig", SOON)
    me.sessions.save_action(sid, 2, "")
    assert [a.what for a in me.plan.mine()] == ["Tweede"]


def test_movement_compares_with_the_session_where_the_action_began(store, library):
    person = store.people.create("Iemand")
    svc = Service(store, library, Actor(person))
    first = completed(store, person, "2025-03-01T10:00:00+00:00", {10: 2, 20: 4, 30: 3})
    second = completed(store, person, "2026-03-01T10:00:00+00:00", {10: 4, 20: 3, 30: 3})
    svc.plan.add(first, 10, "Oefenen", SOON)
    svc.plan.add(first, 20, "Volhouden", SOON)
    svc.plan.add(first, 50, "Buiten de sessies", SOON)
    moved = svc.plan.movement(second)
    assert [(m.theme, m.before, m.after) for m in moved.themes] == [(10, 2, 4), (20, 4, 3)]
    assert moved.worked_on == (10, 20, 50) and moved.unmeasured == (50,)
    assert svc.plan.movement(first).worked_on == ()  # nothing began before the first session


def test_a_score_only_coach_sees_movement_and_plan_without_notes(store, library):
    owner = store.people.create("Coachee")
    coach = store.people.create("Coach")
    link = store.coaching.create_link(owner, "AAAA-BBBB-CCCC-DDDD", "scores")
    store.coaching.accept(link, coach)
    mine, theirs = Service(store, library, Actor(owner)), Service(store, library, Actor(coach))
    first = completed(store, owner, "2025-03-01T10:00:00+00:00", {10: 2})
    second = completed(store, owner, "2026-03-01T10:00:00+00:00", {10: 3})
    action = mine.plan.add(first, 10, "Oefenen", SOON, "Met de griffier")
    mine.plan.set_status(action, "gedaan", "Goed gegaan")
    seen = theirs.plan.movement(second).themes[0].actions[0]
    assert (seen.what, seen.status, seen.support, seen.look_back) == ("Oefenen", "gedaan", "", "")
    assert mine.plan.movement(second).themes[0].actions[0].look_back == "Goed gegaan"


def test_the_calendar_feed_keeps_its_installation_id_when_the_database_is_opened_again(tmp_path, library):
    path = tmp_path / "w.db"
    store = Store(path)
    svc = Service(store, library, Actor(store.people.local_person()))
    sid = completed(store, svc.actor.person_id, "2026-03-01T10:00:00+00:00", {1: 2})
    svc.plan.add(sid, 1, "Iets", SOON)
    first = plan_calendar(library, *_feed(svc))
    store.close()
    store = Store(path)
    again = plan_calendar(library, *_feed(Service(store, library, Actor(store.people.local_person()))))
    uid = [line for line in first.splitlines() if line.startswith(b"UID:")]
    assert uid and uid == [line for line in again.splitlines() if line.startswith(b"UID:")]
    store.close()


def _feed(svc: Service) -> tuple:
    feed = svc.plan.calendar_feed()
    return feed.installation, feed.person_id, feed.actions


def test_the_session_export_carries_its_plan_into_another_account(store, library):
    one, two = store.people.create("Een"), store.people.create("Twee")
    first, second = Service(store, library, Actor(one)), Service(store, library, Actor(two))
    sid = completed(store, one, "2026-03-01T10:00:00+00:00", {1: 2, 2: 3})
    action = first.plan.add(sid, 2, "Meenemen", SOON, "Met P.")
    first.plan.set_status(action, "losgelaten", "Andere prioriteit")
    first.sessions.save_action(sid, 1, "Een regel")
    new_sid = second.sessions.import_json(first.sessions.export_json(sid).encode())
    assert [(a.session_id, a.theme, a.what, a.due, a.support, a.status, a.look_back) for a in second.plan.mine()] == [
        (new_sid, 2, "Meenemen", SOON, "Met P.", "losgelaten", "Andere prioriteit"),
        (new_sid, 1, "Een regel", None, "", "gepland", "")]
