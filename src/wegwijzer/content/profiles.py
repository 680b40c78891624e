"""Functieprofielen: what a municipality looks for, as weights on roles and themes, and a result's fit.

A profile gives weights 1–3 to some roles and some themes, each with a one-line reason. Two example
profiles ship as YAML files in ``inhoud/functieprofielen/``; a person can make their own in the app
(stored as JSON and read back with :func:`profile_from_dict`, which validates the same way).

The fit of a result against a profile is reflection material, not an assessment (see ``DISCLAIMER``).
All functions are pure; none of them touches the database or the interface.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from wegwijzer.config import PROJECT_ROOT
from wegwijzer.content.library import Library
from wegwijzer.content.models import CORE_ROLES, ROLE_KEYS, RoleKey
from wegwijzer.content.yaml_lines import syntax_error
from wegwijzer.domain.records import Answer
from wegwijzer.domain.scoring import role_profile
from wegwijzer.errors import DataFileError

PROFILE_SUFFIXES = (".yaml", ".yml")
STRENGTH_MIN = 4  # mastery 4 or 5 is a strong point for the profile
ATTENTION_MAX = 3  # mastery 3 or lower is a point of attention
MAX_MASTERY = 5

DISCLAIMER = (
    "Deze vergelijking helpt je nadenken over een functie en je voorbereiden op een sollicitatie; het is geen "
    "beoordeling of geschiktheidstest, en er komt geen oordeel uit over jou als kandidaat. Het profiel is onze "
    "eigen lezing van een openbaar document van de gemeente, geen tekst of standpunt van die gemeente."
)

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ThemeNumber = Annotated[int, Field(ge=1, le=100)]


class ProfileError(DataFileError):
    """A profile cannot be read; ``problems`` holds one Dutch line per problem: file, field, what, fix."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class ProfileWeight(_Frozen):
    """How much a profile asks of one role or theme, and why."""

    weight: int = Field(ge=1, le=3, description="1 = telt mee, 2 = belangrijk, 3 = zeer belangrijk.")
    reason: str = Field("", max_length=300, description="One line: what the municipality wants and why it lands here.")


class FunctionProfile(_Frozen):
    """A municipality's wanted profile: weights on roles and themes. Leave out what does not count."""

    key: Key = Field(description="Stable identifier; for a data file equal to the file name without '.yaml'.")
    name: Text = Field(max_length=150, description="Name shown in the app, e.g. 'Gemeentesecretaris Twenterand (houtskoolschets)'.")
    municipality: str = Field("", max_length=100, description="The municipality, if any.")
    source: str = Field("", max_length=1000, description="Which document (kind, year) the profile is our reading of.")
    description: Text = Field(max_length=1500, description="3–5 sentences in our own words: what the municipality looks for.")
    roles: dict[RoleKey, ProfileWeight] = Field(default_factory=dict, description="Weights 1–3 on the roles that matter.")
    themes: dict[ThemeNumber, ProfileWeight] = Field(default_factory=dict, description="Weights 1–3 on themes (numbers 1–100).")

    @model_validator(mode="after")
    def _at_least_one_weight(self) -> FunctionProfile:
        if not self.roles and not self.themes:
            raise ValueError("no_weight")
        return self


# --- reading --------------------------------------------------------------------------------------

_FIELDS = "key, name, municipality, source, description, roles, themes"
_HINTS = {
    "key": "gebruik kleine letters, cijfers en '-', bijvoorbeeld 'twenterand'",
    "name": "geef een korte naam, bijvoorbeeld 'Gemeentesecretaris Twenterand'",
    "municipality": "schrijf alleen de naam van de gemeente",
    "source": "noem kort het document, het jaar en dat het profiel onze lezing ervan is",
    "description": "beschrijf in 3 tot 5 zinnen wat de gemeente zoekt",
    "weight": "schrijf 1, 2 of 3; laat een rol of thema weg als het niet meetelt",
    "reason": "schrijf één korte regel (hoogstens 300 tekens)",
}


def _field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if p != "[key]") or "-"


_WHAT = {
    "greater_than_equal": "waarde te laag",
    "less_than_equal": "waarde te hoog",
    "int_parsing": "geen heel getal",
    "int_type": "geen heel getal",
    "int_from_float": "geen heel getal",
    "string_type": "geen tekst",
    "string_too_short": "leeg",
    "string_too_long": "te lang",
    "string_pattern_mismatch": "ongeldige sleutel",
}


