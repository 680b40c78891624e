"""What every data file and every validated input shares: a frozen model base, reading YAML, and Dutch errors.

One translator turns a pydantic error into a Dutch "what is wrong — how to fix it" pair, so the theme
check, the data files in ``inhoud/``, own profiles and the JSON import all speak the same language.
Callers pass what only they know: a hint per field name, and how many items a list should have.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from wegwijzer.content.yaml_lines import syntax_error
from wegwijzer.errors import DataFileError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrozenModel(BaseModel):
    """The base of every content model: unknown keys rejected, text stripped, instances immutable."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def dotted(loc: tuple[Any, ...]) -> str:
    """A pydantic location as a dotted field name: ``("roles", "baas")`` -> ``roles.baas``."""
    return ".".join(str(p) for p in loc if p != "[key]") or "-"


def _shown(value: Any) -> str:
    """A short rendering of the value that was given, or '' when it is too long to help."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float) or (isinstance(value, str) and 0 < len(value) <= 40):
        return f" ({value!r})"
    return ""


def dutch_error(err: Mapping[str, Any], *, hints: Mapping[str, str] | None = None,
                counts: Mapping[str, str] | None = None) -> tuple[str, str]:
    """One pydantic error as (what is wrong, how to fix it), in Dutch.

    ``hints`` maps a field name (the last part of the location) to a fix that replaces the generic one;
    ``counts`` maps a list's field name to how many items it takes ("4 tot 7 stappen").
    """
    loc = tuple(err.get("loc", ()))
    last = str(loc[-1]) if loc else ""
    kind, ctx, given = err.get("type", ""), err.get("ctx") or {}, err.get("input")
    hint = (hints or {}).get(last)
    if kind == "value_error":
        what, _, fix = str(ctx.get("error", err.get("msg", ""))).partition(" — ")
        return what.removeprefix("Value error, "), fix or hint or "corrigeer de waarde"
    if kind == "missing":
        return "verplicht veld ontbreekt", f"voeg '{last}:' toe" + (f"; {hint}" if hint else "")
    if kind == "extra_forbidden":
        return "onbekend veld", hint or "verwijder het veld of corrigeer de spelling"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"ongeldige waarde '{given}'", hint or f"kies uit: {expected}"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"waarde te laag{_shown(given)}", hint or f"de waarde moet minstens {bound} zijn"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"waarde te hoog{_shown(given)}", hint or f"de waarde moet hoogstens {bound} zijn"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"geen heel getal{_shown(given)}", hint or "schrijf een heel getal"
    if kind in ("float_parsing", "float_type"):
        return f"'{given}' is geen geldig getal", hint or "schrijf een getal met een punt als decimaalteken, bijvoorbeeld 2.7"
    if kind in ("bool_parsing", "bool_type"):
        return f"geen ja/nee-waarde{_shown(given)}", hint or "schrijf true of false"
    if kind in ("string_type", "str_type"):
        return "hier hoort tekst", hint or "zet tekst met ': ' of '#' tussen aanhalingstekens"
    if kind == "string_too_short":
        return "tekst ontbreekt of is leeg", hint or "vul de tekst in"
    if kind == "string_too_long":
        return f"tekst te lang (hoogstens {ctx.get('max_length')} tekens)", hint or "maak de tekst korter"
    if kind == "string_pattern_mismatch":
        return f"ongeldige sleutel{_shown(given)}", hint or "gebruik kleine letters, cijfers en '-', beginnend met een letter"
    if kind in ("too_short", "too_long"):
        actual = ctx.get("actual_length", "?")
        what = f"{actual} items, dat zijn er te {'weinig' if kind == 'too_short' else 'veel'}"
        count = (counts or {}).get(last)
        return what, f"geef {count}" if count else (hint or "vul de lijst aan of haal overbodige items weg")
    if kind in ("tuple_type", "list_type"):
        return "hier hoort een lijst", hint or "zet elk item op een eigen regel die begint met '- '"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "hier horen velden", hint or "schrijf de velden ingesprongen onder deze naam ('naam: waarde')"
    if kind in ("datetime_parsing", "datetime_from_date_parsing", "datetime_type"):
        return f"geen geldige datum en tijd{_shown(given)}", hint or "schrijf bijvoorbeeld 2026-12-03T10:00:00+00:00"
    return "ongeldige waarde", hint or "corrigeer de waarde"


def without_implied(errors: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Leave out "too few items" for a list whose items failed themselves: the item errors say more."""
    nested = [tuple(e["loc"]) for e in errors]
    return [e for e in errors if e["type"] != "too_short"
            or not any(len(n) > len(e["loc"]) and n[:len(e["loc"])] == tuple(e["loc"]) for n in nested)]


def read_yaml(path: Path, where: Callable[[int], str], error: Callable[[list[str]], DataFileError],
              *, missing: str = "controleer of het bestand bestaat en als UTF-8-tekst is opgeslagen") -> tuple[str, Any]:
    """The text of a YAML data file and what it holds; ``error`` with one Dutch line when it can't be read.

    ``where(line)`` gives the start of a problem line (``"inhoud/x.yaml:3"``); line 0 is the whole file.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error([f"{where(0)}: - — bestand niet leesbaar: het ontbreekt — {missing}"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error([f"{where(0)}: - — bestand niet leesbaar ({exc.__class__.__name__}) — "
                     "sla het bestand op als UTF-8-tekst"]) from None
    try:
        return text, yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        at, reason = syntax_error(exc)
        line = 0 if at is None else at + 1
        what = f"YAML-fout (regel {line}): {reason}" if line else f"YAML-fout: {reason}"
        raise error([f"{where(line)}: - — {what} — controleer de inspringing en zet tekst met ': ' of '#' tussen "
                     "aanhalingstekens"]) from None
