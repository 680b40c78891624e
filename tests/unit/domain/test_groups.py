"""The group dashboard's computations and the agenda, with numbers worked out by hand."""

from __future__ import annotations

from wegwijzer.content.methods import load_methods
from wegwijzer.domain import agenda
from wegwijzer.domain.groups import (
    all_hard,
    build_group_view,
    member_labels,
    most_different,
    propose_agenda,
    theme_spreads,
)
from wegwijzer.domain.records import AgendaChoice, Answer, Group, Membership
from wegwijzer.render.documents import agenda_markdown, agenda_pdf

GROUP = Group(id=1, name="Oost", join_code="X", creator_id=10, naming="deelnemers", agenda=None, created_at="")


def a(theme, mastery=None, importance=None, nvt=False, note=""):
    return Answer(theme=theme, mastery=mastery, importance=importance, not_applicable=nvt, note=note)


# three members on themes 1, 2, 30 and 50
SHARED = {
    10: {1: a(1, 2, 3), 2: a(2, 5, 1), 30: a(30, 1, 3), 50: a(50, nvt=True)},
    11: {1: a(1, 3, 2), 2: a(2, 1, 2), 30: a(30, 2, 3), 50: a(50, 4, 2)},
    12: {1: a(1, 2, 3), 2: a(2, 3, 1), 30: a(30, 4, 1)},
}


def test_spread_mean_and_urgency_per_theme(library):
    spreads = {t.number: t for t in theme_spreads(library, list(SHARED.values()))}
    # theme 1: scores 2, 3, 2 -> mean 2.33, spread 1; importance 3, 2, 3 -> 2.67; urgency 2.67 × (5 − 2.33) = 7.13
    assert (spreads[1].mean, spreads[1].spread, spreads[1].mean_importance, spreads[1].urgency) == (2.33, 1, 2.67, 7.13)
    # theme 2: 5, 1, 3 -> spread 4, sd of (5,1,3) = 1.63
    assert (spreads[2].spread, spreads[2].sd) == (4, 1.63)
    # theme 50: one score and one "niet van toepassing"
    assert (spreads[50].scores, spreads[50].not_applicable) == ((4,), 1)


def test_most_different_and_all_hard(library):
    spreads = theme_spreads(library, list(SHARED.values()))
    # spreads: 1 -> 1, 2 -> 4, 30 -> 3 (1..4), 50 -> only one score, left out
    assert [t.number for t in most_different(spreads)] == [2, 30, 1]
    # hard: mean ≤ 3 and importance ≥ 2, scored by ≥ 2 of 3:
    # theme 1: 2.33 / 2.67 -> urgency 7.13; theme 30: mean 2.33, importance (3+3+1)/3 = 2.33 -> 2.33 × 2.67 = 6.22;
    # theme 2: mean 3.0 but importance 1.33 -> not hard
    assert [(t.number, t.urgency) for t in all_hard(spreads, 3)] == [(1, 7.13), (30, 6.22)]


def test_agenda_takes_the_hard_themes_then_the_different_ones_each_once(library):
    spreads = theme_spreads(library, list(SHARED.values()))
    items = propose_agenda(all_hard(spreads, 3), most_different(spreads))
    assert [(i.number, i.reason) for i in items] == [(1, "lastig"), (30, "lastig"), (2, "verschil")]
    assert items[2].why == "Scores lopen uiteen van 1 tot 5 (verschil 4), bij 3 leden."


def test_members_appear_as_participants_and_only_sharing_members_count(library):
    members = [Membership(1, 10, "Anna", 100, "1"), Membership(1, 11, "Bert", 101, "2"),
               Membership(1, 12, "Carla", 102, "3"), Membership(1, 13, "Dirk", None, "4")]
    labels = member_labels(GROUP, members, me=11)
    assert [m.label for m in labels] == ["Deelnemer A", "Deelnemer B (jij)", "Deelnemer C", "Deelnemer D"]
    view = build_group_view(library, GROUP, labels, SHARED, [10, 11, 12, 13])
    assert view.sharing == ("Deelnemer A", "Deelnemer B (jij)", "Deelnemer C")
    assert "Anna" not in repr(view)  # names never reach the view when the group numbers its members
    first_chapter = view.chapter_means[0]
    # chapter 1 (themes 1–8): member A: (2 + 5) / 2 = 3.5; B: (3 + 1) / 2 = 2.0; C: (2 + 3) / 2 = 2.5
    assert first_chapter[1] == (3.5, 2.0, 2.5)


def test_saved_agenda_and_exports(library):
    methods = load_methods()
    spreads = theme_spreads(library, list(SHARED.values()))
    members = member_labels(GROUP, [Membership(1, 10, "A", 1, "1")], 10)
    view = build_group_view(library, GROUP, members, {10: SHARED[10]}, [10])
    saved = GROUP.__class__(**{**GROUP.__dict__, "agenda": (AgendaChoice(72, "balint", "eigen"),)})
    entries = agenda.current(library, saved, view, methods)
    assert [(e.number, e.method.key, e.reason) for e in entries] == [(72, "balint", "eigen")]
    text = agenda_markdown("Oost *vet* [link](x)", entries, "2026-11-22")
    assert text.startswith("# Intervisie: Oost \\*vet\\* \\[link\\]\\(x\\)")
    assert library.theme(72).reflection_questions[0] in text
    assert spreads  # the proposal path is covered above
    pdf = agenda_pdf("Oost <script>", entries, "2026-11-22")
    assert pdf.startswith(b"%PDF")
