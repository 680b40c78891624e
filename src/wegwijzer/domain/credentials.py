"""Passwords, tokens and codes: the pure rules (no database).

- Passwords are stored as argon2id hashes (argon2-cffi's defaults: RFC 9106 low-memory profile).
- A login token is a random 256-bit value; only its SHA-256 is ever stored.
- Invitation and join codes are readable, unguessable codes of 16 symbols from 31 (79 bits).
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

TOKEN_BYTES = 32  # 256 bits
TOKEN_DAYS = 14
MIN_PASSWORD_LENGTH = 10
THROTTLE_WINDOW_S = 15 * 60
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_CLIENT = 30
RESET_CODE_DAYS = 3  # an administrator's reset code works once, within this many days

_hasher = PasswordHasher()
DUMMY_HASH = _hasher.hash("wegwijzer-dummy-password")  # verified for unknown addresses, so timing tells nothing
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
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


def wait_seconds(failures: list[float], limit: int, moment: float) -> int:
    """Seconds until the oldest of the last ``limit`` failures leaves the window; 0 below the limit."""
    if len(failures) < limit:
        return 0
    return max(1, math.ceil(failures[-limit] + THROTTLE_WINDOW_S - moment))


def new_code(groups: int = 4) -> str:
    """An unguessable, readable code such as ``K7QM-2XPA-9RTD-W4HN`` (16 of 31 symbols: 79 bits; no 0/O, 1/I/L)."""
    return "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(groups))


def normalise_code(code: str) -> str:
    """Codes are typed by people: ignore case, spaces and missing dashes."""
    raw = re.sub(r"[^0-9A-Za-z]", "", code).upper()
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
