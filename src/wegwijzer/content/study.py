"""The 2020 VGS/BZK study ("De gemeentesecretaris als evenwichtskunstenaar"): its published figures.

``load_research()`` reads ``inhoud/onderzoek-2020.yaml`` into frozen pydantic models, or raises
:class:`ResearchFileError` whose Dutch message names the file, line, field and a fix;
``shared_research()`` does so once per process. Setting a person's own answers beside the figures is
``domain/study.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from wegwijzer.config import PROJECT_ROOT
from wegwijzer.content.datafile import FrozenModel, dotted, dutch_error, read_yaml
from wegwijzer.content.models import Key
from wegwijzer.content.yaml_lines import file_line, node_tree
from wegwijzer.errors import DataFileError
from wegwijzer.text import number

DEFAULT_PATH = PROJECT_ROOT / "inhoud" / "onderzoek-2020.yaml"
TOTAL_POINTS = 10

Dimension = Literal["cultureel", "relationeel", "procedureel", "inhoudelijk"]
DIMENSIONS: tuple[Dimension, ...] = ("cultureel", "relationeel", "procedureel", "inhoudelijk")
ChoiceKind = Literal["perspective", "leadership", "repertoire"]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

#: the number of answer options per list, as the study has them
EXPECTED_COUNTS: dict[str, int] = {
    "perspectives": 5, "steering_forms": 7, "pillars": 8, "leadership_assignments": 4, "action_repertoires": 4,
}



class ResearchFileError(DataFileError):
    """The research file cannot be loaded; ``problems`` holds one Dutch line per problem."""

    def __init__(self, display: str, problems: list[str]):
        super().__init__(problems)
        self.display = display
        count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
        self.args = (f"Het onderzoeksbestand {display} kan niet worden geladen ({count}):\n" + "\n".join(problems),)


# --- the data file ------------------------------------------------------------------------------


class Source(FrozenModel):
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


class Sample(FrozenModel):
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


class Figure(FrozenModel):
    """One answer option of the study with its published figure."""

    key: Key = Field(description="Stable identifier (lower case, digits and '-').")
    name: Text = Field(max_length=80, description="Name of the option as the study gives it.")
    description: Text = Field(max_length=300, description="One or two sentences in our own words.")
    value: float | None = Field(ge=0, description="The published figure (see the list's 'measure'); null when the study publishes none.")
    where: Text = Field(description="Section, figure and page of the report where the figure stands.")


class DimensionFigure(Figure):
    """An option that the study places in one of the four steering dimensions."""

    dimension: Dimension = Field(description="cultureel, relationeel, procedureel or inhoudelijk, as the study assigns it.")


class _Question(FrozenModel):
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
            raise ValueError(f"de gemiddelden tellen op tot {number(total, trim=True)} in plaats van ongeveer {self.total_points}"
                             f" — controleer of elk cijfer goed is overgenomen (door afronding mag het totaal"
                             f" hooguit {f'{tolerance:.2f}'.rstrip('0').replace('.', ',')} afwijken)")
        if total > self.total_points + tolerance:
            raise ValueError(f"de gemiddelden tellen nu al op tot {number(total, trim=True)}, meer dan {self.total_points}"
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
            raise ValueError(f"de percentages tellen op tot {number(total, trim=True)}%, terwijl er één keuze was"
                             " — controleer de cijfers, of zet selection op 'onbekend' als meer keuzes mochten")
        if self.selection == "enkelvoudig" and self.complete() and total < 100 - self.tolerance():
            raise ValueError(f"de percentages tellen op tot {number(total, trim=True)}% in plaats van ongeveer 100%"
                             " — controleer de cijfers, of zet selection op 'onbekend' en leg het verschil uit in note")
        if self.unaccounted() and self.note is None:
            raise ValueError(f"de percentages tellen op tot {number(total, trim=True)}%, maar note legt het verschil niet uit"
                             " — schrijf in note wat het rapport over de rest zegt (of dat het er niets over zegt)")
        return self


class AssignmentQuestion(ChoiceQuestion):
    """The four leadership assignments, each tied to a leadership style and a dimension."""

    items: tuple[DimensionFigure, ...] = Field(description="The assignments, each with its dimension.")


class Research(FrozenModel):
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

    def fail(problems: list[str]) -> ResearchFileError:
        return ResearchFileError(display, problems)

    text, data = read_yaml(path, lambda line: f"{display}:{line}", fail)
    if not isinstance(data, dict):
        raise fail([f"{display}:1: - — het bestand is geen verzameling velden"
                    " — begin met 'source:', 'sample:' en de lijsten, zoals in het origineel"])
    try:
        return Research.model_validate(data)
    except ValidationError as exc:
        tree = node_tree(text)
        raise fail([_describe(display, tree, err) for err in exc.errors()]) from None


@functools.lru_cache(maxsize=1)
def shared_research() -> Research:
    """The study's figures, read and validated once per process."""
    return load_research(DEFAULT_PATH)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


_HINTS = {
    "value": "schrijf een getal met een punt als decimaalteken (bijvoorbeeld 2.7), of null als het rapport geen cijfer geeft",
    "respondents": "schrijf een heel getal, of null als het rapport het niet vermeldt",
    "interviews": "schrijf een heel getal, of null als het rapport het niet vermeldt",
}


def _describe(display: str, tree: Any, err: Mapping[str, Any]) -> str:
    """One pydantic error as ``file:line: field — what is wrong — how to fix it`` in Dutch."""
    loc = tuple(err["loc"])
    what, fix = dutch_error(err, hints=_HINTS)
    if err["type"] == "missing":
        fix += ", zoals bij de andere onderdelen in het bestand"
    return f"{display}:{file_line(tree, loc)}: {dotted(loc)} — {what} — {fix}"
