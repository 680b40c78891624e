"""Spiegel: the disclosure rule, the aggregates, and an independent check that no rater can be singled out."""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wegwijzer.domain.mirror import (
    CATEGORIES,
    GROUP_LABELS,
    MIN_GROUP,
    OVERIG,
    TOTAAL,
    RaterResponse,
    aggregate,
    anonymous_comments,
    shown_groups,
)


def people(prefix: str, n: int) -> frozenset[str]:
    return frozenset(f"{prefix}{i}" for i in range(1, n + 1))


def sizes(shown: dict[str, frozenset[str]]) -> dict[str, int]:
    return {group: len(raters) for group, raters in shown.items()}


# ---------------------------------------------------------------------------------------------------------
# An independent leak checker. A shown figure is a linear functional of the answers x[rater, theme]: a mean
# with a known n gives the sum. Answers can be singled out when some combination of the functionals is
# nonzero on the answers of only 1 or 2 raters.
# ---------------------------------------------------------------------------------------------------------

Vector = dict[tuple[str, int], Fraction]


def indicator(raters, theme: int) -> Vector:
    return {(r, theme): Fraction(1) for r in raters}


def signed_combination_leaks(vectors: list[Vector]) -> bool:
    """Brute force over coefficients -1, 0, 1 (the brief's check; ≤ 6 vectors per cell)."""
    assert len(vectors) <= 7
    for coefficients in itertools.product((-1, 0, 1), repeat=len(vectors)):
        if next((c for c in coefficients if c), -1) < 0:
            continue  # all zero, or the mirror image of a combination already tried
        combination: defaultdict[tuple[str, int], Fraction] = defaultdict(Fraction)
        for c, vector in zip(coefficients, vectors, strict=True):
            for key, value in vector.items():
                combination[key] += c * value
        support = {rater for (rater, _), value in combination.items() if value != 0}
        if 1 <= len(support) <= 2:
            return True
    return False


def _rref(rows: list[list[Fraction]], width: int) -> tuple[list[list[Fraction]], list[int]]:
    m = [list(r) for r in rows]
    pivots: list[int] = []
    top = 0
    for col in range(width):
        pivot = next((k for k in range(top, len(m)) if m[k][col] != 0), None)
        if pivot is None:
            continue
        m[top], m[pivot] = m[pivot], m[top]
        lead = m[top][col]
        m[top] = [x / lead for x in m[top]]
        for k in range(len(m)):
            if k != top and m[k][col] != 0:
                factor = m[k][col]
                m[k] = [a - factor * b for a, b in zip(m[k], m[top], strict=True)]
        pivots.append(col)
        top += 1
        if top == len(m):
            break
    return m[:top], pivots


def exact_leaks(vectors: list[Vector]) -> set[frozenset[str]]:
    """Every set of 1–2 raters on whose answers alone some real combination of the vectors is nonzero.

    Such a combination exists iff the kernel of the figure matrix, restricted to those raters' answers,
    has rank below the number of those answers (exact, in fractions).
    """
    columns = sorted({key for v in vectors for key in v})
    if not columns:
        return set()
    index = {key: i for i, key in enumerate(columns)}
    rows = []
    for v in vectors:
        row = [Fraction(0)] * len(columns)
        for key, value in v.items():
            row[index[key]] = value
        rows.append(row)
    reduced, pivots = _rref(rows, len(columns))
    kernel = []
    for free in (j for j in range(len(columns)) if j not in pivots):
        k = [Fraction(0)] * len(columns)
        k[free] = Fraction(1)
        for row, p in zip(reduced, pivots, strict=True):
            k[p] = -row[free]
        kernel.append(k)
    raters = sorted({r for r, _ in columns})
    found = set()
    for size in (1, 2):
        for group in itertools.combinations(raters, size):
            cols = [index[key] for key in columns if key[0] in group]
            restricted = [[k[c] for c in cols] for k in kernel]
            rank = len(_rref(restricted, len(cols))[0]) if restricted else 0
            if rank < len(cols):
                found.add(frozenset(group))
    return found


