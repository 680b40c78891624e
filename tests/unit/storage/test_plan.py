"""store.plan: the table keeps what the rules decided, sharing follows membership, a session import is all or nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from wegwijzer.domain.records import ActionDraft, Answer

DUE = dt.date(2027, 1, 15)


def session(store, person: int) -> int:
    return store.sessions.create(person, label="S", scope_kind="eigen", scope_key="", perspective="zittend",
                                 themes=[1, 2])


def test_every_change_raises_the_revision_and_keeps_theme_and_session(store):
    person = store.people.local_person()
    sid = session(store, person)
    action = store.plan.add(person, sid, ActionDraft(theme=2, what="Iets", due=DUE))
    assert store.plan.get(action).revision == 0
    store.plan.save(action, ActionDraft(theme=1, what="Anders", due=None, status="gedaan", look_back="Klaar"))
    saved = store.plan.get(action)
    assert (saved.theme, saved.session_id, saved.what, saved.due, saved.status, saved.look_back, saved.revision) == (
        2, sid, "Anders", None, "gedaan", "Klaar", 1)
    assert store.plan.owner(action) == person and store.plan.owner(action + 1) is None


def test_the_database_refuses_what_the_rules_never_write(store):
    person = store.people.local_person()
    sid = session(store, person)
    for bad in (ActionDraft(theme=0, what="Iets", due=DUE), ActionDraft(theme=1, what="", due=DUE),
                ActionDraft(theme=1, what="Iets", due=DUE, status="klaar")):  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError):
            store.plan.add(person, sid, bad)
    assert store.plan.of_person(person) == []


def test_only_a_member_can_share_and_a_share_ends_with_the_membership(store):
    owner, other = store.people.create("A"), store.people.create("B")
    group = store.groups.create("G", owner, "AAAA-BBBB-CCCC-DDDD", "namen")
    action = store.plan.add(other, session(store, other), ActionDraft(theme=1, what="Iets", due=DUE))
    with pytest.raises(sqlite3.IntegrityError):
        store.plan.share(action, group, other)  # not a member
    store.groups.add_member(group, other)
    store.plan.share(action, group, other)
    store.plan.share(action, group, other)  # twice is once
    assert [a.id for a in store.plan.shared_with_group(group)] == [action]
    store.groups.remove_member(group, other)
    assert store.plan.shared_with_group(group) == [] and store.plan.shared_groups(action) == []


def test_a_session_import_with_a_bad_action_stores_nothing(store):
    person = store.people.local_person()
    before = store.counts()
    with pytest.raises(sqlite3.IntegrityError):
        store.sessions.insert_full(person, {"label": "X", "scope_kind": "eigen", "scope_key": "",
                                            "perspective": "zittend", "themes": [1], "status": "afgerond",
                                            "created_at": "2026-01-01T10:00:00+00:00"},
                                   [Answer(1, mastery=3)], [ActionDraft(theme=1, what="Goed", due=DUE),
                                                            ActionDraft(theme=101, what="Fout", due=DUE)])
    assert store.counts() == before


def test_deleting_everything_of_a_person_deletes_their_plan(store):
    person = store.people.local_person()
    store.plan.add(person, session(store, person), ActionDraft(theme=1, what="Iets", due=DUE))
    store.sessions.delete_of_person(person)
    assert store.plan.of_person(person) == [] and store.counts()["actions"] == 0
