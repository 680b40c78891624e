"""Logging in with the database: tokens, throttling, registration, and who a login cookie belongs to.

A login hands out a random token. The browser keeps it in an HttpOnly cookie; the database keeps only
its SHA-256, so a stolen database copy holds no usable token. A token expires after ``TOKEN_DAYS``;
logging out deletes every token of that person ("overal uitgelogd"). Failed logins are counted per
e-mail address and per client address; after ``MAX_FAILURES_PER_EMAIL`` failures in the window the
address is refused without even checking the password, until the oldest failure leaves the window.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import dataclass

from wegwijzer.domain import credentials as cred
from wegwijzer.errors import DutchMessage
from wegwijzer.storage import AccountExists, Store

COOKIE_NAME = "wegwijzer_sessie"


class LoginRefused(DutchMessage):
    """A login or registration that did not succeed; ``message`` is Dutch and safe to show.

    ``throttled`` is True when the attempt was refused for too many failures, without a password check.
    """

    def __init__(self, message: str, *, throttled: bool = False):
        super().__init__(message)
        self.throttled = throttled


@dataclass(frozen=True)
class Login:
    token: str
    person_id: int
    expires_at: str


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def issue_token(store: Store, person_id: int, *, now: dt.datetime | None = None) -> Login:
    """A new login for this person; only the token's hash is stored."""
    moment = now or dt.datetime.now(dt.UTC)
    token = cred.new_token()
    expires = _stamp(moment + dt.timedelta(days=cred.TOKEN_DAYS))
    store.logins.add_token(cred.token_hash(token), person_id, expires)
    return Login(token=token, person_id=person_id, expires_at=expires)


def person_for_token(store: Store, token: str | None, *, now: dt.datetime | None = None) -> int | None:
    """The person logged in with this token, or None (unknown, expired or logged out)."""
    if not isinstance(token, str) or not token or len(token) > 200:
        return None
    return store.logins.person_for_token(cred.token_hash(token), _stamp(now or dt.datetime.now(dt.UTC)))


def throttle_wait(store: Store, email: str, client: str, *, moment: float | None = None) -> int:
    """Seconds until another attempt for this address or client is allowed; 0 when allowed now."""
    moment = time.time() if moment is None else moment
    since = moment - cred.THROTTLE_WINDOW_S
    return max(cred.wait_seconds(store.logins.failures_since(f"email:{email}", since), cred.MAX_FAILURES_PER_EMAIL, moment),
               cred.wait_seconds(store.logins.failures_since(f"client:{client}", since), cred.MAX_FAILURES_PER_CLIENT, moment))


def login(store: Store, email: str, password: str, client: str = "", *, moment: float | None = None) -> Login:
    """Check the password and hand out a token, or raise ``LoginRefused`` with a Dutch reason.

    The message never tells whether the address exists. An unknown address still costs one argon2
    verification, so timing does not tell either.
    """
    email = cred.normalise_email(email)
    moment = time.time() if moment is None else moment
    wait = throttle_wait(store, email, client, moment=moment)
    if wait:
        minutes = max(1, math.ceil(wait / 60))
        raise LoginRefused(f"Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.", throttled=True)
    found = store.people.account_by_email(email)
    ok = cred.verify_password(found[1] if found else cred.DUMMY_HASH, password) and found is not None
    if not ok:
        store.logins.record_failure([f"email:{email}", f"client:{client}"], moment)
        raise LoginRefused("Dit e-mailadres en wachtwoord horen niet bij elkaar.")
    store.logins.clear_failures(f"email:{email}")
    account = found[0]
    if cred.needs_rehash(found[1]):
        store.people.set_password_hash(account.person_id, cred.hash_password(password),
                                       must_change=account.must_change_password)
    return issue_token(store, account.person_id)


def reset_with_code(store: Store, email: str, code: str, new_password: str, client: str = "", *,
                    moment: float | None = None) -> Login:
    """Set a new password with a reset code from an administrator, and log in; or raise ``LoginRefused``.

    The code works once, only for its own e-mail address, until it expires; wrong codes count as failed
    logins (the same throttle). Using it ends every other login of the person and is recorded for them.
    """
    email = cred.normalise_email(email)
    moment = time.time() if moment is None else moment
    wait = throttle_wait(store, email, client, moment=moment)
    if wait:
        minutes = max(1, math.ceil(wait / 60))
        raise LoginRefused(f"Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.", throttled=True)
    problem = cred.password_problem(new_password)
    if problem:
        raise LoginRefused(problem)
    found = store.people.account_by_email(email)
    new_hash = cred.hash_password(new_password)  # also for an unknown address, so timing tells nothing
    code_hash = cred.token_hash(cred.normalise_code(code))
    if found is None or not store.audit.use_reset(found[0].person_id, code_hash, new_hash):
        store.logins.record_failure([f"email:{email}", f"client:{client}"], moment)
        raise LoginRefused("Deze herstelcode hoort niet bij dit e-mailadres, is al gebruikt of is verlopen. "
                           "Vraag de beheerder zo nodig om een nieuwe.")
    store.logins.clear_failures(f"email:{email}")
    return issue_token(store, found[0].person_id)


def register(store: Store, name: str, email: str, password: str, *, is_admin: bool = False) -> int:
    """Create an account, or raise ``LoginRefused`` with what to change."""
    name, email = name.strip(), cred.normalise_email(email)
    if not name or len(name) > 120:
        raise LoginRefused("Vul je naam in (hoogstens 120 tekens).")
    problem = cred.email_problem(email) or cred.password_problem(password)
    if problem:
        raise LoginRefused(problem)
    try:
        return store.people.create_account(name, email, cred.hash_password(password), is_admin=is_admin)
    except AccountExists:
        raise LoginRefused("Er bestaat al een account met dit e-mailadres. Log in, of vraag de beheerder "
                           "om je wachtwoord opnieuw in te stellen.") from None
