"""What the questionnaire needs to know besides the widgets: its screens (steps), progress and where to resume.

A step is one chapter, or several consecutive short chapters together, so that no screen holds a single
theme (unless the whole session is one theme): a quick scan of 24 themes takes 8 screens, not 19.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.content.models import Chapter
from wegwijzer.domain.records import Answer, SessionRecord

MIN_STEP = 3  # a step closes once it holds this many themes …
MIN_AT_PART_END = 2  # … or this many at the end of a part of the book


@dataclass(frozen=True)
class Step:
    key: str  # the key of its first chapter (stable in URLs)
    chapters: tuple[str, ...]  # chapter keys, book order
    numbers: tuple[int, ...]  # the session's themes on this screen, book order


@dataclass(frozen=True)
class StepProgress:
    step: Step
    done: int

    @property
    def key(self) -> str:
        return self.step.key

    @property
    def total(self) -> int:
        return len(self.step.numbers)

    @property
    def complete(self) -> bool:
        return self.done == self.total


def session_steps(library: Library, themes: tuple[int, ...] | list[int]) -> list[Step]:
    """The screens of a session: its chapters in book order, short ones grouped (see the module)."""
    return list(_steps(library, tuple(themes)))


@functools.lru_cache(maxsize=256)  # the same few scopes on every rerun of the questionnaire
def _steps(library: Library, themes: tuple[int, ...]) -> tuple[Step, ...]:
    wanted = set(themes)
    chapters = [(c, tuple(n for n in c.numbers if n in wanted)) for c in library.structure.chapters]
    chapters = [(c, numbers) for c, numbers in chapters if numbers]
    part_of = {c.key: p.key for p in library.structure.parts for c in p.chapters}
    groups: list[list[tuple[Chapter, tuple[int, ...]]]] = []
    current: list[tuple[Chapter, tuple[int, ...]]] = []
    for i, (chapter, numbers) in enumerate(chapters):
        current.append((chapter, numbers))
        size = sum(len(n) for _, n in current)
        part_ends = i + 1 < len(chapters) and part_of[chapters[i + 1][0].key] != part_of[chapter.key]
        if size >= MIN_STEP or (part_ends and size >= MIN_AT_PART_END):
            groups.append(current)
            current = []
    if current:
        if groups and sum(len(n) for _, n in current) < MIN_AT_PART_END:
            groups[-1].extend(current)
        else:
            groups.append(current)
    return tuple(Step(group[0][0].key, tuple(c.key for c, _ in group), tuple(n for _, ns in group for n in ns))
                 for group in groups)


def step_progress(library: Library, session: SessionRecord, answers: Mapping[int, Answer]) -> list[StepProgress]:
    """Per step of the session: the step and how many of its themes are answered."""
    return [StepProgress(step, sum(1 for n in step.numbers if n in answers and answers[n].is_answered))
            for step in session_steps(library, session.themes)]


def choose_step(steps: list[StepProgress], *, requested: str | None, remembered: str | None) -> str:
    """The step to show: the one asked for, else the one this tab was on, else the first still open.

    A chapter key that is part of a grouped step (an older link) opens that step.
    """
    for candidate in (requested, remembered):
        for s in steps:
            if candidate is not None and (candidate == s.key or candidate in s.step.chapters):
                return s.key
    return next((s.key for s in steps if not s.complete), steps[0].key)
