"""The content model: pydantic schemas for theme files and the structure file.

The models are the documentation of the format: every field carries a description, unknown keys are
rejected (``extra="forbid"``) and closed sets are ``Literal`` types. Instances are frozen, so the
loaded content can be shared between app sessions without defensive copies.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from wegwijzer.content.datafile import FrozenModel

RoleKey = Literal["verbinder", "adviseur", "directeur", "boegbeeld", "crisisleider", "netwerker", "persoon"]
ROLE_KEYS: tuple[RoleKey, ...] = ("verbinder", "adviseur", "directeur", "boegbeeld", "crisisleider", "netwerker", "persoon")
CORE_ROLES: tuple[RoleKey, ...] = ("verbinder", "adviseur", "directeur")

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Weight = Annotated[float, Field(ge=0, le=1)]

FIRST_PERSON = re.compile(r"\b[Ii]k\b")
#: Openings that usually describe knowledge, a state or a one-off fact rather than behaviour (rule T017).
RARELY_BEHAVIOURAL = re.compile(r"^Ik (ken|weet|ben|heb|kan)\b", re.IGNORECASE)


class RoleWeights(FrozenModel):
    """How strongly a theme speaks to each role of the job, from 0 (not) to 1 (fully)."""

    verbinder: Weight = Field(0, description="Verbinder tussen college en organisatie.")
    adviseur: Weight = Field(0, description="Adviseur van het college.")
    directeur: Weight = Field(0, description="Algemeen directeur van de organisatie.")
    boegbeeld: Weight = Field(0, description="Boegbeeld van de dienstverlening.")
    crisisleider: Weight = Field(0, description="Leider in crisissituaties.")
    netwerker: Weight = Field(0, description="Drager van lokale en regionale samenwerking.")
    persoon: Weight = Field(0, description="De persoon: houding, vaardigheden en weerbaarheid.")

    @model_validator(mode="after")
    def _at_least_one(self) -> RoleWeights:
        if not any(weight > 0 for weight in self.__dict__.values()):
            raise ValueError("no_role")
        return self

    def items(self) -> list[tuple[RoleKey, float]]:
        """The roles with a weight above zero, in the fixed role order."""
        return [(k, getattr(self, k)) for k in ROLE_KEYS if getattr(self, k) > 0]

    def main_role(self) -> RoleKey:
        """The role with the highest weight (the first in role order on a tie)."""
        return max(self.items(), key=lambda kv: kv[1])[0]


class StatementException(FrozenModel):
    """Why one statement may open with a form that is rarely behavioural ("Ik ken", "Ik heb", …)."""

    statement: int = Field(ge=1, le=4, description="Number of the statement in `statements`, counting from 1.")
    reason: Text = Field(max_length=300, description="Why this opening still asks for observable behaviour here.")


class Theme(FrozenModel):
    """One of the 100 themes: the front matter of a file in ``thema's/`` plus its Markdown body."""

    number: int = Field(ge=1, le=100, description="The book's number of the theme, 1–100.")
    title: Text = Field(description="The book's title of the theme, exactly.")
    chapter: Key = Field(description="Key of the chapter in structure.yaml; the part follows from it.")
    roles: RoleWeights = Field(description="Weights 0–1 per role; at least one above zero.")
    roles_reason: Text = Field(max_length=300, description="One line: why these role weights.")
    summary: Text = Field(max_length=900, description="2–4 sentences: what the theme is about and why it matters.")
    key_points: tuple[Text, ...] = Field(min_length=3, max_length=6, description="3–6 key points: a synthesis of what the theme asks of a secretary, faithful to the book, in our own words.")
    statements: tuple[Text, ...] = Field(min_length=3, max_length=4, description="3–4 self-assessment statements in the first person ('Ik …', or '… doe ik …'), each one observable action.")
    statement_exceptions: tuple[StatementException, ...] = Field(default=(), max_length=4, description="Statements allowed to open with 'Ik ken/weet/ben/heb/kan', each with its reason (rule T017).")
    reflection_questions: tuple[Text, ...] = Field(min_length=2, max_length=3, description="2–3 open questions for reflection, coaching or intervision.")
    role_exception: Text | None = Field(None, max_length=300, description="Why the main role differs from its chapter's role (rule T018).")
    related: tuple[int, ...] = Field(default=(), max_length=8, description="Numbers of related themes.")
    situational: bool = Field(description="True when the theme only applies in some situations, so 'niet van toepassing' is a natural answer.")
    body: str = Field("", description="Optional longer explanation in Markdown (the text after the front matter).")

    @field_validator("statements")
    @classmethod
    def _statements_first_person(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for i, s in enumerate(value):
            if not FIRST_PERSON.search(s):
                raise ValueError(f"statement_start:{i}")
        return value

    @field_validator("reflection_questions")
    @classmethod
    def _questions_are_questions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for i, q in enumerate(value):
            if not q.endswith("?"):
                raise ValueError(f"question_mark:{i}")
        return value


class Role(FrozenModel):
    """A role of the job, as shown on the dashboard."""

    key: RoleKey = Field(description="Stable identifier used in theme files.")
    name: Text = Field(description="Full Dutch name, e.g. 'Adviseur van het college'.")
    short: Text = Field(max_length=20, description="Short Dutch label for chart axes.")
    description: Text = Field(max_length=300, description="One line describing the role.")
    core: bool = Field(description="True for the three core roles of the job.")


class Chapter(FrozenModel):
    """A chapter of the book: a contiguous range of theme numbers."""

    key: Key = Field(description="Stable identifier used in theme files.")
    title: Text = Field(description="The book's chapter title.")
    first: int = Field(ge=1, le=100, description="Number of the chapter's first theme.")
    last: int = Field(ge=1, le=100, description="Number of the chapter's last theme.")
    intro: Text = Field(max_length=600, description="Short introduction in our own words.")
    role: RoleKey | None = Field(None, description="The main role of every theme in this chapter, where the book ties the chapter to one role (rule T018).")

    @property
    def numbers(self) -> range:
        return range(self.first, self.last + 1)


class Part(FrozenModel):
    """A part (deel) of the book, grouping chapters."""

    key: Key = Field(description="Stable identifier.")
    title: Text = Field(description="The book's part title.")
    intro: Text = Field(max_length=600, description="Short introduction in our own words.")
    chapters: tuple[Chapter, ...] = Field(min_length=1, description="The chapters of this part, in the book's order.")


class Structure(FrozenModel):
    """The file ``thema's/structuur.yaml``: parts, chapters, roles and the quick scan."""

    theme_count: int = Field(ge=1, le=100, description="How many themes the content holds (100 for the book).")
    roles: tuple[Role, ...] = Field(description="The roles, in display order.")
    parts: tuple[Part, ...] = Field(min_length=1, description="The parts, in the book's order.")
    quick_scan: tuple[int, ...] = Field(description="Theme numbers of the quick scan, covering every chapter and role.")
    quick_scan_reason: Text = Field(description="Why these themes make up the quick scan.")

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        return tuple(c for p in self.parts for c in p.chapters)
