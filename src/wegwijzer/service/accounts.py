"""Accounts: logging in and out, registering, a reset with an administrator's code, and one's own account."""

from __future__ import annotations

import tempfile
from pathlib import Path

from wegwijzer.domain import credentials as cred
from wegwijzer.domain.records import Account, AccountEvent
from wegwijzer.service import auth
from wegwijzer.service.access import LOCAL_PERSON, PUBLIC, SIGNED_IN, guarded
from wegwijzer.service.base import Part, ServiceError


class AccountService(Part):
    """``svc.account``: the HTTP login routes and the account page call these."""

    @guarded(PUBLIC)
    def login(self, email: str, password: str, client: str = "", device: str | None = None) -> auth.Login:
        return auth.login(self.store, email, password, client, device)

    @guarded(PUBLIC)
    def register(self, name: str, email: str, password: str, client: str = "") -> None:
        """Throttled per client; the same answer whether or not the address had an account already."""
        auth.sign_up(self.store, name, email, password, client)

    @guarded(PUBLIC)
    def reset_with_code(self, email: str, code: str, new_password: str, client: str = "") -> auth.Login:
        return auth.reset_with_code(self.store, email, code, new_password, client)

    @guarded(SIGNED_IN)
    def events(self, since: str = "") -> list[AccountEvent]:
        """What was done to my account through an administrator (reset codes made and used), newest first."""
        return self.store.audit.events(self.me, since)

    @guarded(SIGNED_IN)
    def logout_everywhere(self) -> None:
        self.store.logins.end_all(self.me)

    @guarded(SIGNED_IN)
    def mine(self) -> Account | None:
        return self.store.people.account(self.me)

    @guarded(SIGNED_IN)
    def change_password(self, current: str, new: str) -> None:
        stored = self.store.people.password_hash(self.me)
        if stored is None or not cred.verify_password(stored, current):
            raise ServiceError("Je huidige wachtwoord klopt niet.")
        problem = cred.password_problem(new)
        if problem:
            raise ServiceError(problem)
        self.store.people.set_password_hash(self.me, cred.hash_password(new), must_change=False)

    @guarded(SIGNED_IN)
    def delete(self, password: str) -> None:
        """The right to erasure: the person and everything of theirs, at once."""
        stored = self.store.people.password_hash(self.me)
        if stored is None or not cred.verify_password(stored, password):
            raise ServiceError("Dat wachtwoord klopt niet; er is niets verwijderd.")
        self.store.people.delete(self.me)

    @guarded(LOCAL_PERSON)
    def backup(self) -> bytes:
        """A consistent copy of the whole database file (SQLite's online backup), for local use only."""
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "wegwijzer-backup.db"
            self.store.backup_to(target)
            return target.read_bytes()
