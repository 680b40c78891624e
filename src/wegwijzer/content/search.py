"""Filtering and searching the theme library.

A query word matches a whole word of a theme ("or" finds the OR, not every "organisatie"); a word of four
letters or more also matches the start of a longer word ("begroting" finds "begrotingscyclus"). Known
abbreviations find their full words and the other way round ("OR" finds "ondernemingsraad").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from wegwijzer.content.library import Library
from wegwijzer.content.models import Theme

_WORD = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")
PREFIX_FROM = 4  # letters from which a query word may be the start of a longer word

#: abbreviation -> the words it stands for (all lower case, without accents)
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "or": ("ondernemingsraad",),
    "dt": ("directieteam",),
    "mt": ("managementteam",),
    "b&w": ("college", "burgemeester", "wethouders", "benw"),
    "benw": ("b&w", "college"),
    "p&o": ("personeel", "peno"),
    "peno": ("p&o", "personeel"),
    "vgs": ("vereniging van gemeentesecretarissen",),
    "vng": ("vereniging van nederlandse gemeenten",),
    "ssc": ("shared service",),
    "ict": ("informatievoorziening", "digitalisering"),
    "hrm": ("personeel", "p&o"),
    "avg": ("privacy",),
}
_EXPANDS = {full: abbreviation for abbreviation, fulls in ABBREVIATIONS.items() for full in fulls if " " not in full}


def fold(text: str) -> str:
    """Lower case without accents, so 'financien' finds 'financiën'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@functools.lru_cache(maxsize=256)
def _theme_words(theme: Theme) -> tuple[frozenset[str], str]:
    parts = [theme.title, theme.summary, theme.body, *theme.key_points, *theme.statements, *theme.reflection_questions]
    text = " ".join(parts)
    return frozenset(words(text)), " ".join(words(text))


def _matches(query_word: str, theme: Theme) -> bool:
    found, joined = _theme_words(theme)
    alternatives = {query_word, *ABBREVIATIONS.get(query_word, ()), *((_EXPANDS[query_word],) if query_word in _EXPANDS else ())}
    for alternative in alternatives:
        if " " in alternative:
            if f" {alternative} " in f" {joined} ":
                return True
        elif alternative in found or (len(alternative) >= PREFIX_FROM and any(w.startswith(alternative) for w in found)):
            return True
    return False


def filter_themes(library: Library, *, part: str = "", chapter: str = "", role: str = "", query: str = "") -> list[Theme]:
    """Themes matching every given filter; with a role, the heaviest weights first; every query word must match."""
    query_words = words(query)
    result = []
    for theme in library.themes:
        if part and library.part_of(theme).key != part:
            continue
        if chapter and theme.chapter != chapter:
            continue
        if role and getattr(theme.roles, role, 0) <= 0:
            continue
        if query_words and not all(_matches(w, theme) for w in query_words):
            continue
        result.append(theme)
    if role:
        result.sort(key=lambda t: (-getattr(t.roles, role), t.number))
    return result
