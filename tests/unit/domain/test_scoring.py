"""Scoring rules, pinned on the mini content (weights known by heart)."""

from __future__ import annotations

import pytest

from wegwijzer.domain.records import Answer, SessionRecord
from wegwijzer.domain.scoring import (
    build_dashboard,
    compare_roles,
    compare_sessions,
    compare_themes,
    default_comparison,
    priorities,
    role_profile,
)

# Mini content weights: 1 = verbinder 1.0, adviseur 0.5, directeur 0.5, persoon 0.2
#                       2 = adviseur 1.0, persoon 0.5
#                       3 = boegbeeld 1.0, crisisleider 0.4, netwerker 0.6 (situational)
ANSWERS = {
    1: Answer(1, mastery=4, importance=3),
    2: Answer(2, mastery=2, importance=3),
    3: Answer(3, not_applicable=True, importance=3),
}


def scores(mini, answers, themes=(1, 2, 3)):
    return {r.role: (None if r.score is None else round(r.score, 4), r.themes) for r in role_profile(mini, answers, themes)}


def test_role_scores_are_weighted_means_with_counts(mini):
    assert scores(mini, ANSWERS) == {
        "verbinder": (4.0, 1),
        "adviseur": (2.6667, 2),  # (0.5*4 + 1.0*2) / 1.5
        "directeur": (4.0, 1),
        "boegbeeld": (None, 0),
        "crisisleider": (None, 0),
        "netwerker": (None, 0),
        "persoon": (2.5714, 2),  # (0.2*4 + 0.5*2) / 0.7
    }


def test_not_applicable_never_counts_even_with_a_stale_mastery(mini):
    # a row that says both (which the store never writes) still must not count
    answers = dict(ANSWERS) | {3: Answer(3, mastery=1, not_applicable=True, importance=3)}
    assert scores(mini, answers)["boegbeeld"] == (None, 0)


def test_unanswered_themes_do_not_count(mini):
    assert scores(mini, {1: ANSWERS[1]})["adviseur"] == (4.0, 1)


def test_dashboard_counts_chapters_strengths_and_priorities(mini):
    d = build_dashboard(mini, ANSWERS, (1, 2, 3))
    assert (d.total, d.answered, d.scored, d.not_applicable) == (3, 3, 2, 1)
    assert [(c.key, c.mean, c.scored, c.not_applicable, c.total) for c in d.chapters] == [
        ("een", 3.0, 2, 0, 2), ("twee", None, 0, 1, 1)]
    assert [s.number for s in d.strengths] == [1]
    assert [(p.number, p.urgency) for p in d.priorities] == [(2, 9)]
    assert [(p.number, p.mastery, p.importance) for p in d.points] == [(1, 4, 3), (2, 2, 3)]


def test_priorities_order_by_urgency_then_importance(mini):
    answers = {1: Answer(1, mastery=3, importance=2), 2: Answer(2, mastery=2, importance=3),
               3: Answer(3, mastery=1, importance=2)}
    assert [(p.number, p.urgency) for p in priorities(mini, answers, (1, 2, 3))] == [(2, 9), (3, 8), (1, 4)]


def test_low_importance_or_high_mastery_is_no_priority(mini):
    answers = {1: Answer(1, mastery=1, importance=1), 2: Answer(2, mastery=4, importance=3), 3: Answer(3, mastery=2)}
    assert priorities(mini, answers, (1, 2, 3)) == ()


def test_comparison_per_role_and_per_theme(mini):
    before = {1: Answer(1, mastery=3, importance=2), 2: Answer(2, mastery=2, importance=3)}
    changes = {c.role: c for c in compare_roles(role_profile(mini, before, (1, 2)), role_profile(mini, ANSWERS, (1, 2, 3)))}
    assert changes["verbinder"].delta == pytest.approx(1.0)
    assert changes["adviseur"].delta == pytest.approx(4 / 1.5 - 3.5 / 1.5)
    assert changes["boegbeeld"].delta is None
    assert [(c.number, c.before, c.after, c.delta) for c in compare_themes(mini, before, ANSWERS)] == [
        (1, 3, 4, 1), (2, 2, 2, 0)]


def test_full_session_on_real_content_rests_every_role_on_its_themes(library):
    answers = {t.number: Answer(t.number, mastery=3, importance=2) for t in library.themes}
    profile = role_profile(library, answers, [t.number for t in library.themes])
    for r in profile:
        assert r.score == pytest.approx(3.0)
        assert r.themes == sum(1 for t in library.themes if getattr(t.roles, r.role) > 0)


def test_a_comparison_rests_on_the_shared_themes_only(mini):
    """A small session beside a larger one: the old way compared a mean over 3 themes with a mean over 1.

    Before: theme 1 = 5, theme 2 = 1, theme 3 = 2. Now (a "quick scan" of theme 1 only): theme 1 = 4.
    Per session, adviseur would go from (0.5*5 + 1.0*1) / 1.5 = 2.33 to 4.0: "+1.7" although the one theme
    both sessions scored went down from 5 to 4. On the shared theme it goes from 5 to 4: −1.
    """
    before = {1: Answer(1, mastery=5), 2: Answer(2, mastery=1), 3: Answer(3, mastery=2)}
    now = {1: Answer(1, mastery=4)}
    c = compare_sessions(mini, before, now)
    assert (c.shared, c.only_now, c.only_before) == ((1,), (), (2, 3))
    changes = {r.role: (r.before, r.after, r.delta, r.themes) for r in c.role_changes}
    assert changes["adviseur"] == (5.0, 4.0, -1.0, 1)
    assert changes["verbinder"] == (5.0, 4.0, -1.0, 1)
    assert changes["boegbeeld"] == (None, None, None, 0)  # theme 3 was scored before only: not compared
    assert [(t.number, t.before, t.after) for t in c.theme_changes] == [(1, 5, 4)]


def test_the_previous_session_of_the_same_kind_is_chosen_to_compare_with():
    def record(sid, kind, created, key=""):
        return SessionRecord(id=sid, person_id=1, label="", scope_kind=kind, scope_key=key, perspective="zittend",
                             themes=(1,), status="afgerond", created_at=created, updated_at=created, completed_at=None)

    now = record(9, "quickscan", "2026-12-01")
    candidates = [record(8, "alle", "2026-11-01"), record(7, "quickscan", "2026-06-01"),
                  record(6, "quickscan", "2026-01-01"), record(10, "quickscan", "2027-01-01")]
    assert default_comparison(now, candidates) == 7
    assert default_comparison(record(9, "hoofdstuk", "2026-12-01", "crisis"), candidates) is None
