"""The access matrix: every service function × every kind of actor.

Each case builds a fresh world, calls one function as one actor, and checks the outcome against the
table below: allowed calls do not raise AccessDenied; refused calls raise it and leave the database
exactly as it was. A service function missing from the table, or without access rules, fails the test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass

import pytest

from wegwijzer import clock
from wegwijzer.demo import sample_answers
from wegwijzer.domain import credentials
from wegwijzer.domain.records import ActionDraft, AgendaChoice, StudyAnswers
from wegwijzer.service import PARTS, Service, ServiceError, guarded_methods
from wegwijzer.service.access import AccessDenied, Actor
from wegwijzer.storage import Store

PASSWORD = "een-goed-wachtwoord"
HASH = credentials.hash_password(PASSWORD)  # once: argon2 is slow on purpose
RESET_CODE = "RRRR-EEEE-SSSS-TTTT"  # an administrator's open reset code for "stranger"
FUTURE = clock.today() + dt.timedelta(days=30)

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
    facilitated: int  # the owner's round whose links "coach_scores" hands out
    action: int  # the owner's plan action, begun in the completed session, shown to the group


def build_world(library) -> World:
    store = Store(":memory:")
    people = {name: store.people.create_account(name.title(), f"{name}@test.nl", HASH, is_admin=name == "admin")
              for name in ACTORS if name != "logged_out"}
    people["logged_out"] = None
    quick = list(library.structure.quick_scan)

    def completed(person: int, seed: int) -> int:
        answers = [a.__class__(theme=a.theme, mastery=a.mastery, importance=a.importance,
                               not_applicable=a.not_applicable, note=f"notitie {a.theme}") for a in
                   sample_answers(library, quick, seed)]
        return store.sessions.insert_full(person, {"label": "Klaar", "scope_kind": "quickscan", "scope_key": "",
                                                  "perspective": "zittend", "themes": quick, "status": "afgerond",
                                                  "created_at": "2026-01-01T10:00:00+00:00"}, answers, [])

    owner = people["owner"]
    done = completed(owner, 1)
    store.sessions.save_action(done, quick[0], "Een actie")
    action = store.plan.add(owner, done, ActionDraft(theme=quick[1], what="Een plan", due=FUTURE, support="Met P.",
                                                     status="gedaan", look_back="Terugblik"))
    open_session = store.sessions.create(owner, label="Open", scope_kind="quickscan", scope_key="",
                                        perspective="zittend", themes=quick)
    group = store.groups.create("Groep", owner, "AAAA-BBBB-CCCC-DDDD", "namen")
    store.groups.set_shared_session(group, owner, done)
    store.groups.add_member(group, people["member"])
    store.plan.share(action, group, owner)
    store.groups.set_shared_session(group, people["member"], completed(people["member"], 2))
    other = store.groups.create("Andere groep", people["other_group"], "EEEE-FFFF-GGGG-HHHH", "namen")
    store.groups.set_shared_session(other, people["other_group"], completed(people["other_group"], 3))
    links = {}
    for coach, scope, code in (("coach_scores", "scores", "HHHH-JJJJ-KKKK-MMMM"),
                               ("coach_notes", "scores_notities", "NNNN-PPPP-QQQQ-RRRR"),
                               ("revoked_coach", "scores_notities", "SSSS-TTTT-UUUU-VVVV")):
        links[coach] = store.coaching.create_link(owner, code, scope)
        store.coaching.accept(links[coach], people[coach])
    store.coaching.revoke(links["revoked_coach"])
    invite = store.coaching.create_link(owner, "WWWW-XXXX-YYYY-ZZZZ", "scores")
    store.audit.issue_reset(people["stranger"], credentials.token_hash(RESET_CODE), "2999-01-01T00:00:00+00:00", "Admin")
    owner_service = Service(store, library, Actor(owner))
    profile = owner_service.personal.save_profile({"key": "eigen", "name": "Eigen", "description": "Een vacature.",
                                          "roles": {"verbinder": {"weight": 3}}, "themes": {}})
    round_id, rater_links = owner_service.mirror.create_round(done, "Ronde", quick[:5], [("Wethouder", "college"),
                                                                                   ("Directeur", "directieteam")])
    facilitated, none = owner_service.mirror.create_round(done, "Begeleid", quick[:3], [("Wethouder", "college")],
                                                          facilitator_id=people["coach_scores"])
    assert none == []  # the owner never receives the links of a facilitated round
    return World(store, people, done, open_session, group, links["coach_scores"], links["coach_notes"], invite,
                 profile, round_id, rater_links[0].token, facilitated, action)


def _export(world: World) -> bytes:
    return Service(world.store, None, Actor(world.people["owner"])).sessions.export_json(world.done).encode()


# name -> (call, who may). ``call`` gets the service and the world.
CASES = {
    # own account and sessions: everyone signed in, always on their own data
    "account.mine": (lambda s, w: s.account.mine(), SIGNED_IN),
    "account.change_password": (lambda s, w: s.account.change_password(PASSWORD, "nog-een-goed-wachtwoord"), SIGNED_IN),
    "account.delete": (lambda s, w: s.account.delete(PASSWORD), SIGNED_IN),
    "sessions.mine": (lambda s, w: s.sessions.mine(), SIGNED_IN),
    "sessions.create": (lambda s, w: s.sessions.create(label="x", scope_kind="eigen", scope_key="", perspective="zittend",
                                                     themes=[1, 2]), SIGNED_IN),
    "sessions.delete_all_mine": (lambda s, w: s.sessions.delete_all_mine(), SIGNED_IN),
    "sessions.import_json": (lambda s, w: s.sessions.import_json(_export(w)), SIGNED_IN),
    "groups.mine": (lambda s, w: s.groups.mine(), SIGNED_IN),
    "groups.create": (lambda s, w: s.groups.create("Nieuw"), SIGNED_IN),
    "groups.join": (lambda s, w: s.groups.join("aaaa bbbb cccc dddd"), SIGNED_IN),
    "coaching.invite": (lambda s, w: s.coaching.invite("scores"), SIGNED_IN),
    "coaching.my_links": (lambda s, w: s.coaching.my_links(), SIGNED_IN),
    "coaching.accept": (lambda s, w: s.coaching.accept("WWWW-XXXX-YYYY-ZZZZ"), SIGNED_IN),
    "coaching.coachees": (lambda s, w: s.coaching.coachees(), SIGNED_IN),
    "account.logout_everywhere": (lambda s, w: s.account.logout_everywhere(), SIGNED_IN),
    "account.backup": (lambda s, w: s.account.backup(), frozenset()),  # everyone here has an account: server mode
    # the owner's sessions
    "sessions.get": (lambda s, w: s.sessions.get(w.done), GROUP | COACHES),
    "sessions.answers": (lambda s, w: s.sessions.answers(w.done), OWNER),
    "sessions.save_answer": (lambda s, w: s.sessions.save_answer(w.open, w.store.sessions.get(w.open).themes[0], mastery=3), OWNER),
    "sessions.set_status": (lambda s, w: s.sessions.set_status(w.open, "afgerond"), OWNER),
    "sessions.rename": (lambda s, w: s.sessions.rename(w.open, "Anders"), OWNER),
    "sessions.delete": (lambda s, w: s.sessions.delete(w.done), OWNER),
    "sessions.actions": (lambda s, w: s.sessions.actions(w.done), OWNER | COACHES),
    "sessions.save_action": (lambda s, w: s.sessions.save_action(w.done, 1, "Iets doen"), OWNER),
    "sessions.scores": (lambda s, w: s.sessions.scores(w.done), GROUP | COACHES),
    "sessions.notes": (lambda s, w: s.sessions.notes(w.done), OWNER | {"coach_notes"}),
    "sessions.overview": (lambda s, w: s.sessions.overview(w.done), OWNER | COACHES),
    "sessions.earlier": (lambda s, w: s.sessions.earlier(w.done), OWNER | COACHES),
    "sessions.export_json": (lambda s, w: s.sessions.export_json(w.done), OWNER),
    "sessions.export_csv": (lambda s, w: s.sessions.export_csv(w.done), OWNER),
    # the owner's group
    "groups.get": (lambda s, w: s.groups.get(w.group), GROUP),
    "groups.members": (lambda s, w: s.groups.members(w.group), GROUP),
    "groups.share": (lambda s, w: s.groups.share(w.group, w.done), OWNER),
    "groups.withdraw": (lambda s, w: s.groups.withdraw(w.group), GROUP),
    "groups.dashboard": (lambda s, w: s.groups.dashboard(w.group), GROUP),
    "groups.leave": (lambda s, w: s.groups.leave(w.group), GROUP),
    "groups.update": (lambda s, w: s.groups.update(w.group, name="Hernoemd"), OWNER),
    "groups.show_my_name": (lambda s, w: s.groups.show_my_name(w.group, True), GROUP),
    "groups.roster": (lambda s, w: s.groups.roster(w.group), OWNER),
    "groups.remove_member": (lambda s, w: s.groups.remove_member(w.group, w.people["member"]), OWNER),
    "groups.renew_code": (lambda s, w: s.groups.renew_code(w.group), OWNER),
    "groups.save_agenda": (lambda s, w: s.groups.save_agenda(w.group, [AgendaChoice(5, "balint", "eigen")]), OWNER),
    "groups.reset_agenda": (lambda s, w: s.groups.reset_agenda(w.group), OWNER),
    "groups.dissolve": (lambda s, w: s.groups.dissolve(w.group), OWNER),
    # the owner's coach links, and the coaches' view of the owner
    "coaching.set_scope": (lambda s, w: s.coaching.set_scope(w.link_scores, "scores_notities"), OWNER),
    "coaching.revoke": (lambda s, w: s.coaching.revoke(w.link_scores), OWNER),
    "coaching.coachee_sessions": (lambda s, w: s.coaching.coachee_sessions(w.people["owner"]), COACHES),
    "coaching.scope": (lambda s, w: s.coaching.scope(w.people["owner"]), COACHES),
    "coaching.prep": (lambda s, w: s.coaching.prep(w.people["owner"]), COACHES),
    "coaching.save_prep": (lambda s, w: s.coaching.save_prep(w.people["owner"], [5], {"goal": "x"}, {}),
                        COACHES),
    # own profiles, the study, feedback rounds
    "personal.profiles": (lambda s, w: s.personal.profiles(), SIGNED_IN),
    "personal.save_profile": (lambda s, w: s.personal.save_profile({"key": "x", "name": "X", "description": "Y",
                                                  "roles": {"adviseur": {"weight": 2}}, "themes": {}}), SIGNED_IN),
    "personal.delete_profile": (lambda s, w: s.personal.delete_profile(w.profile), OWNER),
    "personal.study_answers": (lambda s, w: s.personal.study_answers(), SIGNED_IN),
    "personal.save_study_answers": (lambda s, w: s.personal.save_study_answers(StudyAnswers(steering={"lijn": 10})), SIGNED_IN),
    "mirror.create_round": (lambda s, w: s.mirror.create_round(w.done, "Nog een", [w.store.sessions.get(w.done).themes[0]],
                                                 [("Iemand", "extern")]), OWNER),
    "mirror.add_invites": (lambda s, w: s.mirror.add_invites(w.round, [("Iemand", "extern")]), OWNER),
    "mirror.my_rounds": (lambda s, w: s.mirror.my_rounds(), SIGNED_IN),
    "mirror.invites": (lambda s, w: s.mirror.invites(w.round), OWNER),
    "mirror.close_round": (lambda s, w: s.mirror.close_round(w.round), OWNER),
    "mirror.delete_round": (lambda s, w: s.mirror.delete_round(w.round), OWNER),
    "mirror.outcome": (lambda s, w: s.mirror.outcome(w.round), OWNER),
    # the links of a facilitated round: its facilitator only, never the owner (issue 14, item 3)
    "mirror.issue_links": (lambda s, w: s.mirror.issue_links(w.facilitated), {"coach_scores"}),
    "mirror.facilitated_rounds": (lambda s, w: s.mirror.facilitated_rounds(), SIGNED_IN),
    "mirror.rater_form": (lambda s, w: s.mirror.rater_form(w.rater_token), EVERYONE),
    "mirror.submit_feedback": (lambda s, w: s.mirror.submit_feedback(w.rater_token, {w.store.sessions.get(w.done).themes[0]: 4}, {}),
                        EVERYONE),
    # the development plan: one's own, a coach's view, one action shown to a group
    "plan.mine": (lambda s, w: s.plan.mine(), SIGNED_IN),
    "plan.export_csv": (lambda s, w: s.plan.export_csv(), SIGNED_IN),
    "plan.calendar_feed": (lambda s, w: s.plan.calendar_feed(), SIGNED_IN),
    "plan.add": (lambda s, w: s.plan.add(w.done, 5, "Nog een actie", FUTURE), OWNER),
    "plan.update": (lambda s, w: s.plan.update(w.action, "Anders", FUTURE), OWNER),
    "plan.set_status": (lambda s, w: s.plan.set_status(w.action, "bezig"), OWNER),
    "plan.delete": (lambda s, w: s.plan.delete(w.action), OWNER),
    "plan.set_statuses": (lambda s, w: s.plan.set_statuses({w.action: ("bezig", None)}), OWNER),
    "plan.share": (lambda s, w: s.plan.share(w.action, w.group), OWNER),
    "plan.withdraw": (lambda s, w: s.plan.withdraw(w.action, w.group), OWNER),
    "plan.shared_groups": (lambda s, w: s.plan.shared_groups(w.action), OWNER),
    "plan.in_group": (lambda s, w: s.plan.in_group(w.group), GROUP),
    "plan.of_coachee": (lambda s, w: s.plan.of_coachee(w.people["owner"]), COACHES),
    "plan.movement": (lambda s, w: s.plan.movement(w.done), OWNER | COACHES),
    # administration
    "admin.accounts": (lambda s, w: s.admin.accounts(), {"admin"}),
    "admin.issue_reset": (lambda s, w: s.admin.issue_reset(w.people["stranger"]), {"admin"}),
    "admin.open_resets": (lambda s, w: s.admin.open_resets(), {"admin"}),
    # logging in: public
    "account.login": (lambda s, w: s.account.login("stranger@test.nl", PASSWORD), EVERYONE),
    "account.reset_with_code": (lambda s, w: s.account.reset_with_code("stranger@test.nl", RESET_CODE,
                                                                        "nog-een-goed-wachtwoord"), EVERYONE),
    "account.events": (lambda s, w: s.account.events(), SIGNED_IN),
    "account.register": (lambda s, w: s.account.register("Nieuw Iemand", "nieuw@test.nl", "een-lang-wachtwoord"), EVERYONE),
}


def test_every_service_function_has_rules_and_a_row_in_the_matrix():
    names = set(guarded_methods())
    assert names == set(CASES), f"missing from the matrix: {names - set(CASES)}; stale: {set(CASES) - names}"
    for name in names:
        part, _, method = name.partition(".")
        assert getattr(PARTS[part], method).__access_rules__, name


def _dump(store: Store) -> str:
    return "\n".join(store.conn.iterdump())


MATRIX = [(name, actor) for name in CASES for actor in ACTORS]


@pytest.fixture(scope="module")
def template(library) -> World:
    """One world built once; every case gets its own copy of the database (SQLite's backup API)."""
    world = build_world(library)
    yield world
    world.store.close()


def fresh_copy(world: World) -> World:
    store = Store(":memory:")
    world.store.conn.backup(store.conn)
    return dataclasses.replace(world, store=store)


@pytest.mark.parametrize(("name", "actor"), MATRIX, ids=[f"{n}-{a}" for n, a in MATRIX])
def test_access_matrix(library, template, name, actor):
    world = fresh_copy(template)
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
    assert all(a.note == "" for a in as_["member"].sessions.scores(world.done).values())
    assert all(a.note == "" for a in as_["coach_scores"].sessions.overview(world.done).answers.values())
    assert any(a.note for a in as_["coach_notes"].sessions.overview(world.done).answers.values())
    assert any(a.note for a in as_["owner"].sessions.overview(world.done).answers.values())
    view = as_["member"].groups.dashboard(world.group).view
    assert len(view.sharing) == 2 and "notitie" not in json.dumps([t.title for t in view.themes])
    assert as_["member"].groups.get(world.group).join_code == ""  # only the facilitator hands out the code
    assert as_["owner"].groups.get(world.group).join_code == "AAAA-BBBB-CCCC-DDDD"
    # revoking ends a coach's access at once, and their preparation for this coachee is gone
    as_["coach_notes"].coaching.save_prep(world.people["owner"], [5], {"goal": "doel"}, {})
    as_["owner"].coaching.revoke(world.link_notes)
    with pytest.raises(AccessDenied):
        as_["coach_notes"].sessions.scores(world.done)
    assert world.store.coaching.prep(world.link_notes) is None


def test_what_each_reader_gets_of_the_plan(library):
    """Score-only coaches: no support, no look-back; groups: only the shared action, never its notes."""
    world = build_world(library)
    as_ = {name: Service(world.store, library, Actor(pid)) for name, pid in world.people.items()}
    owner = world.people["owner"]
    mine = {a.id: a for a in as_["owner"].plan.mine()}
    assert (mine[world.action].support, mine[world.action].look_back) == ("Met P.", "Terugblik")
    seen = {a.id: a for a in as_["coach_scores"].plan.of_coachee(owner)}
    assert set(seen) == set(mine)
    assert (seen[world.action].what, seen[world.action].due, seen[world.action].status) == ("Een plan", FUTURE, "gedaan")
    assert (seen[world.action].support, seen[world.action].look_back) == ("", "")
    assert {a.id: a for a in as_["coach_notes"].plan.of_coachee(owner)}[world.action].look_back == "Terugblik"
    shared = as_["member"].plan.in_group(world.group)
    # only the chosen action (not the one-line action of the same session), under the member's group label:
    # nobody agreed to show a name, so a pseudonym
    assert [(s.action.id, s.action.look_back, s.action.support) for s in shared] == [(world.action, "", "")]
    assert shared[0].member in {"Deelnemer A", "Deelnemer B"}
    assert as_["owner"].plan.in_group(world.group)[0].is_mine
    as_["owner"].plan.withdraw(world.action, world.group)
    assert as_["member"].plan.in_group(world.group) == []
    # a member's share ends when they leave the group
    member_action = as_["member"].plan.add(world.store.sessions.of_person(world.people["member"])[0].id, 3,
                                           "Van het lid", FUTURE)
    as_["member"].plan.share(member_action, world.group)
    [from_member] = as_["owner"].plan.in_group(world.group)
    assert from_member.member in {"Deelnemer A", "Deelnemer B"} and from_member.member != shared[0].member
    as_["member"].groups.leave(world.group)
    assert as_["owner"].plan.in_group(world.group) == []
    assert world.store.plan.shared_groups(member_action) == []


def test_withdrawn_share_and_left_member_lose_access(library):
    world = build_world(library)
    member = Service(world.store, library, Actor(world.people["member"]))
    owner = Service(world.store, library, Actor(world.people["owner"]))
    assert member.sessions.scores(world.done)
    owner.groups.withdraw(world.group)
    with pytest.raises(AccessDenied):
        member.sessions.scores(world.done)
    owner.groups.share(world.group, world.done)
    member.groups.leave(world.group)
    with pytest.raises(AccessDenied):
        member.sessions.scores(world.done)
    with pytest.raises(AccessDenied):
        member.groups.dashboard(world.group)


def test_deleting_an_account_erases_everything_of_that_person(library):
    world = build_world(library)
    owner = Service(world.store, library, Actor(world.people["owner"]))
    owner.account.delete(PASSWORD)
    store = world.store
    assert store.people.account(world.people["owner"]) is None
    assert store.sessions.of_person(world.people["owner"]) == []
    assert store.groups.get(world.group) is None  # a group dies with its creator
    assert store.coaching.links_as_coachee(world.people["owner"]) == []
    assert store.sessions.answers(world.done) == {}
    # the other people are untouched
    assert store.people.account(world.people["member"]) is not None
    assert store.sessions.of_person(world.people["member"])


def test_the_local_person_may_download_a_backup_of_the_database(library):
    store = Store(":memory:")
    local = store.people.local_person()
    copy = Service(store, library, Actor(local)).account.backup()
    assert copy.startswith(b"SQLite format 3\x00")
    store.people.create_account("Iemand", "iemand@test.nl", HASH)  # in server mode everyone has an account
    with pytest.raises(AccessDenied):
        Service(store, library, Actor(store.people.account_by_email("iemand@test.nl")[0].person_id)).account.backup()
