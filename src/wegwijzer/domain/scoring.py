"""The scoring rules, in one place. Pure functions of the content and the answers.

- A role's score is the weighted mean of the mastery scores (1–5) of the themes that weigh on that
  role, each theme counting with its role weight from the content. "Niet van toepassing" and
  unanswered themes never count. Per role we report on how many themes the score rests on.
- A chapter's score is the plain mean of the mastery scores in that chapter.
- Strengths: mastery 4 or 5, highest first (ties: more important first, then book order).
- Development priorities: importance 2 or 3 with mastery 3 or lower, ordered by urgency =
  importance × (5 − mastery), so "zeer belangrijk" and "nauwelijks" (3 × 4 = 12) comes first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.content.models import ROLE_KEYS, RoleKey
from wegwijzer.domain.records import Answer, SessionRecord

EXPLANATION = (
    "Zo rekent Wegwijzer: elk thema weegt mee voor één of meer rollen, met een gewicht uit de inhoud "
    "(bijvoorbeeld 1,0 voor de hoofdrol en 0,3 voor een rol die het thema raakt). De score van een rol is het "
    "gewogen gemiddelde van je beheersingsscores (1–5) op de thema's van die rol; bij elke as staat op hoeveel "
    "thema's die score rust. \"Niet van toepassing\" en onbeantwoorde thema's tellen nooit mee. "
    "Ontwikkelprioriteiten zijn thema's die je belangrijk of zeer belangrijk vindt en waarop je jezelf 3 of lager "
    "geeft; hoe belangrijker en hoe lager, hoe hoger ze staan (belang × (5 − beheersing)). Sterke punten zijn "
    "thema's met een 4 of 5."
)

STRENGTH_MIN = 4
PRIORITY_MAX_MASTERY = 3
PRIORITY_MIN_IMPORTANCE = 2


@dataclass(frozen=True)
class RoleScore:
    role: RoleKey
    score: float | None
    themes: int  # number of scored themes the score rests on


@dataclass(frozen=True)
class ChapterScore:
    key: str
    title: str
    mean: float | None
    scored: int
    not_applicable: int
    total: int


@dataclass(frozen=True)
class ThemeResult:
    number: int
    title: str
    chapter: str
    mastery: int
    importance: int | None
    urgency: int | None = None


@dataclass(frozen=True)
class RoleChange:
    role: RoleKey
    before: float | None
    after: float | None
    themes: int = 0  # number of themes, scored in both sessions, that the two scores rest on

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class ThemeChange:
    number: int
    title: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class Dashboard:
    roles: tuple[RoleScore, ...]
    chapters: tuple[ChapterScore, ...]
    strengths: tuple[ThemeResult, ...]  # all of them, strongest first; a page shows the first few and says so
    priorities: tuple[ThemeResult, ...]  # all of them, most urgent first
    points: tuple[ThemeResult, ...]  # every theme with mastery and importance (the quadrant chart)
    total: int
    answered: int
    scored: int
    not_applicable: int


def _scored(answers: Mapping[int, Answer], themes: Iterable[int]) -> list[Answer]:
    return [answers[n] for n in themes if n in answers and answers[n].is_scored]


def role_profile(library: Library, answers: Mapping[int, Answer], themes: Iterable[int]) -> tuple[RoleScore, ...]:
    totals = {r: 0.0 for r in ROLE_KEYS}
    weights = {r: 0.0 for r in ROLE_KEYS}
    counts = {r: 0 for r in ROLE_KEYS}
    for answer in _scored(answers, themes):
        for role, weight in library.theme(answer.theme).roles.items():
            totals[role] += weight * answer.mastery  # type: ignore[operator]
            weights[role] += weight
            counts[role] += 1
    return tuple(RoleScore(r, totals[r] / weights[r] if weights[r] else None, counts[r]) for r in ROLE_KEYS)


def chapter_overview(library: Library, answers: Mapping[int, Answer], themes: Iterable[int]) -> tuple[ChapterScore, ...]:
    wanted = set(themes)
    result = []
    for chapter in library.structure.chapters:
        numbers = [n for n in chapter.numbers if n in wanted]
        if not numbers:
            continue
        scored = _scored(answers, numbers)
        nvt = sum(1 for n in numbers if n in answers and answers[n].not_applicable)
        mean = sum(a.mastery for a in scored) / len(scored) if scored else None  # type: ignore[misc]
        result.append(ChapterScore(chapter.key, chapter.title, mean, len(scored), nvt, len(numbers)))
    return tuple(result)


def _result(library: Library, answer: Answer) -> ThemeResult:
    theme = library.theme(answer.theme)
    urgency = None
    if answer.importance is not None and answer.mastery is not None:
        urgency = answer.importance * (5 - answer.mastery)
    return ThemeResult(theme.number, theme.title, theme.chapter, answer.mastery, answer.importance, urgency)  # type: ignore[arg-type]


def strengths(library: Library, answers: Mapping[int, Answer], themes: Iterable[int],
              limit: int | None = None) -> tuple[ThemeResult, ...]:
    candidates = [_result(library, a) for a in _scored(answers, themes) if a.mastery >= STRENGTH_MIN]  # type: ignore[operator]
    candidates.sort(key=lambda r: (-r.mastery, -(r.importance or 0), r.number))
    return tuple(candidates[:limit])


def priorities(library: Library, answers: Mapping[int, Answer], themes: Iterable[int],
               limit: int | None = None) -> tuple[ThemeResult, ...]:
    candidates = [
        _result(library, a) for a in _scored(answers, themes)
        if a.importance is not None and a.importance >= PRIORITY_MIN_IMPORTANCE and a.mastery <= PRIORITY_MAX_MASTERY  # type: ignore[operator]
    ]
    candidates.sort(key=lambda r: (-(r.urgency or 0), -(r.importance or 0), r.mastery, r.number))
    return tuple(candidates[:limit])


def build_dashboard(library: Library, answers: Mapping[int, Answer], themes: Iterable[int]) -> Dashboard:
    themes = tuple(themes)
    scored = _scored(answers, themes)
    return Dashboard(
        roles=role_profile(library, answers, themes),
        chapters=chapter_overview(library, answers, themes),
        strengths=strengths(library, answers, themes),
        priorities=priorities(library, answers, themes),
        points=tuple(_result(library, a) for a in scored if a.importance is not None),
        total=len(themes),
        answered=sum(1 for n in themes if n in answers and answers[n].is_answered),
        scored=len(scored),
        not_applicable=sum(1 for n in themes if n in answers and answers[n].not_applicable),
    )


def compare_roles(before: Sequence[RoleScore], after: Sequence[RoleScore]) -> tuple[RoleChange, ...]:
    """Per role the score of an earlier profile next to the current one (both from ``role_profile``)."""
    old = {r.role: r.score for r in before}
    return tuple(RoleChange(r.role, old.get(r.role), r.score, r.themes) for r in after)


def compare_themes(library: Library, before: Mapping[int, Answer], after: Mapping[int, Answer]) -> tuple[ThemeChange, ...]:
    """Themes scored in both sessions, largest change first (then book order)."""
    changes = [
        ThemeChange(n, library.theme(n).title, before[n].mastery, after[n].mastery)  # type: ignore[arg-type]
        for n in sorted(set(before) & set(after))
        if before[n].is_scored and after[n].is_scored and n in library.by_number
    ]
    changes.sort(key=lambda c: (-abs(c.delta), c.number))
    return tuple(changes)


@dataclass(frozen=True)
class Comparison:
    """Two sessions of one person, compared honestly: only on the themes both scored.

    A quick scan set beside a full session would otherwise compare a mean over 24 themes with a mean
    over 100; the role profiles here both rest on the same ``shared`` themes.
    """

    shared: tuple[int, ...]  # scored in both sessions, book order
    only_now: tuple[int, ...]  # scored now, not before: not compared
    only_before: tuple[int, ...]  # scored before, not now: not compared
    roles_before: tuple[RoleScore, ...]
    roles_now: tuple[RoleScore, ...]
    role_changes: tuple[RoleChange, ...]
    theme_changes: tuple[ThemeChange, ...]  # every shared theme, largest change first

    @property
    def changed(self) -> tuple[ThemeChange, ...]:
        return tuple(c for c in self.theme_changes if c.delta)


def compare_sessions(library: Library, before: Mapping[int, Answer], now: Mapping[int, Answer]) -> Comparison:
    """The comparison of an earlier session's answers with the current ones, on the shared themes only."""
    scored_before = {n for n, a in before.items() if a.is_scored and n in library.by_number}
    scored_now = {n for n, a in now.items() if a.is_scored and n in library.by_number}
    shared = tuple(sorted(scored_before & scored_now))
    roles_before = role_profile(library, before, shared)
    roles_now = role_profile(library, now, shared)
    return Comparison(shared, tuple(sorted(scored_now - scored_before)), tuple(sorted(scored_before - scored_now)),
                      roles_before, roles_now, compare_roles(roles_before, roles_now), compare_themes(library, before, now))


def default_comparison(current: SessionRecord, candidates: Sequence[SessionRecord]) -> int | None:
    """The session to compare with at first: the latest earlier session of the same kind (scope), if any."""
    earlier = [s for s in candidates if s.created_at <= current.created_at and s.id != current.id
               and s.scope_kind == current.scope_kind and s.scope_key == current.scope_key]
    return max(earlier, key=lambda s: (s.created_at, s.id)).id if earlier else None
