"""Filtering and searching the theme library."""

from __future__ import annotations

import unicodedata

from wegwijzer.content.library import Library
from wegwijzer.content.models import Theme


def _fold(text: str) -> str:
    """Lower case without accents, so 'financien' finds 'financiën'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def searchable_text(theme: Theme) -> str:
    parts = [theme.title, theme.summary, theme.body, *theme.key_points, *theme.statements, *theme.reflection_questions]
    return _fold(" ".join(parts))


def filter_themes(library: Library, *, part: str = "", chapter: str = "", role: str = "", query: str = "") -> list[Theme]:
    """Themes matching every given filter; with a role, the heaviest weights first; all words of the query must occur."""
    words = _fold(query).split()
    result = []
    for theme in library.themes:
        if part and library.part_of(theme).key != part:
            continue
        if chapter and theme.chapter != chapter:
            continue
        if role and getattr(theme.roles, role, 0) <= 0:
            continue
        if words:
            text = searchable_text(theme)
            if not all(w in text for w in words):
                continue
        result.append(theme)
    if role:
        result.sort(key=lambda t: (-getattr(t.roles, role), t.number))
    return result
