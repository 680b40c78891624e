"""Intervision methods as data, and the rule that suggests one for an agenda item.

``load_methods()`` reads ``inhoud/intervisiemethodes.yaml`` into frozen :class:`Method` models, or
raises :class:`MethodsError` with a Dutch message per problem (``file:line: field — what — fix``).
``suggest_method()`` picks a method for an agenda item from its reason and the theme's role weights.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from wegwijzer.config import PROJECT_ROOT
from wegwijzer.content.models import ROLE_KEYS, Key, RoleKey
from wegwijzer.content.yaml_lines import file_line, node_tree, syntax_error
from wegwijzer.errors import DataFileError

Reason = Literal["verschil", "lastig"]
REASONS: tuple[Reason, ...] = ("verschil", "lastig")
Fit = Literal[Reason, RoleKey]

DEFAULT_PATH = PROJECT_ROOT / "inhoud" / "intervisiemethodes.yaml"

_DURATION = re.compile(r"^(\d{1,3})(?:\s*[–-]\s*(\d{1,3}))? minuten$")
_FIELDS = "key, name, summary, steps, duration, fits_when, fits"
_HINT = "zie de uitleg bovenaan inhoud/intervisiemethodes.yaml"
_TYPE_HINTS = {
    "tuple_type": ("hier hoort een lijst", "zet elk item op een eigen regel die begint met '- '"),
    "string_type": ("hier hoort tekst", "staat er ': ' in de tekst, zet de hele tekst dan tussen aanhalingstekens"),
    "model_type": ("hier hoort een methode met velden", f"geef velden als 'naam: waarde' ({_FIELDS})"),
    "model_attributes_type": ("hier hoort een methode met velden", f"geef velden als 'naam: waarde' ({_FIELDS})"),
}

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Method(_Frozen):
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


class MethodCatalogue(_Frozen):
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


def _problem(display: str, tree: yaml.Node | None, data: Any, err: Mapping[str, Any]) -> str:
    loc = tuple(err["loc"])
    kind, message = err["type"], str(err.get("msg", ""))
    if "duplicate_key:" in message:
        loc = (*loc, "methods", int(message.rsplit(":", 1)[1]), "key")
    field = ".".join(str(p) for p in loc) or "-"
    where = f"{display}:{file_line(tree, loc)}: {field}"
    if len(loc) >= 2 and loc[0] == "methods" and isinstance(loc[1], int):
        try:
            where += f" (methode '{data['methods'][loc[1]]['key']}')"
        except (KeyError, IndexError, TypeError):
            pass
    last = str(loc[-1]) if loc else ""
    if kind == "missing":
        what, fix = "verplicht veld ontbreekt", f"voeg '{last}:' toe; {_HINT}"
    elif kind == "extra_forbidden":
        what, fix = "onbekend veld", f"verwijder het veld of corrigeer de spelling; een methode kent {_FIELDS}"
    elif kind in ("too_short", "too_long"):
        count = {"steps": "4 tot 7 stappen", "methods": "minstens één methode", "fits": "minstens één reden"}
        actual = err.get("ctx", {}).get("actual_length", "?")
        what = f"{actual} items, dat zijn er te {'weinig' if kind == 'too_short' else 'veel'}"
        fix = f"geef {count.get(last, 'het toegestane aantal items')}"
    elif kind == "literal_error":
        what = f"onbekende waarde '{err.get('input')}'"
        fix = "gebruik 'verschil', 'lastig' of een rol: " + ", ".join(ROLE_KEYS)
    elif "no_reason" in message:
        what, fix = "fits noemt geen reden", "zet 'verschil' en/of 'lastig' in de lijst"
    elif "duplicate_fit" in message:
        what, fix = "een waarde staat dubbel in fits", "noem elke reden en rol één keer"
    elif "duplicate_key" in message:
        what, fix = "deze sleutel komt vaker voor", "geef elke methode een eigen key"
    elif last == "duration":
        what, fix = f"ongeldige tijdsduur '{err.get('input', '')}'", "schrijf bijvoorbeeld '45–60 minuten' (eerst het kleinste getal)"
    elif kind == "string_pattern_mismatch":
        what, fix = "ongeldige sleutel", "gebruik kleine letters, cijfers en '-', en begin met een letter"
    elif kind == "string_too_long":
        what, fix = "tekst te lang", f"maak de tekst korter (hoogstens {err.get('ctx', {}).get('max_length', '?')} tekens)"
    elif kind == "string_too_short":
        what, fix = "tekst is leeg", "vul de tekst in"
    elif kind in _TYPE_HINTS:
        what, fix = _TYPE_HINTS[kind]
    else:
        what, fix = f"ongeldige waarde: {message}", f"corrigeer de waarde; {_HINT}"
    return f"{where} — {what} — {fix}"


def load_methods(path: Path | str | None = None) -> tuple[Method, ...]:
    """Read and validate the methods file; raise :class:`MethodsError` (Dutch) when it is broken."""
    path = Path(path) if path is not None else DEFAULT_PATH
    display = f"{path.parent.name}/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MethodsError([f"{display}:0: - — het bestand met intervisiemethodes ontbreekt — "
                            "zet het bestand terug (het hoort bij de app) of geef het juiste pad op"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MethodsError([f"{display}:0: - — bestand niet leesbaar ({exc.__class__.__name__}) — "
                            "sla het bestand op als UTF-8-tekst"]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        at, reason = syntax_error(exc)
        raise MethodsError([f"{display}:{0 if at is None else at + 1}: - — YAML-fout: {reason} — controleer de inspringing en zet "
                            "tekst met ': ' of '#' tussen aanhalingstekens"]) from None
    if not isinstance(data, dict):
        what = "het bestand is leeg" if data is None else "het bestand is geen lijst van velden"
        raise MethodsError([f"{display}:1: methods — {what} — "
                            f"begin met 'methods:' en zet daaronder de methodes; {_HINT}"])
    try:
        return MethodCatalogue.model_validate(data).methods
    except ValidationError as exc:
        errors = exc.errors()
        # a list whose items failed also reports "too few items"; the item errors say more
        nested = [tuple(e["loc"]) for e in errors]
        errors = [e for e in errors if e["type"] != "too_short"
                  or not any(len(n) > len(e["loc"]) and n[:len(e["loc"])] == tuple(e["loc"]) for n in nested)]
        tree = node_tree(text)
        raise MethodsError([_problem(display, tree, data, e) for e in errors]) from None


# --- choosing a method ------------------------------------------------------------------------


def main_role(roles: Mapping[str, float]) -> RoleKey | None:
    """The role with the highest weight above zero; on a tie the first in role order; None if none."""
    unknown = sorted(set(roles) - set(ROLE_KEYS))
    if unknown:
        raise ValueError(f"Onbekende rol(len): {', '.join(unknown)}. Gebruik {', '.join(ROLE_KEYS)}.")
    best: RoleKey | None = None
    for key in ROLE_KEYS:
        weight = roles.get(key, 0)
        if weight > 0 and (best is None or weight > roles[best]):
            best = key
    return best


def suggest_method(methods: Sequence[Method], reason: str, roles: Mapping[str, float]) -> Method:
    """The method for one agenda item, by a fixed rule.

    1. the first method (in file order) whose ``fits`` holds both the reason and the theme's main role
       (the role with the highest weight; on a tie the first in ``ROLE_KEYS`` order);
    2. otherwise the first method whose ``fits`` holds the reason;
    3. otherwise the first method.
    """
    if not methods:
        raise ValueError("Er zijn geen intervisiemethodes om uit te kiezen.")
    if reason not in REASONS:
        raise ValueError(f"Onbekende reden '{reason}'. Kies 'verschil' of 'lastig'.")
    role = main_role(roles)
    with_reason = [m for m in methods if reason in m.fits]
    if role is not None:
        for method in with_reason:
            if role in method.fits:
                return method
    return with_reason[0] if with_reason else methods[0]


def method_by_key(methods: Sequence[Method], key: str) -> Method:
    """The method with this key; a Dutch ``ValueError`` naming the known keys otherwise."""
    for method in methods:
        if method.key == key:
            return method
    raise ValueError(f"Onbekende intervisiemethode '{key}'. Kies uit: {', '.join(m.key for m in methods)}.")
