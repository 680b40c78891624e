"""Spiegel (360° feedback): which group figures may be shown, and the figures themselves. Pure logic.

The secretary rates the round's themes on the 1–5 scale; raters in four categories rate the same themes or
answer "kan ik niet beoordelen" (``None``), and may comment per theme. Nobody sees one rater's answers:
only group means over at least ``MIN_GROUP`` raters, chosen so that no rater's answers follow from the shown
figures by subtraction. The app computes results only for a *closed* round; while answers still come in,
comparing the figures at two moments would reveal the newest answer whatever rule is used per moment.

**The rule per cell** (one theme; the raters with a usable rating on it), ``shown_groups``:

1. a category with at least 3 raters is shown on its own;
2. the other categories together form "overig"; if that remainder has 1 or 2 raters while a category is shown on
   its own, "totaal" minus the shown categories would give exactly those raters, so the smallest shown
   category (on a tie: the later one in ``CATEGORIES``) is merged into "overig", which then has 4 or more;
3. "overig" is shown when it has at least 3 raters, "totaal" (everyone) when it has at least 3.

Example: college 3, directieteam 3, medewerkers 1 → college 3, overig 4 (directieteam and the medewerker),
totaal 7. Showing college, directieteam and totaal instead would give the medewerker's score as
7 × totaal − 3 × college − 3 × directieteam.

Why this is safe: afterwards the shown categories and "overig" (when not empty) partition the cell's raters
into blocks of at least 3, all of them shown, and "totaal" is their union. Any combination of the shown sums,
with any coefficients, therefore counts every rater of a block alike: it involves no rater or at least 3.
Whenever the cell has 3 raters or more, "totaal" is shown, so every usable rating counts somewhere.

**Roles.** Applying the rule to a role cell of its own is not enough: if the three college raters all
answer theme A but one of them skips theme B, a role figure over A and B minus the college figure of A gives
the sum of the other two raters' scores on B. So a group's role figure is built only from the theme cells where that
group is shown: the weighted mean (theme weights for the role) of the group's theme means there. Every role
figure is then a fixed combination of shown theme figures and adds no information; and since different
themes concern different answers, any combination of all shown figures splits into one combination per
theme, each of which involves no rater or at least 3.

What no threshold prevents: a mean of exactly 1.0 or 5.0 tells that everyone in that group gave that score;
and since the secretary sees who responded (to send reminders), the numbers of raters per figure can show
that someone in a small category chose "kan ik niet beoordelen" on a theme — never what anyone scored. The
rater's introduction says so. Nor can any rule stop a secretary who answers their own links.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from wegwijzer.content.models import ROLE_KEYS

MIN_GROUP = 3
BLIND_SPOT_MIN = 1.0  # self − others at least this much: a blind spot
HIDDEN_STRENGTH_MIN = 1.0  # others − self at least this much: a hidden strength

CATEGORIES: dict[str, str] = {
    "college": "College van B&W",
    "directieteam": "Directieteam",
    "medewerkers": "Medewerkers en OR",
    "extern": "Externe partners",
}
OVERIG = "overig"
TOTAAL = "totaal"
GROUP_LABELS: dict[str, str] = {**CATEGORIES, OVERIG: "Overig", TOTAAL: "Alle beoordelaars"}
GROUPS: tuple[str, ...] = tuple(GROUP_LABELS)  # display order

_CHOICES = "college, directieteam, medewerkers of extern"


def _check_score(value: object, theme: object, field: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValueError(
            f"Ongeldige score {value!r} bij thema {theme} in veld '{field}'. Geef een heel getal van 1 tot en met 5, "
            "of None voor 'kan ik niet beoordelen'."
        )


def _check_theme_key(theme: object, field: str) -> None:
    if isinstance(theme, bool) or not isinstance(theme, int):
        raise ValueError(f"Themanummer {theme!r} in veld '{field}' is geen heel getal. Gebruik het nummer van het thema.")


@dataclass(frozen=True)
class RaterResponse:
    """One rater's answers in a round. ``rater`` is an opaque id; it never leaves this module."""

    rater: str
    category: str
    ratings: Mapping[int, int | None]  # theme -> 1–5, or None for "kan ik niet beoordelen"
    comments: Mapping[int, str]  # theme -> free text

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"Onbekende beoordelaarsgroep {self.category!r} in veld 'category'. Kies uit {_CHOICES}.")
        for theme, value in self.ratings.items():
            _check_theme_key(theme, "ratings")
            _check_score(value, theme, "ratings")
        for theme, text in self.comments.items():
            _check_theme_key(theme, "comments")
            if not isinstance(text, str):
                raise ValueError(f"De toelichting bij thema {theme} in veld 'comments' is geen tekst.")


