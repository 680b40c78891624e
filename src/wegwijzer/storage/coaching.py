"""Coach links (invitation, acceptance, scope, revocation) and the coach's private preparation."""

from __future__ import annotations

import json
import sqlite3

from wegwijzer.clock import now
from wegwijzer.domain.records import CoachLink, CoachPrep
from wegwijzer.storage.database import Database

_LINK_SELECT = ("SELECT l.*, pe.name AS coachee_name, COALESCE(pc.name, '') AS coach_name FROM coach_links l"
                " JOIN people pe ON pe.id = l.coachee_id LEFT JOIN people pc ON pc.id = l.coach_id")


def _link(row: sqlite3.Row) -> CoachLink:
    return CoachLink(id=row["id"], coachee_id=row["coachee_id"], coachee_name=row["coachee_name"],
                     coach_id=row["coach_id"], coach_name=row["coach_name"], code=row["code"], scope=row["scope"],
                     status=row["status"], created_at=row["created_at"], accepted_at=row["accepted_at"],
                     revoked_at=row["revoked_at"])


class Coaching:
    """Named reads and writes on ``coach_links`` and ``coach_preps``."""

    def __init__(self, db: Database):
        self.db = db

    def create_link(self, coachee_id: int, code: str, scope: str) -> int:
        with self.db.write() as conn:
            return int(conn.execute("INSERT INTO coach_links (coachee_id, code, scope, created_at) VALUES (?, ?, ?, ?)",
                                    (coachee_id, code, scope, now())).lastrowid)

    def link(self, link_id: int) -> CoachLink | None:
        row = self.db.row(_LINK_SELECT + " WHERE l.id = ?", (link_id,))
        return _link(row) if row else None

    def link_by_code(self, code: str) -> CoachLink | None:
        row = self.db.row(_LINK_SELECT + " WHERE l.code = ?", (code,))
        return _link(row) if row else None

    def links_as_coachee(self, person_id: int) -> list[CoachLink]:
        return [_link(r) for r in self.db.rows(_LINK_SELECT + " WHERE l.coachee_id = ?"
                                               " ORDER BY l.created_at DESC, l.id DESC", (person_id,))]

    def links_as_coach(self, person_id: int) -> list[CoachLink]:
        return [_link(r) for r in self.db.rows(_LINK_SELECT + " WHERE l.coach_id = ? AND l.status = 'actief'"
                                               " ORDER BY pe.name COLLATE NOCASE", (person_id,))]

    def active_scope(self, coach_id: int, coachee_id: int) -> str | None:
        """The widest scope of an accepted, unrevoked link from coachee to coach, or None."""
        rows = self.db.rows("SELECT scope FROM coach_links WHERE coach_id = ? AND coachee_id = ? AND status = 'actief'",
                            (coach_id, coachee_id))
        scopes = {r["scope"] for r in rows}
        return "scores_notities" if "scores_notities" in scopes else ("scores" if scopes else None)

    def accept(self, link_id: int, coach_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE coach_links SET coach_id = ?, status = 'actief', accepted_at = ?"
                         " WHERE id = ? AND status = 'uitgenodigd'", (coach_id, now(), link_id))

    def set_scope(self, link_id: int, scope: str) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE coach_links SET scope = ? WHERE id = ? AND status != 'ingetrokken'", (scope, link_id))

    def revoke(self, link_id: int) -> None:
        """End the link; the coach's preparation for it goes too, so nothing of the coachee stays with the coach."""
        with self.db.write() as conn:
            conn.execute("UPDATE coach_links SET status = 'ingetrokken', revoked_at = ? WHERE id = ?", (now(), link_id))
            conn.execute("DELETE FROM coach_preps WHERE link_id = ?", (link_id,))

    def prep(self, link_id: int) -> CoachPrep | None:
        row = self.db.row("SELECT content FROM coach_preps WHERE link_id = ?", (link_id,))
        if row is None:
            return None
        data = json.loads(row["content"])
        return CoachPrep(themes=tuple(int(n) for n in data.get("themes", [])), grow=dict(data.get("grow", {})),
                         theme_notes={int(k): str(v) for k, v in data.get("theme_notes", {}).items()})

    def save_prep(self, link_id: int, prep: CoachPrep) -> None:
        content = json.dumps({"themes": list(prep.themes), "grow": dict(prep.grow),
                              "theme_notes": {str(k): v for k, v in prep.theme_notes.items()}}, ensure_ascii=False)
        with self.db.write() as conn:
            conn.execute("INSERT INTO coach_preps (link_id, content, updated_at) VALUES (?, ?, ?)"
                         " ON CONFLICT(link_id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at",
                         (link_id, content, now()))
