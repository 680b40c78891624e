"""Functieprofielen: what a municipality looks for, as weights on roles and themes.

A profile gives weights 1–3 to some roles and some themes, each with a one-line reason. Two example
profiles ship as YAML files in ``inhoud/functieprofielen/``; a person can make their own in the app
(stored as JSON and read back with :func:`profile_from_dict`, which validates the same way). How a
result fits a profile is a rule of ``domain/fit.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationError, model_validator

from wegwijzer.config import PROJECT_ROOT
from wegwijzer.content.datafile import FrozenModel, dotted, dutch_error, read_yaml
from wegwijzer.content.library import Library
from wegwijzer.content.models import ROLE_KEYS, RoleKey
from wegwijzer.errors import DataFileError

PROFILE_SUFFIXES = (".yaml", ".yml")

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


class ProfileWeight(FrozenModel):
    """How much a profile asks of one role or theme, and why."""

    weight: int = Field(ge=1, le=3, description="1 = telt mee, 2 = belangrijk, 3 = zeer belangrijk.")
    reason: str = Field("", max_length=300, description="One line: what the municipality wants and why it lands here.")


class FunctionProfile(FrozenModel):
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


def _message(label: str, err: Mapping[str, Any]) -> str:
    """One Dutch line for one pydantic error: ``label: field — what is wrong — how to fix it``."""
    loc = tuple(err["loc"])
    kind = err["type"]
    field = dotted(loc)
    if "no_weight" in str(err.get("msg", "")):
        return (f"{label}: roles/themes — het profiel geeft geen enkel gewicht — "
                "geef minstens één rol of één thema een gewicht van 1 tot 3")
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
    what, fix = dutch_error(err, hints=_HINTS)
    return f"{label}: {field} — {what} — {fix}"


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
        _text, data = read_yaml(path, lambda line: label, ProfileError)
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


@functools.lru_cache(maxsize=1)
def shared_profiles() -> tuple[FunctionProfile, ...]:
    """The example profiles of ``inhoud/functieprofielen``, read and validated once per process."""
    return tuple(load_profiles())
