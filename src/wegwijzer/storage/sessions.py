"""Reflection sessions with their answers, and the one-line view of the actions begun in them."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from wegwijzer.clock import now
from wegwijzer.domain.plan import carried_over
from wegwijzer.domain.records import Action, ActionDraft, Answer, SessionRecord
from wegwijzer.storage import plan
from wegwijzer.storage.database import Database

_ANSWER_FIELDS = {"mastery", "importance", "not_applicable", "note"}

_SELECT = (
    "SELECT s.id, s.person_id, s.label, s.scope_kind, s.scope_key, s.perspective, s.themes, s.status,"
    " s.created_at, s.completed_at, s.origin,"
    " MAX(s.updated_at, COALESCE((SELECT MAX(a.updated_at) FROM answers a WHERE a.session_id = s.id), '')) AS updated_at,"
    " (SELECT COUNT(*) FROM answers a WHERE a.session_id = s.id"
    " AND (a.mastery IS NOT NULL OR a.not_applicable = 1)) AS answered FROM sessions s"
)


@functools.lru_cache(maxsize=32)
def _answer_sql(fields: tuple[str, ...]) -> tuple[str, str]:
    """UPDATE and upsert for one combination of changed answer fields, each one statement, atomic on its own.

    Most writes change an answer that exists, and a plain UPDATE costs about 40% less than an
    upsert; the upsert runs only when the UPDATE found no row (and, should another process have added the row
    in between, it changes that row instead of failing).
    """
    assigned = "".join(f"{f} = excluded.{f}, " for f in fields)
    update = (f"UPDATE answers SET {''.join(f + ' = ?, ' for f in fields)}updated_at = ?"
              " WHERE session_id = ? AND theme = ?")
    upsert = (f"INSERT INTO answers (session_id, theme, updated_at{''.join(', ' + f for f in fields)})"
              f" VALUES (?, ?, ?{', ?' * len(fields)})"
              f" ON CONFLICT (session_id, theme) DO UPDATE SET {assigned}updated_at = excluded.updated_at")
    return update, upsert


def _record(row: sqlite3.Row) -> SessionRecord:
    return SessionRecord(
        id=row["id"], person_id=row["person_id"], label=row["label"], scope_kind=row["scope_kind"],
        scope_key=row["scope_key"], perspective=row["perspective"], themes=tuple(json.loads(row["themes"])),
        status=row["status"], created_at=row["created_at"], updated_at=row["updated_at"],
        completed_at=row["completed_at"], answered=row["answered"], imported=row["origin"] == "import",
    )


def _answer(row: sqlite3.Row, *, with_note: bool = True) -> Answer:
    return Answer(theme=row["theme"], mastery=row["mastery"], importance=row["importance"],
                  not_applicable=bool(row["not_applicable"]), note=row["note"] if with_note else "")


class Sessions:
    """Named reads and writes on ``sessions`` and ``answers`` (actions: see ``storage/plan.py``)."""

    def __init__(self, db: Database):
        self.db = db

    # --- sessions ---------------------------------------------------------------------------------

    def create(self, person_id: int, *, label: str, scope_kind: str, scope_key: str, perspective: str,
               themes: list[int]) -> int:
        stamp = now()
        with self.db.write() as conn:
            return int(conn.execute(
                "INSERT INTO sessions (person_id, label, scope_kind, scope_key, perspective, themes, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, label, scope_kind, scope_key, perspective, json.dumps(themes), stamp, stamp),
            ).lastrowid)

    def get(self, session_id: int) -> SessionRecord | None:
        row = self.db.row(_SELECT + " WHERE s.id = ?", (session_id,))
        return _record(row) if row else None

    def owner(self, session_id: int) -> int | None:
        row = self.db.row("SELECT person_id FROM sessions WHERE id = ?", (session_id,))
        return int(row["person_id"]) if row else None

    def state(self, session_id: int) -> tuple[tuple[int, ...], str] | None:
        """The themes and status of a session (a light read for every answer that is stored)."""
        row = self.db.row("SELECT themes, status FROM sessions WHERE id = ?", (session_id,))
        return (tuple(json.loads(row["themes"])), row["status"]) if row else None

    def of_person(self, person_id: int) -> list[SessionRecord]:
        """A person's sessions, newest first."""
        rows = self.db.rows(_SELECT + " WHERE s.person_id = ? ORDER BY s.created_at DESC, s.id DESC", (person_id,))
        return [_record(r) for r in rows]

    def set_status(self, session_id: int, status: str) -> None:
        stamp = now()
        with self.db.write() as conn:
            conn.execute("UPDATE sessions SET status = ?, updated_at = ?, completed_at = ? WHERE id = ?",
                         (status, stamp, stamp if status == "afgerond" else None, session_id))

    def rename(self, session_id: int, label: str) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE sessions SET label = ?, updated_at = ? WHERE id = ?", (label, now(), session_id))

    def delete(self, session_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def delete_of_person(self, person_id: int) -> None:
        """Remove every session, answer and action of a person (the person stays, empty)."""
        with self.db.write() as conn:
            conn.execute("DELETE FROM sessions WHERE person_id = ?", (person_id,))

    # --- answers ----------------------------------------------------------------------------------

    def answers(self, session_id: int, *, with_notes: bool = True) -> dict[int, Answer]:
        rows = self.db.rows("SELECT theme, mastery, importance, not_applicable, note FROM answers WHERE session_id = ?",
                            (session_id,))
        return {r["theme"]: _answer(r, with_note=with_notes) for r in rows}

    def save_answer(self, session_id: int, theme: int, **changes: Any) -> None:
        """Store one change to one answer at once; fields not named keep their value.

        ``changes`` may hold ``mastery``, ``importance``, ``not_applicable`` and ``note``. Choosing
        "niet van toepassing" clears the mastery score; choosing a score clears "niet van toepassing".
        """
        unknown = set(changes) - _ANSWER_FIELDS
        if unknown:
            raise ValueError(f"unknown answer fields: {sorted(unknown)}")
        if changes.get("not_applicable"):
            changes["mastery"] = None
        elif changes.get("mastery") is not None:
            changes["not_applicable"] = False
        if "not_applicable" in changes:
            changes["not_applicable"] = int(bool(changes["not_applicable"]))
        if "note" in changes:
            changes["note"] = changes["note"] or ""
        fields = tuple(sorted(changes))
        values = tuple(changes[f] for f in fields)
        stamp = now()
        update, upsert = _answer_sql(fields)
        # the hot path of every click: one statement, no transaction around it (see Database.write_one)
        if self.db.write_one(update, (*values, stamp, session_id, theme)) == 0:
            self.db.write_one(upsert, (session_id, theme, stamp, *values))

    # --- actions ----------------------------------------------------------------------------------

    def actions(self, session_id: int) -> dict[int, Action]:
        """Per theme the first action begun in this session, as one line (the dashboard's field per priority)."""
        return plan.one_liners(self.db, session_id)

    def save_action(self, session_id: int, theme: int, text: str) -> None:
        """The dashboard's one-line field: change, add (no due date yet) or, when empty, delete that action."""
        plan.save_one_liner(self.db, session_id, carried_over(theme, text), theme)

    # --- import -----------------------------------------------------------------------------------

    def insert_full(self, person_id: int, session: Mapping[str, Any], answers: Iterable[Answer],
                    actions: Iterable[ActionDraft], *, origin: str = "app") -> int:
        """Insert a session with all its answers and the actions begun in it in one transaction (all or nothing)."""
        stamp = now()
        with self.db.write() as conn:
            session_id = int(conn.execute(
                "INSERT INTO sessions (person_id, label, scope_kind, scope_key, perspective, themes, status,"
                " created_at, updated_at, completed_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, session["label"], session["scope_kind"], session["scope_key"], session["perspective"],
                 json.dumps(list(session["themes"])), session["status"], session["created_at"], stamp,
                 session.get("completed_at"), origin),
            ).lastrowid)
            conn.executemany(
                "INSERT INTO answers (session_id, theme, mastery, importance, not_applicable, note, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(session_id, a.theme, a.mastery, a.importance, int(a.not_applicable), a.note, stamp) for a in answers],
            )
            plan.insert_drafts(conn, person_id, session_id, actions, stamp)
        return session_id
