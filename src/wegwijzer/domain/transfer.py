"""Export a session as CSV or JSON, and import a JSON export again.

The JSON format is a pydantic model (``SessionExport``); an import is validated in full against it and
against the content before anything is written, and then written in one transaction, so a bad file
changes nothing. CSV cells that a spreadsheet could run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from wegwijzer import __version__
from wegwijzer.content.datafile import dotted, dutch_error
from wegwijzer.content.library import Library
from wegwijzer.domain.records import Action, Answer, SessionRecord
from wegwijzer.domain.scales import IMPORTANCE_LABELS, MASTERY
from wegwijzer.errors import DutchMessage
from wegwijzer.text import count

FORMAT = "wegwijzer-sessie"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 2_000_000
MAX_NOTE = 5_000

Note = Annotated[str, StringConstraints(max_length=MAX_NOTE)]


class ImportRejected(DutchMessage, ValueError):
    """The file cannot be imported; ``message`` says why, in Dutch."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class ExportedAnswer(_Strict):
    theme: int = Field(ge=1, le=100, description="Theme number.")
    mastery: int | None = Field(None, ge=1, le=5, description="Mastery 1–5, or null.")
    importance: int | None = Field(None, ge=1, le=3, description="Importance now 1–3, or null.")
    not_applicable: bool = Field(False, description="'Niet van toepassing'.")
    note: Note = Field("", description="Private note.")

    @model_validator(mode="after")
    def _no_score_when_not_applicable(self) -> ExportedAnswer:
        if self.not_applicable and self.mastery is not None:
            raise ValueError("een thema kan niet tegelijk een score en 'niet van toepassing' hebben")
        return self


class ExportedAction(_Strict):
    theme: int = Field(ge=1, le=100, description="Theme number of the priority.")
    text: Annotated[str, StringConstraints(min_length=1, max_length=1000)] = Field(description="The action.")


class ExportedSession(_Strict):
    label: Annotated[str, StringConstraints(max_length=200)] = Field("", description="Label of the session.")
    scope_kind: Literal["alle", "quickscan", "deel", "hoofdstuk", "eigen"] = Field(description="Kind of scope.")
    scope_key: Annotated[str, StringConstraints(max_length=60)] = Field("", description="Part or chapter key.")
    perspective: Literal["zittend", "startend", "aspirant"] = Field(description="Perspective.")
    themes: list[int] = Field(min_length=1, max_length=100, description="Theme numbers in the session.")
    status: Literal["open", "afgerond"] = Field(description="Status.")
    created_at: datetime = Field(description="When the session was started.")
    completed_at: datetime | None = Field(None, description="When it was completed.")


class SessionExport(_Strict):
    """The JSON export of one session."""

    format: Literal["wegwijzer-sessie"] = Field(description="Always 'wegwijzer-sessie'.")
    version: Literal[1] = Field(description="Format version.")
    exported_at: datetime = Field(description="When the file was made.")
    app_version: str = Field("", max_length=40, description="Version of the app that made the file.")
    session: ExportedSession
    answers: list[ExportedAnswer] = Field(max_length=100)
    actions: list[ExportedAction] = Field(default_factory=list, max_length=100)


# --- export -----------------------------------------------------------------------------------


def export_json(session: SessionRecord, answers: dict[int, Answer], actions: dict[int, Action]) -> str:
    payload = SessionExport(
        format=FORMAT, version=FORMAT_VERSION, exported_at=datetime.now(UTC), app_version=__version__,
        session=ExportedSession(
            label=session.label, scope_kind=session.scope_kind, scope_key=session.scope_key,
            perspective=session.perspective, themes=list(session.themes), status=session.status,
            created_at=session.created_at, completed_at=session.completed_at,
        ),
        answers=[ExportedAnswer(theme=a.theme, mastery=a.mastery, importance=a.importance,
                                not_applicable=a.not_applicable, note=a.note) for a in sorted(answers.values(), key=lambda a: a.theme)],
        actions=[ExportedAction(theme=a.theme, text=a.text) for a in sorted(actions.values(), key=lambda a: a.theme)],
    )
    return payload.model_dump_json(indent=2)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (OWASP: prefix with a quote)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_csv(library: Library, session: SessionRecord, answers: dict[int, Answer], actions: dict[int, Action]) -> str:
    labels = MASTERY[session.perspective].labels
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["nummer", "titel", "hoofdstuk", "beheersing", "beheersing_label", "belang", "belang_label",
                     "niet_van_toepassing", "notitie", "actie"])
    for number in session.themes:
        theme = library.by_number.get(number)
        a = answers.get(number, Answer(theme=number))
        row = [
            number, theme.title if theme else "", library.chapters[theme.chapter].title if theme else "",
            a.mastery if a.mastery is not None else "", labels.get(a.mastery, "") if a.mastery else "",
            a.importance if a.importance is not None else "", IMPORTANCE_LABELS.get(a.importance, "") if a.importance else "",
            "ja" if a.not_applicable else "nee", a.note, actions[number].text if number in actions else "",
        ]
        writer.writerow([safe_cell(v) for v in row])
    return "\ufeff" + out.getvalue()  # BOM so that Excel reads UTF-8


