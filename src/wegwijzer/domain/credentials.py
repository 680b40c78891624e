"""Passwords, tokens and codes: the pure rules (no database).

- Passwords are stored as argon2id hashes (argon2-cffi's defaults: RFC 9106 low-memory profile).
- A login token is a random 256-bit value; only its SHA-256 is ever stored.
- Invitation and join codes are readable, unguessable codes of 16 symbols from 31 (79 bits).
- At most ``HASH_SLOTS`` argon2 computations run at once; a caller that waits ``HASH_WAIT_S`` for a slot
  gets :class:`HashingBusy` (a Dutch "too busy") instead of queueing without end.
- Failed attempts slow down, they never lock out: after a few free attempts each next one has to wait a
  delay that doubles per failure, up to a few minutes (:class:`Throttle`).
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import re
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from wegwijzer.errors import DutchMessage

TOKEN_BYTES = 32  # 256 bits
TOKEN_DAYS = 14
MIN_PASSWORD_LENGTH = 10
DEVICE_DAYS = 365  # a device cookie: "this browser logged in as this person before"
HASH_SLOTS = 2  # argon2 computations at once (one per core of the reference machine)
HASH_WAIT_S = 3.0  # how long a login may wait for a free slot before it hears "too busy"
RESET_CODE_DAYS = 3  # an administrator's reset code works once, within this many days

_hasher = PasswordHasher()
DUMMY_HASH = _hasher.hash("wegwijzer-dummy-password")  # verified for unknown addresses, so timing tells nothing
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L


class HashingBusy(DutchMessage):
    """Every password slot stayed taken for ``HASH_WAIT_S``: too many logins at once."""

    def __init__(self) -> None:
        super().__init__("Het is even te druk; probeer het over een minuut opnieuw.")


_slots = threading.BoundedSemaphore(HASH_SLOTS)


@contextlib.contextmanager
def _hash_slot() -> Iterator[None]:
    if not _slots.acquire(timeout=HASH_WAIT_S):
        raise HashingBusy()
    try:
        yield
    finally:
        _slots.release()


def hash_password(password: str) -> str:
    with _hash_slot():
        return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    with _hash_slot():
        try:
            return _hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


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


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Throttle:
    """A progressive delay: ``free`` attempts in ``window_s``, then each next one waits ``first_s`` after the
    last, doubling per attempt up to ``most_s``. Never a lockout: the wait is always short and always ends."""

    free: int
    first_s: float
    most_s: float
    window_s: float

    def delay_after(self, count: int) -> float:
        """The wait after ``count`` counted attempts (0 while they are free)."""
        if count < self.free:
            return 0.0
        return min(self.most_s, self.first_s * 2 ** min(count - self.free, 30))

    def wait(self, attempts: list[float], moment: float) -> int:
        """Whole seconds from ``moment`` until the next attempt is heard; 0 when it is heard now.

        ``attempts`` are the moments of the counted attempts (sorted), older ones than the window ignored.
        """
        recent = [at for at in attempts if at > moment - self.window_s]
        if not recent:
            return 0
        return max(0, math.ceil(recent[-1] + self.delay_after(len(recent)) - moment))


# Wrong passwords for one address, from anywhere: 3 free, then 5 s, 10 s, 20 s … up to 5 minutes.
EMAIL_THROTTLE = Throttle(free=3, first_s=5, most_s=300, window_s=24 * 3600)
# Wrong passwords from one client (many addresses, or a NAT): 10 free, then 2 s, 4 s … up to 5 minutes.
CLIENT_THROTTLE = Throttle(free=10, first_s=2, most_s=300, window_s=24 * 3600)
# Registrations from one client: 10 an hour free (a training room behind one address), then 5 s … 1 minute.
REGISTRATION_THROTTLE = Throttle(free=10, first_s=5, most_s=60, window_s=3600)
# Wrong passwords with one device cookie before that device no longer skips the delays.
DEVICE_FAILURES = 5


def in_words(seconds: int) -> str:
    """A wait in Dutch: "12 seconden", "1 minuut", "4 minuten"."""
    if seconds < 90:
        return "1 seconde" if seconds == 1 else f"{seconds} seconden"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minuten"


def new_code(groups: int = 4) -> str:
    """An unguessable, readable code such as ``K7QM-2XPA-9RTD-W4HN`` (16 of 31 symbols: 79 bits; no 0/O, 1/I/L)."""
    return "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(groups))


def normalise_code(code: str) -> str:
    """Codes are typed by people: ignore case, spaces and missing dashes."""
    raw = re.sub(r"[^0-9A-Za-z]", "", code).upper()
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