@dataclass(frozen=True)
class GroupFigure:
    """One shown figure: a group's mean (1 decimal) and the number of raters it rests on."""

    group: str  # a key of GROUP_LABELS
    label: str
    mean: float
    n: int  # distinct raters
    themes: int = 1  # themes the figure rests on (1 for a theme cell)


@dataclass(frozen=True)
class ThemeMirror:
    theme: int
    self_score: int | None
    groups: tuple[GroupFigure, ...]

    def figure(self, group: str) -> GroupFigure | None:
        return next((g for g in self.groups if g.group == group), None)


@dataclass(frozen=True)
class RoleMirror:
    role: str
    self_score: float | None  # weighted mean of the self scores, 1 decimal
    self_themes: int
    groups: tuple[GroupFigure, ...]

    def figure(self, group: str) -> GroupFigure | None:
        return next((g for g in self.groups if g.group == group), None)


@dataclass(frozen=True)
class Gap:
    """A theme where self and others differ by at least the threshold; ``size`` is the absolute gap."""

    theme: int
    self_score: int
    others: float
    group: str  # the group used as "others"
    size: float


@dataclass(frozen=True)
class MirrorResult:
    """Aggregates only: no rater id, no single rater's answer."""

    raters: int  # responses in the round
    themes: tuple[ThemeMirror, ...]
    roles: tuple[RoleMirror, ...]
    blind_spots: tuple[Gap, ...]  # self well above others, largest first
    hidden_strengths: tuple[Gap, ...]  # others well above self, largest first

    def theme(self, number: int) -> ThemeMirror:
        return next(t for t in self.themes if t.theme == number)

    def role(self, key: str) -> RoleMirror:
        return next(r for r in self.roles if r.role == key)


def _round1(value: Fraction) -> float:
    """Round half up to one decimal (2.25 → 2.3), exactly."""
    return math.floor(value * 10 + Fraction(1, 2)) / 10