def test_the_checkers_catch_a_known_leak():
    # college 3, directieteam 3, medewerker 1, all three groups plus totaal: 7·T − 3·C − 3·D = the medewerker
    c, d, m = people("c", 3), people("d", 3), people("m", 1)
    unsafe = [indicator(c, 1), indicator(d, 1), indicator(c | d | m, 1)]
    assert signed_combination_leaks(unsafe)
    assert exact_leaks(unsafe) >= {frozenset({"m1"})}
    # a role figure over themes 1 and 2 using all college ratings, where only c1 and c2 rated theme 2:
    # (role sum) − (college sum on theme 1) = c1 + c2 on theme 2
    naive_role = indicator(c, 1) | indicator({"c1", "c2"}, 2)
    assert signed_combination_leaks([indicator(c, 1), naive_role])
    assert frozenset({"c1", "c2"}) in exact_leaks([indicator(c, 1), naive_role])
    # and they stay quiet on a safe family
    safe = [indicator(c, 1), indicator(d | m, 1), indicator(c | d | m, 1)]
    assert not signed_combination_leaks(safe)
    assert exact_leaks(safe) == set()


# ---------------------------------------------------------------------------------------------------------
# shown_groups, pinned by hand
# ---------------------------------------------------------------------------------------------------------


def test_three_three_one_merges_the_later_of_two_equal_groups_into_overig():
    # Remainder {m1} has 1 rater: totaal − college − directieteam would be m1. The smallest shown
    # category (3 = 3, tie → the later one, directieteam) joins overig: 3 + 1 = 4. Totaal 3 + 3 + 1 = 7.
    shown = shown_groups({"college": people("c", 3), "directieteam": people("d", 3), "medewerkers": people("m", 1),
                          "extern": frozenset()})
    assert sizes(shown) == {"college": 3, OVERIG: 4, TOTAAL: 7}
    assert shown[OVERIG] == people("d", 3) | {"m1"}


def test_the_smallest_shown_category_is_merged():
    # college 5, directieteam 3, medewerkers 2: remainder 2 → directieteam (3 < 5) joins: overig 3 + 2 = 5
    shown = shown_groups({"college": people("c", 5), "directieteam": people("d", 3), "medewerkers": people("m", 2)})
    assert sizes(shown) == {"college": 5, OVERIG: 5, TOTAAL: 10}


def test_one_category_only_is_shown_with_an_identical_totaal():
    # 5 college raters: college and totaal are the same 5 people; showing both reveals nothing extra
    shown = shown_groups({"college": people("c", 5)})
    assert sizes(shown) == {"college": 5, TOTAAL: 5}
    assert shown["college"] == shown[TOTAAL]


def test_small_groups_pool_into_overig():
    # 2 + 2 + 2: no category reaches 3; overig = 6 = totaal
    shown = shown_groups({"college": people("c", 2), "directieteam": people("d", 2), "extern": people("e", 2)})
    assert sizes(shown) == {OVERIG: 6, TOTAAL: 6}


def test_a_lone_shown_category_with_a_small_remainder_is_merged_away():
    # college 3, directieteam 2: remainder 2 → college joins it: overig 3 + 2 = 5 = totaal
    shown = shown_groups({"college": people("c", 3), "directieteam": people("d", 2)})
    assert sizes(shown) == {OVERIG: 5, TOTAAL: 5}


def test_a_remainder_of_three_is_shown_without_merging():
    # 3 + 3 + 2 + 1: remainder 2 + 1 = 3 → overig shown as is; totaal 9
    shown = shown_groups({"college": people("c", 3), "directieteam": people("d", 3), "medewerkers": people("m", 2),
                          "extern": people("e", 1)})
    assert sizes(shown) == {"college": 3, "directieteam": 3, OVERIG: 3, TOTAAL: 9}


def test_no_remainder_shows_every_category_and_totaal():
    shown = shown_groups({"college": people("c", 4), "directieteam": people("d", 3)})
    assert sizes(shown) == {"college": 4, "directieteam": 3, TOTAAL: 7}


def test_fewer_than_three_raters_show_nothing():
    assert shown_groups({"college": people("c", 1), "extern": people("e", 1)}) == {}
    assert shown_groups({}) == {}


def test_shown_groups_rejects_bad_input_in_dutch():
    with pytest.raises(ValueError, match="Onbekende beoordelaarsgroep 'raad'"):
        shown_groups({"raad": people("r", 3)})
    with pytest.raises(ValueError, match="precies één groep"):
        shown_groups({"college": people("x", 3), "extern": people("x", 1)})


