"""A person's own answers beside the 2020 study's figures: points per option and the share of the same choice.

The compare functions are pure: they return small result models with Dutch remarks for the interface.
:data:`LIMITS` says what such a comparison can and cannot show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import Field

from wegwijzer.content.datafile import FrozenModel
from wegwijzer.content.study import DIMENSIONS, TOTAL_POINTS, ChoiceKind, Dimension, PointsQuestion, Research
from wegwijzer.text import number, percent

#: a difference of at least this many points from the published average gets a remark
NOTABLE = 1.5

LIMITS = (
    "Deze vergelijking zet jouw eigen inschatting naast wat gemeentesecretarissen in 2020 over hun organisatie en "
    "zichzelf opgaven: aan beide kanten gaat het om zelfrapportage, niet om een meting. "
    "Het rapport vermeldt niet hoeveel secretarissen de enquête invulden of hoe hoog de respons was, dus hoe goed de "
    "cijfers alle gemeenten weerspiegelen, weten we niet. "
    "Een gemiddelde verbergt de spreiding: achter 2,7 punten kan een groep zitten die het oneens was, en wie afwijkt "
    "van het gemiddelde, kan toch veel collega's aan zijn zijde hebben. "
    "Sinds 2020 zijn er bovendien verkiezingen, crises en reorganisaties geweest die het beeld veranderd kunnen hebben. "
    "De cijfers zijn geen norm en geen maatstaf voor goed of slecht; jouw gemeente heeft haar eigen opgaven, omvang en "
    "geschiedenis, dus gebruik een verschil als aanleiding voor een gesprek en niet als conclusie."
)


class ItemComparison(FrozenModel):
    """One option: the person's own points beside the published average."""

    key: str = Field(description="Key of the option (or of the dimension, for dimension totals).")
    name: str = Field(description="Name of the option as the study gives it.")
    own: int = Field(description="Points the person gave, 0–10.")
    published: float | None = Field(description="Published average points out of 10; None when the study gives none.")
    difference: float | None = Field(description="own − published, rounded to one decimal; None without a figure.")
    remark: str | None = Field(description="Short Dutch remark when the difference is notable (or the figure is missing).")
    dimension: Dimension | None = Field(None, description="The pillar's dimension; None for the forms of steering.")


class ChoiceComparison(FrozenModel):
    """The person's choice beside the share of secretaries in the study who chose the same."""

    kind: ChoiceKind = Field(description="Which list: perspective, leadership or repertoire.")
    key: str = Field(description="Key of the chosen option.")
    name: str = Field(description="Name of the chosen option as the study gives it.")
    percentage: float | None = Field(description="Share of secretaries in the study with the same answer; None when unpublished.")
    rank: int | None = Field(description="Place of this option among the published ones, 1 = chosen most (ties share a place).")
    options: int = Field(description="How many options have a published percentage.")
    tied: bool = Field(description="True when another option has exactly the same percentage.")
    most_chosen: str = Field(description="Name of the option chosen most often in the study.")
    remark: str = Field(description="Dutch sentence(s) for the interface, including any caveat about the figures.")


def validate_points(points: Mapping[str, Any], keys: Iterable[str], names: Mapping[str, str] | None = None,
                    total: int = TOTAL_POINTS) -> list[str]:
    """Dutch problems with a distribution of points: unknown key, not a whole number, negative, total not 10.

    Missing keys count as 0. ``names`` (key -> name) makes the messages friendlier; the total is only
    checked when every value itself is valid, so the person gets one clear message at a time.
    """
    keys = tuple(keys)
    names = names or {}
    problems: list[str] = []
    valid_total, value_problem = 0, False
    for key, value in points.items():
        label = names.get(key, key)
        if key not in keys:
            choices = ", ".join(names.get(k, k) for k in keys)
            problems.append(f"Onbekend onderdeel '{key}'; kies uit: {choices}.")
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"Bij {label} staat geen getal ('{value}'); vul een heel aantal punten in.")
            value_problem = True
        elif not float(value).is_integer():
            problems.append(f"Bij {label} staat {number(value, trim=True)} punt; verdeel alleen hele punten.")
            value_problem = True
        elif value < 0:
            problems.append(f"Bij {label} staat {number(value, trim=True)}; een aantal punten kan niet negatief zijn.")
            value_problem = True
        else:
            valid_total += int(value)
    if not value_problem and valid_total != total:
        if valid_total < total:
            problems.append(f"Je hebt {valid_total} van de {total} punten verdeeld; verdeel er nog {total - valid_total}.")
        else:
            over = valid_total - total
            problems.append(f"Je hebt {valid_total} punten verdeeld, {over} te veel; haal er {over} weg zodat het totaal {total} is.")
    return problems


def compare_steering(research: Research, points: Mapping[str, int]) -> list[ItemComparison]:
    """Own points per form of steering beside the published average, in the study's order.

    The study asked how dominant each form is in the respondent's organisation and published the mean of
    the 10 points. We set one person's allocation beside that mean; a difference of ``NOTABLE`` points or
    more gets a remark. That threshold is a reading aid, not a statistical test: the study gives no spread.
    Raises ``ValueError`` (Dutch) when the points are not a valid distribution of 10.
    """
    return _compare_points(research.steering_forms, points)


