"""The bare pages the benchmark divides by must stay comparable with ours."""

from __future__ import annotations

import ast
from pathlib import Path

from wegwijzer.domain.questionnaire import session_steps

BARE_CHAPTER = Path(__file__).parents[2] / "bench" / "bare" / "chapter.py"


def _bare_step_sizes() -> list[int]:
    for node in ast.parse(BARE_CHAPTER.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "STEP_SIZES":
            return ast.literal_eval(node.value)
    raise AssertionError("bench/bare/chapter.py defines no STEP_SIZES")


def test_bare_questionnaire_has_the_steps_of_a_full_session(library):
    ours = [len(step.numbers) for step in session_steps(library, [t.number for t in library.themes])]
    assert _bare_step_sizes() == ours, "update STEP_SIZES in bench/bare/chapter.py to the questionnaire's steps"


def test_the_plan_figure_builds_its_person_and_measures_both_pages(library, tmp_path, monkeypatch):
    from bench.figures import p8_plan, plan_person
    from wegwijzer.storage import Store

    store = Store(":memory:")
    person, sessions = plan_person(store, library, actions=8)
    assert len(sessions) == 4 and len(store.plan.of_person(person)) == 8
    assert {a.session_id for a in store.plan.of_person(person)} == set(sessions)
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "unused.db"))  # p8_plan names its own database
    figures = p8_plan(library, tmp_path / "plan.db", runs=2)
    assert [(f.id, len(f.values)) for f in figures] == [("P8", 2), ("P8d", 2)]
    assert figures[0].extra == "cards_drawn=20"  # the plan page draws its 20 nearest actions, not all 100