# ---------------------------------------------------------------------------------------------------------
# aggregate, pinned by hand
# ---------------------------------------------------------------------------------------------------------

# theme:            1     2     3
RATINGS = {
    ("c1", "college"): (4, 3, 4),
    ("c2", "college"): (5, 4, 4),
    ("c3", "college"): (3, None, 5),
    ("d1", "directieteam"): (2, 2, 3),
    ("d2", "directieteam"): (3, 3, 2),
    ("d3", "directieteam"): (2, 4, 3),
    ("m1", "medewerkers"): (None, 5, 4),
}
SELF = {1: 5, 2: 2, 3: 4}
WEIGHTS = {1: {"verbinder": 1.0}, 2: {"verbinder": 0.5, "adviseur": 1.0}, 3: {"adviseur": 0.5}}


def pinned_responses() -> list[RaterResponse]:
    return [RaterResponse(rater, category, dict(zip((1, 2, 3), scores, strict=True)), {})
            for (rater, category), scores in RATINGS.items()]


def figures(cell) -> dict[str, tuple]:
    return {g.group: (g.mean, g.n, g.themes) for g in cell.groups}


def test_theme_cells_by_hand():
    result = aggregate(SELF, pinned_responses(), (1, 2, 3), WEIGHTS)
    assert result.raters == 7
    # theme 1: college 4+5+3 = 12/3 = 4.0; DT 2+3+2 = 7/3 = 2.33 → 2.3; m1 skipped, remainder empty;
    #          totaal 19/6 = 3.17 → 3.2
    assert figures(result.theme(1)) == {"college": (4.0, 3, 1), "directieteam": (2.3, 3, 1), TOTAAL: (3.2, 6, 1)}
    # theme 2: c3 skipped, so college has 2 → overig {c1, c2, m1} = 3+4+5 = 12/3 = 4.0; DT 2+3+4 = 3.0;
    #          totaal 21/6 = 3.5
    assert figures(result.theme(2)) == {"directieteam": (3.0, 3, 1), OVERIG: (4.0, 3, 1), TOTAAL: (3.5, 6, 1)}
    # theme 3: college 3, DT 3, m1 → DT (tie, later) joins m1: overig 3+2+3+4 = 12/4 = 3.0;
    #          college 4+4+5 = 13/3 = 4.33 → 4.3; totaal 25/7 = 3.57 → 3.6
    assert figures(result.theme(3)) == {"college": (4.3, 3, 1), OVERIG: (3.0, 4, 1), TOTAAL: (3.6, 7, 1)}
    assert [t.self_score for t in result.themes] == [5, 2, 4]
    assert result.theme(2).figure(TOTAAL).label == "Alle beoordelaars"


def test_role_cells_by_hand_use_only_themes_where_the_group_is_shown():
    result = aggregate(SELF, pinned_responses(), (1, 2, 3), WEIGHTS)
    assert [r.role for r in result.roles] == ["verbinder", "adviseur"]
    verbinder = result.role("verbinder")  # theme 1 (weight 1), theme 2 (weight 0.5)
    assert (verbinder.self_score, verbinder.self_themes) == (4.0, 2)  # (5 + 0.5·2) / 1.5 = 4.0
    assert figures(verbinder) == {
        # college only from theme 1: adding c1 and c2 on theme 2 would let theme 1 be subtracted
        "college": (4.0, 3, 1),
        "directieteam": (2.6, 3, 2),  # (7/3 + 0.5·3) / 1.5 = 23/9 = 2.56 → 2.6
        OVERIG: (4.0, 3, 1),  # theme 2 only
        TOTAAL: (3.3, 7, 2),  # (19/6 + 0.5·7/2) / 1.5 = 59/18 = 3.28 → 3.3; raters c1-3, d1-3, m1
    }
    adviseur = result.role("adviseur")  # theme 2 (weight 1), theme 3 (weight 0.5)
    assert (adviseur.self_score, adviseur.self_themes) == (2.7, 2)  # (2 + 0.5·4) / 1.5 = 8/3 = 2.67 → 2.7
    assert figures(adviseur) == {
        "college": (4.3, 3, 1),  # theme 3 only: 13/3
        "directieteam": (3.0, 3, 1),  # theme 2 only
        OVERIG: (3.7, 6, 2),  # (4 + 0.5·3) / 1.5 = 11/3 = 3.67 → 3.7; {c1, c2, m1} ∪ {d1, d2, d3, m1}
        TOTAAL: (3.5, 7, 2),  # (7/2 + 0.5·25/7) / 1.5 = 74/21 = 3.52 → 3.5
    }


