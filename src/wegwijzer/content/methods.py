"""Intervision methods as data.

``load_methods()`` reads ``inhoud/intervisiemethodes.yaml`` into frozen :class:`Method` models, or
raises :class:`MethodsError` with a Dutch message per problem (``file:line: field — what — fix``);
``shared_methods()`` does so once per process. Which method suits an agenda item is a rule of
``domain/agenda.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, StringConstraints, ValidationError, field_validator, model_validator

from wegwijzer.config import PROJECT_ROOT
from wegwijzer.content.datafile import FrozenModel, dotted, dutch_error, read_yaml, without_implied
from wegwijzer.content.models import ROLE_KEYS, Key, RoleKey
from wegwijzer.content.yaml_lines import file_line, node_tree
from wegwijzer.errors import DataFileError

Reason = Literal["verschil", "lastig"]
REASONS: tuple[Reason, ...] = ("verschil", "lastig")
Fit = Literal[Reason, RoleKey]

DEFAULT_PATH = PROJECT_ROOT / "inhoud" / "intervisiemethodes.yaml"

_DURATION = re.compile(r"^(\d{1,3})(?:\s*[–-]\s*(\d{1,3}))? minuten$")
_FIELDS = "key, name, summary, steps, duration, fits_when, fits"
_HINT = "zie de uitleg bovenaan inhoud/intervisiemethodes.yaml"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Method(FrozenModel):
    """One intervision method: what it is, its steps, and for which agenda items it fits."""

    key: Key = Field(description="Stable identifier: lower case letters, digits and '-'.")
    name: Text = Field(max_length=60, description="The Dutch name facilitators know it by.")
    summary: Text = Field(max_length=400, description="Two sentences in Dutch: what the method is.")
    steps: tuple[Annotated[Text, StringConstraints(max_length=200)], ...] = Field(
        min_length=4, max_length=7, description="4–7 short steps in Dutch, in the imperative.")
    duration: str = Field(pattern=_DURATION.pattern, description="How long it takes, e.g. '45–60 minuten'.")
    fits_when: Text = Field(max_length=400, description="One or two Dutch sentences: when the method fits.")
    fits: tuple[Fit, ...] = Field(
        min_length=1, description="Reasons ('verschil', 'lastig') it fits, optionally role keys it suits especially.")

    @field_validator("fits")
    @classmethod
    def _fits_names_a_reason(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not any(v in REASONS for v in value):
            raise ValueError("no_reason")
        if len(set(value)) != len(value):
            raise ValueError("duplicate_fit")
        return value

    @field_validator("duration")
    @classmethod
    def _duration_in_order(cls, value: str) -> str:
        match = _DURATION.match(value)
        if match and match.group(2) and int(match.group(1)) > int(match.group(2)):
            raise ValueError("duration_order")
        return value

    @property
    def minutes(self) -> tuple[int, int]:
        """The duration as (least, most) minutes."""
        match = _DURATION.match(self.duration)
        assert match is not None  # guaranteed by the field pattern
        low = int(match.group(1))
        return low, int(match.group(2) or low)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The reasons this method fits, in the fixed order of ``REASONS``."""
        return tuple(r for r in REASONS if r in self.fits)

    @property
    def roles(self) -> tuple[RoleKey, ...]:
        """The roles this method suits especially, in the fixed role order."""
        return tuple(r for r in ROLE_KEYS if r in self.fits)


class MethodCatalogue(FrozenModel):
    """The file ``inhoud/intervisiemethodes.yaml``: the methods, in order of preference."""

    methods: tuple[Method, ...] = Field(min_length=1, description="The methods; on a tie the first one is suggested.")

    @model_validator(mode="after")
    def _unique_keys(self) -> MethodCatalogue:
        keys = [m.key for m in self.methods]
        for i, key in enumerate(keys):
            if key in keys[:i]:
                raise ValueError(f"duplicate_key:{i}")
        return self


class MethodsError(DataFileError):
    """The methods file cannot be used; ``problems`` holds one Dutch line per problem."""


# --- reading the file -------------------------------------------------------------------------

_COUNTS = {"steps": "4 tot 7 stappen", "methods": "minstens één methode", "fits": "minstens één reden"}
_HINTS = {"fits": "gebruik 'verschil', 'lastig' of een rol: " + ", ".join(ROLE_KEYS)}
_SPECIAL = {
    "no_reason": ("fits noemt geen reden", "zet 'verschil' en/of 'lastig' in de lijst"),
    "duplicate_fit": ("een waarde staat dubbel in fits", "noem elke reden en rol één keer"),
    "duplicate_key": ("deze sleutel komt vaker voor", "geef elke methode een eigen key"),
}


def _problem(display: str, tree: yaml.Node | None, data: Any, err: Mapping[str, Any]) -> str:
    loc = tuple(err["loc"])
    kind, message = err["type"], str(err.get("msg", ""))
    if "duplicate_key:" in message:
        loc = (*loc, "methods", int(message.rsplit(":", 1)[1]), "key")
    where = f"{display}:{file_line(tree, loc)}: {dotted(loc)}"
    if len(loc) >= 2 and loc[0] == "methods" and isinstance(loc[1], int):
        try:
            where += f" (methode '{data['methods'][loc[1]]['key']}')"
        except (KeyError, IndexError, TypeError):
            pass
    special = next((pair for code, pair in _SPECIAL.items() if code in message), None)
    if special:
        what, fix = special
    elif kind == "literal_error":
        what, fix = f"onbekende waarde '{err.get('input')}'", _HINTS["fits"]
    elif loc and loc[-1] == "duration" and kind != "missing":
        what, fix = f"ongeldige tijdsduur '{err.get('input', '')}'", "schrijf bijvoorbeeld '45–60 minuten' (eerst het kleinste getal)"
    else:
        what, fix = dutch_error(err, hints=_HINTS, counts=_COUNTS)
        if kind == "missing":
            fix += f"; {_HINT}"
        elif kind == "extra_forbidden":
            fix += f"; een methode kent {_FIELDS}"
    return f"{where} — {what} — {fix}"


def load_methods(path: Path | str | None = None) -> tuple[Method, ...]:
    """Read and validate the methods file; raise :class:`MethodsError` (Dutch) when it is broken."""
    path = Path(path) if path is not None else DEFAULT_PATH
    display = f"{path.parent.name}/{path.name}"
    text, data = read_yaml(path, lambda line: f"{display}:{line}", MethodsError,
                           missing="zet het bestand terug (het hoort bij de app) of geef het juiste pad op")
    if not isinstance(data, dict):
        what = "het bestand is leeg" if data is None else "het bestand is geen lijst van velden"
        raise MethodsError([f"{display}:1: methods — {what} — "
                            f"begin met 'methods:' en zet daaronder de methodes; {_HINT}"])
    try:
        return MethodCatalogue.model_validate(data).methods
    except ValidationError as exc:
        tree = node_tree(text)
        raise MethodsError([_problem(display, tree, data, e) for e in without_implied(exc.errors())]) from None


@functools.lru_cache(maxsize=1)
def shared_methods() -> tuple[Method, ...]:
    """The intervision methods of ``inhoud/``, read and validated once per process."""
    return load_methods(DEFAULT_PATH)


# --- finding a method ----------------------------------------------------------------------


def method_by_key(methods: Sequence[Method], key: str) -> Method:
    """The method with this key; a Dutch ``ValueError`` naming the known keys otherwise."""
    for method in methods:
        if method.key == key:
            return method
    raise ValueError(f"Onbekende intervisiemethode '{key}'. Kies uit: {', '.join(m.key for m in methods)}.")
