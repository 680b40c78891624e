"""Service inputs are checked at the boundary: ids in range, scores whole numbers on their scale."""

from __future__ import annotations

import pytest

from wegwijzer.service import AccessDenied, Service, ServiceError
from wegwijzer.service.access import Actor

HUGE = 9_999_999_999_999_999_999_999  # larger than any SQLite INTEGER


@pytest.fixture
def owner(store, library) -> tuple[Service, int]:
    person = store.people.local_person()
    sid = store.sessions.create(person, label="Test", scope_kind="alle", scope_key="", perspective="zittend",
                                themes=[1, 2, 3])
    return Service(store, library, Actor(person)), sid


@pytest.mark.parametrize("call", [
    lambda svc, sid: svc.sessions.get(HUGE),
    lambda svc, sid: svc.sessions.overview(sid, earlier_id=HUGE),
    lambda svc, sid: svc.sessions.overview(sid, earlier_id=-1),
    lambda svc, sid: svc.groups.dashboard(HUGE),
    lambda svc, sid: svc.coaching.scope(HUGE),
    lambda svc, sid: svc.mirror.outcome(HUGE),
    lambda svc, sid: svc.personal.delete_profile(HUGE),
], ids=["session", "earlier session", "negative earlier session", "group", "coachee", "round", "profile"])
def test_an_id_out_of_range_gets_the_dutch_not_found_answer_never_an_overflow(owner, call):
    svc, sid = owner
    with pytest.raises(AccessDenied, match="bestaat niet"):
        call(svc, sid)


@pytest.mark.parametrize(("field", "value"), [("mastery", 4.5), ("mastery", "4.5"), ("mastery", "4"),
                                              ("mastery", 6), ("mastery", 0), ("mastery", True),
                                              ("importance", 2.5), ("importance", 4), ("importance", "3")])
def test_a_tampered_score_is_refused_in_dutch_and_never_stored(owner, field, value):
    svc, sid = owner
    with pytest.raises(ServiceError, match="niet bewaard"):
        svc.sessions.save_answer(sid, 1, **{field: value})
    assert svc.sessions.answers(sid) == {}


def test_whole_scores_on_the_scale_are_stored(owner):
    svc, sid = owner
    svc.sessions.save_answer(sid, 1, mastery=5, importance=3)
    svc.sessions.save_answer(sid, 2, mastery=1, importance=1, note=None)
    answers = svc.sessions.answers(sid)
    assert (answers[1].mastery, answers[1].importance, answers[2].mastery, answers[2].note) == (5, 3, 1, "")


def test_an_action_for_a_theme_outside_the_session_is_refused(owner):
    svc, sid = owner
    for theme in (4, HUGE, "1"):
        with pytest.raises(ServiceError, match="hoort niet bij deze sessie"):
            svc.sessions.save_action(sid, theme, "Plan maken")
    assert svc.sessions.actions(sid) == {}
