"""T017 and T018 beyond their broken fixtures: exceptions must carry their weight and go when stale."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.paths import MINI, THEMES
from wegwijzer.content.library import check_folder, load_library
from wegwijzer.content.models import RARELY_BEHAVIOURAL


def mini(tmp_path: Path) -> Path:
    folder = tmp_path / "thema's"
    shutil.copytree(MINI, folder)
    return folder


def codes(folder: Path) -> list[tuple[str, str, str]]:
    return [(p.code, p.path.rsplit("/", 1)[-1], p.field) for p in check_folder(folder)[1]]


def test_a_reasoned_exception_lets_the_statement_pass(tmp_path):
    folder = mini(tmp_path)
    first = folder / "001-eerste-thema.md"
    text = first.read_text().replace("  - Ik doe het tweede.", "  - Ik ken elk dossier dat naar B&W gaat.")
    first.write_text(text.replace("reflection_questions:", "statement_exceptions:\n  - statement: 2\n"
                                  "    reason: Kennen betekent hier dat je elk stuk vooraf leest.\nreflection_questions:"))
    assert codes(folder) == []


def test_an_exception_for_a_statement_that_needs_none_is_stale(tmp_path):
    folder = mini(tmp_path)
    first = folder / "001-eerste-thema.md"
    first.write_text(first.read_text().replace("reflection_questions:", "statement_exceptions:\n  - statement: 1\n"
                                               "    reason: Niet meer nodig.\nreflection_questions:"))
    assert codes(folder) == [("T017", "001-eerste-thema.md", "statement_exceptions.0.statement")]


def test_a_role_exception_where_the_main_role_follows_the_chapter_is_stale(tmp_path):
    folder = mini(tmp_path)
    structure = folder / "structuur.yaml"
    structure.write_text(structure.read_text().replace("{key: een, title", "{key: een, role: verbinder, title"))
    second = folder / "002-tweede-thema.md"
    second.write_text(second.read_text().replace("roles_reason:", "role_exception: Adviseren staat hier voorop.\nroles_reason:"))
    assert codes(folder) == []  # theme 2 (adviseur) in chapter een (verbinder) with its reason: fine
    first = folder / "001-eerste-thema.md"
    first.write_text(first.read_text().replace("roles_reason:", "role_exception: Zomaar.\nroles_reason:"))
    assert codes(folder) == [("T018", "001-eerste-thema.md", "role_exception")]


def test_the_book_content_keeps_exceptions_rare_and_chapters_tied_to_their_role():
    library = load_library(THEMES)
    statements = [s for t in library.themes for s in t.statements]
    excused = sum(len(t.statement_exceptions) for t in library.themes)
    assert excused <= 0.05 * len(statements)
    assert sum(bool(RARELY_BEHAVIOURAL.match(s)) for s in statements) == excused
    assert all(3 <= len(t.statements) <= 4 and 3 <= len(t.key_points) <= 6 for t in library.themes)
    tied = [c for c in library.structure.chapters if c.role]
    assert len(tied) == 10  # the six role chapters and the four chapters of "De persoon"
    exceptions = [t.number for t in library.themes if t.role_exception]
    assert exceptions == [57]
