"""The wording of the rating scales, which depends on the perspective of the session."""

from __future__ import annotations

from dataclasses import dataclass

from wegwijzer.domain.records import Perspective

NOT_APPLICABLE_LABEL = "Niet van toepassing"


@dataclass(frozen=True)
class MasteryScale:
    question: str
    labels: dict[int, str]
    help: str


MASTERY: dict[Perspective, MasteryScale] = {
    "zittend": MasteryScale(
        question="Hoe goed beheers ik dit?",
        labels={1: "Nauwelijks", 2: "Matig", 3: "Redelijk", 4: "Goed", 5: "Sterk"},
        help="Hoe je dit thema nu in de praktijk invult, niet hoe je het zou willen.",
    ),
    "startend": MasteryScale(
        question="Hoe goed lukt mij dit nu?",
        labels={1: "Nog niet", 2: "Eerste stappen", 3: "Op weg", 4: "Grotendeels", 5: "Volledig"},
        help="Als startende secretaris: hoe ver je hiermee bent in je eerste periode.",
    ),
    "aspirant": MasteryScale(
        question="Hoe goed ben ik hierop voorbereid?",
        labels={1: "Niet", 2: "Een beetje", 3: "Redelijk", 4: "Goed", 5: "Zeer goed"},
        help="Als aspirant-secretaris: hoe goed je ervaring en vaardigheden je hierop voorbereiden.",
    ),
}

MASTERY_SCORES = (1, 2, 3, 4, 5)
IMPORTANCE_SCORES = (1, 2, 3)


def is_score(value: object, scores: tuple[int, ...]) -> bool:
    """Whether ``value`` is one of ``scores`` as a whole number (not 4.5, not "4", not True)."""
    return type(value) is int and value in scores


IMPORTANCE_QUESTION = "Hoe belangrijk is dit nu voor mij?"
IMPORTANCE_LABELS: dict[int, str] = {1: "Minder belangrijk", 2: "Belangrijk", 3: "Zeer belangrijk"}

PERSPECTIVE_LABELS: dict[Perspective, str] = {
    "zittend": "Zittend secretaris",
    "startend": "Startend secretaris (eerste jaar)",
    "aspirant": "Aspirant-secretaris",
}


def mastery_label(perspective: Perspective, value: int | None) -> str:
    if value is None:
        return "—"
    return f"{value} · {MASTERY[perspective].labels[value]}"