def compare_pillars(research: Research, points: Mapping[str, int]) -> list[ItemComparison]:
    """Own points per pillar of cooperation beside the published average, in the study's order.

    The study measured the pillars exactly as the forms of steering: each secretary distributed 10 points
    over what matters most for cooperation with partners, and the report gives the mean per pillar (not a
    percentage or a ranking). So the same direct comparison is defensible, with the same caveats.
    """
    return _compare_points(research.pillars, points)


def compare_pillar_dimensions(research: Research, points: Mapping[str, int]) -> list[ItemComparison]:
    """Own points per dimension (two pillars each) beside the sum of the two published averages.

    The report groups the pillars in four dimensions but prints no dimension totals. Because the mean of
    a sum equals the sum of the means, adding the two published averages gives the average points per
    dimension exactly (up to rounding), so this comparison needs no assumption beyond the report's own.
    """
    question = research.pillars
    _require_valid(question, points)
    result = []
    for dim in DIMENSIONS:
        members = [i for i in question.items if i.dimension == dim]
        own = sum(int(points.get(i.key, 0)) for i in members)
        values = [i.value for i in members]
        published = round(sum(values), 1) if all(v is not None for v in values) else None
        result.append(_item_comparison(dim, dim.capitalize(), own, published, dim))
    return result


def compare_choice(research: Research, kind: ChoiceKind, key: str) -> ChoiceComparison:
    """The share of secretaries in the study who gave the same answer, and where that answer ranks.

    ``kind`` is 'perspective', 'leadership' (the leadership assignment) or 'repertoire' (the action
    repertoire). When the published percentages do not add up to 100, the remark says so.
    """
    question = research.choice_question(kind)
    if key not in question.keys():
        raise ValueError(f"Onbekende keuze '{key}'; kies uit: {', '.join(question.keys())}.")
    chosen = question.item(key)
    known = [i for i in question.items if i.value is not None]
    top = max(known, key=lambda i: i.value or 0.0) if known else chosen
    top_text = f"{top.name} ({_pct(top.value)})" if top.value is not None else top.name
    if chosen.value is None:
        return ChoiceComparison(kind=kind, key=key, name=chosen.name, percentage=None, rank=None, options=len(known),
                                tied=False, most_chosen=top.name,
                                remark="Het onderzoek publiceerde voor dit antwoord geen percentage; vergelijken kan hier niet.")
    rank = 1 + sum(1 for i in known if (i.value or 0.0) > chosen.value)
    tied = any(i.value == chosen.value and i.key != key for i in known)
    remark = f"In het onderzoek van 2020 gaf {_pct(chosen.value)} van de gemeentesecretarissen hetzelfde antwoord als jij."
    if rank == 1 and not tied:
        remark += f" Dat was het vaakst gekozen antwoord van de {_word(len(known))}."
    elif rank == len(known) and not tied:
        remark += f" Dat was het minst gekozen antwoord van de {_word(len(known))}; het vaakst gekozen werd {top_text}."
    else:
        shared = " (gedeeld)" if tied else ""
        remark += f" Daarmee staat het op plaats {rank}{shared} van de {_word(len(known))}"
        remark += "." if rank == 1 else f"; het vaakst gekozen werd {top_text}."
    gap = question.unaccounted()
    if gap:
        remark += (f" Let op: de {_word(len(known))} gepubliceerde percentages samen komen op {_pct(question.known_total())};"
                   f" wat de overige {_pct(gap)} antwoordde, staat niet in het rapport.")
    return ChoiceComparison(kind=kind, key=key, name=chosen.name, percentage=chosen.value, rank=rank, options=len(known),
                            tied=tied, most_chosen=top.name, remark=remark)


def _require_valid(question: PointsQuestion, points: Mapping[str, Any]) -> None:
    problems = validate_points(points, question.keys(), question.names(), question.total_points)
    if problems:
        raise ValueError(" ".join(problems))


def _compare_points(question: PointsQuestion, points: Mapping[str, Any]) -> list[ItemComparison]:
    _require_valid(question, points)
    return [_item_comparison(i.key, i.name, int(points.get(i.key, 0)), i.value, getattr(i, "dimension", None))
            for i in question.items]


def _item_comparison(key: str, name: str, own: int, published: float | None, dimension: Any) -> ItemComparison:
    if published is None:
        return ItemComparison(key=key, name=name, own=own, published=None, difference=None, dimension=dimension,
                              remark="Het onderzoek publiceerde hiervoor geen gemiddelde.")
    difference = round(own - published, 1)
    remark = None
    if difference >= NOTABLE:
        remark = f"Opvallend veel: {_points(difference)} meer dan het gemiddelde van 2020 ({number(published, trim=True)})."
    elif difference <= -NOTABLE:
        remark = f"Opvallend weinig: {_points(-difference)} minder dan het gemiddelde van 2020 ({number(published, trim=True)})."
    return ItemComparison(key=key, name=name, own=own, published=published, difference=difference,
                          remark=remark, dimension=dimension)


def _pct(value: float | None) -> str:
    return percent(value or 0.0, 1)


def _word(count: int) -> str:
    """Small counts as Dutch words, as in running text ('de vier')."""
    words = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")
    return words[count] if 0 <= count < len(words) else str(count)


def _points(amount: float) -> str:
    return f"{number(amount, trim=True)} {'punt' if amount == 1 else 'punten'}"
