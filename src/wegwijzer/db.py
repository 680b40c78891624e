"""The one module that owns the database.

Everything that touches SQLite goes through :class:`Store`: schema migrations at open, reads, and
writes. Writes run in ``BEGIN IMMEDIATE`` transactions (so concurrent writers queue on the busy
timeout instead of failing half-way, which sqlite-utils' deferred ``atomic()`` can do), the journal is
WAL, and one connection per ``Store`` is shared by threads behind a lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils import Migrations

from .models import Action, Answer, SessionRecord

BUSY_TIMEOUT_MS = 15_000
LOCAL_PERSON_NAME = "Lokale gebruiker"
_ANSWER_FIELDS = {"mastery", "importance", "not_applicable", "note"}

migrations = Migrations("wegwijzer")


@migrations(name="0001_people_sessions_answers")
def _m0001(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT '',
            scope_kind TEXT NOT NULL CHECK (scope_kind IN ('alle','quickscan','deel','hoofdstuk','eigen')),
            scope_key TEXT NOT NULL DEFAULT '',
            perspective TEXT NOT NULL CHECK (perspective IN ('zittend','startend','aspirant')),
            themes TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','afgerond')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            completed_at TEXT
        )""")
    db.execute("CREATE INDEX sessions_person ON sessions(person_id, created_at)")
    db.execute("""
        CREATE TABLE answers (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            theme INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 100),
            mastery INTEGER CHECK (mastery BETWEEN 1 AND 5),
            importance INTEGER CHECK (importance BETWEEN 1 AND 3),
            not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0,1)),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (session_id, theme)
        )""")