def shown_groups(rater_sets: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """For one cell: the groups to show (category keys, "overig", "totaal") with their raters.

    ``rater_sets`` gives per category the raters with a usable rating in the cell; see the module docstring
    for the rule. College 3, directieteam 3, medewerkers 1 → {college: 3, overig: 4, totaal: 7}.
    """
    sets = {c: frozenset() for c in CATEGORIES}
    seen: dict[str, str] = {}
    for category, raters in rater_sets.items():
        if category not in CATEGORIES:
            raise ValueError(f"Onbekende beoordelaarsgroep {category!r}. Kies uit {_CHOICES}.")
        for rater in raters:
            if rater in seen:
                raise ValueError(
                    f"Een beoordelaar staat zowel bij {seen[rater]!r} als bij {category!r}; "
                    "elke beoordelaar hoort bij precies één groep."
                )
            seen[rater] = category
        sets[category] = frozenset(raters)
    alone = [c for c in CATEGORIES if len(sets[c]) >= MIN_GROUP]
    rest = frozenset().union(*(sets[c] for c in CATEGORIES if c not in alone))
    if alone and 0 < len(rest) < MIN_GROUP:
        smallest = min(reversed(alone), key=lambda c: len(sets[c]))  # on a tie the later category goes
        alone.remove(smallest)
        rest |= sets[smallest]
    everyone = frozenset(seen)
    shown = {c: sets[c] for c in alone}
    if len(rest) >= MIN_GROUP:
        shown[OVERIG] = rest
    if len(everyone) >= MIN_GROUP:
        shown[TOTAAL] = everyone
    return shown


def _roles(themes: Sequence[int], role_weights: Mapping[int, Mapping[str, float]]) -> list[str]:
    present = {r for t in themes for r, w in role_weights.get(t, {}).items() if w > 0}
    known = [r for r in ROLE_KEYS if r in present]
    return known + sorted(present - set(known))


def _weighted_mean(pairs: Iterable[tuple[Fraction, Fraction]]) -> Fraction | None:
    """Weighted mean of (weight, value) pairs, as in ``scoring.role_profile``; None without weight."""
    pairs = list(pairs)
    total = sum((w for w, _ in pairs), Fraction(0))
    return sum((w * v for w, v in pairs), Fraction(0)) / total if total else None


def _gaps(themes: Sequence[ThemeMirror]) -> tuple[list[Gap], list[Gap]]:
    blind, hidden = [], []
    for cell in themes:
        if cell.self_score is None or not cell.groups:
            continue
        others = cell.figure(TOTAAL) or max(cell.groups, key=lambda g: g.n)  # totaal, or the broadest group
        diff = round(cell.self_score - others.mean, 1)
        if diff >= BLIND_SPOT_MIN:
            blind.append(Gap(cell.theme, cell.self_score, others.mean, others.group, diff))
        elif -diff >= HIDDEN_STRENGTH_MIN:
            hidden.append(Gap(cell.theme, cell.self_score, others.mean, others.group, -diff))
    for gaps in (blind, hidden):
        gaps.sort(key=lambda g: (-g.size, g.theme))
    return blind, hidden


def aggregate(
    self_answers: Mapping[int, int | None],
    responses: Iterable[RaterResponse],
    themes: Iterable[int],
    role_weights: Mapping[int, Mapping[str, float]],
) -> MirrorResult:
    """Self against the shown groups per theme and per role, with blind spots and hidden strengths.

    ``themes`` are the round's themes in display order; ratings on other themes are ignored.
    ``role_weights`` maps theme -> role -> weight (as ``Theme.roles`` in the content).
    """
    responses = tuple(responses)
    if len({r.rater for r in responses}) != len(responses):
        raise ValueError("Dezelfde beoordelaar komt meer dan eens voor; bewaar per beoordelaar één antwoord per ronde.")
    for theme, value in self_answers.items():
        _check_theme_key(theme, "self_answers")
        _check_score(value, theme, "self_answers")
    order = list(dict.fromkeys(themes))

    cells: dict[int, dict[str, tuple[frozenset[str], Fraction]]] = {}
    theme_results = []
    for theme in order:
        usable = {r.rater: r.ratings[theme] for r in responses if r.ratings.get(theme) is not None}
        sets = {c: frozenset(r.rater for r in responses if r.category == c and r.rater in usable) for c in CATEGORIES}
        cell = {g: (raters, Fraction(sum(usable[x] for x in raters), len(raters))) for g, raters in shown_groups(sets).items()}
        cells[theme] = cell
        figures = tuple(GroupFigure(g, GROUP_LABELS[g], _round1(mean), len(raters)) for g, (raters, mean) in cell.items())
        theme_results.append(ThemeMirror(theme, self_answers.get(theme), figures))

    role_results = []
    for role in _roles(order, role_weights):
        weights = {t: Fraction(str(w)) for t in order if (w := role_weights.get(t, {}).get(role, 0)) > 0}
        own = [(w, Fraction(self_answers[t])) for t, w in weights.items() if self_answers.get(t) is not None]
        self_mean = _weighted_mean(own)
        figures = []
        for group in GROUPS:
            used = [t for t in weights if group in cells[t]]  # only themes where this group is shown
            if not used:
                continue
            mean = _weighted_mean((weights[t], cells[t][group][1]) for t in used)
            raters = frozenset().union(*(cells[t][group][0] for t in used))
            figures.append(GroupFigure(group, GROUP_LABELS[group], _round1(mean), len(raters), len(used)))  # type: ignore[arg-type]
        role_results.append(
            RoleMirror(role, None if self_mean is None else _round1(self_mean), len(own), tuple(figures))
        )

    blind, hidden = _gaps(theme_results)
    return MirrorResult(len(responses), tuple(theme_results), tuple(role_results), tuple(blind), tuple(hidden))


def anonymous_comments(responses: Iterable[RaterResponse], theme: int, seed: int | str) -> list[str]:
    """The comments on one theme, stripped, empty ones dropped, without rater or category.

    They are sorted first and then shuffled with ``random.Random(seed)``, so the order depends only on the
    texts and the seed (the app passes one seed per round), never on who answered or when.
    """
    texts = sorted(text for r in responses if (text := r.comments.get(theme, "").strip()))
    random.Random(seed).shuffle(texts)
    return texts
