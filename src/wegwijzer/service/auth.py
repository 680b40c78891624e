"""Passwords, login tokens and login throttling for server mode.

- Passwords are stored as argon2id hashes (argon2-cffi's defaults: RFC 9106 low-memory profile).
- A login hands out a random token of 256 bits. The browser keeps it in an HttpOnly cookie; the
  database keeps only its SHA-256, so a stolen database copy holds no usable token. A token expires
  after ``TOKEN_DAYS``; logging out deletes every token of that person ("overal uitgelogd").
- Failed logins are counted per e-mail address and per client address. After ``MAX_FAILURES_PER_EMAIL``
  failures in ``THROTTLE_WINDOW_S`` the address is refused without even checking the password, until
  the oldest failure leaves the window.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from wegwijzer.errors import DutchMessage
from wegwijzer.storage.database import Store

TOKEN_BYTES = 32  # 256 bits
TOKEN_DAYS = 14
THROTTLE_WINDOW_S = 15 * 60
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_CLIENT = 30
MIN_PASSWORD_LENGTH = 10
COOKIE_NAME = "wegwijzer_sessie"

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("wegwijzer-dummy-password")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class LoginRefused(DutchMessage):
    """A login or registration that did not succeed; ``message`` is Dutch and safe to show.

    ``throttled`` is True when the attempt was refused for too many failures, without a password check.
    """

    def __init__(self, message: str, *, throttled: bool = False):
        super().__init__(message)
        self.throttled = throttled


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalise_email(email: str) -> str:
    return email.strip().lower()


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, in Dutch, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Kies een wachtwoord van minstens {MIN_PASSWORD_LENGTH} tekens."
    if len(password) > 1000:
        return "Dat wachtwoord is te lang (meer dan 1000 tekens)."
    return None


def email_problem(email: str) -> str | None:
    if not _EMAIL.match(email) or len(email) > 254:
        return "Vul een geldig e-mailadres in, zoals naam@gemeente.nl."
    return None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class Login:
    token: str
    person_id: int
    expires_at: str


def issue_token(store: Store, person_id: int, *, now: dt.datetime | None = None) -> Login:
    """A new login for this person; only the token's hash is stored."""
    moment = now or dt.datetime.now(dt.UTC)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    expires = _stamp(moment + dt.timedelta(days=TOKEN_DAYS))
    store.add_login_token(token_hash(token), person_id, expires)
    return Login(token=token, person_id=person_id, expires_at=expires)


def person_for_token(store: Store, token: str | None, *, now: dt.datetime | None = None) -> int | None:
    """The person logged in with this token, or None (unknown, expired or logged out)."""
    if not isinstance(token, str) or not token or len(token) > 200:
        return None
    return store.person_for_token(token_hash(token), _stamp(now or dt.datetime.now(dt.UTC)))


def logout(store: Store, token: str | None) -> None:
    """End every login of the person this token belongs to."""
    person = person_for_token(store, token)
    if person is not None:
        store.end_logins(person)


def _wait_seconds(failures: list[float], limit: int, moment: float) -> int:
    if len(failures) < limit:
        return 0
    return max(1, math.ceil(failures[-limit] + THROTTLE_WINDOW_S - moment))


def throttle_wait(store: Store, email: str, client: str, *, moment: float | None = None) -> int:
    """Seconds until another attempt for this address or client is allowed; 0 when allowed now."""
    moment = time.time() if moment is None else moment
    since = moment - THROTTLE_WINDOW_S
    return max(_wait_seconds(store.login_failures_since(f"email:{email}", since), MAX_FAILURES_PER_EMAIL, moment),
               _wait_seconds(store.login_failures_since(f"client:{client}", since), MAX_FAILURES_PER_CLIENT, moment))


def login(store: Store, email: str, password: str, client: str = "", *, moment: float | None = None) -> Login:
    """Check the password and hand out a token, or raise ``LoginRefused`` with a Dutch reason.

    The message never tells whether the address exists. An unknown address still costs one argon2
    verification, so timing does not tell either.
    """
    email = normalise_email(email)
    moment = time.time() if moment is None else moment
    wait = throttle_wait(store, email, client, moment=moment)
    if wait:
        minutes = max(1, math.ceil(wait / 60))
        raise LoginRefused(f"Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.", throttled=True)
    found = store.account_by_email(email)
    ok = verify_password(found[1] if found else _DUMMY_HASH, password) and found is not None
    if not ok:
        store.record_login_failure([f"email:{email}", f"client:{client}"], moment)
        raise LoginRefused("Dit e-mailadres en wachtwoord horen niet bij elkaar.")
    store.clear_login_failures(f"email:{email}")
    account = found[0]
    if _hasher.check_needs_rehash(found[1]):
        store.set_password_hash(account.person_id, hash_password(password), must_change=account.must_change_password)
    return issue_token(store, account.person_id)


def register(store: Store, name: str, email: str, password: str, *, is_admin: bool = False) -> int:
    """Create an account, or raise ``LoginRefused`` with what to change."""
    from wegwijzer.storage.database import AccountExists

    name, email = name.strip(), normalise_email(email)
    if not name or len(name) > 120:
        raise LoginRefused("Vul je naam in (hoogstens 120 tekens).")
    problem = email_problem(email) or password_problem(password)
    if problem:
        raise LoginRefused(problem)
    try:
        return store.create_account(name, email, hash_password(password), is_admin=is_admin)
    except AccountExists:
        raise LoginRefused("Er bestaat al een account met dit e-mailadres. Log in, of vraag de beheerder "
                           "om je wachtwoord opnieuw in te stellen.") from None


def new_code(groups: int = 4) -> str:
    """An unguessable, readable code such as ``K7QM-2XPA-9RTD-W4HN`` (16 of 31 symbols: 79 bits; no 0/O, 1/I/L)."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(groups))


def normalise_code(code: str) -> str:
    """Codes are typed by people: ignore case, spaces and missing dashes."""
    raw = re.sub(r"[^0-9A-Za-z]", "", code).upper()
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