def test_blind_spots_and_hidden_strengths_by_hand():
    result = aggregate(SELF, pinned_responses(), (1, 2, 3), WEIGHTS)
    # theme 1: 5 − 3.2 = 1.8 (blind spot); theme 2: 3.5 − 2 = 1.5 (hidden strength); theme 3: 4 − 3.6 = 0.4
    assert [(g.theme, g.self_score, g.others, g.group, g.size) for g in result.blind_spots] == [(1, 5, 3.2, TOTAAL, 1.8)]
    assert [(g.theme, g.size) for g in result.hidden_strengths] == [(2, 1.5)]


def test_gaps_are_sorted_by_size_and_a_gap_of_exactly_one_counts():
    responses = [RaterResponse(f"r{i}", "college", {1: 3, 2: 2, 3: 3}, {}) for i in range(3)]
    result = aggregate({1: 4, 2: 5, 3: 5}, responses, (1, 2, 3), {})
    # gaps 4 − 3 = 1.0, 5 − 2 = 3.0, 5 − 3 = 2.0 → sizes 3.0, 2.0, 1.0
    assert [(g.theme, g.size) for g in result.blind_spots] == [(2, 3.0), (3, 2.0), (1, 1.0)]
    assert result.hidden_strengths == ()
    assert result.roles == ()


def test_means_round_half_up():
    # 2 + 2 + 2 + 3 = 9 / 4 = 2.25 → 2.3 (banker's rounding would give 2.2)
    responses = [RaterResponse(f"r{i}", "extern", {1: s}, {}) for i, s in enumerate((2, 2, 2, 3))]
    assert aggregate({}, responses, (1,), {}).theme(1).figure("extern").mean == 2.3


def test_ratings_outside_the_round_and_unanswered_themes_are_ignored():
    responses = [RaterResponse(f"r{i}", "college", {1: 4, 9: 1}, {}) for i in range(3)]
    result = aggregate({}, responses, (1, 2), {})
    assert figures(result.theme(1)) == {"college": (4.0, 3, 1), TOTAAL: (4.0, 3, 1)}
    assert result.theme(2).groups == ()
    assert [t.theme for t in result.themes] == [1, 2]


def test_role_weights_from_the_content_fit(mini):
    # mini content: theme 1 = verbinder 1.0, adviseur 0.5, directeur 0.5, persoon 0.2; theme 2 = adviseur 1.0,
    # persoon 0.5. Adviseur for college: (0.5·4 + 1.0·2) / 1.5 = 8/3 = 2.67 → 2.7
    weights = {t.number: dict(t.roles.items()) for t in mini.themes}
    responses = [RaterResponse(f"r{i}", "college", {1: 4, 2: 2}, {}) for i in range(3)]
    result = aggregate({1: 3}, responses, (1, 2), weights)
    assert [r.role for r in result.roles] == ["verbinder", "adviseur", "directeur", "persoon"]
    assert result.role("adviseur").figure("college").mean == 2.7
    assert result.role("adviseur").self_score == 3.0  # only theme 1 self-scored


def test_bad_input_gives_dutch_errors():
    with pytest.raises(ValueError, match="Onbekende beoordelaarsgroep 'buren'"):
        RaterResponse("r1", "buren", {}, {})
    with pytest.raises(ValueError, match="Ongeldige score 6 bij thema 1 in veld 'ratings'"):
        RaterResponse("r1", "college", {1: 6}, {})
    with pytest.raises(ValueError, match="Ongeldige score True"):
        RaterResponse("r1", "college", {1: True}, {})
    with pytest.raises(ValueError, match="meer dan eens"):
        aggregate({}, [RaterResponse("r1", "college", {}, {})] * 2, (1,), {})
    with pytest.raises(ValueError, match="self_answers"):
        aggregate({1: 0}, [], (1,), {})


# ---------------------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------------------

