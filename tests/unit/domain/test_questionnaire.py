"""Steps, progress and resuming in the questionnaire."""

from __future__ import annotations

from wegwijzer.domain.questionnaire import choose_step, step_progress
from wegwijzer.domain.records import Answer, SessionRecord


def session(themes) -> SessionRecord:
    return SessionRecord(id=1, person_id=1, label="", scope_kind="eigen", scope_key="", perspective="zittend",
                         themes=tuple(themes), status="open", created_at="", updated_at="", completed_at=None)


def test_progress_per_step_counts_scores_and_not_applicable(library):
    answers = {1: Answer(1, mastery=3), 2: Answer(2, not_applicable=True), 30: Answer(30, importance=2)}
    steps = step_progress(library, session([1, 2, 5, 30, 31]), answers)
    assert [(s.key, s.done, s.total) for s in steps] == [("verbinder", 2, 3), ("crisis", 0, 2)]


def test_choose_step_prefers_the_request_then_the_tab_then_the_first_open(library):
    answers = {1: Answer(1, mastery=3)}
    steps = step_progress(library, session([1, 30]), answers)
    assert choose_step(steps, requested="crisis", remembered="verbinder") == "crisis"
    assert choose_step(steps, requested="onzin", remembered="verbinder") == "verbinder"
    assert choose_step(steps, requested=None, remembered=None) == "crisis"  # verbinder is complete


def test_a_completed_session_resumes_at_the_first_step(library):
    answers = {1: Answer(1, mastery=3), 30: Answer(30, mastery=2)}
    assert choose_step(step_progress(library, session([1, 30]), answers), requested=None, remembered=None) == "verbinder"
