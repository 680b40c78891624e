"""Spiegel (360°) through the service: links, one-time answers, and the outcome only as safe aggregates."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re

import pytest

from wegwijzer.domain.mirror import Gap, GroupFigure
from wegwijzer.domain.records import Answer
from wegwijzer.service import Service, ServiceError
from wegwijzer.service.access import LOGGED_OUT, Actor
from wegwijzer.service.mirror import RaterLinkProblem
from wegwijzer.storage import Store

THEMES = [2, 5, 9, 11]
SELF = {2: 4, 5: 5, 9: 2}  # theme 11 is answered "niet van toepassing": no self score
PAST = "2000-01-01T00:00:00+00:00"
USED = "al feedback gegeven"
CLOSED = "gesloten of verlopen"
INVALID = "niet geldig"
BAD_SCORE = "Een score moet 1 tot en met 5 zijn"
NO_SCORE = "Geef bij minstens één thema een score"


def secretary(store: Store, name: str = "Sara Secretaris", email: str = "sara@test.nl") -> tuple[int, int]:
    """An account (no login needed here, so no real password hash) with one completed session."""
    person = store.people.create_account(name, email, "geen-echte-hash")
    answers = [Answer(theme=t, mastery=m, importance=2) for t, m in SELF.items()]
    answers.append(Answer(theme=11, not_applicable=True))
    session = store.sessions.insert_full(person, {"label": "Voorjaar", "scope_kind": "eigen", "scope_key": "",
                                                 "perspective": "zittend", "themes": THEMES, "status": "afgerond",
                                                 "created_at": "2026-01-05T10:00:00+00:00"}, answers, [])
    return person, session


@pytest.fixture
def world(library):
    store = Store(":memory:")
    person, session = secretary(store)
    owner = Service(store, library, Actor(person))
    rater = Service(store, library, LOGGED_OUT)
    yield store, owner, rater, session
    store.close()


def responses(store: Store) -> list[dict]:
    return [dict(r) for r in store.conn.execute("SELECT * FROM mirror_responses ORDER BY id").fetchall()]


def dump(store: Store) -> str:
    return "\n".join(store.conn.iterdump())


FOUR = [("Wethouder Jansen", "college"), ("Burgemeester", "college"), ("Wethouder Pietersen", "college"),
        ("Directeur woningcorporatie", "extern")]


# --- links: random, shown once, stored as hashes ------------------------------------------------------


def test_a_round_gives_one_256_bit_link_per_invitee_and_stores_only_hashes(world):
    store, owner, _rater, session = world
    round_id, links = owner.mirror.create_round(session, "  Spiegel   voorjaar ", [9, 2, 2, 5], FOUR, days=10)
    assert [(k.label, k.category) for k in links] == FOUR
    assert len({k.token for k in links}) == 4
    for link in links:
        # token_urlsafe(32): 32 random bytes = 256 bits, 43 base64url characters
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", link.token), link.token
    rows = [dict(r) for r in store.conn.execute("SELECT * FROM mirror_invites ORDER BY rowid").fetchall()]
    assert [r["token_hash"] for r in rows] == [hashlib.sha256(k.token.encode()).hexdigest() for k in links]
    assert all(r["used"] == 0 and r["round_id"] == round_id for r in rows)
    everything = dump(store)
    for link in links:
        assert link.token not in everything
        assert link.token[:20] not in everything  # not even a part of it
    # the round: title tidied, themes deduplicated in the chosen order, the self scores copied from the session
    row = store.mirror.round(round_id)
    assert row.title == "Spiegel voorjaar" and list(row.themes) == [9, 2, 5]
    assert row.self_scores == {9: 2, 2: 4, 5: 5}
    assert row.closed_at is None and row.expires_at > row.created_at


def test_a_round_refuses_themes_outside_the_session_and_unknown_categories(world):
    store, owner, _rater, session = world
    before = dump(store)
    with pytest.raises(ServiceError, match="alleen thema's uit de sessie"):
        owner.mirror.create_round(session, "R", [2, 3], FOUR)
    with pytest.raises(ServiceError, match="Kies 1 tot 25 thema's"):
        owner.mirror.create_round(session, "R", [], FOUR)
    with pytest.raises(ServiceError, match="categorie"):
        owner.mirror.create_round(session, "R", [2], [("Iemand", "familie")])
    with pytest.raises(ServiceError, match="looptijd van 1 tot 60 dagen"):
        owner.mirror.create_round(session, "R", [2], FOUR, days=0)
    assert dump(store) == before


def test_the_rater_form_shows_the_round_and_nothing_else_of_the_secretary(world):
    _store, owner, rater, session = world
    _rid, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    form = rater.mirror.rater_form(links[3].token)
    assert (form.person_name, form.title, form.themes, form.category) == ("Sara Secretaris", "Ronde", (2, 5, 9, 11),
                                                                          "extern")


# --- submitting: once, while open, valid answers only ----------------------------------------------------


def test_a_link_works_once(world):
    store, owner, rater, session = world
    round_id, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    rater.mirror.submit_feedback(links[0].token, {2: 4, 5: 3}, {})
    assert len(responses(store)) == 1
    with pytest.raises(RaterLinkProblem, match=USED) as used:
        rater.mirror.submit_feedback(links[0].token, {2: 1, 5: 1}, {2: "nog een keer"})
    assert "Elke link werkt één keer" in used.value.message
    with pytest.raises(RaterLinkProblem, match=USED):
        rater.mirror.rater_form(links[0].token)
    rows = responses(store)
    assert len(rows) == 1 and json.loads(rows[0]["ratings"]) == {"2": 4, "5": 3, "9": None, "11": None}
    assert {i.label: i.used for i in owner.mirror.invites(round_id)} == {
        "Wethouder Jansen": 1, "Burgemeester": 0, "Wethouder Pietersen": 0, "Directeur woningcorporatie": 0}
    rater.mirror.submit_feedback(links[1].token, {2: 2}, {})  # the other links still work
    assert len(responses(store)) == 2


def test_two_submissions_racing_on_one_link_store_one_response(world, monkeypatch):
    """Both pass the first check (as two requests at the same moment would); the write itself refuses one."""
    store, owner, rater, session = world
    _rid, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    real = store.mirror.link
    monkeypatch.setattr(store.mirror, "link", lambda h: dataclasses.replace(real(h), used=False))
    rater.mirror.submit_feedback(links[0].token, {2: 4}, {})
    with pytest.raises(RaterLinkProblem, match=USED):
        rater.mirror.submit_feedback(links[0].token, {2: 5}, {})
    assert [json.loads(r["ratings"])["2"] for r in responses(store)] == [4]


@pytest.mark.parametrize("how", ["expired", "closed"])
def test_an_expired_or_closed_round_takes_nothing(world, how):
    store, owner, rater, session = world
    round_id, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    if how == "expired":
        store.conn.execute("UPDATE mirror_rounds SET expires_at = ? WHERE id = ?", (PAST, round_id))
    else:
        owner.mirror.close_round(round_id)
    before = dump(store)
    with pytest.raises(RaterLinkProblem, match=CLOSED):
        rater.mirror.rater_form(links[0].token)
    with pytest.raises(RaterLinkProblem, match=CLOSED):
        rater.mirror.submit_feedback(links[0].token, {2: 4}, {2: "te laat"})
    assert dump(store) == before and responses(store) == []
    with pytest.raises(ServiceError, match="gesloten"):
        owner.mirror.add_invites(round_id, [("Nog iemand", "college")])
    assert owner.mirror.my_rounds()[0].closed is True


def _tampered(token: str) -> dict[str, str]:
    middle = len(token) // 2
    swapped = "A" if token[middle] != "A" else "B"
    return {"one character changed": token[:middle] + swapped + token[middle + 1:], "truncated": token[:-1],
            "one character more": token + "x", "empty": "", "500 characters": token * 11 + "x" * (500 - 11 * 43),
            "upper case": token.upper() if token.upper() != token else token.lower(),
            "the hash itself": hashlib.sha256(token.encode()).hexdigest()}


def test_tampered_links_are_refused_and_store_nothing(world):
    store, owner, rater, session = world
    _rid, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    cases = _tampered(links[0].token)
    assert len(cases["500 characters"]) == 500
    before = dump(store)
    for name, token in cases.items():
        with pytest.raises(RaterLinkProblem, match=INVALID) as problem:
            rater.mirror.rater_form(token)
        assert "Controleer of je de hele link hebt gekopieerd" in problem.value.message, name
        with pytest.raises(RaterLinkProblem, match=INVALID):
            rater.mirror.submit_feedback(token, {2: 4}, {2: "gemanipuleerd"})
    assert dump(store) == before
    rater.mirror.submit_feedback(links[0].token, {2: 4}, {})  # the real link is untouched
    assert len(responses(store)) == 1


@pytest.mark.parametrize("value", [0, 6, -1, 3.0, 4.5, True, False, "4", "vier", [4]],
                         ids=lambda v: f"{type(v).__name__}-{v!r}")
def test_scores_outside_one_to_five_are_refused_and_nothing_is_stored(world, value):
    store, owner, rater, session = world
    _rid, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    before = dump(store)
    with pytest.raises(RaterLinkProblem, match=BAD_SCORE) as problem:
        rater.mirror.submit_feedback(links[0].token, {2: 4, 5: value}, {2: "goed"})
    assert "'kan ik niet beoordelen'" in problem.value.message
    assert dump(store) == before
    assert rater.mirror.rater_form(links[0].token).category == "college"  # the link can still be used


@pytest.mark.parametrize("ratings", [{}, {2: None, 5: None, 9: None, 11: None}, {99: 4, 1: 3}],
                         ids=["nothing", "all cannot judge", "only themes outside the round"])
def test_without_any_score_nothing_is_stored(world, ratings):
    store, owner, rater, session = world
    _rid, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    before = dump(store)
    with pytest.raises(RaterLinkProblem, match=NO_SCORE) as problem:
        rater.mirror.submit_feedback(links[0].token, ratings, {2: "Alleen een opmerking."})
    assert "er is nog niets bewaard" in problem.value.message
    assert dump(store) == before


def test_ratings_outside_the_round_are_ignored_and_comments_stripped_and_capped(world):
    store, owner, rater, session = world
    _rid, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    rater.mirror.submit_feedback(links[0].token, {2: 5, 99: 42, 1: 3, 9: None},
                          {2: "  \n Heldere adviezen.\t ", 5: "   ", 9: "x" * 2000, 99: "buiten de ronde",
                           11: " a" + "b" * 1600})
    [row] = responses(store)
    assert json.loads(row["ratings"]) == {"2": 5, "5": None, "9": None, "11": None}
    comments = json.loads(row["comments"])
    assert set(comments) == {"2", "9", "11"}  # the blank one and the one outside the round are dropped
    assert comments["2"] == "Heldere adviezen."
    assert comments["9"] == "x" * 1500
    assert comments["11"] == "a" + "b" * 1499  # stripped first, then cut at 1500 characters
    assert row["category"] == "college"


def test_a_response_row_cannot_be_traced_to_its_invitation(world):
    store, owner, rater, session = world
    round_id, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    rater.mirror.submit_feedback(links[2].token, {2: 3}, {})
    columns = [r["name"] for r in store.conn.execute("PRAGMA table_info(mirror_responses)").fetchall()]
    assert columns == ["id", "round_id", "category", "ratings", "comments"]  # no token hash, no time
    invite_columns = [r["name"] for r in store.conn.execute("PRAGMA table_info(mirror_invites)").fetchall()]
    assert "used_at" not in invite_columns and "response_id" not in invite_columns
    [row] = responses(store)
    assert hashlib.sha256(links[2].token.encode()).hexdigest() not in json.dumps(row)
    # the secretary sees who answered, never what
    assert {tuple(sorted(f.name for f in dataclasses.fields(i))) for i in owner.mirror.invites(round_id)} == {
        ("category", "created_at", "issued", "label", "used")}


# --- the outcome: only after closing, aggregated by the rule in mirror.py ----------------------------------

# Four raters: A, B, C from the college, D external. None = "kan ik niet beoordelen".
ANSWERS = [
    ({2: 3, 5: 3, 9: 4, 11: None}, {2: "  Sterk in overleg met het college.\n", 11: "Geen zicht op."}),
    ({2: 4, 5: 4, 9: 5, 11: 2}, {99: "buiten de ronde"}),
    ({2: 4, 5: 3, 9: 4, 11: None}, {9: "x" * 2000}),
    ({2: 2, 5: 2, 9: None, 11: 5}, {2: "Meer zichtbaar in de regio.", 11: "   "}),
]


def test_round_outcome_appears_only_after_closing_with_the_figures_worked_out_by_hand(world):
    _store, owner, rater, session = world
    round_id, links = owner.mirror.create_round(session, "Ronde", THEMES, FOUR)
    for link, (ratings, comments) in zip(links, ANSWERS, strict=True):
        rater.mirror.submit_feedback(link.token, ratings, comments)
    assert owner.mirror.outcome(round_id) is None  # still open: no figures at all
    owner.mirror.close_round(round_id)
    outcome = owner.mirror.outcome(round_id)
    result = outcome.result
    assert outcome.responses == 4 and result.raters == 4

    # Theme 2: all four rate it. College has 3 (shown alone), the rest is D alone (1): totaal − college would be
    # D's score, so college is merged into overig. overig = totaal = (3+4+4+2)/4 = 13/4 = 3.25 → 3.3, n=4.
    t2 = result.theme(2)
    assert t2.self_score == 4
    assert t2.groups == (GroupFigure("overig", "Overig", 3.3, 4), GroupFigure("totaal", "Alle beoordelaars", 3.3, 4))
    assert t2.figure("college") is None and t2.figure("extern") is None
    # Theme 5: (3+4+3+2)/4 = 3.0, same groups.
    assert [(g.group, g.mean, g.n) for g in result.theme(5).groups] == [("overig", 3.0, 4), ("totaal", 3.0, 4)]
    # Theme 9: D cannot judge, so only the college rates it: college shown alone, (4+5+4)/3 = 13/3 → 4.3, n=3;
    # the remainder is empty, so no overig; totaal is the same three.
    assert [(g.group, g.mean, g.n) for g in result.theme(9).groups] == [("college", 4.3, 3), ("totaal", 4.3, 3)]
    # Theme 11: two usable ratings (B 2, D 5): nothing may be shown; no self score (niet van toepassing).
    assert result.theme(11).groups == () and result.theme(11).self_score is None

    # Gaps against "totaal": theme 2: 4 − 3.3 = 0.7 (none); theme 5: 5 − 3.0 = 2.0 (blind spot);
    # theme 9: 2 − 4.3 = −2.3 (hidden strength).
    assert result.blind_spots == (Gap(5, 5, 3.0, "totaal", 2.0),)
    assert result.hidden_strengths == (Gap(9, 2, 4.3, "totaal", 2.3),)

    # Role verbinder, weights from the content: theme 2: 1.0, 5: 1.0, 9: 0.4, 11: 0.3.
    # self: (1·4 + 1·5 + 0.4·2) / 2.4 = 9.8 / 2.4 = 4.083 → 4.1 over 3 themes (11 has no self score).
    # totaal is shown on 2, 5, 9: (13/4 + 3 + 0.4·13/3) / 2.4 = 7.983 / 2.4 = 3.326 → 3.3, 4 raters, 3 themes.
    # college only on 9: 4.3 (3 raters, 1 theme); overig on 2 and 5: (3.25 + 3) / 2 = 3.125 → 3.1.
    verbinder = result.role("verbinder")
    assert (verbinder.self_score, verbinder.self_themes) == (4.1, 3)
    assert verbinder.groups == (GroupFigure("college", "College van B&W", 4.3, 3, 1),
                                GroupFigure("overig", "Overig", 3.1, 4, 2),
                                GroupFigure("totaal", "Alle beoordelaars", 3.3, 4, 3))
    # crisisleider rests on theme 11 only (0.4), where nothing is shown and there is no self score
    crisis = result.role("crisisleider")
    assert (crisis.self_score, crisis.self_themes, crisis.groups) == (None, 0, ())

    # comments: four responses, so they are shown; stripped, blanks and other themes dropped, no names or ids
    assert {t: sorted(c) for t, c in outcome.comments.items()} == {
        2: ["Meer zichtbaar in de regio.", "Sterk in overleg met het college."],
        5: [],
        9: ["x" * 1500],
        11: ["Geen zicht op."],
    }
    assert all(isinstance(c, str) for texts in outcome.comments.values() for c in texts)
    assert "rater=" not in repr(outcome)
    # the same outcome each time it is opened (the comment order is fixed per round)
    assert owner.mirror.outcome(round_id) == outcome


def test_with_fewer_than_three_responses_neither_figures_nor_comments_are_shown(world):
    _store, owner, rater, session = world
    round_id, links = owner.mirror.create_round(session, "Klein", THEMES, FOUR)
    for link, (ratings, comments) in zip(links[:2], ANSWERS, strict=False):
        rater.mirror.submit_feedback(link.token, ratings, comments)
    owner.mirror.close_round(round_id)
    outcome = owner.mirror.outcome(round_id)
    assert outcome.responses == 2 and outcome.comments == {}
    assert all(t.groups == () for t in outcome.result.themes)
    assert outcome.result.blind_spots == () and outcome.result.hidden_strengths == ()


def test_an_expired_round_shows_its_outcome_without_closing(world):
    store, owner, rater, session = world
    round_id, links = owner.mirror.create_round(session, "Verlopen", THEMES, FOUR)
    for link, (ratings, comments) in zip(links, ANSWERS, strict=True):
        rater.mirror.submit_feedback(link.token, ratings, comments)
    store.conn.execute("UPDATE mirror_rounds SET expires_at = ? WHERE id = ?", (PAST, round_id))
    assert owner.mirror.outcome(round_id).result.theme(5).figure("totaal").mean == 3.0