THEMES = (1, 2, 3)
ROLES = ("verbinder", "adviseur", "directeur")
RATING = st.one_of(st.none(), st.integers(1, 5))
RATER = st.tuples(st.sampled_from(tuple(CATEGORIES)), st.fixed_dictionaries({t: RATING for t in THEMES}))
ROUND = st.lists(RATER, max_size=12)
ROLE_WEIGHTS = st.fixed_dictionaries(
    {t: st.dictionaries(st.sampled_from(ROLES), st.sampled_from((0.3, 0.5, 1.0)), min_size=1) for t in THEMES})
SELF_ANSWERS = st.fixed_dictionaries({t: RATING for t in THEMES})
PARTITION = st.fixed_dictionaries({c: st.integers(0, 6) for c in CATEGORIES})


def build(raters) -> list[RaterResponse]:
    # ids that cannot be mistaken for anything else in a result
    return [RaterResponse(f"rater-{i:02d}-qz", category, ratings, {}) for i, (category, ratings) in enumerate(raters)]


def half_up(value: Fraction) -> float:
    return float((Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def theme_cell_sets(responses: list[RaterResponse], cell) -> dict[str, frozenset[str]]:
    """Who each shown group of a theme cell consists of, reconstructed from the meaning of the groups."""
    usable = [r for r in responses if r.ratings.get(cell.theme) is not None]
    alone = {g.group for g in cell.groups if g.group in CATEGORIES}
    sets = {}
    for figure in cell.groups:
        if figure.group == TOTAAL:
            members = usable
        elif figure.group == OVERIG:
            members = [r for r in usable if r.category not in alone]
        else:
            members = [r for r in usable if r.category == figure.group]
        sets[figure.group] = frozenset(r.rater for r in members)
    return sets


def published_vectors(responses, weights, result) -> tuple[dict[int, list[Vector]], dict[str, list[Vector]]]:
    """Check every figure against its definition and return it as a functional, per theme and per role cell."""
    by_rater = {r.rater: r for r in responses}
    themes, roles = {}, {}
    sets = {}
    for cell in result.themes:
        sets[cell.theme] = theme_cell_sets(responses, cell)
        themes[cell.theme] = []
        for figure in cell.groups:
            members = sets[cell.theme][figure.group]
            assert figure.n == len(members) >= MIN_GROUP  # (1) every theme figure rests on ≥ 3 raters
            exact = Fraction(sum(by_rater[r].ratings[cell.theme] for r in members), len(members))
            assert figure.mean == half_up(exact)
            themes[cell.theme].append(indicator(members, cell.theme))
    for role in result.roles:
        roles[role.role] = []
        for figure in role.groups:
            used = [t for t in THEMES if weights[t].get(role.role) and figure.group in sets[t]]
            assert figure.themes == len(used) >= 1
            members = frozenset().union(*(sets[t][figure.group] for t in used))
            assert figure.n == len(members) >= MIN_GROUP  # (1) every role figure rests on ≥ 3 raters
            vector: Vector = {}
            numerator = Fraction(0)
            for t in used:
                w, group = Fraction(str(weights[t][role.role])), sets[t][figure.group]
                mean = Fraction(sum(by_rater[r].ratings[t] for r in group), len(group))
                numerator += w * mean
                vector |= {(r, t): w / len(group) for r in group}
            assert figure.mean == half_up(numerator / sum(Fraction(str(weights[t][role.role])) for t in used))
            roles[role.role].append(vector)
    return themes, roles


@settings(max_examples=500, deadline=None)
@given(PARTITION)
def test_shown_groups_is_safe_and_shows_as_much_as_it_may(counts):
    rater_sets = {c: people(f"{c}-", n) for c, n in counts.items()}
    shown = shown_groups(rater_sets)
    everyone = frozenset().union(*rater_sets.values())
    assert all(len(raters) >= MIN_GROUP for raters in shown.values())
    assert not signed_combination_leaks([indicator(raters, 1) for raters in shown.values()])
    assert (TOTAAL in shown) == (len(everyone) >= MIN_GROUP)  # totaal whenever it may be
    if TOTAAL in shown:  # every rater counts in a shown group other than totaal, or is in a category shown alone
        assert frozenset().union(*(v for g, v in shown.items() if g != TOTAAL)) == everyone
    big = [c for c, n in counts.items() if n >= MIN_GROUP]
    remainder = sum(n for n in counts.values() if n < MIN_GROUP)
    merged = [c for c in big if c not in shown]
    assert len(merged) == (1 if 0 < remainder < MIN_GROUP and big else 0)  # at most one category gives way


@settings(max_examples=500, deadline=None)
@given(ROUND, ROLE_WEIGHTS, SELF_ANSWERS)
def test_no_rater_can_be_singled_out_per_cell(raters, weights, self_answers):
    responses = build(raters)
    result = aggregate(self_answers, responses, THEMES, weights)
    themes, roles = published_vectors(responses, weights, result)
    for vectors in [*themes.values(), *roles.values()]:  # (2) per theme cell and per role cell
        assert not signed_combination_leaks(vectors)


@settings(max_examples=500, deadline=None)
@given(ROUND, ROLE_WEIGHTS, SELF_ANSWERS)
def test_no_rater_can_be_singled_out_across_all_figures(raters, weights, self_answers):
    responses = build(raters)
    result = aggregate(self_answers, responses, THEMES, weights)
    themes, roles = published_vectors(responses, weights, result)
    everything = [v for vectors in [*themes.values(), *roles.values()] for v in vectors]
    assert exact_leaks(everything) == set()  # (2) any combination, any coefficients, over all cells at once


def walk(value):
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from walk(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from walk(item)
    else:
        assert value is None or isinstance(value, str | int | float), type(value)
        yield value


@settings(max_examples=500, deadline=None)
@given(ROUND, ROLE_WEIGHTS, SELF_ANSWERS)
def test_the_result_holds_no_rater_ids(raters, weights, self_answers):
    responses = build(raters)
    result = aggregate(self_answers, responses, THEMES, weights)
    texts = {v for v in walk(result) if isinstance(v, str)}
    assert texts <= set(GROUP_LABELS) | set(GROUP_LABELS.values()) | set(ROLES)  # (3)
    assert not any("rater-" in t for t in texts)


# ---------------------------------------------------------------------------------------------------------
# Comments
# ---------------------------------------------------------------------------------------------------------

COMMENTS = {
    "id-aa": ("college", {1: "  Helder in het college.  ", 2: "Anders thema"}),
    "id-bb": ("directieteam", {1: "Stuurt strak op afspraken."}),
    "id-cc": ("medewerkers", {1: "   "}),
    "id-dd": ("extern", {1: "Goed bereikbaar."}),
    "id-ee": ("medewerkers", {1: "Zichtbaar in de organisatie."}),
    "id-ff": ("college", {1: "Soms te voorzichtig."}),
    "id-gg": ("extern", {1: "Denkt mee in de regio."}),
    "id-hh": ("directieteam", {}),
}
EXPECTED = ["Denkt mee in de regio.", "Goed bereikbaar.", "Helder in het college.", "Soms te voorzichtig.",
            "Stuurt strak op afspraken.", "Zichtbaar in de organisatie."]


def comment_responses() -> list[RaterResponse]:
    return [RaterResponse(rater, category, {}, texts) for rater, (category, texts) in COMMENTS.items()]


def test_comments_are_all_there_stripped_without_empty_ones_or_ids():
    comments = anonymous_comments(comment_responses(), 1, seed=7)
    assert sorted(comments) == EXPECTED  # 6 of 8 raters wrote something usable on theme 1
    assert not any("id-" in c for c in comments)
    assert anonymous_comments(comment_responses(), 2, seed=7) == ["Anders thema"]
    assert anonymous_comments(comment_responses(), 3, seed=7) == []


def test_comment_order_is_stable_per_seed_and_changes_with_it():
    responses = comment_responses()
    first = anonymous_comments(responses, 1, seed=7)
    assert anonymous_comments(responses, 1, seed=7) == first
    assert anonymous_comments(list(reversed(responses)), 1, seed=7) == first  # order of answering does not matter
    orders = {tuple(anonymous_comments(responses, 1, seed=s)) for s in range(10)}
    assert len(orders) > 1


def test_comment_order_hides_the_order_of_answering():
    # with a fixed seed, any permutation of the responses gives the same list
    responses = comment_responses()
    reference = anonymous_comments(responses, 1, seed="ronde-12")
    for shift in range(1, len(responses)):
        assert anonymous_comments(responses[shift:] + responses[:shift], 1, seed="ronde-12") == reference
