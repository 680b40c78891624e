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

_ROUND_SELECT = ("SELECT r.*, p.name AS person_name, (r.closed_at IS NOT NULL OR r.expires_at <= ?) AS closed,"
                 " coalesce(f.name, '') AS facilitator_name"
                 " FROM mirror_rounds r JOIN people p ON p.id = r.person_id LEFT JOIN people f ON f.id = r.facilitator_id")


def _round(row: sqlite3.Row) -> MirrorRound:
    return MirrorRound(
        id=row["id"], person_id=row["person_id"], person_name=row["person_name"], title=row["title"],
        themes=tuple(json.loads(row["themes"])),
        self_scores={int(k): v for k, v in json.loads(row["self_scores"]).items()}, seed=row["seed"],
        created_at=row["created_at"], expires_at=row["expires_at"], closed_at=row["closed_at"],
        closed=bool(row["closed"]), kind=row["kind"], facilitator_id=row["facilitator_id"],
        facilitator_name=row["facilitator_name"])


class Mirror:
    """Named reads and writes on ``mirror_rounds``, ``mirror_invites`` and ``mirror_responses``."""

    def __init__(self, db: Database):
        self.db = db

    def create_round(self, person_id: int, title: str, themes: Sequence[int], self_scores: Mapping[int, int | None],
                     seed: str, expires_at: str, invites: Sequence[NewInvite], facilitator_id: int | None = None) -> int:
        """A feedback round with its invitations, in one transaction.

        With a facilitator the round is "begeleid" and its invitations wait, not issued, for the facilitator.
        """
        stamp = now()
        with self.db.write() as conn:
            round_id = int(conn.execute(
                "INSERT INTO mirror_rounds (person_id, title, themes, self_scores, seed, created_at, expires_at, kind,"
                " facilitator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, title, json.dumps(list(themes)), json.dumps(dict(self_scores)), seed, stamp,
                 expires_at, "zelf" if facilitator_id is None else "begeleid", facilitator_id)).lastrowid)
            self._insert_invites(conn, round_id, invites, issued=facilitator_id is None)
        return round_id

    def add_invites(self, round_id: int, invites: Sequence[NewInvite], *, issued: bool = True) -> None:
        with self.db.write() as conn:
            self._insert_invites(conn, round_id, invites, issued=issued)

    @staticmethod
    def _insert_invites(conn: sqlite3.Connection, round_id: int, invites: Sequence[NewInvite], *, issued: bool) -> None:
        conn.executemany("INSERT INTO mirror_invites (token_hash, round_id, label, category, created_at, issued)"
                         " VALUES (?, ?, ?, ?, ?, ?)", [(h, round_id, label, cat, now(), int(issued))
                                                        for h, label, cat in invites])

    def facilitated_rounds(self, facilitator_id: int) -> list[MirrorRound]:
        """The rounds this person hands out the links of, newest first."""
        return [_round(r) for r in self.db.rows(_ROUND_SELECT + " WHERE r.facilitator_id = ? AND r.kind = 'begeleid'"
                                                " ORDER BY r.id DESC", (now(), facilitator_id))]

    def round_facilitator(self, round_id: int) -> tuple[int, int] | None:
        """(facilitator, owner) of a facilitated round, or None."""
        row = self.db.row("SELECT facilitator_id, person_id FROM mirror_rounds WHERE id = ? AND kind = 'begeleid'"
                          " AND facilitator_id IS NOT NULL", (round_id,))
        return (int(row["facilitator_id"]), int(row["person_id"])) if row else None

    def pending_invites(self, round_id: int) -> list[NewInvite]:
        """The invitations not issued yet: (placeholder, label, category)."""
        return [(r["token_hash"], r["label"], r["category"]) for r in self.db.rows(
            "SELECT token_hash, label, category FROM mirror_invites WHERE round_id = ? AND issued = 0"
            " ORDER BY created_at, label", (round_id,))]

    def issue(self, round_id: int, hashes: Mapping[str, str]) -> None:
        """Give waiting invitations their real token hashes (placeholder -> hash): from now on the links work."""
        with self.db.write() as conn:
            conn.executemany("UPDATE mirror_invites SET token_hash = ?, issued = 1"
                             " WHERE token_hash = ? AND round_id = ? AND issued = 0",
                             [(new, old, round_id) for old, new in hashes.items()])

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
        rows = self.db.rows("SELECT label, category, used, issued, created_at FROM mirror_invites"
                            " WHERE round_id = ? ORDER BY created_at, label", (round_id,))
        return [MirrorInvite(label=r["label"], category=r["category"], used=bool(r["used"]),
                             created_at=r["created_at"], issued=bool(r["issued"])) for r in rows]

    def link(self, token_hash: str) -> RaterLink | None:
        row = self.db.row("SELECT round_id, category, used FROM mirror_invites WHERE token_hash = ? AND issued = 1",
                          (token_hash,))
        return RaterLink(round_id=row["round_id"], category=row["category"], used=bool(row["used"])) if row else None

    def store_response(self, token_hash: str, ratings: Mapping[int, int | None], comments: Mapping[int, str]) -> bool:
        """Use the invitation once and store the answers without any link to it; False if already used."""
        with self.db.write() as conn:
            row = conn.execute("SELECT round_id, category FROM mirror_invites WHERE token_hash = ? AND used = 0 AND issued = 1",
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
