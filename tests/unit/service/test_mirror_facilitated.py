"""Item 3 of issue 14: a Spiegel round the secretary cannot game, because she never holds the links.

The attack: with three college links, she answers two herself with all 1s; 3 × mean − 2 is then the third
rater's exact score. In a round she runs herself that still works (the rater page says so); in a round
her coach facilitates, her service never returns a link, so she has nothing to fill in.
"""

from __future__ import annotations

import pytest

from tests.unit.service.test_mirror_service import THEMES, secretary
from wegwijzer.service import Service, ServiceError
from wegwijzer.service.access import LOGGED_OUT, AccessDenied, Actor
from wegwijzer.service.mirror import RaterLinkProblem

COLLEGE = [("Burgemeester", "college"), ("Wethouder A", "college"), ("Wethouder B", "college")]
TRUE = {2: 4, 5: 3, 9: 5, 11: 2}  # the one real rater's answers


@pytest.fixture
def people(store, library):
    person, session = secretary(store)
    coach = store.people.create_account("Karel Coach", "karel@test.nl", "geen-echte-hash")
    sara = Service(store, library, Actor(person))
    link = sara.coaching.invite("scores")
    karel = Service(store, library, Actor(coach))
    karel.coaching.accept(link.code)
    return sara, karel, Service(store, library, LOGGED_OUT), session, link


def _recovered(outcome) -> dict[int, float]:
    return {t.theme: round(3 * t.figure("college").mean - 2) for t in outcome.result.themes if t.figure("college")}


def test_in_a_round_she_runs_herself_the_attack_works_which_is_why_the_rater_page_warns(people):
    sara, _karel, rater, session, _link = people
    rid, links = sara.mirror.create_round(session, "Zelf", THEMES, COLLEGE)
    assert rater.mirror.rater_form(links[2].token).facilitator_name == ""  # the page then says she held the links
    for link in links[:2]:  # she fills in two links herself, all 1s
        rater.mirror.submit_feedback(link.token, dict.fromkeys(THEMES, 1), {})
    rater.mirror.submit_feedback(links[2].token, TRUE, {})
    sara.mirror.close_round(rid)
    assert _recovered(sara.mirror.outcome(rid)) == TRUE  # the limit of a round she runs herself


def test_in_a_facilitated_round_she_never_holds_a_link_and_cannot_get_one(people, store):
    sara, karel, rater, session, _link = people
    rid, links = sara.mirror.create_round(session, "Begeleid", THEMES, COLLEGE, facilitator_id=karel.actor.person_id)
    assert links == []
    assert sara.mirror.add_invites(rid, [("Wethouder C", "college")]) == []
    with pytest.raises(AccessDenied):
        sara.mirror.issue_links(rid)
    assert [i.issued for i in sara.mirror.invites(rid)] == [False] * 4  # she sees who, not how to answer
    # what the database holds for waiting invitations opens no form
    for (placeholder,) in store.conn.execute("SELECT token_hash FROM mirror_invites WHERE round_id = ?", (rid,)):
        with pytest.raises(RaterLinkProblem):
            rater.mirror.rater_form(placeholder)
    [waiting] = karel.mirror.facilitated_rounds()
    assert (waiting.round.id, waiting.waiting, waiting.round.person_name) == (rid, 4, "Sara Secretaris")
    issued = karel.mirror.issue_links(rid)
    assert sorted(k.label for k in issued) == ["Burgemeester", "Wethouder A", "Wethouder B", "Wethouder C"]
    assert karel.mirror.issue_links(rid) == []  # each link is made once
    assert rater.mirror.rater_form(issued[0].token).facilitator_name == "Karel Coach"
    with pytest.raises(AccessDenied):
        karel.mirror.outcome(rid)  # the facilitator hands out links and sees no results
    sara.mirror.close_round(rid)
    assert sara.mirror.my_rounds()[0].facilitated and sara.mirror.my_rounds()[0].facilitator_name == "Karel Coach"


def test_only_an_active_coach_can_facilitate_and_a_revoked_one_makes_no_more_links(people, store, library):
    sara, karel, _rater, session, link = people
    stranger = store.people.create_account("Iemand", "iemand@test.nl", "geen-echte-hash")
    for wrong in (stranger, sara.actor.person_id, 10**30, "1"):
        with pytest.raises((ServiceError, AccessDenied)):  # an id out of range is refused at the boundary
            sara.mirror.create_round(session, "Mis", THEMES, COLLEGE, facilitator_id=wrong)
    rid, _ = sara.mirror.create_round(session, "Begeleid", THEMES, COLLEGE, facilitator_id=karel.actor.person_id)
    sara.coaching.revoke(link.id)
    assert karel.mirror.facilitated_rounds() == []
    with pytest.raises(AccessDenied):
        karel.mirror.issue_links(rid)
