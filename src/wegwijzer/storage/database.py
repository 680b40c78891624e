"""The one connection per database file and process, and the two ways to use it: read and write.

Writes run in ``BEGIN IMMEDIATE`` transactions (so concurrent writers queue on the busy timeout instead
of failing half-way, which sqlite-utils' deferred ``atomic()`` can do), or, for a change that is one statement
(an answer), as that statement alone (``write_one``); the journal is WAL, and one
connection is shared by threads behind a lock. Repositories (``sessions.py``, ``groups.py`` …) hold a
:class:`Database` and never open a connection of their own.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from wegwijzer.errors import DutchMessage
from wegwijzer.storage.migrations import migrations
from wegwijzer.storage.writer_turn import WriterTurn

_log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
PRIVATE = 0o600  # database files and backups: only the owner reads them (SQLite gives -wal and -shm the same)


class DatabaseProblem(DutchMessage):
    """The database file cannot be used; ``message`` is Dutch and names the file (for the administrator).

    ``kind`` says what is wrong: "readonly", "corrupt", "missing" or "database" (see ``service/failures.py``).
    """

    def __init__(self, message: str, kind: str = "database"):
        super().__init__(message)
        self.kind = kind


_SQLITE_KINDS = {"SQLITE_FULL": "full", "SQLITE_READONLY": "readonly", "SQLITE_CORRUPT": "corrupt",
                 "SQLITE_NOTADB": "corrupt", "SQLITE_CANTOPEN": "missing", "SQLITE_BUSY": "busy",
                 "SQLITE_LOCKED": "busy"}


def failure_kind(exc: sqlite3.Error) -> str:
    """What an SQLite error means: "full", "readonly", "corrupt", "missing", "busy", else "database"."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return next((kind for prefix, kind in _SQLITE_KINDS.items() if name.startswith(prefix)), "database")


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


_OPEN_FILES: dict[str, int] = {}  # database file -> open Databases on it in this process
_OPEN_LOCK = threading.RLock()


class Database:
    """One SQLite database, migrated on open: ``rows``/``row`` to read, ``write()`` to change it."""

    def __init__(self, path: Path | str = ":memory:"):
        self.path = str(path)
        self._file_key = None if self.path == ":memory:" else str(Path(self.path).resolve())
        if self._file_key is not None:
            with _OPEN_LOCK:
                already_open = _OPEN_FILES.get(self._file_key, 0) > 0
            # Reading the header opens and closes the file, which would drop the locks of the connections
            # this process already has on it (POSIX lock semantics); then another process could delete the
            # WAL under them. So the header is checked only by the first Database on a file in this process.
            if not already_open:
                _check_file(Path(self.path))
        try:
            self.conn = _connect(self.path)
            if self.path != ":memory:":
                mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise DatabaseProblem("De database kan niet in WAL-modus worden geopend.")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.utils = sqlite_utils.Database(self.conn)
            self.lock = threading.Lock()
            self.turn = WriterTurn(self.lock, self._file_key, PRIVATE)
            self.migrate()
            if self._file_key is not None:
                with _OPEN_LOCK:
                    _OPEN_FILES[self._file_key] = _OPEN_FILES.get(self._file_key, 0) + 1
        except sqlite3.DatabaseError as exc:
            raise DatabaseProblem(
                f"Het databasebestand {self.path} is beschadigd of geen SQLite-database ({exc}). "
                "Er is niets overschreven. Zet een back-up terug (zie README) of verplaats het bestand.",
                failure_kind(exc),
            ) from exc

    # --- schema ---------------------------------------------------------------------------------

    def migrate(self) -> None:
        """Apply pending migrations, all in one IMMEDIATE transaction (safe to repeat)."""
        with self.lock:
            if not migrations.pending(self.utils):
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                migrations.apply(self.utils)
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Roll back, unless SQLite already did: after SQLITE_FULL (disk full) it ends the transaction itself,
        and a second ROLLBACK would hide that error behind "cannot rollback - no transaction is active"."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def applied_migrations(self) -> list[str]:
        return [m.name for m in migrations.applied(self.utils)]

    # --- reading and writing ----------------------------------------------------------------------

    def rows(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def row(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def exists(self, sql: str, params: Any = ()) -> bool:
        return self.row(sql, params) is not None

    def write_one(self, sql: str, params: Any = ()) -> int:
        """One statement that changes the database, atomic on its own (SQLite's autocommit); returns the number
        of rows it changed. For the hottest writes: no BEGIN and COMMIT around it, so the connection's lock is
        held for one step of SQLite instead of three; concurrent writers take turns as ``writer_turn.py`` says."""
        self.turn.take()
        try:
            return self.conn.execute(sql, params).rowcount
        finally:
            self.turn.give_back()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: BEGIN IMMEDIATE, COMMIT on success, ROLLBACK on any error."""
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self._rollback()
                raise
            else:
                self.conn.execute("COMMIT")

    # --- maintenance ----------------------------------------------------------------------------

    def backup_to(self, target: Path | str) -> None:
        """Copy the database with SQLite's online backup API (safe while the app runs), readable by the owner only."""
        create_private(Path(target))
        target_conn = sqlite3.connect(str(target))
        try:
            with self.lock:
                self.conn.backup(target_conn)
        finally:
            target_conn.close()

    def count(self, table: str) -> int:
        return int(self.rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])

    def close(self) -> None:
        self.turn.close()
        with self.lock:
            self.conn.close()
        if self._file_key is not None:
            with _OPEN_LOCK:
                _OPEN_FILES[self._file_key] = max(0, _OPEN_FILES.get(self._file_key, 0) - 1)


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 when it does not exist yet (SQLite takes an empty file as a new
    database), so that no other user of the machine can ever read it; an existing file is left as it is."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
    except FileExistsError:
        pass


def _make_private(path: Path) -> None:
    """An existing database (and its -wal and -shm) that others may read, made before databases were created
    0600, is made readable by its owner only, when this process owns it; the log says so."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            status = file.stat()
            if status.st_mode & 0o077 and status.st_uid == os.getuid():
                os.chmod(file, PRIVATE)
                _log.warning("%s was readable by others (mode %o); it is now readable by its owner only (600)",
                             file, status.st_mode & 0o777)
        except FileNotFoundError:
            continue
        except OSError as exc:  # not ours to change: leave it, say so
            _log.warning("could not make %s readable by its owner only: %s", file, exc)


def _check_file(path: Path) -> None:
    if path.exists():
        if not path.is_file():
            raise DatabaseProblem(f"{path} is geen bestand. Kies met WEGWIJZER_DB een ander pad.", "missing")
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise DatabaseProblem(
                f"Het bestand {path} is geen SQLite-database. Er is niets overschreven; "
                "verplaats het bestand of kies met WEGWIJZER_DB een ander pad.", "corrupt"
            )
        _make_private(path)
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseProblem(
                f"De database {path} (of de map erom) is alleen-lezen. Geef schrijfrechten "
                "of kies met WEGWIJZER_DB een ander pad; er is niets gewijzigd.", "readonly"
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
            create_private(path)
        except OSError as exc:
            raise DatabaseProblem(f"De map {path.parent} kan niet worden gemaakt ({exc.strerror}).", "missing") from exc