# --- import -----------------------------------------------------------------------------------


def _describe(exc: ValidationError) -> str:
    """The first problem in Dutch: field, what is wrong and how to fix it (and how many more there are)."""
    first = exc.errors()[0]
    what, fix = dutch_error(first)
    more = exc.error_count() - 1
    return f"{dotted(tuple(first['loc']))}: {what} — {fix}" + (f" (en nog {count(more, 'fout', 'fouten')})" if more else "")


def parse_export(raw: bytes, library: Library) -> SessionExport:
    """Validate an export file completely; raise :class:`ImportRejected` with a Dutch reason."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRejected("Het bestand is te groot voor een Wegwijzer-export (meer dan 2 MB).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected("Het bestand is geen UTF-8-tekst; kies een JSON-export van Wegwijzer.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRejected(f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}). "
                             "Kies een JSON-export van Wegwijzer (dashboard → Sessie (JSON)).") from None
    except RecursionError:
        raise ImportRejected("Het bestand is geen Wegwijzer-export: het is te diep genest.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRejected("Dit is geen sessie-export van Wegwijzer (het veld 'format' ontbreekt of klopt niet).")
    try:
        export = SessionExport.model_validate(data)
    except ValidationError as exc:
        raise ImportRejected("Het bestand klopt niet: " + _describe(exc)) from None
    except (RecursionError, ValueError, TypeError):
        raise ImportRejected("Het bestand klopt niet: het is geen sessie-export van Wegwijzer.") from None
    session_themes = export.session.themes
    if len(set(session_themes)) != len(session_themes):
        raise ImportRejected("De sessie noemt een thema meer dan eens.")
    unknown = sorted(n for n in session_themes if n not in library.by_number)
    if unknown:
        raise ImportRejected(f"De sessie noemt thema's die niet bestaan: {unknown}.")
    allowed = set(session_themes)
    for kind, items in (("antwoord", export.answers), ("actie", export.actions)):
        numbers = [i.theme for i in items]
        if len(set(numbers)) != len(numbers):
            raise ImportRejected(f"Er staat meer dan één {kind} voor hetzelfde thema in het bestand.")
        outside = sorted(set(numbers) - allowed)
        if outside:
            raise ImportRejected(f"Het bestand bevat een {kind} voor thema's buiten de sessie: {outside}.")
    return export


@dataclass(frozen=True)
class ImportedSession:
    """A validated export, ready to be stored as a new session (all or nothing)."""

    session: dict[str, Any]
    answers: tuple[Answer, ...]
    actions: tuple[Action, ...]


def parse_session(raw: bytes, library: Library) -> ImportedSession:
    """Validate an export file completely and turn it into records; raise :class:`ImportRejected` in Dutch."""
    export = parse_export(raw, library)
    s = export.session
    session = {
        "label": s.label, "scope_kind": s.scope_kind, "scope_key": s.scope_key, "perspective": s.perspective,
        "themes": sorted(s.themes), "status": s.status, "created_at": s.created_at.isoformat(timespec="seconds"),
        "completed_at": s.completed_at.isoformat(timespec="seconds") if s.completed_at else None,
    }
    answers = tuple(Answer(theme=a.theme, mastery=a.mastery, importance=a.importance, not_applicable=a.not_applicable,
                           note=a.note) for a in export.answers)
    actions = tuple(Action(theme=a.theme, text=a.text) for a in export.actions)
    return ImportedSession(session, answers, actions)
