"""Login tokens and device cookies (only their hashes), and counted attempts (failed logins, registrations) for throttling."""

from __future__ import annotations

from wegwijzer.clock import now
from wegwijzer.storage.database import Database


class Logins:
    """Named reads and writes on ``login_tokens`` and ``login_failures``."""

    def __init__(self, db: Database):
        self.db = db

    def add_token(self, token_hash: str, person_id: int, expires_at: str) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM login_tokens WHERE expires_at < ?", (now(),))
            conn.execute("INSERT INTO login_tokens (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                         (token_hash, person_id, now(), expires_at))

    def person_for_token(self, token_hash: str, at: str) -> int | None:
        row = self.db.row("SELECT person_id FROM login_tokens WHERE token_hash = ? AND expires_at > ?", (token_hash, at))
        return int(row["person_id"]) if row else None

    def end_all(self, person_id: int) -> None:
        """Delete every token of this person: logged out on every device."""
        with self.db.write() as conn:
            conn.execute("DELETE FROM login_tokens WHERE person_id = ?", (person_id,))

    def end_all_logins(self) -> None:
        """Delete every token of everyone: after a restore, nobody stays logged in with an old cookie."""
        with self.db.write() as conn:
            conn.execute("DELETE FROM login_tokens")

    def add_device(self, token_hash: str, person_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("INSERT INTO known_devices (token_hash, person_id, created_at, last_used_at) VALUES (?, ?, ?, ?)",
                         (token_hash, person_id, now(), now()))

    def device_person(self, token_hash: str) -> int | None:
        """Whose known device this is, or None."""
        row = self.db.row("SELECT person_id FROM known_devices WHERE token_hash = ?", (token_hash,))
        return int(row["person_id"]) if row else None

    def device_used(self, token_hash: str) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE known_devices SET last_used_at = ? WHERE token_hash = ?", (now(), token_hash))

    def record_failure(self, keys: list[str], at: float) -> None:
        """Count an attempt under each key (``email:…``, ``client:…``, ``device:…``, ``register:…``)."""
        with self.db.write() as conn:
            conn.execute("DELETE FROM login_failures WHERE at < ?", (at - 86_400,))
            conn.executemany("INSERT INTO login_failures (key, at) VALUES (?, ?)", [(k, at) for k in keys])

    def failures_since(self, key: str, since: float) -> list[float]:
        return [r["at"] for r in self.db.rows("SELECT at FROM login_failures WHERE key = ? AND at >= ? ORDER BY at",
                                              (key, since))]

    def clear_failures(self, key: str) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM login_failures WHERE key = ?", (key,))
