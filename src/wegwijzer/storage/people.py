"""People and their accounts: the local person of single-user mode, names, e-mail addresses, password hashes."""

from __future__ import annotations

import sqlite3

from wegwijzer.clock import now
from wegwijzer.domain.records import Account
from wegwijzer.storage.database import Database

LOCAL_PERSON_NAME = "Lokale gebruiker"

_ACCOUNT_SELECT = ("SELECT a.person_id, p.name, a.email, a.is_admin, a.must_change_password, a.created_at,"
                   " a.password_hash FROM accounts a JOIN people p ON p.id = a.person_id")


class AccountExists(Exception):
    """An account with this e-mail address exists already."""


def _account(row: sqlite3.Row) -> Account:
    return Account(person_id=row["person_id"], name=row["name"], email=row["email"],
                   is_admin=bool(row["is_admin"]), must_change_password=bool(row["must_change_password"]),
                   created_at=row["created_at"])


class People:
    """Named reads and writes on ``people`` and ``accounts``."""

    def __init__(self, db: Database):
        self.db = db

    def local_person(self) -> int:
        """The id of the single person of local mode, created on first use."""
        row = self.db.row("SELECT id FROM people ORDER BY id LIMIT 1")
        if row:
            return int(row["id"])
        with self.db.write() as conn:
            found = conn.execute("SELECT id FROM people ORDER BY id LIMIT 1").fetchone()
            if found:
                return int(found["id"])
            return int(conn.execute("INSERT INTO people (name, created_at) VALUES (?, ?)",
                                    (LOCAL_PERSON_NAME, now())).lastrowid)

    def create(self, name: str) -> int:
        """A person without an account (demo data, tests)."""
        with self.db.write() as conn:
            return int(conn.execute("INSERT INTO people (name, created_at) VALUES (?, ?)", (name, now())).lastrowid)

    def create_account(self, name: str, email: str, password_hash: str, *, is_admin: bool = False) -> int:
        """A person with an account; raises ``AccountExists`` when the e-mail address is taken."""
        stamp = now()
        with self.db.write() as conn:
            if conn.execute("SELECT 1 FROM accounts WHERE email = ?", (email,)).fetchone():
                raise AccountExists(email)
            person = int(conn.execute("INSERT INTO people (name, created_at) VALUES (?, ?)", (name, stamp)).lastrowid)
            conn.execute("INSERT INTO accounts (person_id, email, password_hash, is_admin, created_at)"
                         " VALUES (?, ?, ?, ?, ?)", (person, email, password_hash, int(is_admin), stamp))
        return person

    def account_by_email(self, email: str) -> tuple[Account, str] | None:
        """The account and its password hash, for the login check."""
        row = self.db.row(_ACCOUNT_SELECT + " WHERE a.email = ?", (email,))
        return (_account(row), row["password_hash"]) if row else None

    def account(self, person_id: int) -> Account | None:
        row = self.db.row(_ACCOUNT_SELECT + " WHERE a.person_id = ?", (person_id,))
        return _account(row) if row else None

    def password_hash(self, person_id: int) -> str | None:
        row = self.db.row("SELECT password_hash FROM accounts WHERE person_id = ?", (person_id,))
        return row["password_hash"] if row else None

    def accounts(self) -> list[Account]:
        return [_account(r) for r in self.db.rows(_ACCOUNT_SELECT + " ORDER BY p.name COLLATE NOCASE")]

    def has_admin(self) -> bool:
        return self.db.exists("SELECT 1 FROM accounts WHERE is_admin = 1 LIMIT 1")

    def set_password_hash(self, person_id: int, password_hash: str, *, must_change: bool) -> None:
        """Replace the password hash and end every login of that person."""
        with self.db.write() as conn:
            conn.execute("UPDATE accounts SET password_hash = ?, must_change_password = ? WHERE person_id = ?",
                         (password_hash, int(must_change), person_id))
            conn.execute("DELETE FROM login_tokens WHERE person_id = ?", (person_id,))

    def delete(self, person_id: int) -> None:
        """Erase a person with everything that hangs off them (sessions, groups they made, coach links)."""
        with self.db.write() as conn:
            conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
