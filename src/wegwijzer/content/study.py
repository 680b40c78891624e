"""The 2020 VGS/BZK study ("De gemeentesecretaris als evenwichtskunstenaar"): its figures and a comparison.

``load_research()`` reads ``inhoud/onderzoek-2020.yaml`` into frozen pydantic models, or raises
:class:`ResearchFileError` whose Dutch message names the file, line, field and a fix. The compare
functions are pure: they set a person's own points or choice beside the published figures and return
small result models with Dutch remarks for the interface. :data:`LIMITS` says what such a comparison
can and cannot show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from wegwijzer.config import PROJECT_ROOT
from wegwijzer.content.models import Key
from wegwijzer.content.yaml_lines import file_line, node_tree, syntax_error
from wegwijzer.errors import DataFileError

DEFAULT_PATH = PROJECT_ROOT / "inhoud" / "onderzoek-2020.yaml"
TOTAL_POINTS = 10
#: a difference of at least this many points from the published average gets a remark
NOTABLE = 1.5

Dimension = Literal["cultureel", "relationeel", "procedureel", "inhoudelijk"]
DIMENSIONS: tuple[Dimension, ...] = ("cultureel", "relationeel", "procedureel", "inhoudelijk")
ChoiceKind = Literal["perspective", "leadership", "repertoire"]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

#: the number of answer options per list, as the study has them
EXPECTED_COUNTS: dict[str, int] = {
    "perspectives": 5, "steering_forms": 7, "pillars": 8, "leadership_assignments": 4, "action_repertoires": 4,
}

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


class ResearchFileError(DataFileError):
    """The research file cannot be loaded; ``problems`` holds one Dutch line per problem."""

    def __init__(self, display: str, problems: list[str]):
        super().__init__(problems)
        self.display = display
        count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
        self.args = (f"Het onderzoeksbestand {display} kan niet worden geladen ({count}):\n" + "\n".join(problems),)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


# --- the data file ------------------------------------------------------------------------------


class Source(_Frozen):
    """Where the figures come from."""

    title: Text = Field(description="Title of the report, exactly.")
    subtitle: Text = Field(description="Subtitle of the report, exactly.")
    bureaus: tuple[Text, ...] = Field(min_length=1, description="The consultancies that carried out the study.")
    authors: tuple[Text, ...] = Field(min_length=1, description="Authors, each with their bureau.")
    commissioned_by: tuple[Text, ...] = Field(min_length=1, description="Who commissioned the study.")
    month: int = Field(ge=1, le=12, description="Month of publication, 1–12.")
    year: int = Field(ge=1990, le=2100, description="Year of publication.")
    attribution: Text = Field(description="The Dutch source line to show wherever a figure is shown.")
    page_note: Text = Field(description="How the page numbers in the 'where' fields were determined.")


class Sample(_Frozen):
    """What the study says about who took part, and plainly what it does not say."""

    respondents: int | None = Field(ge=1, description="Number of survey respondents; null when the report does not say.")
    response_rate_percent: float | None = Field(ge=0, le=100, description="Response rate in percent; null when unknown.")
    interviews: int | None = Field(ge=0, description="Number of interviews; null when the report does not say.")
    fieldwork_period: Text | None = Field(description="When survey and interviews took place; null when unknown.")
    who: Text = Field(description="Who was surveyed and interviewed, in our own words.")
    methods: tuple[Text, ...] = Field(min_length=1, description="The research methods, in our own words.")
    where: Text = Field(description="Where in the report the method is described.")
    not_known: tuple[Text, ...] = Field(default=(), description="What the report does not tell about the sample.")

    @model_validator(mode="after")
    def _unknowns_are_named(self) -> Sample:
        unknown = [n for n in ("respondents", "response_rate_percent", "interviews", "fieldwork_period")
                   if getattr(self, n) is None]
        if unknown and not self.not_known:
            raise ValueError(f"{', '.join(unknown)} onbekend (null), maar not_known is leeg"
                             " — noem in not_known in gewone taal wat het rapport niet vermeldt")
        return self


class Figure(_Frozen):
    """One answer option of the study with its published figure."""

    key: Key = Field(description="Stable identifier (lower case, digits and '-').")
    name: Text = Field(max_length=80, description="Name of the option as the study gives it.")
    description: Text = Field(max_length=300, description="One or two sentences in our own words.")
    value: float | None = Field(ge=0, description="The published figure (see the list's 'measure'); null when the study publishes none.")
    where: Text = Field(description="Section, figure and page of the report where the figure stands.")


class DimensionFigure(Figure):
    """An option that the study places in one of the four steering dimensions."""

    dimension: Dimension = Field(description="cultureel, relationeel, procedureel or inhoudelijk, as the study assigns it.")


class _Question(_Frozen):
    question: Text = Field(description="The question as the app asks it, in our own words.")
    note: Text | None = Field(None, description="What to know about these figures: what was asked, what is missing.")
    items: tuple[Figure, ...] = Field(description="The answer options, in the study's order of the figures.")

    @model_validator(mode="after")
    def _unique_keys(self) -> _Question:
        keys = [i.key for i in self.items]
        doubles = sorted({k for k in keys if keys.count(k) > 1})
        if doubles:
            raise ValueError(f"sleutel '{doubles[0]}' komt meer dan eens voor — geef elk onderdeel een eigen key")
        return self

    def keys(self) -> tuple[str, ...]:
        return tuple(i.key for i in self.items)

    def names(self) -> dict[str, str]:
        """Key -> name, for messages and labels."""
        return {i.key: i.name for i in self.items}

    def item(self, key: str) -> Figure:
        for i in self.items:
            if i.key == key:
                return i
        raise KeyError(key)

    def known_total(self) -> float:
        """Sum of the published figures (nulls left out)."""
        return sum(i.value for i in self.items if i.value is not None)

    def complete(self) -> bool:
        return all(i.value is not None for i in self.items)


class PointsQuestion(_Question):
    """A 'distribute 10 points' question; the study published the average number of points per option."""

    measure: Literal["gemiddelde_punten"] = Field(description="What the figures are: average points per option.")
    total_points: int = Field(TOTAL_POINTS, ge=1, description="How many points each respondent distributed.")

    @model_validator(mode="after")
    def _averages_sum_to_total(self) -> PointsQuestion:
        # each average is rounded to one decimal, so the sum may be off by at most 0.05 per option
        tolerance = 0.05 * len(self.items) + 1e-9
        total = self.known_total()
        if self.complete() and abs(total - self.total_points) > tolerance:
            raise ValueError(f"de gemiddelden tellen op tot {_fmt(total)} in plaats van ongeveer {self.total_points}"
                             f" — controleer of elk cijfer goed is overgenomen (door afronding mag het totaal"
                             f" hooguit {f'{tolerance:.2f}'.rstrip('0').replace('.', ',')} afwijken)")
        if total > self.total_points + tolerance:
            raise ValueError(f"de gemiddelden tellen nu al op tot {_fmt(total)}, meer dan {self.total_points}"
                             " — controleer de overgenomen cijfers")
        return self


class PillarQuestion(PointsQuestion):
    """The eight pillars of cooperation, each in a steering dimension."""

    items: tuple[DimensionFigure, ...] = Field(description="The pillars, each with its dimension.")


class ChoiceQuestion(_Question):
    """A 'which fits best' question; the study published the percentage of secretaries per option."""

    measure: Literal["percentage"] = Field(description="What the figures are: percentage of respondents per option.")
    selection: Literal["enkelvoudig", "onbekend"] = Field(
        description="'enkelvoudig' when each respondent chose one option; 'onbekend' when the report does not say.")

    def tolerance(self) -> float:
        # each percentage is rounded to a whole number, so the sum may be off by 0.5 per option
        return 0.5 * len(self.items) + 1e-9

    def unaccounted(self) -> float:
        """Percentage points the published options leave unexplained (0 when they add up to about 100)."""
        gap = 100 - self.known_total()
        return round(gap, 1) if self.complete() and gap > self.tolerance() else 0.0

    @model_validator(mode="after")
    def _percentages_fit(self) -> ChoiceQuestion:
        total = self.known_total()
        if any(i.value is not None and i.value > 100 for i in self.items):
            raise ValueError("een percentage is groter dan 100 — schrijf percentages als getal van 0 tot 100")
        if self.selection == "enkelvoudig" and total > 100 + self.tolerance():
            raise ValueError(f"de percentages tellen op tot {_fmt(total)}%, terwijl er één keuze was"
                             " — controleer de cijfers, of zet selection op 'onbekend' als meer keuzes mochten")
        if self.selection == "enkelvoudig" and self.complete() and total < 100 - self.tolerance():
            raise ValueError(f"de percentages tellen op tot {_fmt(total)}% in plaats van ongeveer 100%"
                             " — controleer de cijfers, of zet selection op 'onbekend' en leg het verschil uit in note")
        if self.unaccounted() and self.note is None:
            raise ValueError(f"de percentages tellen op tot {_fmt(total)}%, maar note legt het verschil niet uit"
                             " — schrijf in note wat het rapport over de rest zegt (of dat het er niets over zegt)")
        return self


class AssignmentQuestion(ChoiceQuestion):
    """The four leadership assignments, each tied to a leadership style and a dimension."""

    items: tuple[DimensionFigure, ...] = Field(description="The assignments, each with its dimension.")


class Research(_Frozen):
    """Everything the app uses from the 2020 study."""

    source: Source = Field(description="Title, bureaus, commissioners and date of the report.")
    sample: Sample = Field(description="What is and is not known about the respondents.")
    perspectives: ChoiceQuestion = Field(description="The four perspectives on government steering, plus a mix.")
    steering_forms: PointsQuestion = Field(description="The seven forms of steering (average of 10 points).")
    pillars: PillarQuestion = Field(description="The eight pillars of cooperation (average of 10 points).")
    leadership_assignments: AssignmentQuestion = Field(description="The four leadership assignments (percentages).")
    action_repertoires: ChoiceQuestion = Field(description="The four kinds of action repertoire (percentages).")

    @field_validator(*EXPECTED_COUNTS)
    @classmethod
    def _count(cls, value: _Question, info: ValidationInfo) -> _Question:
        expected = EXPECTED_COUNTS[str(info.field_name)]
        if len(value.items) != expected:
            raise ValueError(f"items bevat {len(value.items)} onderdelen in plaats van {expected}"
                             f" — het onderzoek kent er precies {expected}; herstel het ontbrekende of dubbele onderdeel")
        return value

    def choice_question(self, kind: ChoiceKind) -> ChoiceQuestion:
        """The list behind a choice: 'perspective', 'leadership' or 'repertoire'."""
        questions = {"perspective": self.perspectives, "leadership": self.leadership_assignments,
                     "repertoire": self.action_repertoires}
        if kind not in questions:
            raise ValueError(f"Onbekende soort keuze '{kind}'; kies uit: {', '.join(questions)}.")
        return questions[kind]


# --- loading, with Dutch errors -----------------------------------------------------------------


def load_research(path: Path | None = None) -> Research:
    """Read and validate the research file (default ``inhoud/onderzoek-2020.yaml``)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    display = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResearchFileError(display, [f"{display}:0: - — bestand niet leesbaar ({exc.__class__.__name__})"
                                          " — controleer of het bestand bestaat en als UTF-8-tekst is opgeslagen"]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        at, reason = syntax_error(exc)
        raise ResearchFileError(display, [f"{display}:{0 if at is None else at + 1}: - — YAML-fout: {reason}"
                                          " — controleer de inspringing en zet tekst met ': ' of '#' tussen aanhalingstekens"]) from None
    if not isinstance(data, dict):
        raise ResearchFileError(display, [f"{display}:1: - — het bestand is geen verzameling velden"
                                          " — begin met 'source:', 'sample:' en de lijsten, zoals in het origineel"])
    try:
        return Research.model_validate(data)
    except ValidationError as exc:
        tree = node_tree(text)
        raise ResearchFileError(display, [_describe(display, tree, err) for err in exc.errors()]) from None


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _describe(display: str, tree: Any, err: Mapping[str, Any]) -> str:
    """One pydantic error as ``file:line: field — what is wrong — how to fix it`` in Dutch."""
    loc = tuple(err["loc"])
    field = ".".join(str(p) for p in loc) or "-"
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "value_error":
        reason, _, fix = str(ctx.get("error", err["msg"])).partition(" — ")
        fix = fix or "corrigeer de waarde"
    elif kind == "missing":
        reason, fix = "verplicht veld ontbreekt", f"voeg '{loc[-1]}:' toe, zoals bij de andere onderdelen in het bestand"
    elif kind == "extra_forbidden":
        reason, fix = "onbekend veld", "verwijder het veld of corrigeer de spelling van de naam"
    elif kind == "literal_error":
        reason, fix = f"ongeldige waarde '{given}'", f"kies uit: {ctx.get('expected', '')}"
    elif kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        reason = f"'{given}' is geen geldig getal"
        fix = "schrijf een getal met een punt als decimaalteken (bijvoorbeeld 2.7), of null als het rapport geen cijfer geeft"
        if kind in ("int_parsing", "int_type", "int_from_float"):
            fix = "schrijf een heel getal, of null als het rapport het niet vermeldt"
    elif kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "minstens" if kind == "greater_than_equal" else "hoogstens"
        reason, fix = f"de waarde {given} is te {'klein' if word == 'minstens' else 'groot'}", f"de waarde moet {word} {bound} zijn"
    elif kind == "string_pattern_mismatch":
        reason, fix = f"ongeldige sleutel '{given}'", "gebruik kleine letters, cijfers en '-', beginnend met een letter"
    elif kind in ("string_too_short", "string_type"):
        reason, fix = "tekst ontbreekt of is leeg", "vul hier een tekst in"
    elif kind == "string_too_long":
        reason, fix = f"tekst te lang (hoogstens {ctx.get('max_length')} tekens)", "maak de tekst korter"
    elif kind in ("too_short", "too_long"):
        reason, fix = "verkeerd aantal items in de lijst", "vul de lijst aan of haal overbodige items weg"
    elif kind in ("tuple_type", "list_type"):
        reason, fix = "hier hoort een lijst", "schrijf elk item op een eigen regel die begint met '- '"
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        reason, fix = "hier horen velden", "schrijf de velden ingesprongen onder deze naam ('naam: waarde')"
    else:
        reason, fix = f"ongeldige waarde ({err['msg']})", "corrigeer de waarde"
    return f"{display}:{file_line(tree, loc)}: {field} — {reason} — {fix}"


# --- comparing a person's own answers -----------------------------------------------------------


class ItemComparison(_Frozen):
    """One option: the person's own points beside the published average."""

    key: str = Field(description="Key of the option (or of the dimension, for dimension totals).")
    name: str = Field(description="Name of the option as the study gives it.")
    own: int = Field(description="Points the person gave, 0–10.")
    published: float | None = Field(description="Published average points out of 10; None when the study gives none.")
    difference: float | None = Field(description="own − published, rounded to one decimal; None without a figure.")
    remark: str | None = Field(description="Short Dutch remark when the difference is notable (or the figure is missing).")
    dimension: Dimension | None = Field(None, description="The pillar's dimension; None for the forms of steering.")


class ChoiceComparison(_Frozen):
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
            problems.append(f"Bij {label} staat {_fmt(value)} punt; verdeel alleen hele punten.")
            value_problem = True
        elif value < 0:
            problems.append(f"Bij {label} staat {_fmt(value)}; een aantal punten kan niet negatief zijn.")
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
        remark = f"Opvallend veel: {_points(difference)} meer dan het gemiddelde van 2020 ({_fmt(published)})."
    elif difference <= -NOTABLE:
        remark = f"Opvallend weinig: {_points(-difference)} minder dan het gemiddelde van 2020 ({_fmt(published)})."
    return ItemComparison(key=key, name=name, own=own, published=published, difference=difference,
                          remark=remark, dimension=dimension)


def _fmt(number: float) -> str:
    """Dutch notation with at most one decimal: 2.7 -> '2,7', 3.0 -> '3'."""
    rounded = round(float(number), 1)
    text = f"{rounded:.0f}" if rounded.is_integer() else f"{rounded:.1f}"
    return text.replace(".", ",")


def _pct(number: float | None) -> str:
    return f"{_fmt(number or 0.0)}%"


def _word(count: int) -> str:
    """Small counts as Dutch words, as in running text ('de vier')."""
    words = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")
    return words[count] if 0 <= count < len(words) else str(count)


def _points(number: float) -> str:
    return f"{_fmt(number)} {'punt' if number == 1 else 'punten'}"
