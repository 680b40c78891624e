"""The access matrix: every service function × every kind of actor.

Each case builds a fresh world, calls one function as one actor, and checks the outcome against the
table below: allowed calls do not raise AccessDenied; refused calls raise it and leave the database
exactly as it was. A service function missing from the table, or without access rules, fails the test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from wegwijzer.demo import sample_answers
from wegwijzer.service import Service, ServiceError, auth, guarded_methods
from wegwijzer.service.access import AccessDenied, Actor
from wegwijzer.storage.database import Store

PASSWORD = "een-goed-wachtwoord"
HASH = auth.hash_password(PASSWORD)  # once: argon2 is slow on purpose

ACTORS = ("owner", "member", "other_group", "coach_scores", "coach_notes", "revoked_coach", "stranger",
          "logged_out", "admin")
SIGNED_IN = frozenset(ACTORS) - {"logged_out"}
EVERYONE = frozenset(ACTORS)
OWNER = frozenset({"owner"})
GROUP = frozenset({"owner", "member"})
COACHES = frozenset({"coach_scores", "coach_notes"})


@dataclass
class World:
    store: Store
    people: dict[str, int | None]
    done: int  # the owner's completed session, shared with the group
    open: int  # the owner's open session, not shared
    group: int  # made by the owner; "member" is in it
    link_scores: int
    link_notes: int
    invite: int  # an open invitation of the owner, not yet accepted
    profile: int  # the owner's own function profile
    round: int  # the owner's feedback round on the completed session
    rater_token: str  # one unused rater link of that round


def build_world(library) -> World:
    store = Store(":memory:")
    people = {name: store.create_account(name.title(), f"{name}@test.nl", HASH, is_admin=name == "admin")
              for name in ACTORS if name != "logged_out"}
    people["logged_out"] = None
    quick = list(library.structure.quick_scan)

    def completed(person: int, seed: int) -> int:
        answers = [a.__class__(theme=a.theme, mastery=a.mastery, importance=a.importance,
                               not_applicable=a.not_applicable, note=f"notitie {a.theme}") for a in
                   sample_answers(library, quick, seed)]
        return store.insert_full_session(person, {"label": "Klaar", "scope_kind": "quickscan", "scope_key": "",
                                                  "perspective": "zittend", "themes": quick, "status": "afgerond",
                                                  "created_at": "2026-01-01T10:00:00+00:00"}, answers, [])

    owner = people["owner"]
    done = completed(owner, 1)
    store.save_action(done, quick[0], "Een actie")
    open_session = store.create_session(owner, label="Open", scope_kind="quickscan", scope_key="",
                                        perspective="zittend", themes=quick)
    group = store.create_group("Groep", owner, "AAAA-BBBB-CCCC-DDDD", "namen")
    store.set_shared_session(group, owner, done)
    store.add_member(group, people["member"])
    store.set_shared_session(group, people["member"], completed(people["member"], 2))
    other = store.create_group("Andere groep", people["other_group"], "EEEE-FFFF-GGGG-HHHH", "namen")
    store.set_shared_session(other, people["other_group"], completed(people["other_group"], 3))
    links = {}
    for coach, scope, code in (("coach_scores", "scores", "HHHH-JJJJ-KKKK-MMMM"),
                               ("coach_notes", "scores_notities", "NNNN-PPPP-QQQQ-RRRR"),
                               ("revoked_coach", "scores_notities", "SSSS-TTTT-UUUU-VVVV")):
        links[coach] = store.create_coach_link(owner, code, scope)
        store.accept_coach_link(links[coach], people[coach])
    store.revoke_coach_link(links["revoked_coach"])
    invite = store.create_coach_link(owner, "WWWW-XXXX-YYYY-ZZZZ", "scores")
    owner_service = Service(store, library, Actor(owner))
    profile = owner_service.save_profile({"key": "eigen", "name": "Eigen", "description": "Een vacature.",
                                          "roles": {"verbinder": {"weight": 3}}, "themes": {}})
    round_id, rater_links = owner_service.create_round(done, "Ronde", quick[:5], [("Wethouder", "college"),
                                                                                   ("Directeur", "directieteam")])
    return World(store, people, done, open_session, group, links["coach_scores"], links["coach_notes"], invite,
                 profile, round_id, rater_links[0].token)


def _export(world: World) -> bytes:
    return Service(world.store, None, Actor(world.people["owner"])).export_json(world.done).encode()


# name -> (call, who may). ``call`` gets the service and the world.
CASES = {
    # own account and sessions: everyone signed in, always on their own data
    "my_account": (lambda s, w: s.my_account(), SIGNED_IN),
    "change_password": (lambda s, w: s.change_password(PASSWORD, "nog-een-goed-wachtwoord"), SIGNED_IN),
    "delete_account": (lambda s, w: s.delete_account(PASSWORD), SIGNED_IN),
    "my_sessions": (lambda s, w: s.my_sessions(), SIGNED_IN),
    "create_session": (lambda s, w: s.create_session(label="x", scope_kind="eigen", scope_key="", perspective="zittend",
                                                     themes=[1, 2]), SIGNED_IN),
    "delete_my_sessions": (lambda s, w: s.delete_my_sessions(), SIGNED_IN),
    "import_session": (lambda s, w: s.import_session(_export(w)), SIGNED_IN),
    "my_groups": (lambda s, w: s.my_groups(), SIGNED_IN),
    "create_group": (lambda s, w: s.create_group("Nieuw"), SIGNED_IN),
    "join_group": (lambda s, w: s.join_group("aaaa bbbb cccc dddd"), SIGNED_IN),
    "invite_coach": (lambda s, w: s.invite_coach("scores"), SIGNED_IN),
    "my_coach_links": (lambda s, w: s.my_coach_links(), SIGNED_IN),
    "accept_coach_invite": (lambda s, w: s.accept_coach_invite("WWWW-XXXX-YYYY-ZZZZ"), SIGNED_IN),
    "my_coachees": (lambda s, w: s.my_coachees(), SIGNED_IN),
    "logout_everywhere": (lambda s, w: s.logout_everywhere(), SIGNED_IN),
    # the owner's sessions
    "session": (lambda s, w: s.session(w.done), GROUP | COACHES),
    "answers": (lambda s, w: s.answers(w.done), OWNER),
    "save_answer": (lambda s, w: s.save_answer(w.open, s.store.session(w.open).themes[0], mastery=3), OWNER),
    "set_status": (lambda s, w: s.set_status(w.open, "afgerond"), OWNER),
    "rename_session": (lambda s, w: s.rename_session(w.open, "Anders"), OWNER),
    "delete_session": (lambda s, w: s.delete_session(w.done), OWNER),
    "actions": (lambda s, w: s.actions(w.done), OWNER | COACHES),
    "save_action": (lambda s, w: s.save_action(w.done, 1, "Iets doen"), OWNER),
    "scores": (lambda s, w: s.scores(w.done), GROUP | COACHES),
    "notes": (lambda s, w: s.notes(w.done), OWNER | {"coach_notes"}),
    "overview": (lambda s, w: s.overview(w.done), OWNER | COACHES),
    "earlier_sessions": (lambda s, w: s.earlier_sessions(w.done), OWNER | COACHES),
    "export_json": (lambda s, w: s.export_json(w.done), OWNER),
    "export_csv": (lambda s, w: s.export_csv(w.done), OWNER),
    # the owner's group
    "group": (lambda s, w: s.group(w.group), GROUP),
    "group_members": (lambda s, w: s.group_members(w.group), GROUP),
    "share_session": (lambda s, w: s.share_session(w.group, w.done), OWNER),
    "withdraw_share": (lambda s, w: s.withdraw_share(w.group), GROUP),
    "group_view": (lambda s, w: s.group_view(w.group), GROUP),
    "leave_group": (lambda s, w: s.leave_group(w.group), GROUP),
    "update_group": (lambda s, w: s.update_group(w.group, name="Hernoemd"), OWNER),
    "renew_join_code": (lambda s, w: s.renew_join_code(w.group), OWNER),
    "save_agenda": (lambda s, w: s.save_agenda(w.group, [{"theme": 5, "method": "balint"}]), OWNER),
    "dissolve_group": (lambda s, w: s.dissolve_group(w.group), OWNER),
    # the owner's coach links, and the coaches' view of the owner
    "set_coach_scope": (lambda s, w: s.set_coach_scope(w.link_scores, "scores_notities"), OWNER),
    "revoke_coach": (lambda s, w: s.revoke_coach(w.link_scores), OWNER),
    "coachee_sessions": (lambda s, w: s.coachee_sessions(w.people["owner"]), COACHES),
    "coach_scope": (lambda s, w: s.coach_scope(w.people["owner"]), COACHES),
    "coach_prep": (lambda s, w: s.coach_prep(w.people["owner"]), COACHES),
    "save_coach_prep": (lambda s, w: s.save_coach_prep(w.people["owner"], {"themes": [5], "grow": {"goal": "x"}}),
                        COACHES),
    # own profiles, the study, feedback rounds
    "my_profiles": (lambda s, w: s.my_profiles(), SIGNED_IN),
    "save_profile": (lambda s, w: s.save_profile({"key": "x", "name": "X", "description": "Y",
                                                  "roles": {"adviseur": {"weight": 2}}, "themes": {}}), SIGNED_IN),
    "delete_profile": (lambda s, w: s.delete_profile(w.profile), OWNER),
    "research_answers": (lambda s, w: s.research_answers(), SIGNED_IN),
    "save_research_answers": (lambda s, w: s.save_research_answers({"sturing": {"lijn": 10}}), SIGNED_IN),
    "create_round": (lambda s, w: s.create_round(w.done, "Nog een", [s.store.session(w.done).themes[0]],
                                                 [("Iemand", "extern")]), OWNER),
    "add_invites": (lambda s, w: s.add_invites(w.round, [("Iemand", "extern")]), OWNER),
    "my_rounds": (lambda s, w: s.my_rounds(), SIGNED_IN),
    "round_invites": (lambda s, w: s.round_invites(w.round), OWNER),
    "close_round": (lambda s, w: s.close_round(w.round), OWNER),
    "delete_round": (lambda s, w: s.delete_round(w.round), OWNER),
    "round_outcome": (lambda s, w: s.round_outcome(w.round), OWNER),
    "rater_form": (lambda s, w: s.rater_form(w.rater_token), EVERYONE),
    "submit_feedback": (lambda s, w: s.submit_feedback(w.rater_token, {s.store.session(w.done).themes[0]: 4}, {}),
                        EVERYONE),
    # administration
    "accounts": (lambda s, w: s.accounts(), {"admin"}),
    "reset_password": (lambda s, w: s.reset_password(w.people["stranger"]), {"admin"}),
    # logging in: public
    "login": (lambda s, w: s.login("stranger@test.nl", PASSWORD), EVERYONE),
    "register": (lambda s, w: s.register("Nieuw Iemand", "nieuw@test.nl", "een-lang-wachtwoord"), EVERYONE),
}


def test_every_service_function_has_rules_and_a_row_in_the_matrix():
    names = set(guarded_methods())
    assert names == set(CASES), f"missing from the matrix: {names - set(CASES)}; stale: {set(CASES) - names}"
    for name in names:
        assert getattr(Service, name).__access_rules__, name


def _dump(store: Store) -> str:
    return "\n".join(store.conn.iterdump())


MATRIX = [(name, actor) for name in CASES for actor in ACTORS]


@pytest.mark.parametrize(("name", "actor"), MATRIX, ids=[f"{n}-{a}" for n, a in MATRIX])
def test_access_matrix(library, name, actor):
    world = build_world(library)
    call, allowed = CASES[name]
    service = Service(world.store, library, Actor(world.people[actor]))
    before = _dump(world.store)
    if actor in allowed:
        try:
            call(service, world)
        except ServiceError:
            pass  # allowed, but refused on content (e.g. the creator cannot leave their own group)
    else:
        with pytest.raises(AccessDenied):
            call(service, world)
        assert _dump(world.store) == before, "a refused call changed the database"


def test_the_matrix_is_large_and_mostly_refusals():
    refusals = sum(actor not in allowed for _, allowed in CASES.values() for actor in ACTORS)
    assert len(MATRIX) >= 9 * 60
    assert refusals >= 150


def test_what_each_reader_gets(library):
    """Beyond allowed/refused: group members and score-only coaches never receive notes."""
    world = build_world(library)
    as_ = {name: Service(world.store, library, Actor(pid)) for name, pid in world.people.items()}
    assert all(a.note == "" for a in as_["member"].scores(world.done).values())
    assert all(a.note == "" for a in as_["coach_scores"].overview(world.done).answers.values())
    assert any(a.note for a in as_["coach_notes"].overview(world.done).answers.values())
    assert any(a.note for a in as_["owner"].overview(world.done).answers.values())
    view = as_["member"].group_view(world.group)
    assert len(view.sharing) == 2 and "notitie" not in json.dumps([t.title for t in view.themes])
    assert as_["member"].group(world.group).join_code == ""  # only the facilitator hands out the code
    assert as_["owner"].group(world.group).join_code == "AAAA-BBBB-CCCC-DDDD"
    # revoking ends a coach's access at once, and their preparation for this coachee is gone
    as_["coach_notes"].save_coach_prep(world.people["owner"], {"themes": [5], "grow": {"goal": "doel"}})
    as_["owner"].revoke_coach(world.link_notes)
    with pytest.raises(AccessDenied):
        as_["coach_notes"].scores(world.done)
    assert world.store.coach_prep(world.link_notes) is None


def test_withdrawn_share_and_left_member_lose_access(library):
    world = build_world(library)
    member = Service(world.store, library, Actor(world.people["member"]))
    owner = Service(world.store, library, Actor(world.people["owner"]))
    assert member.scores(world.done)
    owner.withdraw_share(world.group)
    with pytest.raises(AccessDenied):
        member.scores(world.done)
    owner.share_session(world.group, world.done)
    member.leave_group(world.group)
    with pytest.raises(AccessDenied):
        member.scores(world.done)
    with pytest.raises(AccessDenied):
        member.group_view(world.group)


def test_deleting_an_account_erases_everything_of_that_person(library):
    world = build_world(library)
    owner = Service(world.store, library, Actor(world.people["owner"]))
    owner.delete_account(PASSWORD)
    store = world.store
    assert store.account(world.people["owner"]) is None
    assert store.sessions_of(world.people["owner"]) == []
    assert store.group(world.group) is None  # a group dies with its creator
    assert store.links_as_coachee(world.people["owner"]) == []
    assert store.answers(world.done) == {}
    # the other people are untouched
    assert store.account(world.people["member"]) is not None
    assert store.sessions_of(world.people["member"])
