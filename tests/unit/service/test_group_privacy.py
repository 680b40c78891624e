"""Item 7 of issue 14: pseudonyms not in join order, names only by each member's own consent, and the
facilitator removing a member and renewing a leaked code."""

from __future__ import annotations

import pytest

from wegwijzer.service import Service, ServiceError
from wegwijzer.service.access import AccessDenied, Actor


@pytest.fixture
def people(store, library):
    ids = [store.people.create_account(f"Lid {i}", f"lid{i}@test.nl", "geen-echte-hash") for i in range(6)]
    return [Service(store, library, Actor(pid)) for pid in ids]


def _group(people, naming="deelnemers") -> int:
    gid = people[0].groups.create("Oost", naming)
    code = people[0].groups.get(gid).join_code
    for member in people[1:]:
        member.groups.join(code)
    return gid


def test_pseudonyms_follow_no_join_order_and_stay_the_same(people):
    creator_letters, orders = set(), set()
    for _ in range(12):
        gid = _group(people)
        seen = people[1].groups.members(gid)
        assert sorted(m.label.removesuffix(" (jij)") for m in seen) == [f"Deelnemer {c}" for c in "ABCDEF"]
        assert people[1].groups.members(gid) == seen  # stable
        creator_letters.add(next(m.label for m in seen if m.is_creator))
        orders.add(tuple(m.label for m in people[0].groups.members(gid)))
    assert len(creator_letters) > 1  # the facilitator is not always "Deelnemer A"
    assert len(orders) > 1  # each group has its own order


def test_a_name_shows_only_for_the_member_who_agreed(people):
    gid = _group(people, naming="deelnemers")
    people[0].groups.update(gid, naming="namen")  # the facilitator alone cannot reveal anyone
    assert not any(m.named for m in people[2].groups.members(gid))
    assert all("Lid" not in m.label for m in people[2].groups.members(gid))
    people[3].groups.show_my_name(gid, True)
    labels = [m.label for m in people[2].groups.members(gid)]
    assert "Lid 3" in labels and sum("Deelnemer" in label for label in labels) == 5
    people[0].groups.update(gid, naming="deelnemers")  # a group without names hides even those who agreed
    assert all("Lid" not in m.label for m in people[2].groups.members(gid))
    people[0].groups.update(gid, naming="namen")
    people[3].groups.show_my_name(gid, False)  # and a member can take the consent back
    assert all("Lid" not in m.label for m in people[2].groups.members(gid))


def test_the_facilitator_removes_a_member_who_then_sees_nothing(people, store):
    gid = _group(people)
    removed = people[4]
    done = store.sessions.create(removed.actor.person_id, label="", scope_kind="eigen", scope_key="",
                                 perspective="zittend", themes=[1])
    store.sessions.set_status(done, "afgerond")
    removed.groups.share(gid, done)
    assert people[1].sessions.scores(done) is not None
    roster = people[0].groups.roster(gid)
    assert [name for _, name in roster] == ["Lid 1", "Lid 2", "Lid 3", "Lid 4", "Lid 5"]  # no labels, no scores
    people[0].groups.remove_member(gid, removed.actor.person_id)
    with pytest.raises(AccessDenied):
        removed.groups.dashboard(gid)
    with pytest.raises(AccessDenied):
        people[1].sessions.scores(done)  # the removed member's scores left with them
    with pytest.raises(ServiceError):
        people[0].groups.remove_member(gid, people[0].actor.person_id)
    with pytest.raises(AccessDenied):
        people[1].groups.remove_member(gid, people[2].actor.person_id)


def test_a_renewed_code_ends_the_old_one(people):
    gid = people[0].groups.create("Oost")
    old = people[0].groups.get(gid).join_code
    new = people[0].groups.renew_code(gid)
    with pytest.raises(ServiceError):
        people[1].groups.join(old)
    assert people[1].groups.join(new) == gid
