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

from wegwijzer.domain.records import Account, Action, Answer, CoachLink, Group, Membership, SessionRecord
from wegwijzer.errors import DutchMessage

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


@migrations(name="0003_accounts_groups_coaching")
def _m0003(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE accounts (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            email TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0,1)),
            must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0,1)),
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE login_tokens (
            token_hash TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX login_tokens_person ON login_tokens(person_id)")
    db.execute("""
        CREATE TABLE login_failures (
            key TEXT NOT NULL,
            at REAL NOT NULL
        )""")
    db.execute("CREATE INDEX login_failures_key ON login_failures(key, at)")
    db.execute("""
        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            join_code TEXT NOT NULL UNIQUE,
            creator_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            naming TEXT NOT NULL DEFAULT 'namen' CHECK (naming IN ('namen','deelnemers')),
            agenda TEXT,
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE group_members (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            joined_at TEXT NOT NULL,
            PRIMARY KEY (group_id, person_id)
        )""")
    db.execute("CREATE INDEX group_members_person ON group_members(person_id)")
    db.execute("""
        CREATE TABLE coach_links (
            id INTEGER PRIMARY KEY,
            coachee_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            coach_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
            code TEXT NOT NULL UNIQUE,
            scope TEXT NOT NULL CHECK (scope IN ('scores','scores_notities')),
            status TEXT NOT NULL DEFAULT 'uitgenodigd' CHECK (status IN ('uitgenodigd','actief','ingetrokken')),
            created_at TEXT NOT NULL,
            accepted_at TEXT,
            revoked_at TEXT
        )""")
    db.execute("CREATE INDEX coach_links_coach ON coach_links(coach_id, status)")
    db.execute("CREATE INDEX coach_links_coachee ON coach_links(coachee_id, status)")
    db.execute("""
        CREATE TABLE coach_preps (
            link_id INTEGER PRIMARY KEY REFERENCES coach_links(id) ON DELETE CASCADE,
            content TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")


@migrations(name="0004_profiles_research_mirror")
def _m0004(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE own_profiles (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE research_answers (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE mirror_rounds (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            themes TEXT NOT NULL,
            self_scores TEXT NOT NULL,
            seed TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            closed_at TEXT
        )""")
    # an invitation knows its round and category; a response does not know its invitation
    db.execute("""
        CREATE TABLE mirror_invites (
            token_hash TEXT PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES mirror_rounds(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('college','directieteam','medewerkers','extern')),
            used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0,1)),
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE mirror_responses (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES mirror_rounds(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            ratings TEXT NOT NULL,
            comments TEXT NOT NULL
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


class AccountExists(Exception):
    """An account with this e-mail address exists already."""


class DatabaseProblem(DutchMessage):
    """The database file cannot be used; ``message`` is Dutch and meant for the person."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


_OPEN_FILES: dict[str, int] = {}  # database file -> open Stores on it in this process
_OPEN_LOCK = threading.RLock()
_SHARED: dict[str, Store] = {}


def shared_store(path: Path | str) -> Store:
    """The one Store of this process for this database file (the app and its HTTP routes share it).

    One connection per file and process is also the safe choice: SQLite's locks are POSIX advisory
    locks, which the operating system drops for the whole process when any descriptor on the file closes.
    """
    key = str(Path(path).resolve())
    with _OPEN_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Store(path)
        return _SHARED[key]


class Store:
    """Named reads and writes on one SQLite database, migrated on open."""

    def __init__(self, path: Path | str = ":memory:"):
        self.path = str(path)
        self._file_key = None if self.path == ":memory:" else str(Path(self.path).resolve())
        if self._file_key is not None:
            with _OPEN_LOCK:
                already_open = _OPEN_FILES.get(self._file_key, 0) > 0
            # Reading the header opens and closes the file, which would drop the locks of the connections
            # this process already has on it (POSIX lock semantics); then another process could delete the
            # WAL under them. So the header is checked only by the first Store on a file in this process.
            if not already_open:
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
            if self._file_key is not None:
                with _OPEN_LOCK:
                    _OPEN_FILES[self._file_key] = _OPEN_FILES.get(self._file_key, 0) + 1
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
        if self._file_key is not None:
            with _OPEN_LOCK:
                _OPEN_FILES[self._file_key] = max(0, _OPEN_FILES.get(self._file_key, 0) - 1)
                if _SHARED.get(self._file_key) is self:
                    del _SHARED[self._file_key]

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

    def session_owner(self, session_id: int) -> int | None:
        rows = self._query("SELECT person_id FROM sessions WHERE id = ?", (session_id,))
        return int(rows[0]["person_id"]) if rows else None

    def session_state(self, session_id: int) -> tuple[tuple[int, ...], str] | None:
        """The themes and status of a session (a light read for every answer that is stored)."""
        rows = self._query("SELECT themes, status FROM sessions WHERE id = ?", (session_id,))
        return (tuple(json.loads(rows[0]["themes"])), rows[0]["status"]) if rows else None

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

    # --- accounts and login tokens ---------------------------------------------------------

    def create_account(self, name: str, email: str, password_hash: str, *, is_admin: bool = False) -> int:
        """A person with an account; raises ``AccountExists`` when the e-mail address is taken."""
        stamp = now()
        with self.write() as conn:
            if conn.execute("SELECT 1 FROM accounts WHERE email = ?", (email,)).fetchone():
                raise AccountExists(email)
            person = int(conn.execute("INSERT INTO people (name, created_at) VALUES (?, ?)", (name, stamp)).lastrowid)
            conn.execute("INSERT INTO accounts (person_id, email, password_hash, is_admin, created_at)"
                         " VALUES (?, ?, ?, ?, ?)", (person, email, password_hash, int(is_admin), stamp))
        return person

    _ACCOUNT_SELECT = ("SELECT a.person_id, p.name, a.email, a.is_admin, a.must_change_password, a.created_at,"
                       " a.password_hash FROM accounts a JOIN people p ON p.id = a.person_id")

    @staticmethod
    def _account(row: sqlite3.Row) -> Account:
        return Account(person_id=row["person_id"], name=row["name"], email=row["email"],
                       is_admin=bool(row["is_admin"]), must_change_password=bool(row["must_change_password"]),
                       created_at=row["created_at"])

    def account_by_email(self, email: str) -> tuple[Account, str] | None:
        """The account and its password hash, for the login check."""
        rows = self._query(self._ACCOUNT_SELECT + " WHERE a.email = ?", (email,))
        return (self._account(rows[0]), rows[0]["password_hash"]) if rows else None

    def account(self, person_id: int) -> Account | None:
        rows = self._query(self._ACCOUNT_SELECT + " WHERE a.person_id = ?", (person_id,))
        return self._account(rows[0]) if rows else None

    def password_hash(self, person_id: int) -> str | None:
        rows = self._query("SELECT password_hash FROM accounts WHERE person_id = ?", (person_id,))
        return rows[0]["password_hash"] if rows else None

    def accounts(self) -> list[Account]:
        return [self._account(r) for r in self._query(self._ACCOUNT_SELECT + " ORDER BY p.name COLLATE NOCASE")]

    def has_admin(self) -> bool:
        return bool(self._query("SELECT 1 FROM accounts WHERE is_admin = 1 LIMIT 1"))

    def set_password_hash(self, person_id: int, password_hash: str, *, must_change: bool) -> None:
        """Replace the password hash and end every login of that person."""
        with self.write() as conn:
            conn.execute("UPDATE accounts SET password_hash = ?, must_change_password = ? WHERE person_id = ?",
                         (password_hash, int(must_change), person_id))
            conn.execute("DELETE FROM login_tokens WHERE person_id = ?", (person_id,))

    def delete_person(self, person_id: int) -> None:
        """Erase a person with everything that hangs off them (sessions, groups they made, coach links)."""
        with self.write() as conn:
            conn.execute("DELETE FROM people WHERE id = ?", (person_id,))

    def add_login_token(self, token_hash: str, person_id: int, expires_at: str) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM login_tokens WHERE expires_at < ?", (now(),))
            conn.execute("INSERT INTO login_tokens (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                         (token_hash, person_id, now(), expires_at))

    def person_for_token(self, token_hash: str, at: str) -> int | None:
        rows = self._query("SELECT person_id FROM login_tokens WHERE token_hash = ? AND expires_at > ?",
                           (token_hash, at))
        return int(rows[0]["person_id"]) if rows else None

    def end_logins(self, person_id: int) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM login_tokens WHERE person_id = ?", (person_id,))

    def record_login_failure(self, keys: list[str], at: float) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM login_failures WHERE at < ?", (at - 86_400,))
            conn.executemany("INSERT INTO login_failures (key, at) VALUES (?, ?)", [(k, at) for k in keys])

    def login_failures_since(self, key: str, since: float) -> list[float]:
        return [r["at"] for r in self._query("SELECT at FROM login_failures WHERE key = ? AND at >= ? ORDER BY at",
                                              (key, since))]

    def clear_login_failures(self, key: str) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM login_failures WHERE key = ?", (key,))

    # --- groups -----------------------------------------------------------------------------

    def create_group(self, name: str, creator_id: int, join_code: str, naming: str) -> int:
        stamp = now()
        with self.write() as conn:
            group = int(conn.execute("INSERT INTO groups (name, join_code, creator_id, naming, created_at)"
                                     " VALUES (?, ?, ?, ?, ?)", (name, join_code, creator_id, naming, stamp)).lastrowid)
            conn.execute("INSERT INTO group_members (group_id, person_id, joined_at) VALUES (?, ?, ?)",
                         (group, creator_id, stamp))
        return group

    @staticmethod
    def _group(row: sqlite3.Row) -> Group:
        return Group(id=row["id"], name=row["name"], join_code=row["join_code"], creator_id=row["creator_id"],
                     naming=row["naming"], agenda=row["agenda"], created_at=row["created_at"])

    def group(self, group_id: int) -> Group | None:
        rows = self._query("SELECT * FROM groups WHERE id = ?", (group_id,))
        return self._group(rows[0]) if rows else None

    def group_by_code(self, join_code: str) -> Group | None:
        rows = self._query("SELECT * FROM groups WHERE join_code = ?", (join_code,))
        return self._group(rows[0]) if rows else None

    def groups_of(self, person_id: int) -> list[Group]:
        rows = self._query("SELECT g.* FROM groups g JOIN group_members m ON m.group_id = g.id"
                           " WHERE m.person_id = ? ORDER BY g.created_at DESC, g.id DESC", (person_id,))
        return [self._group(r) for r in rows]

    def members(self, group_id: int) -> list[Membership]:
        rows = self._query("SELECT m.group_id, m.person_id, p.name, m.session_id, m.joined_at FROM group_members m"
                           " JOIN people p ON p.id = m.person_id WHERE m.group_id = ? ORDER BY m.joined_at, m.rowid",
                           (group_id,))
        return [Membership(group_id=r["group_id"], person_id=r["person_id"], name=r["name"],
                           session_id=r["session_id"], joined_at=r["joined_at"]) for r in rows]

    def is_member(self, group_id: int, person_id: int) -> bool:
        return bool(self._query("SELECT 1 FROM group_members WHERE group_id = ? AND person_id = ?",
                                (group_id, person_id)))

    def add_member(self, group_id: int, person_id: int) -> None:
        with self.write() as conn:
            conn.execute("INSERT OR IGNORE INTO group_members (group_id, person_id, joined_at) VALUES (?, ?, ?)",
                         (group_id, person_id, now()))

    def remove_member(self, group_id: int, person_id: int) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM group_members WHERE group_id = ? AND person_id = ?", (group_id, person_id))

    def set_shared_session(self, group_id: int, person_id: int, session_id: int | None) -> None:
        with self.write() as conn:
            conn.execute("UPDATE group_members SET session_id = ? WHERE group_id = ? AND person_id = ?",
                         (session_id, group_id, person_id))

    def session_shared_with(self, session_id: int, person_id: int) -> bool:
        """Whether the session is shared with a group this person is a member of."""
        return bool(self._query(
            "SELECT 1 FROM group_members s JOIN group_members m ON m.group_id = s.group_id"
            " WHERE s.session_id = ? AND m.person_id = ? LIMIT 1", (session_id, person_id)))

    def update_group(self, group_id: int, **fields: Any) -> None:
        allowed = {"name", "naming", "agenda", "join_code"}
        if set(fields) - allowed:
            raise ValueError(f"unknown group fields: {sorted(set(fields) - allowed)}")
        with self.write() as conn:
            conn.execute(f"UPDATE groups SET {', '.join(f + ' = ?' for f in fields)} WHERE id = ?",
                         (*fields.values(), group_id))

    def delete_group(self, group_id: int) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM groups WHERE id = ?", (group_id,))

    def shared_answers(self, group_id: int) -> dict[int, dict[int, Answer]]:
        """Per member with a shared session: the answers without notes (notes never leave their owner)."""
        rows = self._query("SELECT m.person_id, a.theme, a.mastery, a.importance, a.not_applicable FROM group_members m"
                           " JOIN answers a ON a.session_id = m.session_id WHERE m.group_id = ?", (group_id,))
        result: dict[int, dict[int, Answer]] = {}
        for r in rows:
            result.setdefault(r["person_id"], {})[r["theme"]] = Answer(
                theme=r["theme"], mastery=r["mastery"], importance=r["importance"],
                not_applicable=bool(r["not_applicable"]))
        return result

    # --- coaching ---------------------------------------------------------------------------

    _LINK_SELECT = ("SELECT l.*, pe.name AS coachee_name, COALESCE(pc.name, '') AS coach_name FROM coach_links l"
                    " JOIN people pe ON pe.id = l.coachee_id LEFT JOIN people pc ON pc.id = l.coach_id")

    @staticmethod
    def _link(row: sqlite3.Row) -> CoachLink:
        return CoachLink(id=row["id"], coachee_id=row["coachee_id"], coachee_name=row["coachee_name"],
                         coach_id=row["coach_id"], coach_name=row["coach_name"], code=row["code"], scope=row["scope"],
                         status=row["status"], created_at=row["created_at"], accepted_at=row["accepted_at"],
                         revoked_at=row["revoked_at"])

    def create_coach_link(self, coachee_id: int, code: str, scope: str) -> int:
        with self.write() as conn:
            return int(conn.execute("INSERT INTO coach_links (coachee_id, code, scope, created_at) VALUES (?, ?, ?, ?)",
                                    (coachee_id, code, scope, now())).lastrowid)

    def coach_link(self, link_id: int) -> CoachLink | None:
        rows = self._query(self._LINK_SELECT + " WHERE l.id = ?", (link_id,))
        return self._link(rows[0]) if rows else None

    def coach_link_by_code(self, code: str) -> CoachLink | None:
        rows = self._query(self._LINK_SELECT + " WHERE l.code = ?", (code,))
        return self._link(rows[0]) if rows else None

    def links_as_coachee(self, person_id: int) -> list[CoachLink]:
        return [self._link(r) for r in self._query(self._LINK_SELECT + " WHERE l.coachee_id = ?"
                                                   " ORDER BY l.created_at DESC, l.id DESC", (person_id,))]

    def links_as_coach(self, person_id: int) -> list[CoachLink]:
        return [self._link(r) for r in self._query(self._LINK_SELECT + " WHERE l.coach_id = ? AND l.status = 'actief'"
                                                   " ORDER BY pe.name COLLATE NOCASE", (person_id,))]

    def active_coach_scope(self, coach_id: int, coachee_id: int) -> str | None:
        """The widest scope of an accepted, unrevoked link from coachee to coach, or None."""
        rows = self._query("SELECT scope FROM coach_links WHERE coach_id = ? AND coachee_id = ? AND status = 'actief'",
                           (coach_id, coachee_id))
        scopes = {r["scope"] for r in rows}
        return "scores_notities" if "scores_notities" in scopes else ("scores" if scopes else None)

    def accept_coach_link(self, link_id: int, coach_id: int) -> None:
        with self.write() as conn:
            conn.execute("UPDATE coach_links SET coach_id = ?, status = 'actief', accepted_at = ?"
                         " WHERE id = ? AND status = 'uitgenodigd'", (coach_id, now(), link_id))

    def set_coach_scope(self, link_id: int, scope: str) -> None:
        with self.write() as conn:
            conn.execute("UPDATE coach_links SET scope = ? WHERE id = ? AND status != 'ingetrokken'", (scope, link_id))

    def revoke_coach_link(self, link_id: int) -> None:
        """End the link; the coach's preparation for it goes too, so nothing of the coachee stays with the coach."""
        with self.write() as conn:
            conn.execute("UPDATE coach_links SET status = 'ingetrokken', revoked_at = ? WHERE id = ?", (now(), link_id))
            conn.execute("DELETE FROM coach_preps WHERE link_id = ?", (link_id,))

    def coach_prep(self, link_id: int) -> str | None:
        rows = self._query("SELECT content FROM coach_preps WHERE link_id = ?", (link_id,))
        return rows[0]["content"] if rows else None

    def save_coach_prep(self, link_id: int, content: str) -> None:
        with self.write() as conn:
            conn.execute("INSERT INTO coach_preps (link_id, content, updated_at) VALUES (?, ?, ?)"
                         " ON CONFLICT(link_id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at",
                         (link_id, content, now()))

    # --- own profiles and the 2020 study -------------------------------------------------------

    def own_profiles(self, person_id: int) -> list[tuple[int, str]]:
        return [(r["id"], r["data"]) for r in self._query(
            "SELECT id, data FROM own_profiles WHERE person_id = ? ORDER BY id", (person_id,))]

    def own_profile_owner(self, profile_id: int) -> int | None:
        rows = self._query("SELECT person_id FROM own_profiles WHERE id = ?", (profile_id,))
        return int(rows[0]["person_id"]) if rows else None

    def save_own_profile(self, person_id: int, data: str) -> int:
        with self.write() as conn:
            return int(conn.execute("INSERT INTO own_profiles (person_id, data, updated_at) VALUES (?, ?, ?)",
                                    (person_id, data, now())).lastrowid)

    def delete_own_profile(self, profile_id: int) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM own_profiles WHERE id = ?", (profile_id,))

    def research_answers(self, person_id: int) -> str | None:
        rows = self._query("SELECT data FROM research_answers WHERE person_id = ?", (person_id,))
        return rows[0]["data"] if rows else None

    def save_research_answers(self, person_id: int, data: str) -> None:
        with self.write() as conn:
            conn.execute("INSERT INTO research_answers (person_id, data, updated_at) VALUES (?, ?, ?)"
                         " ON CONFLICT(person_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                         (person_id, data, now()))

    # --- spiegel (360° feedback) --------------------------------------------------------------

    def create_round(self, person_id: int, title: str, themes: list[int], self_scores: dict[int, int | None],
                     seed: str, expires_at: str, invites: list[tuple[str, str, str]]) -> int:
        """A feedback round with its invitations (token hash, label, category), in one transaction."""
        stamp = now()
        with self.write() as conn:
            round_id = int(conn.execute(
                "INSERT INTO mirror_rounds (person_id, title, themes, self_scores, seed, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (person_id, title, json.dumps(themes), json.dumps(self_scores), seed, stamp, expires_at)).lastrowid)
            conn.executemany("INSERT INTO mirror_invites (token_hash, round_id, label, category, created_at)"
                             " VALUES (?, ?, ?, ?, ?)", [(h, round_id, label, cat, stamp) for h, label, cat in invites])
        return round_id

    def add_invites(self, round_id: int, invites: list[tuple[str, str, str]]) -> None:
        with self.write() as conn:
            conn.executemany("INSERT INTO mirror_invites (token_hash, round_id, label, category, created_at)"
                             " VALUES (?, ?, ?, ?, ?)", [(h, round_id, label, cat, now()) for h, label, cat in invites])

    def mirror_round(self, round_id: int) -> dict[str, Any] | None:
        rows = self._query("SELECT r.*, p.name AS person_name FROM mirror_rounds r JOIN people p ON p.id = r.person_id"
                           " WHERE r.id = ?", (round_id,))
        if not rows:
            return None
        row = dict(rows[0])
        row["themes"] = json.loads(row["themes"])
        row["self_scores"] = {int(k): v for k, v in json.loads(row["self_scores"]).items()}
        return row

    def rounds_of(self, person_id: int) -> list[dict[str, Any]]:
        ids = [r["id"] for r in self._query("SELECT id FROM mirror_rounds WHERE person_id = ? ORDER BY id DESC",
                                            (person_id,))]
        return [r for r in (self.mirror_round(i) for i in ids) if r is not None]

    def round_invites(self, round_id: int) -> list[dict[str, Any]]:
        return [dict(r) for r in self._query("SELECT label, category, used, created_at FROM mirror_invites"
                                             " WHERE round_id = ? ORDER BY created_at, label", (round_id,))]

    def invite_by_token(self, token_hash: str) -> dict[str, Any] | None:
        rows = self._query("SELECT round_id, category, used FROM mirror_invites WHERE token_hash = ?", (token_hash,))
        return dict(rows[0]) if rows else None

    def store_response(self, token_hash: str, ratings: dict[int, int | None], comments: dict[int, str]) -> bool:
        """Use the invitation once and store the answers without any link to it; False if already used."""
        with self.write() as conn:
            row = conn.execute("SELECT round_id, category FROM mirror_invites WHERE token_hash = ? AND used = 0",
                               (token_hash,)).fetchone()
            if row is None:
                return False
            conn.execute("UPDATE mirror_invites SET used = 1 WHERE token_hash = ?", (token_hash,))
            conn.execute("INSERT INTO mirror_responses (round_id, category, ratings, comments) VALUES (?, ?, ?, ?)",
                         (row["round_id"], row["category"], json.dumps(ratings), json.dumps(comments)))
        return True

    def round_responses(self, round_id: int) -> list[dict[str, Any]]:
        rows = self._query("SELECT id, category, ratings, comments FROM mirror_responses WHERE round_id = ?", (round_id,))
        return [{"id": r["id"], "category": r["category"],
                 "ratings": {int(k): v for k, v in json.loads(r["ratings"]).items()},
                 "comments": {int(k): v for k, v in json.loads(r["comments"]).items()}} for r in rows]

    def round_owner(self, round_id: int) -> int | None:
        rows = self._query("SELECT person_id FROM mirror_rounds WHERE id = ?", (round_id,))
        return int(rows[0]["person_id"]) if rows else None

    def close_round(self, round_id: int) -> None:
        with self.write() as conn:
            conn.execute("UPDATE mirror_rounds SET closed_at = ? WHERE id = ? AND closed_at IS NULL", (now(), round_id))

    def delete_round(self, round_id: int) -> None:
        with self.write() as conn:
            conn.execute("DELETE FROM mirror_rounds WHERE id = ?", (round_id,))

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
