"""Intervision groups, their members, and which session each member shares."""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Sequence

from wegwijzer.clock import now
from wegwijzer.domain.records import AgendaChoice, Answer, Group, Membership
from wegwijzer.storage.database import Database


def _group(row: sqlite3.Row) -> Group:
    agenda = None
    if row["agenda"]:
        agenda = tuple(AgendaChoice(theme=int(i["theme"]), method=str(i.get("method", "")),
                                    reason=str(i.get("reason") or "eigen")) for i in json.loads(row["agenda"]))
    return Group(id=row["id"], name=row["name"], join_code=row["join_code"], creator_id=row["creator_id"],
                 naming=row["naming"], agenda=agenda, created_at=row["created_at"])


class Groups:
    """Named reads and writes on ``groups`` and ``group_members``."""

    def __init__(self, db: Database):
        self.db = db

    def create(self, name: str, creator_id: int, join_code: str, naming: str) -> int:
        stamp = now()
        with self.db.write() as conn:
            group = int(conn.execute("INSERT INTO groups (name, join_code, creator_id, naming, created_at, pseudonym_seed)"
                                     " VALUES (?, ?, ?, ?, ?, ?)",
                                     (name, join_code, creator_id, naming, stamp, secrets.token_hex(16))).lastrowid)
            conn.execute("INSERT INTO group_members (group_id, person_id, joined_at) VALUES (?, ?, ?)",
                         (group, creator_id, stamp))
        return group

    def get(self, group_id: int) -> Group | None:
        row = self.db.row("SELECT * FROM groups WHERE id = ?", (group_id,))
        return _group(row) if row else None

    def by_code(self, join_code: str) -> Group | None:
        row = self.db.row("SELECT * FROM groups WHERE join_code = ?", (join_code,))
        return _group(row) if row else None

    def of_person(self, person_id: int) -> list[Group]:
        rows = self.db.rows("SELECT g.* FROM groups g JOIN group_members m ON m.group_id = g.id"
                            " WHERE m.person_id = ? ORDER BY g.created_at DESC, g.id DESC", (person_id,))
        return [_group(r) for r in rows]

    def members(self, group_id: int) -> list[Membership]:
        rows = self.db.rows("SELECT m.group_id, m.person_id, p.name, m.session_id, m.joined_at, m.shows_name"
                            " FROM group_members m JOIN people p ON p.id = m.person_id WHERE m.group_id = ?"
                            " ORDER BY m.joined_at, m.rowid", (group_id,))
        return [Membership(group_id=r["group_id"], person_id=r["person_id"], name=r["name"],
                           session_id=r["session_id"], joined_at=r["joined_at"], shows_name=bool(r["shows_name"]))
                for r in rows]

    def pseudonym_seed(self, group_id: int) -> str:
        row = self.db.row("SELECT pseudonym_seed FROM groups WHERE id = ?", (group_id,))
        return row["pseudonym_seed"] if row else ""

    def set_shows_name(self, group_id: int, person_id: int, shown: bool) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE group_members SET shows_name = ? WHERE group_id = ? AND person_id = ?",
                         (int(shown), group_id, person_id))

    def is_member(self, group_id: int, person_id: int) -> bool:
        return self.db.exists("SELECT 1 FROM group_members WHERE group_id = ? AND person_id = ?", (group_id, person_id))

    def add_member(self, group_id: int, person_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("INSERT OR IGNORE INTO group_members (group_id, person_id, joined_at) VALUES (?, ?, ?)",
                         (group_id, person_id, now()))

    def remove_member(self, group_id: int, person_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM group_members WHERE group_id = ? AND person_id = ?", (group_id, person_id))

    def set_shared_session(self, group_id: int, person_id: int, session_id: int | None) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE group_members SET session_id = ? WHERE group_id = ? AND person_id = ?",
                         (session_id, group_id, person_id))

    def session_shared_with(self, session_id: int, person_id: int) -> bool:
        """Whether the session is shared with a group this person is a member of."""
        return self.db.exists(
            "SELECT 1 FROM group_members s JOIN group_members m ON m.group_id = s.group_id"
            " WHERE s.session_id = ? AND m.person_id = ? LIMIT 1", (session_id, person_id))

    def rename(self, group_id: int, name: str) -> None:
        self._set(group_id, "name", name)

    def set_naming(self, group_id: int, naming: str) -> None:
        self._set(group_id, "naming", naming)

    def set_join_code(self, group_id: int, join_code: str) -> None:
        self._set(group_id, "join_code", join_code)

    def set_agenda(self, group_id: int, agenda: Sequence[AgendaChoice] | None) -> None:
        """The facilitator's agenda, or None: the proposal from the shared figures stands."""
        encoded = None if agenda is None else json.dumps(
            [{"theme": c.theme, "method": c.method, "reason": c.reason} for c in agenda], ensure_ascii=False)
        self._set(group_id, "agenda", encoded)

    def _set(self, group_id: int, column: str, value: object) -> None:
        with self.db.write() as conn:
            conn.execute(f"UPDATE groups SET {column} = ? WHERE id = ?", (value, group_id))

    def delete(self, group_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM groups WHERE id = ?", (group_id,))

    def shared_answers(self, group_id: int) -> dict[int, dict[int, Answer]]:
        """Per member with a shared session: the answers without notes (notes never leave their owner)."""
        rows = self.db.rows("SELECT m.person_id, a.theme, a.mastery, a.importance, a.not_applicable FROM group_members m"
                            " JOIN answers a ON a.session_id = m.session_id WHERE m.group_id = ?", (group_id,))
        result: dict[int, dict[int, Answer]] = {}
        for r in rows:
            result.setdefault(r["person_id"], {})[r["theme"]] = Answer(
                theme=r["theme"], mastery=r["mastery"], importance=r["importance"],
                not_applicable=bool(r["not_applicable"]))
        return result
