"""The coach's conversation guide: suggested themes, the coachee's ratings on them, GROW, and a PDF."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.domain.overview import SessionOverview
from wegwijzer.domain.records import Answer
from wegwijzer.domain.scales import IMPORTANCE_LABELS, MASTERY, NOT_APPLICABLE_LABEL

GROW = {"goal": ("Goal", "Doel: wat wil de coachee uit dit gesprek halen?"),
        "reality": ("Reality", "Werkelijkheid: hoe is het nu, wat laten de scores zien?"),
        "options": ("Options", "Opties: welke wegen zijn er?"),
        "will": ("Will", "Wil: wat gaat de coachee doen, wanneer, en hoe merk je dat?")}


@dataclass(frozen=True)
class Suggestion:
    number: int
    why: str


def suggestions(view: SessionOverview, limit: int = 3) -> list[Suggestion]:
    """Themes worth a conversation: top priorities, largest changes, and "niet van toepassing" answers."""
    found: dict[int, list[str]] = {}
    for p in view.dashboard.priorities[:limit]:
        found.setdefault(p.number, []).append(f"prioriteit: beheersing {p.mastery}, belang {p.importance}")
    changes = sorted((c for c in view.theme_changes if c.delta), key=lambda c: (-abs(c.delta), c.number))
    for c in changes[:limit]:
        found.setdefault(c.number, []).append(f"veranderd van {c.before} naar {c.after}")
    not_applicable = [n for n in view.session.themes if view.answers.get(n, Answer(n)).not_applicable]
    for n in not_applicable[:limit]:
        found.setdefault(n, []).append("niet van toepassing genoemd")
    return [Suggestion(n, "; ".join(whys)) for n, whys in found.items()]


def rating_text(answer: Answer | None, perspective: str) -> str:
    if answer is None or not answer.is_answered:
        return "niet ingevuld"
    if answer.not_applicable:
        return NOT_APPLICABLE_LABEL.lower()
    labels = MASTERY[perspective].labels
    importance = f", belang: {IMPORTANCE_LABELS[answer.importance].lower()}" if answer.importance else ""
    return f"beheersing {answer.mastery} ({labels[answer.mastery].lower()}){importance}"


@dataclass(frozen=True)
class GuideTheme:
    number: int
    title: str
    rating: str
    note: str  # the coachee's note, only when the coach may read notes
    questions: tuple[str, ...]
    coach_note: str


def guide_themes(library: Library, view: SessionOverview, themes: Sequence[int], coach_notes: Mapping[int, str],
                 notes_allowed: bool) -> list[GuideTheme]:
    result = []
    for n in themes:
        answer = view.answers.get(n)
        result.append(GuideTheme(n, library.theme(n).title, rating_text(answer, view.session.perspective),
                                 answer.note if (answer and notes_allowed) else "",
                                 tuple(library.theme(n).reflection_questions), coach_notes.get(n, "")))
    return result
