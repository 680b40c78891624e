"""The administrator's work: the list of accounts and reset codes. An administrator never sees answers.

An administrator cannot log in as someone: a reset does not change the password, it only hands out a
one-time code with which the holder chooses a new one (on the login page). Every reset code made, and
every one used, is written to the person's account events, which they see when they next log in.
"""

from __future__ import annotations

from wegwijzer.clock import in_days
from wegwijzer.domain import credentials as cred
from wegwijzer.domain.records import Account
from wegwijzer.service.access import ADMIN, guarded
from wegwijzer.service.base import Part, ServiceError


class AdminService(Part):
    """``svc.admin``: managing accounts; an administrator sees names and addresses, never answers."""

    @guarded(ADMIN)
    def accounts(self) -> list[Account]:
        return self.store.people.accounts()

    @guarded(ADMIN)
    def issue_reset(self, person_id: int) -> str:
        """A one-time reset code for this person (shown once); it changes nothing until it is used."""
        account = self.store.people.account(person_id) if isinstance(person_id, int) else None
        if account is None:
            raise ServiceError("Dit account bestaat niet.")
        code = cred.new_code()
        admin = self.store.people.account(self.me)
        self.store.audit.issue_reset(person_id, cred.token_hash(code), in_days(cred.RESET_CODE_DAYS),
                                     admin.name if admin else "")
        return code

    @guarded(ADMIN)
    def open_resets(self) -> dict[int, str]:
        """Person id -> until when their unused reset code works, for the accounts table."""
        return {a.person_id: until for a in self.store.people.accounts()
                if (until := self.store.audit.open_reset_until(a.person_id))}
