"""Export a session as CSV or JSON, and import a JSON export again; the development plan as CSV.

The JSON format is a pydantic model (``SessionExport``); an import is validated in full against it and
against the content before anything is written, and then written in one transaction, so a bad file
changes nothing. CSV cells that a spreadsheet could run as a formula are neutralised.

Version 2 carries the plan actions begun in the session (``plan``: what, due date, support, status,
look-back). Version 1 had one line per priority (``actions``); such a file still imports, and each line
becomes a plan action "gepland" without a due date, exactly as migration ``0011_development_plan`` does.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from wegwijzer import __version__
from wegwijzer.content.datafile import dotted, dutch_error
from wegwijzer.content.library import Library
from wegwijzer.domain import plan
from wegwijzer.domain.records import Action, ActionDraft, Answer, PlanAction, SessionRecord
from wegwijzer.domain.scales import IMPORTANCE_LABELS, MASTERY
from wegwijzer.errors import DutchMessage
from wegwijzer.text import count

FORMAT = "wegwijzer-sessie"
FORMAT_VERSION = 2
MAX_PLAN = 500  # actions begun in one session
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
    """Version 1: the one-line action per priority (imported as a plan action without a due date)."""

    theme: int = Field(ge=1, le=100, description="Theme number of the priority.")
    text: Annotated[str, StringConstraints(min_length=1, max_length=1000)] = Field(description="The action.")


class ExportedPlanAction(_Strict):
    """Version 2: one action of the development plan, begun in this session."""

    theme: int = Field(ge=1, le=100, description="Theme number.")
    what: Annotated[str, StringConstraints(min_length=1, max_length=plan.MAX_ONE_LINE)] = Field(
        description="What the person will do (up to 300 characters; up to 1,000 for a carried-over one-line action).")
    due: date | None = Field(None, description="Due date; null only for a carried-over one-line action.")
    support: Annotated[str, StringConstraints(max_length=plan.MAX_SUPPORT)] = Field(
        "", description="With whom, or what support.")
    status: Literal["gepland", "bezig", "gedaan", "losgelaten"] = Field("gepland", description="Status.")
    look_back: Annotated[str, StringConstraints(max_length=plan.MAX_LOOK_BACK)] = Field(
        "", description="Look-back when done or dropped.")
    created_at: datetime | None = Field(None, description="When the action was made.")

    @model_validator(mode="after")
    def _short_when_dated(self) -> ExportedPlanAction:
        if self.due is not None and len(self.what) > plan.MAX_WHAT:
            raise ValueError(f"een actie met een datum is hoogstens {plan.MAX_WHAT} tekens lang")
        return self


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
    version: Literal[1, 2] = Field(description="Format version (1: one-line actions; 2: the plan).")
    exported_at: datetime = Field(description="When the file was made.")
    app_version: str = Field("", max_length=40, description="Version of the app that made the file.")
    session: ExportedSession
    answers: list[ExportedAnswer] = Field(max_length=100)
    actions: list[ExportedAction] = Field(default_factory=list, max_length=100)  # version 1
    plan: list[ExportedPlanAction] = Field(default_factory=list, max_length=MAX_PLAN)  # version 2


# --- export -----------------------------------------------------------------------------------


def export_json(session: SessionRecord, answers: dict[int, Answer], actions: list[PlanAction]) -> str:
    """One session with its answers and the plan actions begun in it (version 2)."""
    payload = SessionExport(
        format=FORMAT, version=FORMAT_VERSION, exported_at=datetime.now(UTC), app_version=__version__,
        session=ExportedSession(
            label=session.label, scope_kind=session.scope_kind, scope_key=session.scope_key,
            perspective=session.perspective, themes=list(session.themes), status=session.status,
            created_at=session.created_at, completed_at=session.completed_at,
        ),
        answers=[ExportedAnswer(theme=a.theme, mastery=a.mastery, importance=a.importance,
                                not_applicable=a.not_applicable, note=a.note) for a in sorted(answers.values(), key=lambda a: a.theme)],
        plan=[ExportedPlanAction(theme=a.theme, what=a.what, due=a.due, support=a.support, status=a.status,
                                 look_back=a.look_back, created_at=a.created_at)
              for a in sorted(actions, key=lambda a: (a.theme, a.id))],
    )
    return payload.model_dump_json(indent=2, exclude={"actions"})  # version 1 only


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


def export_plan_csv(library: Library, actions: list[PlanAction], sessions: dict[int, SessionRecord]) -> str:
    """The whole development plan, one row per action by due date (``sessions``: where each began)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["nummer", "thema", "actie", "datum", "met_wie_of_steun", "status", "terugblik",
                     "begonnen_in_sessie", "begonnen_op"])
    for a in plan.by_due(actions):
        theme = library.by_number.get(a.theme)
        began = sessions.get(a.session_id)
        row = [a.theme, theme.title if theme else "", a.what, a.due.isoformat() if a.due else "", a.support,
               plan.STATUS_LABELS[a.status], a.look_back, began.label if began else "", a.created_at[:10]]
        writer.writerow([safe_cell(v) for v in row])
    return "\ufeff" + out.getvalue()


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
    outside_book = sorted({a.theme for a in export.plan} - set(library.by_number))
    if outside_book:
        raise ImportRejected(f"Het bestand bevat een actie voor thema's die niet bestaan: {outside_book}.")
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
    actions: tuple[ActionDraft, ...]  # the plan actions begun in the session


def _drafts(export: SessionExport) -> tuple[ActionDraft, ...]:
    """The plan of the file; one-line actions (version 1) become actions "gepland" without a due date."""
    drafts = []
    try:
        for a in export.plan:
            limit = plan.MAX_WHAT if a.due is not None else plan.MAX_ONE_LINE
            drafts.append(ActionDraft(theme=a.theme, what=plan.clean_what(a.what, limit), due=a.due,
                                      support=plan.clean_support(a.support), status=a.status,
                                      look_back=plan.clean_look_back(a.look_back),
                                      created_at=a.created_at.isoformat(timespec="seconds") if a.created_at else None))
    except plan.PlanError as exc:
        raise ImportRejected(f"Actie {len(drafts) + 1} in het bestand klopt niet: {exc.message}") from None
    carried = (plan.carried_over(a.theme, a.text) for a in export.actions)
    return tuple(drafts) + tuple(d for d in carried if d is not None)


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
    return ImportedSession(session, answers, _drafts(export))
