"""Spiegel (360°) rounds, their rater links (only token hashes) and the responses.

An invitation knows its round and category; a response does not know its invitation and has no time,
so nobody can tell from the database who answered what.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence

from wegwijzer.clock import now
from wegwijzer.domain.mirror import RaterResponse
from wegwijzer.domain.records import MirrorInvite, MirrorRound, RaterLink
from wegwijzer.storage.database import Database

NewInvite = tuple[str, str, str]  # token hash, label, category

_ROUND_SELECT = ("SELECT r.*, p.name AS person_name, (r.closed_at IS NOT NULL OR r.expires_at <= ?) AS closed"
                 " FROM mirror_rounds r JOIN people p ON p.id = r.person_id")


def _round(row: sqlite3.Row) -> MirrorRound:
    return MirrorRound(
        id=row["id"], person_id=row["person_id"], person_name=row["person_name"], title=row["title"],
        themes=tuple(json.loads(row["themes"])),
        self_scores={int(k): v for k, v in json.loads(row["self_scores"]).items()}, seed=row["seed"],
        created_at=row["created_at"], expires_at=row["expires_at"], closed_at=row["closed_at"],
        closed=bool(row["closed"]))


class Mirror:
    """Named reads and writes on ``mirror_rounds``, ``mirror_invites`` and ``mirror_responses``."""

    def __init__(self, db: Database):
        self.db = db

    def create_round(self, person_id: int, title: str, themes: Sequence[int], self_scores: Mapping[int, int | None],
                     seed: str, expires_at: str, invites: Sequence[NewInvite]) -> int:
        """A feedback round with its invitations, in one transaction."""
        stamp = now()
        with self.db.write() as conn:
            round_id = int(conn.execute(
                "INSERT INTO mirror_rounds (person_id, title, themes, self_scores, seed, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (person_id, title, json.dumps(list(themes)), json.dumps(dict(self_scores)), seed, stamp,
                 expires_at)).lastrowid)
            conn.executemany("INSERT INTO mirror_invites (token_hash, round_id, label, category, created_at)"
                             " VALUES (?, ?, ?, ?, ?)", [(h, round_id, label, cat, stamp) for h, label, cat in invites])
        return round_id

    def add_invites(self, round_id: int, invites: Sequence[NewInvite]) -> None:
        with self.db.write() as conn:
            conn.executemany("INSERT INTO mirror_invites (token_hash, round_id, label, category, created_at)"
                             " VALUES (?, ?, ?, ?, ?)", [(h, round_id, label, cat, now()) for h, label, cat in invites])

    def round(self, round_id: int) -> MirrorRound | None:
        row = self.db.row(_ROUND_SELECT + " WHERE r.id = ?", (now(), round_id))
        return _round(row) if row else None

    def rounds_of(self, person_id: int) -> list[MirrorRound]:
        """A person's rounds, newest first."""
        return [_round(r) for r in self.db.rows(_ROUND_SELECT + " WHERE r.person_id = ? ORDER BY r.id DESC",
                                                (now(), person_id))]

    def round_owner(self, round_id: int) -> int | None:
        row = self.db.row("SELECT person_id FROM mirror_rounds WHERE id = ?", (round_id,))
        return int(row["person_id"]) if row else None

    def invites(self, round_id: int) -> list[MirrorInvite]:
        rows = self.db.rows("SELECT label, category, used, created_at FROM mirror_invites"
                            " WHERE round_id = ? ORDER BY created_at, label", (round_id,))
        return [MirrorInvite(label=r["label"], category=r["category"], used=bool(r["used"]),
                             created_at=r["created_at"]) for r in rows]

    def link(self, token_hash: str) -> RaterLink | None:
        row = self.db.row("SELECT round_id, category, used FROM mirror_invites WHERE token_hash = ?", (token_hash,))
        return RaterLink(round_id=row["round_id"], category=row["category"], used=bool(row["used"])) if row else None

    def store_response(self, token_hash: str, ratings: Mapping[int, int | None], comments: Mapping[int, str]) -> bool:
        """Use the invitation once and store the answers without any link to it; False if already used."""
        with self.db.write() as conn:
            row = conn.execute("SELECT round_id, category FROM mirror_invites WHERE token_hash = ? AND used = 0",
                               (token_hash,)).fetchone()
            if row is None:
                return False
            conn.execute("UPDATE mirror_invites SET used = 1 WHERE token_hash = ?", (token_hash,))
            conn.execute("INSERT INTO mirror_responses (round_id, category, ratings, comments) VALUES (?, ?, ?, ?)",
                         (row["round_id"], row["category"], json.dumps(dict(ratings)), json.dumps(dict(comments))))
        return True

    def responses(self, round_id: int) -> list[RaterResponse]:
        rows = self.db.rows("SELECT id, category, ratings, comments FROM mirror_responses WHERE round_id = ?",
                            (round_id,))
        return [RaterResponse(rater=str(r["id"]), category=r["category"],
                              ratings={int(k): v for k, v in json.loads(r["ratings"]).items()},
                              comments={int(k): v for k, v in json.loads(r["comments"]).items()}) for r in rows]

    def close_round(self, round_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE mirror_rounds SET closed_at = ? WHERE id = ? AND closed_at IS NULL", (now(), round_id))

    def delete_round(self, round_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM mirror_rounds WHERE id = ?", (round_id,))
