"""The real content: 100 themes, exactly as the book numbers, titles and orders them."""

from __future__ import annotations

import csv
from dataclasses import FrozenInstanceError

import pytest
from pydantic import ValidationError

from tests.support.paths import FIXTURES, THEMES
from wegwijzer.content.library import check_folder, theme_filename
from wegwijzer.content.models import ROLE_KEYS


def book_titles() -> dict[int, tuple[str, str]]:
    """Number -> (title, chapter key), transcribed from the book's table of contents."""
    with open(FIXTURES / "book_titles.tsv", encoding="utf-8") as fh:
        return {int(r["number"]): (r["title"], r["chapter"]) for r in csv.DictReader(fh, delimiter="\t")}


def test_the_real_content_has_no_problems():
    library, problems = check_folder(THEMES)
    assert [p.format() for p in problems] == []
    assert library is not None


def test_there_are_100_themes_in_19_chapters_and_6_parts(library):
    assert [t.number for t in library.themes] == list(range(1, 101))
    assert len(library.structure.chapters) == 19
    assert [p.title for p in library.structure.parts] == [
        "De kern van het vak", "Andere onderdelen van het vak", "Verder van belang in het vak", "De persoon",
        "Bijzondere situaties", "Tot slot"]


def test_titles_and_chapters_are_exactly_the_books(library):
    expected = book_titles()
    assert len(expected) == 100
    for theme in library.themes:
        assert (theme.title, theme.chapter) == expected[theme.number], theme.number


def test_evident_typo_in_theme_76_is_fixed(library):
    assert library.theme(76).title == "Als de oorzaak in de organisatie ligt"


def test_chapters_one_to_three_map_onto_the_core_roles(library):
    for key, role in (("verbinder", "verbinder"), ("adviseur", "adviseur"), ("directeur", "directeur")):
        for theme in library.themes_in_chapter(key):
            assert getattr(theme.roles, role) == 1.0, theme.number


def test_every_role_is_carried_by_several_themes(library):
    for role in ROLE_KEYS:
        assert sum(1 for t in library.themes if getattr(t.roles, role) > 0) >= 5, role


def test_file_names_follow_number_and_title(library):
    names = {p.name for p in THEMES.glob("[0-9]*.md")}
    assert names == {theme_filename(t.number, t.title) for t in library.themes}


def test_quick_scan_covers_every_chapter_and_role_in_about_20_to_25_themes(library):
    chosen = [library.theme(n) for n in library.structure.quick_scan]
    assert 20 <= len(chosen) <= 25
    assert {t.chapter for t in chosen} == set(library.chapters)
    for role in ROLE_KEYS:
        assert any(getattr(t.roles, role) > 0 for t in chosen), role


def test_related_themes_are_mostly_reciprocal_or_at_least_valid(library):
    for theme in library.themes:
        assert theme.number not in theme.related
        assert all(1 <= n <= 100 for n in theme.related)
    # the issue's own example: the two themes about regional cooperation point at each other
    assert 78 in library.theme(36).related or 36 in library.theme(78).related


def test_situational_themes_include_the_special_situations(library):
    situational = {t.number for t in library.themes if t.situational}
    for number in (31, 84, 88, 94, 97):  # crisis, elections, herindeling, samenvoeging, SSC
        assert number in situational
    assert 1 not in situational and 17 not in situational


def test_statements_and_questions_have_the_promised_shape(library):
    for theme in library.themes:
        assert 2 <= len(theme.statements) <= 4
        assert 2 <= len(theme.reflection_questions) <= 3
        assert 3 <= len(theme.key_points) <= 7
        for q in theme.reflection_questions:
            first = q.split()[0].lower()
            assert first not in {"ben", "heb", "is", "kun", "doe", "zijn", "wil"}, (theme.number, q)


def test_loaded_content_is_immutable(library):
    theme = library.theme(1)
    with pytest.raises(ValidationError):
        theme.title = "Iets anders"
    with pytest.raises(FrozenInstanceError):
        library.themes = ()
    with pytest.raises(TypeError):
        library.by_number[1] = theme  # type: ignore[index]
