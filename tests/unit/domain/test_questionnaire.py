"""Steps, progress and resuming in the questionnaire."""

from __future__ import annotations

from wegwijzer.domain.questionnaire import choose_step, session_steps, step_progress
from wegwijzer.domain.records import Answer, SessionRecord


def session(themes) -> SessionRecord:
    return SessionRecord(id=1, person_id=1, label="", scope_kind="eigen", scope_key="", perspective="zittend",
                         themes=tuple(themes), status="open", created_at="", updated_at="", completed_at=None)


def test_progress_per_step_counts_scores_and_not_applicable(library):
    answers = {1: Answer(1, mastery=3), 2: Answer(2, not_applicable=True), 30: Answer(30, importance=2)}
    steps = step_progress(library, session([1, 2, 5, 30, 31]), answers)
    assert [(s.key, s.done, s.total) for s in steps] == [("verbinder", 2, 3), ("crisis", 0, 2)]


def test_choose_step_prefers_the_request_then_the_tab_then_the_first_open(library):
    answers = {1: Answer(1, mastery=3), 2: Answer(2, mastery=3), 5: Answer(5, mastery=3)}
    steps = step_progress(library, session([1, 2, 5, 30, 31, 32]), answers)
    assert choose_step(steps, requested="crisis", remembered="verbinder") == "crisis"
    assert choose_step(steps, requested="onzin", remembered="verbinder") == "verbinder"
    assert choose_step(steps, requested=None, remembered=None) == "crisis"  # verbinder is complete


def test_a_completed_session_resumes_at_the_first_step(library):
    themes = [1, 2, 5, 30, 31, 32]
    answers = {n: Answer(n, mastery=2) for n in themes}
    assert choose_step(step_progress(library, session(themes), answers), requested=None, remembered=None) == "verbinder"


def test_short_chapters_share_a_screen_so_no_screen_holds_a_single_theme(library):
    quick = session_steps(library, library.structure.quick_scan)
    assert [len(s.numbers) for s in quick] == [5, 3, 3, 2, 3, 3, 3, 2]  # 24 themes on 8 screens, not 19
    assert quick[2].chapters == ("dienstverlening", "crisis", "samenwerking")
    assert all(len(s.numbers) >= 2 for s in quick)
    full = session_steps(library, range(1, 101))
    assert len(full) == 18 and all(len(s.numbers) >= 2 for s in full)
    assert full[3].chapters == ("dienstverlening", "crisis")  # the two-theme chapter joins its neighbour
    assert [s.chapters for s in session_steps(library, [30, 31])] == [("crisis",)]
    assert [s.numbers for s in session_steps(library, [7])] == [(7,)]  # one theme chosen: one screen


def test_a_chapter_in_a_grouped_step_opens_that_step(library):
    steps = step_progress(library, session([1, 30]), {})
    assert [s.step.chapters for s in steps] == [("verbinder", "crisis")]
    assert choose_step(steps, requested="crisis", remembered=None) == "verbinder"
