"""The development plan: actions (``plan_actions``), the ones a member shows a group (``plan_shares``).

The dashboard's one-line action per priority is a view on the same table (``one_liners`` and
``save_one_liner``, used by ``store.sessions``): the first action on that theme begun in that session.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping

from wegwijzer.clock import now
from wegwijzer.domain.records import Action, ActionDraft, PlanAction
from wegwijzer.storage.database import Database

_COLUMNS = ("p.id, p.person_id, p.session_id, p.theme, p.what, p.due, p.support, p.status, p.look_back,"
            " p.revision, p.created_at, p.updated_at")
_INSERT = ("INSERT INTO plan_actions (person_id, session_id, theme, what, due, support, status, look_back,"
           " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _action(row: sqlite3.Row) -> PlanAction:
    return PlanAction(id=row["id"], person_id=row["person_id"], session_id=row["session_id"], theme=row["theme"],
                      what=row["what"], due=dt.date.fromisoformat(row["due"]) if row["due"] else None,
                      support=row["support"], status=row["status"], look_back=row["look_back"],
                      created_at=row["created_at"], updated_at=row["updated_at"], revision=row["revision"])


def _values(person_id: int, session_id: int, draft: ActionDraft, stamp: str) -> tuple:
    return (person_id, session_id, draft.theme, draft.what, draft.due.isoformat() if draft.due else None,
            draft.support, draft.status, draft.look_back, draft.created_at or stamp, stamp)


def insert_drafts(conn: sqlite3.Connection, person_id: int, session_id: int, drafts: Iterable[ActionDraft],
                  stamp: str) -> None:
    """Insert actions inside a transaction someone else holds (a whole imported session, all or nothing)."""
    conn.executemany(_INSERT, [_values(person_id, session_id, d, stamp) for d in drafts])


def one_liners(db: Database, session_id: int) -> dict[int, Action]:
    """Per theme, the first action begun in this session, as one line (the dashboard's field per priority)."""
    rows = db.rows("SELECT theme, what FROM plan_actions WHERE id IN (SELECT MIN(id) FROM plan_actions"
                   " WHERE session_id = ? GROUP BY theme)", (session_id,))
    return {r["theme"]: Action(theme=r["theme"], text=r["what"]) for r in rows}


def save_one_liner(db: Database, session_id: int, draft: ActionDraft | None, theme: int) -> None:
    """Change the what of the first action on ``theme`` begun in this session, add it, or (``None``) delete it."""
    stamp = now()
    with db.write() as conn:
        first = conn.execute("SELECT MIN(id) FROM plan_actions WHERE session_id = ? AND theme = ?",
                             (session_id, theme)).fetchone()[0]
        if draft is None:
            conn.execute("DELETE FROM plan_actions WHERE id = ?", (first,))
        elif first is not None:
            conn.execute("UPDATE plan_actions SET what = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
                         (draft.what, stamp, first))
        else:
            person = conn.execute("SELECT person_id FROM sessions WHERE id = ?", (session_id,)).fetchone()[0]
            conn.execute(_INSERT, _values(person, session_id, draft, stamp))


class Plan:
    """Named reads and writes on ``plan_actions``, ``plan_shares`` and ``installation``."""

    def __init__(self, db: Database):
        self.db = db

    def of_person(self, person_id: int) -> list[PlanAction]:
        rows = self.db.rows(f"SELECT {_COLUMNS} FROM plan_actions p WHERE p.person_id = ? ORDER BY p.id", (person_id,))
        return [_action(r) for r in rows]

    def get(self, action_id: int) -> PlanAction | None:
        row = self.db.row(f"SELECT {_COLUMNS} FROM plan_actions p WHERE p.id = ?", (action_id,))
        return _action(row) if row else None

    def owner(self, action_id: int) -> int | None:
        row = self.db.row("SELECT person_id FROM plan_actions WHERE id = ?", (action_id,))
        return int(row["person_id"]) if row else None

    def begun_in(self, session_id: int) -> list[PlanAction]:
        rows = self.db.rows(f"SELECT {_COLUMNS} FROM plan_actions p WHERE p.session_id = ? ORDER BY p.theme, p.id",
                            (session_id,))
        return [_action(r) for r in rows]

    def add(self, person_id: int, session_id: int, draft: ActionDraft) -> int:
        with self.db.write() as conn:
            return int(conn.execute(_INSERT, _values(person_id, session_id, draft, now())).lastrowid)

    def save(self, action_id: int, draft: ActionDraft) -> None:
        """Store a changed action (what, due, support, status, look-back); its theme and session stay."""
        self.save_many({action_id: draft})

    def save_many(self, drafts: Mapping[int, ActionDraft]) -> None:
        """Store several changed actions in one transaction (all or nothing)."""
        stamp = now()
        with self.db.write() as conn:
            conn.executemany("UPDATE plan_actions SET what = ?, due = ?, support = ?, status = ?, look_back = ?,"
                             " revision = revision + 1, updated_at = ? WHERE id = ?",
                             [(d.what, d.due.isoformat() if d.due else None, d.support, d.status, d.look_back, stamp,
                               action_id) for action_id, d in drafts.items()])

    def delete(self, action_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM plan_actions WHERE id = ?", (action_id,))

    # --- sharing with a group -----------------------------------------------------------------------

    def share(self, action_id: int, group_id: int, person_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("INSERT INTO plan_shares (action_id, group_id, person_id, shared_at) VALUES (?, ?, ?, ?)"
                         " ON CONFLICT(action_id, group_id) DO NOTHING", (action_id, group_id, person_id, now()))

    def withdraw(self, action_id: int, group_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM plan_shares WHERE action_id = ? AND group_id = ?", (action_id, group_id))

    def shared_groups(self, action_id: int) -> list[int]:
        rows = self.db.rows("SELECT group_id FROM plan_shares WHERE action_id = ? ORDER BY group_id", (action_id,))
        return [int(r["group_id"]) for r in rows]

    def shared_with_group(self, group_id: int) -> list[PlanAction]:
        """The actions the members show this group (a share ends when its member leaves), by member and due date."""
        rows = self.db.rows(f"SELECT {_COLUMNS} FROM plan_shares s JOIN plan_actions p ON p.id = s.action_id"
                            " WHERE s.group_id = ? ORDER BY s.person_id, p.due IS NULL, p.due, p.id", (group_id,))
        return [_action(r) for r in rows]

    # --- the installation ---------------------------------------------------------------------------

    def installation(self) -> str:
        """A random id of this database, made once (calendar UIDs derive from it)."""
        return str(self.db.rows("SELECT id FROM installation LIMIT 1")[0]["id"])
