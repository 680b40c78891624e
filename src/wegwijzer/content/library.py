"""Read the theme folder, validate every file and the rules that span files.

``load_library(folder)`` returns an immutable :class:`Library` or raises :class:`ContentError` with
every problem found; ``check_folder(folder)`` returns the problems without raising. The fast path
parses YAML with libyaml and only builds a node tree (for line numbers) when a file has a problem.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from pydantic import ValidationError

from wegwijzer.content.datafile import dotted
from wegwijzer.content.models import ROLE_KEYS, Chapter, Part, Role, RoleKey, Structure, Theme
from wegwijzer.content.problems import ContentError, Problem
from wegwijzer.content.reading import TEMPLATE_HINT, Source, parse, problem_from_error, read_source
from wegwijzer.content.theme_rules import main_role_problems, statement_form_problems

STRUCTURE_FILE = "structuur.yaml"
THEME_FILE = re.compile(r"^\d{3}-[a-z0-9-]+\.md$")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(title: str) -> str:
    """The file-name slug of a title: lower case ASCII words joined by hyphens."""
    if not title.isascii():
        title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", title.lower()).strip("-")


def theme_filename(number: int, title: str) -> str:
    return f"{number:03d}-{slugify(title)}.md"


@dataclass(frozen=True, eq=False)
class Library:
    """All content, validated. Immutable; share it freely (hashed by identity, so it can key a cache)."""

    structure: Structure
    themes: tuple[Theme, ...]
    by_number: Mapping[int, Theme] = field(repr=False)
    chapters: Mapping[str, Chapter] = field(repr=False)
    part_of_chapter: Mapping[str, Part] = field(repr=False)
    roles: Mapping[RoleKey, Role] = field(repr=False)

    def theme(self, number: int) -> Theme:
        return self.by_number[number]

    def chapter_of(self, theme: Theme) -> Chapter:
        return self.chapters[theme.chapter]

    def part_of(self, theme: Theme) -> Part:
        return self.part_of_chapter[theme.chapter]

    def themes_in_chapter(self, chapter_key: str) -> tuple[Theme, ...]:
        return tuple(self.by_number[n] for n in self.chapters[chapter_key].numbers)


# --- the folder -------------------------------------------------------------------------------


def _display(folder: Path, name: str) -> str:
    return f"{folder.name}/{name}"


def _load_structure(folder: Path, problems: list[Problem]) -> tuple[Structure | None, Source | None]:
    path = folder / STRUCTURE_FILE
    display = _display(folder, STRUCTURE_FILE)
    if not path.is_file():
        problems.append(Problem(display, 0, "T001", "-", "het structuurbestand ontbreekt",
                                f"maak {STRUCTURE_FILE} met delen, hoofdstukken en rollen"))
        return None, None
    src = read_source(path, display, problems, front_matter=False)
    if src is None:
        return None, None
    data = parse(src, problems)
    if data is None:
        return None, src
    try:
        return Structure.model_validate(data), src
    except ValidationError as exc:
        problems.extend(problem_from_error(src, e) for e in exc.errors())
        return None, src


def _check_structure(structure: Structure, src: Source, problems: list[Problem]) -> None:
    expected = 1
    for pi, part in enumerate(structure.parts):
        for ci, chapter in enumerate(part.chapters):
            loc = ("parts", pi, "chapters", ci, "first")
            if chapter.first != expected or chapter.last < chapter.first:
                problems.append(Problem(src.display, src.line_of(loc), "T016", dotted(loc),
                                        f"hoofdstuk '{chapter.key}' loopt van {chapter.first} tot {chapter.last}, verwacht begin {expected}",
                                        "laat de hoofdstukken aansluitend de nummers 1 tot theme_count dekken"))
            expected = chapter.last + 1
    if expected - 1 != structure.theme_count:
        problems.append(Problem(src.display, src.line_of(("theme_count",)), "T016", "theme_count",
                                f"de hoofdstukken dekken {expected - 1} thema's, theme_count zegt {structure.theme_count}",
                                "maak theme_count gelijk aan het laatste themanummer"))
    keys = [c.key for c in structure.chapters]
    for dup in sorted({k for k in keys if keys.count(k) > 1}):
        problems.append(Problem(src.display, 0, "T016", "parts", f"hoofdstuksleutel '{dup}' komt vaker voor",
                                "geef elk hoofdstuk een eigen sleutel"))
    role_keys = tuple(r.key for r in structure.roles)
    if sorted(role_keys) != sorted(ROLE_KEYS) or len(set(role_keys)) != len(role_keys):
        problems.append(Problem(src.display, src.line_of(("roles",)), "T016", "roles",
                                "de rollen wijken af van de vaste set",
                                "beschrijf elk van " + ", ".join(ROLE_KEYS) + " precies één keer"))
    for i, n in enumerate(structure.quick_scan):
        if not 1 <= n <= structure.theme_count or n in structure.quick_scan[:i]:
            loc = ("quick_scan", i)
            problems.append(Problem(src.display, src.line_of(loc), "T016", dotted(loc),
                                    f"themanummer {n} in de quick scan bestaat niet of staat er dubbel in",
                                    f"kies unieke nummers tussen 1 en {structure.theme_count}"))


def _check_quick_scan_coverage(structure: Structure, themes: Mapping[int, Theme], src: Source,
                               problems: list[Problem]) -> None:
    chosen = [themes[n] for n in structure.quick_scan if n in themes]
    missing_chapters = [c.key for c in structure.chapters if not any(t.number in c.numbers for t in chosen)]
    if missing_chapters:
        problems.append(Problem(src.display, src.line_of(("quick_scan",)), "T016", "quick_scan",
                                "de quick scan mist hoofdstuk(ken) " + ", ".join(missing_chapters),
                                "neem uit elk hoofdstuk minstens één thema op"))
    missing_roles = [r for r in ROLE_KEYS if not any(getattr(t.roles, r) > 0 for t in chosen)]
    if missing_roles:
        problems.append(Problem(src.display, src.line_of(("quick_scan",)), "T016", "quick_scan",
                                "de quick scan mist rol(len) " + ", ".join(missing_roles),
                                "neem voor elke rol minstens één thema op dat die rol weegt"))


def _load_theme(path: Path, display: str, problems: list[Problem]) -> tuple[Theme | None, Source | None]:
    src = read_source(path, display, problems, front_matter=True)
    if src is None:
        return None, None
    data = parse(src, problems)
    if data is None:
        return None, src
    if "body" in data:
        problems.append(Problem(display, src.line_of(("body",)), "T004", "body", "onbekend veld in de front matter",
                                "zet de toelichting als Markdown onder de afsluitende '---'"))
        return None, src
    data["body"] = src.body
    try:
        return Theme.model_validate(data), src
    except ValidationError as exc:
        problems.extend(problem_from_error(src, e) for e in exc.errors())
        return None, src


def check_folder(folder: Path | str) -> tuple[Library | None, list[Problem]]:
    """Validate the folder; return the library (when there is no problem) and all problems."""
    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        problems.append(Problem(str(folder), 0, "T001", "-", "de themamap bestaat niet",
                                "geef de juiste map op (standaard: thema's/)"))
        return None, problems
    structure, structure_src = _load_structure(folder, problems)
    if structure is not None and structure_src is not None:
        _check_structure(structure, structure_src, problems)

    themes: dict[int, Theme] = {}
    sources: dict[int, Source] = {}
    unreadable: set[int] = set()  # numbers (from file names) of files that already have a problem
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md") or name == "README.md" or name.startswith("_"):
            continue
        path = folder / name
        display = _display(folder, path.name)
        theme, src = _load_theme(path, display, problems)
        if theme is None or src is None:
            if path.name[:3].isdigit():
                unreadable.add(int(path.name[:3]))
            continue
        expected_name = theme_filename(theme.number, theme.title)
        if path.name != expected_name or not THEME_FILE.match(path.name):
            problems.append(Problem(display, src.line_of(("title",)), "T012", "title",
                                    f"bestandsnaam past niet bij nummer en titel (verwacht {expected_name})",
                                    f"hernoem het bestand naar {expected_name} of corrigeer nummer/titel"))
        if theme.number in themes:
            problems.append(Problem(display, src.line_of(("number",)), "T013", "number",
                                    f"nummer {theme.number} wordt ook gebruikt in {sources[theme.number].display}",
                                    "geef elk thema het eigen nummer uit het boek"))
            continue
        themes[theme.number] = theme
        sources[theme.number] = src
        problems.extend(statement_form_problems(theme, src))

    if structure is not None:
        chapters = {c.key: c for c in structure.chapters}
        for number, theme in sorted(themes.items()):
            src = sources[number]
            if number > structure.theme_count:
                problems.append(Problem(src.display, src.line_of(("number",)), "T014", "number",
                                        f"nummer {number} valt buiten de structuur (1–{structure.theme_count})",
                                        "gebruik een nummer uit de structuur"))
            chapter = chapters.get(theme.chapter)
            if chapter is None:
                problems.append(Problem(src.display, src.line_of(("chapter",)), "T010", "chapter",
                                        f"hoofdstuk '{theme.chapter}' bestaat niet in {STRUCTURE_FILE}",
                                        "gebruik een van: " + ", ".join(chapters)))
            elif number not in chapter.numbers:
                home = next((c.key for c in chapters.values() if number in c.numbers), "?")
                problems.append(Problem(src.display, src.line_of(("chapter",)), "T015", "chapter",
                                        f"thema {number} hoort volgens het boek in hoofdstuk '{home}', niet in '{theme.chapter}'",
                                        f"schrijf 'chapter: {home}'"))
            else:
                problems.extend(main_role_problems(theme, chapter, src))
            seen: set[int] = set()
            for i, rel in enumerate(theme.related):
                loc = ("related", i)
                if rel == number or rel in seen or not 1 <= rel <= structure.theme_count:
                    why = "verwijst naar zichzelf" if rel == number else "staat er dubbel in" if rel in seen else "bestaat niet"
                    problems.append(Problem(src.display, src.line_of(loc), "T011", dotted(loc),
                                            f"verwant thema {rel} {why}",
                                            f"noem andere, bestaande themanummers (1–{structure.theme_count})"))
                seen.add(rel)
        for number in range(1, structure.theme_count + 1):
            if number not in themes and number not in unreadable:
                problems.append(Problem(folder.name, 0, "T014", "-", f"thema {number} ontbreekt",
                                        f"maak het bestand {number:03d}-<titel>.md; {TEMPLATE_HINT}"))
        if structure_src is not None and len(themes) == structure.theme_count:
            _check_quick_scan_coverage(structure, themes, structure_src, problems)

    if problems or structure is None:
        return None, sorted(problems, key=_problem_order)
    return _build_library(structure, themes), []


def _build_library(structure: Structure, themes: dict[int, Theme]) -> Library:
    ordered = tuple(themes[n] for n in sorted(themes))
    return Library(
        structure=structure,
        themes=ordered,
        by_number=MappingProxyType({t.number: t for t in ordered}),
        chapters=MappingProxyType({c.key: c for c in structure.chapters}),
        part_of_chapter=MappingProxyType({c.key: p for p in structure.parts for c in p.chapters}),
        roles=MappingProxyType({r.key: r for r in structure.roles}),
    )


def load_library(folder: Path | str) -> Library:
    """Load and validate all content; raise :class:`ContentError` listing every problem."""
    library, problems = check_folder(folder)
    if library is None:
        raise ContentError(problems)
    return library


@functools.lru_cache(maxsize=4)
def shared_library(folder: str) -> Library:
    """The content of this folder, loaded once per process (the app and its HTTP routes share it).

    A folder with problems is not remembered: the next call checks it again.
    """
    return load_library(folder)


def _problem_order(problem: Problem) -> tuple[str, int]:
    # a stable sort on file and line keeps problems of one line in the order they were found
    return (problem.path, problem.line)
