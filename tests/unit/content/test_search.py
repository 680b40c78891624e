"""Library filters and session scopes."""

from __future__ import annotations

import pytest

from wegwijzer.content.search import filter_themes, words
from wegwijzer.domain.scopes import ScopeError, chapters_in_session, resolve_scope


def test_search_is_accent_and_case_insensitive_and_needs_all_words(library):
    found = [t.number for t in filter_themes(library, query="FINANCIEN portefeuillehouder")]
    assert 14 in found
    assert all("financ" in (t.title + t.summary + t.body + " ".join(t.key_points)).lower()
               for t in filter_themes(library, query="financien"))


def test_filters_by_part_chapter_and_role(library):
    assert [t.number for t in filter_themes(library, chapter="dienstverlening")] == [28, 29]
    assert {t.number for t in filter_themes(library, part="tot-slot")} == {98, 99, 100}
    crisis = filter_themes(library, role="crisisleider")
    assert crisis[0].roles.crisisleider == max(t.roles.crisisleider for t in crisis)


def test_scopes_resolve_to_book_ordered_numbers(library):
    assert resolve_scope(library, "alle") == list(range(1, 101))
    assert resolve_scope(library, "hoofdstuk", "crisis") == [30, 31, 32, 33]
    assert resolve_scope(library, "deel", "kern") == list(range(1, 28))
    assert resolve_scope(library, "eigen", selection=[40, 3, 3]) == [3, 40]
    assert len(resolve_scope(library, "quickscan")) == 24


@pytest.mark.parametrize("kind,key,selection", [("deel", "nope", None), ("hoofdstuk", "", None), ("eigen", "", []),
                                                ("eigen", "", [101])])
def test_bad_scopes_are_refused_in_dutch(library, kind, key, selection):
    with pytest.raises(ScopeError):
        resolve_scope(library, kind, key, selection)


def test_chapters_in_session_are_the_questionnaire_steps(library):
    assert chapters_in_session(library, [5, 30, 31, 99]) == ["verbinder", "crisis", "aanstaande-secretaris"]


def test_search_matches_whole_words_so_or_finds_the_works_council_not_every_organisation(library):
    found = {t.number for t in filter_themes(library, query="OR")}
    assert 0 < len(found) < 30  # before: all 100 themes ("or" is in "organisatie")
    assert found == {t.number for t in filter_themes(library, query="ondernemingsraad")} | {
        t.number for t in library.themes if "or" in words(" ".join([t.title, t.summary, t.body, *t.key_points,
                                                                         *t.statements, *t.reflection_questions]))}


def test_longer_words_also_find_longer_compounds_and_abbreviations_work_both_ways(library):
    assert {t.number for t in filter_themes(library, query="begroting")} >= {
        t.number for t in filter_themes(library, query="begrotingscyclus")}
    assert {t.number for t in filter_themes(library, query="b&w")} == {t.number for t in filter_themes(library, query="B&W")}
    assert filter_themes(library, query="B&W")  # the book's BenW is written B&W
    assert not filter_themes(library, query="xq")
