"""Which themes a session covers: all, the quick scan, one part or chapter, or an own selection."""

from __future__ import annotations

from wegwijzer.content.library import Library
from wegwijzer.domain.records import ScopeKind

SCOPE_LABELS: dict[ScopeKind, str] = {
    "alle": "Alle 100 thema's",
    "quickscan": "Quick scan (24 thema's)",
    "deel": "Eén deel",
    "hoofdstuk": "Eén hoofdstuk",
    "eigen": "Eigen selectie",
}


class ScopeError(ValueError):
    """A scope that cannot be resolved; the message is Dutch."""


def resolve_scope(library: Library, kind: ScopeKind, key: str = "", selection: list[int] | None = None) -> list[int]:
    """The theme numbers of a scope, in the book's order."""
    if kind == "alle":
        return [t.number for t in library.themes]
    if kind == "quickscan":
        return sorted(library.structure.quick_scan)
    if kind == "deel":
        part = next((p for p in library.structure.parts if p.key == key), None)
        if part is None:
            raise ScopeError("Kies een deel.")
        return [n for c in part.chapters for n in c.numbers]
    if kind == "hoofdstuk":
        if key not in library.chapters:
            raise ScopeError("Kies een hoofdstuk.")
        return list(library.chapters[key].numbers)
    if kind == "eigen":
        chosen = sorted(set(selection or []))
        if not chosen:
            raise ScopeError("Kies minstens één thema voor je eigen selectie.")
        unknown = [n for n in chosen if n not in library.by_number]
        if unknown:
            raise ScopeError(f"Onbekende themanummers: {unknown}.")
        return chosen
    raise ScopeError(f"Onbekende keuze: {kind}.")


def chapters_in_session(library: Library, themes: tuple[int, ...] | list[int]) -> list[str]:
    """The chapter keys a session touches, in the book's order (the questionnaire's steps)."""
    wanted = set(themes)
    return [c.key for c in library.structure.chapters if any(n in wanted for n in c.numbers)]