@migrations(name="0002_actions")
def _m0002(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE actions (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            theme INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 100),
            text TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (session_id, theme)
        )""")


@functools.lru_cache(maxsize=32)
def _answer_sql(fields: tuple[str, ...]) -> tuple[str, str]:
    """UPDATE and INSERT for one combination of changed answer fields.

    Most writes change an answer that exists, and a plain UPDATE costs about 40% less than an
    upsert; the INSERT runs only when the UPDATE found no row.
    """
    update = (f"UPDATE answers SET {''.join(f + ' = ?, ' for f in fields)}updated_at = ?"
              " WHERE session_id = ? AND theme = ?")
    insert = (f"INSERT INTO answers (session_id, theme, updated_at{''.join(', ' + f for f in fields)})"
              f" VALUES (?, ?, ?{', ?' * len(fields)})")
    return update, insert


class DatabaseProblem(Exception):
    """The database file cannot be used; ``message`` is Dutch and meant for the person."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class Store:
    """Named reads and writes on one SQLite database, migrated on open."""

    def __init__(self, path: Path | str = ":memory:"):
        self.path = str(path)
        if self.path != ":memory:":
            self._check_file(Path(self.path))
        try:
            self.conn = _connect(self.path)
            if self.path != ":memory:":
                mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise DatabaseProblem("De database kan niet in WAL-modus worden geopend.")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.db = sqlite_utils.Database(self.conn)
            self._lock = threading.Lock()
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise DatabaseProblem(
                f"Het databasebestand {self.path} is beschadigd of geen SQLite-database ({exc}). "
                "Er is niets overschreven. Zet een back-up terug (zie README) of verplaats het bestand."
            ) from exc

    @staticmethod
    def _check_file(path: Path) -> None:
        if path.exists():
            if not path.is_file():
                raise DatabaseProblem(f"{path} is geen bestand. Kies met WEGWIJZER_DB een ander pad.")
            with path.open("rb") as fh:
                head = fh.read(16)
            if head and head != b"SQLite format 3\x00":
                raise DatabaseProblem(
                    f"Het bestand {path} is geen SQLite-database. Er is niets overschreven; "
                    "verplaats het bestand of kies met WEGWIJZER_DB een ander pad."
                )
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise DatabaseProblem(
                    f"De database {path} (of de map erom) is alleen-lezen. Geef schrijfrechten "
                    "of kies met WEGWIJZER_DB een ander pad; er is niets gewijzigd."
                )
        else:
            # A -wal or -shm file without its database (left when only the .db was deleted) would make
            # SQLite fail with "disk I/O error" on the new file; it holds nothing usable, so set it aside.
            for suffix in ("-wal", "-shm"):
                orphan = path.with_name(path.name + suffix)
                if orphan.exists():
                    orphan.rename(orphan.with_name(f"{orphan.name}.wees-{int(time.time())}"))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseProblem(f"De map {path.parent} kan niet worden gemaakt ({exc.strerror}).") from exc

    # --- transactions -----------------------------------------------------------------------

    def migrate(self) -> None:
        """Apply pending migrations, all in one IMMEDIATE transaction (safe to repeat)."""
        with self._lock:
            if not migrations.pending(self.db):
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                migrations.apply(self.db)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: BEGIN IMMEDIATE, COMMIT on success, ROLLBACK on any error."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def _query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def applied_migrations(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    # --- people -----------------------------------------------------------------------------

    def local_person(self) -> int:
        """The id of the single person of local mode, created on first use."""
        rows = self._query("SELECT id FROM people ORDER BY id LIMIT 1")
        if rows:
            return int(rows[0]["id"])
        with self.write() as conn:
            row = conn.execute("SELECT id FROM people ORDER BY id LIMIT 1").fetchone()
            if row:
                return int(row["id"])
            return int(conn.execute("INSERT INTO people (name, created_at) VALUES (?, ?)",
                                    (LOCAL_PERSON_NAME, now())).lastrowid)

    # --- sessions ---------------------------------------------------------------------------

    def create_session(self, person_id: int, *, label: str, scope_kind: str, scope_key: str,
                       perspective: str, themes: list[int]) -> int:
        stamp = now()
        with self.write() as conn:
            return int(conn.execute(
                "INSERT INTO sessions (person_id, label, scope_kind, scope_key, perspective, themes, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, label, scope_kind, scope_key, perspective, json.dumps(themes), stamp, stamp),
            ).lastrowid)

    def _session_from_row(self, row: sqlite3.Row) -> SessionRecord:
        return SessionRecord(
            id=row["id"], person_id=row["person_id"], label=row["label"], scope_kind=row["scope_kind"],
            scope_key=row["scope_key"], perspective=row["perspective"], themes=tuple(json.loads(row["themes"])),
            status=row["status"], created_at=row["created_at"], updated_at=row["updated_at"],
            completed_at=row["completed_at"], answered=row["answered"],
        )

    _SESSION_SELECT = (
        "SELECT s.id, s.person_id, s.label, s.scope_kind, s.scope_key, s.perspective, s.themes, s.status,"
        " s.created_at, s.completed_at,"
        " MAX(s.updated_at, COALESCE((SELECT MAX(a.updated_at) FROM answers a WHERE a.session_id = s.id), '')) AS updated_at,"
        " (SELECT COUNT(*) FROM answers a WHERE a.session_id = s.id"
        " AND (a.mastery IS NOT NULL OR a.not_applicable = 1)) AS answered FROM sessions s"
    )

    def session(self, session_id: int) -> SessionRecord | None:
        rows = self._query(self._SESSION_SELECT + " WHERE s.id = ?", (session_id,))
        return self._session_from_row(rows[0]) if rows else None

    def sessions_of(self, person_id: int) -> list[SessionRecord]:
        rows = self._query(self._SESSION_SELECT + " WHERE s.person_id = ? ORDER BY s.created_at DESC, s.id DESC",
                           (person_id,))
        return [self._session_from_row(r) for r in rows]

    def set_status(self, session_id: int, status: str) -> None:
        stamp = now()
        with self.write() as conn:
            conn.execute("UPDATE sessions SET status = ?, updated_at = ?, completed_at = ? WHERE id = ?",
                         (status, stamp, stamp if status == "afgerond" else None, session_id))

    def rename_session(self, session_id: int, label: str) -> None:
        with self.write() as conn:
            conn.execute("UPDATE sessions SET label = ?, updated_at = ? WHERE id = ?", (label, now(), session_id))

    def delete_session(self, session_id: int) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def delete_person_data(self, person_id: int) -> None:
        """Remove every session, answer and action of a person (the person stays, empty)."""
        with self.write() as conn:
            conn.execute("DELETE FROM sessions WHERE person_id = ?", (person_id,))

    # --- answers ----------------------------------------------------------------------------

    def answers(self, session_id: int) -> dict[int, Answer]:
        rows = self._query("SELECT theme, mastery, importance, not_applicable, note FROM answers WHERE session_id = ?",
                           (session_id,))
        return {r["theme"]: Answer(theme=r["theme"], mastery=r["mastery"], importance=r["importance"],
                                   not_applicable=bool(r["not_applicable"]), note=r["note"]) for r in rows}

    def save_answer(self, session_id: int, theme: int, **changes: Any) -> None:
        """Store one change to one answer at once; fields not named keep their value.

        ``changes`` may hold ``mastery``, ``importance``, ``not_applicable`` and ``note``. Choosing
        "niet van toepassing" clears the mastery score; choosing a score clears "niet van toepassing".
        One upsert statement, so a write holds the database lock as briefly as possible.
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
        update, insert = _answer_sql(fields)
        with self._lock:  # inlined write(): this is the hot path of every click
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if self.conn.execute(update, (*values, stamp, session_id, theme)).rowcount == 0:
                    self.conn.execute(insert, (session_id, theme, stamp, *values))
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # --- actions ----------------------------------------------------------------------------

    def actions(self, session_id: int) -> dict[int, Action]:
        rows = self._query("SELECT theme, text FROM actions WHERE session_id = ?", (session_id,))
        return {r["theme"]: Action(theme=r["theme"], text=r["text"]) for r in rows}

    def save_action(self, session_id: int, theme: int, text: str) -> None:
        with self.write() as conn:
            if text.strip():
                conn.execute("INSERT INTO actions (session_id, theme, text, updated_at) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT(session_id, theme) DO UPDATE SET text = excluded.text,"
                             " updated_at = excluded.updated_at", (session_id, theme, text.strip(), now()))
            else:
                conn.execute("DELETE FROM actions WHERE session_id = ? AND theme = ?", (session_id, theme))

    # --- import -----------------------------------------------------------------------------

    def insert_full_session(self, person_id: int, session: dict[str, Any], answers: list[Answer],
                            actions: list[Action]) -> int:
        """Insert a session with all its answers and actions in one transaction (all or nothing)."""
        stamp = now()
        with self.write() as conn:
            session_id = int(conn.execute(
                "INSERT INTO sessions (person_id, label, scope_kind, scope_key, perspective, themes, status,"
                " created_at, updated_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, session["label"], session["scope_kind"], session["scope_key"], session["perspective"],
                 json.dumps(list(session["themes"])), session["status"], session["created_at"], stamp,
                 session.get("completed_at")),
            ).lastrowid)
            conn.executemany(
                "INSERT INTO answers (session_id, theme, mastery, importance, not_applicable, note, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(session_id, a.theme, a.mastery, a.importance, int(a.not_applicable), a.note, stamp) for a in answers],
            )
            conn.executemany("INSERT INTO actions (session_id, theme, text, updated_at) VALUES (?, ?, ?, ?)",
                             [(session_id, a.theme, a.text, stamp) for a in actions])
        return session_id

    # --- maintenance ------------------------------------------------------------------------

    def backup_to(self, target: Path | str) -> None:
        """Copy the database with SQLite's online backup API (safe while the app runs)."""
        target_conn = sqlite3.connect(str(target))
        try:
            with self._lock:
                self.conn.backup(target_conn)
        finally:
            target_conn.close()

    def counts(self) -> dict[str, int]:
        """Row counts per table, used by tests and the data page."""
        return {t: self._query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"] for t in ("people", "sessions", "answers", "actions")}
