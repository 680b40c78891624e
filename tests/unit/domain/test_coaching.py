"""The coach's conversation preparation and guide: suggestions, scope of notes, privacy, PDF."""

from __future__ import annotations

import subprocess

from wegwijzer.demo import populate
from wegwijzer.domain import coaching as guide
from wegwijzer.domain import credentials
from wegwijzer.domain.records import CoachPrep
from wegwijzer.render.documents import guide_pdf
from wegwijzer.service import Service
from wegwijzer.service.access import Actor

HASH = credentials.hash_password("een-goed-wachtwoord")


def _pair(store, library, scope: str):
    coachee = store.people.create_account("Cora", "cora@test.nl", HASH)
    coach = store.people.create_account("Karel", "karel@test.nl", HASH)
    ids = populate(store, library, sessions_per_person=2, seed=4, person_id=coachee)
    store.sessions.save_answer(ids[1], 5, note="Moeilijk gesprek met de burgemeester")
    me = Service(store, library, Actor(coachee))
    link = me.coaching.invite(scope)
    Service(store, library, Actor(coach)).coaching.accept(link.code.lower())
    return me, Service(store, library, Actor(coach)), coachee, ids, link


def test_suggestions_come_from_priorities_changes_and_not_applicable(store, library):
    _, coach, coachee, ids, _ = _pair(store, library, "scores")
    view = coach.sessions.overview(ids[1], ids[0])
    tips = guide.suggestions(view)
    numbers = [t.number for t in tips]
    assert [p.number for p in view.dashboard.priorities[:3]] == numbers[:len(view.dashboard.priorities[:3])]
    changed = sorted((c for c in view.theme_changes if c.delta), key=lambda c: (-abs(c.delta), c.number))[:3]
    assert all(c.number in numbers for c in changed)
    assert len(numbers) == len(set(numbers))  # a theme is suggested once, with all its reasons


def test_scores_scope_hides_notes_in_the_guide_and_notes_scope_shows_them(store, library, tmp_path):
    _, coach, coachee, ids, link = _pair(store, library, "scores")
    view = coach.sessions.overview(ids[1])
    themes = guide.guide_themes(library, view, [5], {5: "Vragen naar de verwachting"}, notes_allowed=False)
    assert themes[0].note == "" and themes[0].coach_note == "Vragen naar de verwachting"
    pdf = guide_pdf("Cora", "2026-11-22", themes, {"goal": "Helder krijgen wat de burgemeester verwacht"})
    (tmp_path / "g.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "g.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Helder krijgen wat de burgemeester verwacht" in text and "Moeilijk gesprek" not in text
    Service(store, library, Actor(coachee)).coaching.set_scope(link.id, "scores_notities")
    view = coach.sessions.overview(ids[1])
    themes = guide.guide_themes(library, view, [5], {}, notes_allowed=coach.coaching.scope(coachee) == "scores_notities")
    assert themes[0].note == "Moeilijk gesprek met de burgemeester"


def test_the_preparation_is_the_coachs_alone(store, library):
    me, coach, coachee, ids, link = _pair(store, library, "scores_notities")
    coach.coaching.save_prep(coachee, [5, 7], {"goal": "doel", "will": "wil"}, {5: "privé", 7: "  "})
    prep = coach.coaching.prep(coachee)
    assert prep == CoachPrep(themes=(5, 7), grow={"goal": "doel", "reality": "", "options": "", "will": "wil"},
                             theme_notes={5: "privé"})
    # nothing of it reaches the coachee's own data
    assert "privé" not in me.sessions.export_json(ids[1]) and "privé" not in me.sessions.export_csv(ids[1])
    me.coaching.revoke(link.id)
    assert store.coaching.prep(link.id) is None
