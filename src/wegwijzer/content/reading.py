"""Reading one content file: front matter and body, fast YAML with exact lines on a problem, pydantic to problems."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
import yaml_rs

from wegwijzer.content.datafile import dotted, dutch_error
from wegwijzer.content.models import ROLE_KEYS
from wegwijzer.content.problems import Problem
from wegwijzer.content.yaml_lines import line_in, node_tree, syntax_error

TEMPLATE_HINT = "zie thema's/_sjabloon.md"
_CLOSING = re.compile(r"^---[ \t]*$", flags=re.MULTILINE)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Source:
    """A file split into front matter and body, with the line where the front matter starts."""

    path: Path
    display: str
    front: str = ""
    body: str = ""
    first_line: int = 2  # line number of the first front-matter line

    _tree: Any = None

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """Best line number for a pydantic ``loc`` inside the front matter."""
        if self._tree is None:
            self._tree = node_tree(self.front)
        line = line_in(self._tree, loc)
        return self.first_line - 1 if line is None else self.first_line + line


def read_source(path: Path, display: str, problems: list[Problem], *, front_matter: bool) -> Source | None:
    try:
        with open(path, "rb") as fh:
            text = fh.read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(display, 0, "T001", "-", f"bestand niet leesbaar ({exc.__class__.__name__})",
                                "sla het bestand op als UTF-8-tekst"))
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if not front_matter:
        return Source(path, display, front=text, first_line=1)
    if not text.startswith("---\n"):
        problems.append(Problem(display, 1, "T001", "-", "het bestand begint niet met '---' (front matter ontbreekt)",
                                f"begin met een regel '---', dan de velden, dan weer '---'; {TEMPLATE_HINT}"))
        return None
    close = text.find("\n---\n", 3)
    if close != -1:
        front, body = text[4:close + 1], text[close + 5:].strip("\n")
    else:  # rare forms: '---' at the very end, or with trailing spaces
        end = _CLOSING.search(text, 4)
        if end is None:
            problems.append(Problem(display, 1, "T001", "-", "de front matter wordt niet afgesloten",
                                    "zet na het laatste veld een regel met alleen '---'"))
            return None
        front, body = text[4:end.start()], text[end.end():].strip("\n")
    return Source(path, display, front=front, body=body, first_line=2)


def parse(src: Source, problems: list[Problem]) -> dict[str, Any] | None:
    """Parse YAML with the fast Rust parser; on any doubt let PyYAML decide and locate the error."""
    try:
        data = yaml_rs.loads(src.front)
    except Exception:  # noqa: BLE001 - any failure here is re-examined by PyYAML below
        data = None
    if isinstance(data, dict):
        return data
    try:
        data = yaml.load(src.front, Loader=_Loader)
    except yaml.YAMLError as exc:
        at, reason = syntax_error(exc)
        line = src.first_line + (at or 0)
        problems.append(Problem(src.display, line, "T002", "-", f"YAML-fout: {reason}",
                                "controleer inspringing en zet tekst met ': ' of '#' tussen aanhalingstekens"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(src.display, src.first_line, "T002", "-", "de front matter is geen lijst van velden",
                                f"schrijf velden als 'naam: waarde'; {TEMPLATE_HINT}"))
        return None
    return data


# --- pydantic errors to problems --------------------------------------------------------------

_LIST_LIMITS = {"key_points": "3 tot 6", "statements": "3 of 4", "statement_exceptions": "0 tot 4", "reflection_questions": "2 of 3", "related": "0 tot 8",
                "chapters": "minstens 1", "parts": "minstens 1"}


def problem_from_error(src: Source, err: Mapping[str, Any]) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    name = dotted(loc)
    line = src.line_of(loc)
    message = str(err.get("msg", ""))
    if kind == "missing":
        return Problem(src.display, src.first_line - 1, "T003", name, "verplicht veld ontbreekt",
                       f"voeg '{loc[-1]}:' toe; {TEMPLATE_HINT}")
    if kind == "extra_forbidden":
        if loc[0] == "roles" and len(loc) == 2:
            return Problem(src.display, line, "T006", name, f"onbekende rol '{loc[1]}'",
                           "gebruik alleen " + ", ".join(ROLE_KEYS))
        return Problem(src.display, line, "T004", name, "onbekend veld",
                       f"verwijder het veld of corrigeer de spelling; {TEMPLATE_HINT}")
    if "no_role" in message:
        return Problem(src.display, src.line_of(("roles",)), "T006", "roles", "geen enkele rol heeft een gewicht boven 0",
                       "geef minstens één rol een gewicht, bijvoorbeeld 'verbinder: 1.0'")
    if kind in ("too_short", "too_long"):
        count = _LIST_LIMITS.get(str(loc[-1]), "het toegestane aantal")
        return Problem(src.display, line, "T007", name, f"verkeerd aantal items ({message})",
                       f"geef {count} items")
    if "statement_start" in message:
        index = int(message.rsplit(":", 1)[1])
        loc = (*loc, index)
        return Problem(src.display, src.line_of(loc), "T008", dotted(loc), "stelling staat niet in de ik-vorm",
                       "formuleer als 'Ik …', bijvoorbeeld 'Ik breng in B&W ook ongevraagd advies in …'")
    if "question_mark" in message:
        index = int(message.rsplit(":", 1)[1])
        loc = (*loc, index)
        return Problem(src.display, src.line_of(loc), "T009", dotted(loc), "reflectievraag eindigt niet op '?'",
                       "formuleer een open vraag die eindigt op een vraagteken")
    hint = None
    if loc and loc[0] == "roles" and kind in ("greater_than_equal", "less_than_equal", "float_parsing", "float_type"):
        hint = "een gewicht ligt tussen 0 en 1, schrijf bijvoorbeeld 0.5"
    what, fix = dutch_error(err, hints={str(loc[-1]): hint} if hint and loc else None)
    return Problem(src.display, line, "T005", name, f"ongeldige waarde: {what}", fix if fix != "corrigeer de waarde" else f"corrigeer de waarde; {TEMPLATE_HINT}")