def _message(label: str, err: Mapping[str, Any]) -> str:
    """One Dutch line for one pydantic error: ``label: field — what is wrong — how to fix it``."""
    loc = tuple(err["loc"])
    kind = err["type"]
    field = _field_name(loc)
    if "no_weight" in str(err.get("msg", "")):
        return (f"{label}: roles/themes — het profiel geeft geen enkel gewicht — "
                "geef minstens één rol of één thema een gewicht van 1 tot 3")
    if kind == "missing":
        return f"{label}: {field} — verplicht veld ontbreekt — voeg '{loc[-1]}:' toe"
    if kind == "extra_forbidden":
        allowed = "weight, reason" if len(loc) == 3 else _FIELDS
        return f"{label}: {field} — onbekend veld — verwijder het of corrigeer de spelling (toegestaan: {allowed})"
    if loc[-1:] == ("[key]",) and loc[0] == "roles":
        return f"{label}: {field} — onbekende rol — gebruik een van: {', '.join(ROLE_KEYS)}"
    if loc[-1:] == ("[key]",):
        return f"{label}: {field} — geen bestaand themanummer — gebruik een heel getal van 1 tot 100"
    if kind == "model_type":
        return f"{label}: {field} — gewicht zonder 'weight' en 'reason' — schrijf 'weight: 2' en 'reason: …' eronder"
    if kind == "dict_type":
        return f"{label}: {field} — geen lijst van sleutels — schrijf per rol of thema een sleutel met 'weight' en 'reason' eronder"
    what = _WHAT.get(kind, "ongeldige waarde")
    value = err.get("input")
    if isinstance(value, int | float) or (isinstance(value, str) and 0 < len(value) <= 40):
        what += f" ({value!r})"
    return f"{label}: {field} — {what} — {_HINTS.get(str(loc[-1]), 'corrigeer de waarde')}"


def _validate(data: Any, label: str) -> FunctionProfile:
    if not isinstance(data, Mapping):
        raise ProfileError([f"{label}: - — het profiel is geen lijst van velden — schrijf velden als 'naam: waarde' ({_FIELDS})"])
    try:
        return FunctionProfile.model_validate(dict(data))
    except ValidationError as exc:
        raise ProfileError([_message(label, e) for e in exc.errors()]) from None


def profile_from_dict(data: dict[str, Any], label: str = "eigen profiel") -> FunctionProfile:
    """Validate a profile made in the app (e.g. read back from JSON, where theme keys are strings).

    Raises :class:`ProfileError` with Dutch messages that start with ``label``.
    """
    return _validate(data, label)


def _missing_reasons(profile: FunctionProfile, label: str) -> list[str]:
    missing = [f"roles.{k}" for k, w in profile.roles.items() if not w.reason]
    missing += [f"themes.{n}" for n, w in profile.themes.items() if not w.reason]
    return [f"{label}: {m}.reason — reden ontbreekt — schrijf in één regel waarom dit gewicht bij deze gemeente past"
            for m in missing]


def _load_file(path: Path, label: str) -> tuple[FunctionProfile | None, list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"{label}: - — bestand niet leesbaar ({exc.__class__.__name__}) — sla het op als UTF-8-tekst"]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        at, _reason = syntax_error(exc)
        where = f" (regel {at + 1})" if at is not None else ""
        return None, [f"{label}: - — YAML-fout{where} — controleer de inspringing en zet tekst met ': ' tussen aanhalingstekens"]
    try:
        profile = _validate(data, label)
    except ProfileError as exc:
        return None, list(exc.problems)
    problems = _missing_reasons(profile, label)
    if profile.key != path.stem:
        problems.append(f"{label}: key — sleutel '{profile.key}' past niet bij de bestandsnaam — "
                        f"schrijf 'key: {path.stem}' of hernoem het bestand naar {profile.key}{path.suffix}")
    return (None if problems else profile), problems


def load_profiles(folder: Path | None = None) -> list[FunctionProfile]:
    """Read every ``*.yaml`` profile in ``folder`` (default ``inhoud/functieprofielen``), sorted by file name.

    Data files are stricter than profiles made in the app: every weight needs a reason, and ``key``
    must equal the file name. Raises :class:`ProfileError` listing the problems of all files.
    """
    folder = Path(folder) if folder is not None else PROJECT_ROOT / "inhoud" / "functieprofielen"
    if not folder.is_dir():
        raise ProfileError([f"{folder}: - — de map met functieprofielen bestaat niet — maak de map of geef de juiste map op"])
    profiles: list[FunctionProfile] = []
    problems: list[str] = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in PROFILE_SUFFIXES and p.is_file()):
        profile, found = _load_file(path, f"{folder.name}/{path.name}")
        problems += found
        if profile is not None:
            profiles.append(profile)
    if problems:
        raise ProfileError(problems)
    return profiles


def check_against_library(profile: FunctionProfile, library: Library) -> list[str]:
    """Problems (Dutch, one line each) with theme numbers that the content does not have."""
    count = library.structure.theme_count
    return [f"{profile.key}: themes.{n} — thema {n} bestaat niet in de inhoud — kies een themanummer van 1 tot {count}"
            for n in sorted(profile.themes) if n not in library.by_number]


# --- weights and fit ------------------------------------------------------------------------------


