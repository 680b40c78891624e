"""Password reset codes (only their hashes) and the account events a person sees: what an administrator did."""

from __future__ import annotations

from wegwijzer.clock import now
from wegwijzer.domain.records import AccountEvent
from wegwijzer.storage.database import Database


class Audit:
    """Named reads and writes on ``password_resets`` and ``account_events``."""

    def __init__(self, db: Database):
        self.db = db

    def issue_reset(self, person_id: int, code_hash: str, expires_at: str, admin_name: str) -> None:
        """Store a new reset code (replacing an open one) and record that an administrator made it."""
        stamp = now()
        with self.db.write() as conn:
            conn.execute("INSERT OR REPLACE INTO password_resets (person_id, code_hash, created_at, expires_at)"
                         " VALUES (?, ?, ?, ?)", (person_id, code_hash, stamp, expires_at))
            conn.execute("INSERT INTO account_events (person_id, kind, admin_name, at) VALUES (?, 'reset_issued', ?, ?)",
                         (person_id, admin_name, stamp))

    def use_reset(self, person_id: int, code_hash: str, password_hash: str) -> bool:
        """Set the new password when the code is this person's open, unexpired code; the code is then gone.

        Ends every login of the person and records the use, in one transaction. False for a wrong code.
        """
        stamp = now()
        with self.db.write() as conn:
            row = conn.execute("SELECT 1 FROM password_resets WHERE person_id = ? AND code_hash = ? AND expires_at > ?",
                               (person_id, code_hash, stamp)).fetchone()
            if row is None:
                return False
            conn.execute("DELETE FROM password_resets WHERE person_id = ?", (person_id,))
            conn.execute("UPDATE accounts SET password_hash = ?, must_change_password = 0 WHERE person_id = ?",
                         (password_hash, person_id))
            conn.execute("DELETE FROM login_tokens WHERE person_id = ?", (person_id,))
            conn.execute("INSERT INTO account_events (person_id, kind, at) VALUES (?, 'reset_used', ?)", (person_id, stamp))
        return True

    def open_reset_until(self, person_id: int) -> str | None:
        row = self.db.row("SELECT expires_at FROM password_resets WHERE person_id = ? AND expires_at > ?",
                          (person_id, now()))
        return row["expires_at"] if row else None

    def events(self, person_id: int, since: str = "") -> list[AccountEvent]:
        """The person's account events from ``since`` on, newest first."""
        return [AccountEvent(kind=r["kind"], at=r["at"], admin_name=r["admin_name"]) for r in
                self.db.rows("SELECT kind, at, admin_name FROM account_events WHERE person_id = ? AND at >= ?"
                             " ORDER BY at DESC, id DESC", (person_id, since))]
