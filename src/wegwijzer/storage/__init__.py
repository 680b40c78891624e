"""Storage: the only place that speaks SQL.

:class:`Store` is a small façade over one :class:`~wegwijzer.storage.database.Database`: one repository
per capability (``store.sessions``, ``store.groups`` …), all sharing the one connection. JSON columns
are encoded and decoded here and nowhere else; what leaves is a record of ``wegwijzer.domain.records``.
"""

from __future__ import annotations

import threading
from pathlib import Path

from wegwijzer.storage.audit import Audit
from wegwijzer.storage.coaching import Coaching
from wegwijzer.storage.database import Database, DatabaseProblem
from wegwijzer.storage.groups import Groups
from wegwijzer.storage.logins import Logins
from wegwijzer.storage.mirror import Mirror
from wegwijzer.storage.people import AccountExists, People
from wegwijzer.storage.personal import Personal
from wegwijzer.storage.plan import Plan
from wegwijzer.storage.sessions import Sessions

__all__ = ["AccountExists", "DatabaseProblem", "Store", "shared_store"]


class Store:
    """Every repository over one database (``:memory:`` or a file, migrated on open)."""

    def __init__(self, path: Path | str = ":memory:"):
        self.db = Database(path)
        self.people = People(self.db)
        self.logins = Logins(self.db)
        self.audit = Audit(self.db)
        self.sessions = Sessions(self.db)
        self.groups = Groups(self.db)
        self.coaching = Coaching(self.db)
        self.personal = Personal(self.db)
        self.mirror = Mirror(self.db)
        self.plan = Plan(self.db)

    @property
    def path(self) -> str:
        return self.db.path

    @property
    def conn(self):
        """The raw connection, for tests and maintenance that must look underneath the repositories."""
        return self.db.conn

    def applied_migrations(self) -> list[str]:
        return self.db.applied_migrations()

    def backup_to(self, target: Path | str) -> None:
        self.db.backup_to(target)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, used by tests and the data page ("actions": the plan's actions)."""
        tables = {"people": "people", "sessions": "sessions", "answers": "answers", "actions": "plan_actions"}
        return {name: self.db.count(table) for name, table in tables.items()}

    def close(self) -> None:
        self.db.close()
        with _SHARED_LOCK:
            for shared in (_SHARED, _BY_GIVEN_PATH):
                for key, store in list(shared.items()):
                    if store is self:
                        del shared[key]


_SHARED: dict[str, Store] = {}  # resolved path -> store
_BY_GIVEN_PATH: dict[str, Store] = {}  # absolute path as given -> store: no file-system call per lookup
_SHARED_LOCK = threading.RLock()


def shared_store(path: Path | str) -> Store:
    """The one Store of this process for this database file (the app and its HTTP routes share it).

    One connection per file and process is also the safe choice: SQLite's locks are POSIX advisory
    locks, which the operating system drops for the whole process when any descriptor on the file closes.
    """
    found = _BY_GIVEN_PATH.get(str(path))
    if found is not None:
        return found
    key = str(Path(path).resolve())
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Store(path)
        if Path(path).is_absolute():  # a relative path may mean another file after a change of directory
            _BY_GIVEN_PATH[str(path)] = _SHARED[key]
        return _SHARED[key]