def theme_weights(profile: FunctionProfile, library: Library) -> dict[int, float]:
    """The effective weight of every theme of the library for this profile, 0 to 6.

    w(t) = d(t) + Σ_r p(r) · a(t, r) / Σ_r a(t, r)

    with d(t) the profile's own weight on theme t (0 when not named, else 1–3), p(r) the profile's
    weight on role r (0 when not named, else 1–3) and a(t, r) the theme's role weight from the content
    (0–1; every theme has at least one above zero). The role part is the mean of the profile's role
    weights, weighted by how strongly the theme speaks to each role, so it lies between 0 and 3 and a
    theme touching many roles does not outweigh the themes the profile names itself. Theme numbers of
    the profile that the library lacks are ignored (see :func:`check_against_library`).
    """
    weights: dict[int, float] = {}
    for theme in library.themes:
        pairs = theme.roles.items()
        spread = sum(a for _, a in pairs)
        role_part = sum((profile.roles[r].weight if r in profile.roles else 0) * a for r, a in pairs) / spread
        direct = profile.themes[theme.number].weight if theme.number in profile.themes else 0
        weights[theme.number] = round(direct + role_part, 6)
    return weights


@dataclass(frozen=True)
class RoleFit:
    role: RoleKey
    name: str
    weight: int  # the profile's weight on the role, 0 when it does not name it
    reason: str
    score: float | None  # the person's role score (scoring.role_profile), None without scored themes
    themes: int  # number of scored themes the score rests on


@dataclass(frozen=True)
class ThemeFit:
    number: int
    title: str
    weight: float  # effective weight, see theme_weights
    direct: int  # the profile's own weight on the theme, 0 when it does not name it
    reason: str  # the profile's reason for a direct weight, else ""
    mastery: int | None  # None when not answered or "niet van toepassing"
    not_applicable: bool

    @property
    def gap(self) -> int | None:
        """5 − mastery, None without a mastery score."""
        return None if self.mastery is None else MAX_MASTERY - self.mastery

    @property
    def priority(self) -> float | None:
        """weight × gap: the order of the points of attention."""
        return None if self.gap is None else round(self.weight * self.gap, 6)


@dataclass(frozen=True)
class ProfileFit:
    profile: FunctionProfile
    roles: tuple[RoleFit, ...]  # roles the profile weighs plus the three core roles, in role order
    top_themes: tuple[ThemeFit, ...]  # highest effective weight first
    strengths: tuple[ThemeFit, ...]  # mastery >= 4, highest weight first
    attention: tuple[ThemeFit, ...]  # mastery <= 3, highest weight × gap first
    unanswered: tuple[ThemeFit, ...]  # "nog niet ingevuld": no answer at all, highest weight first
    coverage: float  # share (0–1) of the total effective weight that rests on themes with a mastery score


def fit(profile: FunctionProfile, library: Library, answers: Mapping[int, Answer], limit: int = 10) -> ProfileFit:
    """A result against a profile: roles, the heaviest themes, strong points and points of attention.

    Only themes with an effective weight above zero count. Strengths have mastery 4–5 and are ordered by
    weight; points of attention have mastery 1–3 and are ordered by weight × (5 − mastery); themes
    without any answer are listed apart as "nog niet ingevuld" (by weight). A theme marked "niet van
    toepassing" appears in none of these three lists (only in ``top_themes``) and does not count as
    covered. Ties go to the higher weight, then book order. Each list holds at most ``limit`` themes.
    """
    weights = theme_weights(profile, library)

    def theme_fit(number: int) -> ThemeFit:
        answer = answers.get(number)
        own = profile.themes.get(number)
        return ThemeFit(
            number=number, title=library.theme(number).title, weight=weights[number],
            direct=own.weight if own else 0, reason=own.reason if own else "",
            mastery=answer.mastery if answer is not None and answer.is_scored else None,
            not_applicable=answer is not None and answer.not_applicable,
        )

    ranked = [theme_fit(n) for n in sorted(weights, key=lambda n: (-weights[n], n)) if weights[n] > 0]
    strong = [t for t in ranked if t.mastery is not None and t.mastery >= STRENGTH_MIN]
    weak = [t for t in ranked if t.mastery is not None and t.mastery <= ATTENTION_MAX]
    weak.sort(key=lambda t: (-(t.priority or 0), -t.weight, t.number))
    not_answered = [t for t in ranked if t.number not in answers or not answers[t.number].is_answered]

    total = sum(weights.values())
    covered = sum(t.weight for t in ranked if t.mastery is not None)

    answered = [n for n in answers if n in library.by_number]
    scores = {s.role: s for s in role_profile(library, answers, answered)}
    roles = tuple(
        RoleFit(r, library.roles[r].name, profile.roles[r].weight if r in profile.roles else 0,
                profile.roles[r].reason if r in profile.roles else "", scores[r].score, scores[r].themes)
        for r in ROLE_KEYS if r in profile.roles or r in CORE_ROLES
    )
    return ProfileFit(
        profile=profile, roles=roles, top_themes=tuple(ranked[:limit]), strengths=tuple(strong[:limit]),
        attention=tuple(weak[:limit]), unanswered=tuple(not_answered[:limit]),
        coverage=covered / total if total else 0.0,
    )
