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
