"""One way to fill a database with realistic answers: for demos, tests and the benchmark alike."""

from __future__ import annotations

import random

from wegwijzer.content.library import Library
from wegwijzer.domain.records import ActionDraft, Answer
from wegwijzer.storage import Store


def sample_answers(library: Library, themes: list[int] | tuple[int, ...], seed: int) -> list[Answer]:
    """Deterministic, plausible answers: situational themes are often 'niet van toepassing'."""
    rng = random.Random(seed)
    answers = []
    for number in themes:
        theme = library.theme(number)
        if theme.situational and rng.random() < 0.4:
            answers.append(Answer(theme=number, not_applicable=True))
            continue
        mastery = min(5, max(1, round(rng.gauss(3.3, 0.9))))
        importance = rng.choice((1, 2, 2, 3, 3)) if rng.random() > 0.05 else None
        note = "Bespreken in de intervisie." if rng.random() < 0.1 else ""
        answers.append(Answer(theme=number, mastery=mastery, importance=importance, note=note))
    return answers


def populate(store: Store, library: Library, *, people: int = 1, sessions_per_person: int = 1, seed: int = 1,
             scope: str = "alle", person_id: int | None = None) -> list[int]:
    """Add ``people`` people (or use ``person_id``) with completed sessions; return the session ids."""
    themes = [t.number for t in library.themes] if scope == "alle" else sorted(library.structure.quick_scan)
    session_ids = []
    for p in range(people):
        if person_id is not None:
            person = person_id
        else:
            person = store.people.create(f"Demo {p + 1}")
        for s in range(sessions_per_person):
            answers = sample_answers(library, themes, seed * 100_003 + p * 101 + s)
            actions = [ActionDraft(theme=a.theme, what="Gesprek plannen met de burgemeester.", due=None)
                       for a in answers[:2] if a.mastery and a.mastery <= 3]
            session = {"label": f"Reflectie {2025 + s}", "scope_kind": scope, "scope_key": "", "perspective": "zittend",
                       "themes": themes, "status": "afgerond", "created_at": f"{2025 + s}-03-01T10:00:00+00:00",
                       "completed_at": f"{2025 + s}-03-01T11:00:00+00:00"}
            session_ids.append(store.sessions.insert_full(person, session, answers, actions))
    return session_ids
