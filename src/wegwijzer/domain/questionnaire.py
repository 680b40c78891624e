"""What the questionnaire needs to know besides the widgets: steps, progress and where to resume."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.domain.records import Answer, SessionRecord
from wegwijzer.domain.scopes import chapters_in_session


@dataclass(frozen=True)
class StepProgress:
    key: str
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.done == self.total


def step_progress(library: Library, session: SessionRecord, answers: Mapping[int, Answer]) -> list[StepProgress]:
    """Per chapter of the session (the questionnaire's steps, in book order): answered and total."""
    wanted = set(session.themes)
    out = []
    for key in chapters_in_session(library, session.themes):
        numbers = [n for n in library.chapters[key].numbers if n in wanted]
        done = sum(1 for n in numbers if n in answers and answers[n].is_answered)
        out.append(StepProgress(key, done, len(numbers)))
    return out


def choose_step(steps: list[StepProgress], *, requested: str | None, remembered: str | None) -> str:
    """The chapter to show: the one asked for, else the one this tab was on, else the first still open."""
    keys = [s.key for s in steps]
    for candidate in (requested, remembered):
        if candidate in keys:
            return candidate
    return next((s.key for s in steps if not s.complete), keys[0])
