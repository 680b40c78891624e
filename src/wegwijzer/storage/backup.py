"""Backup and restore of the database file.

A backup uses SQLite's online backup API, so it is consistent even while the app is writing. A
restore first checks that the backup is a Wegwijzer database, keeps the current file aside as
``<name>.voor-herstel-<time>.db`` and then copies the backup into place with the same API. Backups and
the restored file are readable by their owner only (0600). A restore ends every login: the tokens in the
backup belonged to logins that may have ended since, and must not come back to life.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from wegwijzer import clock
from wegwijzer.storage import DatabaseProblem, Store
from wegwijzer.storage.database import PRIVATE, create_private


def _stamp() -> str:
    return clock.local_now().strftime("%Y%m%d-%H%M%S")  # a name people read: Dutch time


def backup(db_path: Path, target: Path | None = None) -> Path:
    """Write a consistent copy of ``db_path`` to ``target`` (default: data/backups/)."""
    if not db_path.exists():
        raise DatabaseProblem(f"Er is geen database op {db_path}; er valt niets te back-uppen.")
    target = target or db_path.parent / "backups" / f"{db_path.stem}-{_stamp()}.db"
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if target.exists():
        raise DatabaseProblem(f"{target} bestaat al; kies een andere naam.")
    store = Store(db_path)
    try:
        store.backup_to(target)
    finally:
        store.close()
    return target


def _verify(source: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(f"{source} is geen bruikbare SQLite-database ({exc}).") from exc
    if ok != "ok" or not {"sessions", "answers", "_sqlite_migrations"} <= tables:
        raise DatabaseProblem(f"{source} is geen (gave) Wegwijzer-database; er is niets teruggezet.")


def restore(source: Path, db_path: Path) -> Path:
    """Replace the database at ``db_path`` by the backup ``source``; the old file is kept aside."""
    if not source.is_file():
        raise DatabaseProblem(f"Het back-upbestand {source} bestaat niet.")
    _verify(source)
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.stem}.voor-herstel-{_stamp()}.db")
        backup(db_path, aside)
    create_private(db_path)
    os.chmod(db_path, PRIVATE)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(str(db_path))
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    restored = Store(db_path)  # migrates a backup made by an older version
    try:
        restored.logins.end_all_logins()
    finally:
        restored.close()
    return db_path
