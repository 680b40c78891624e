"""Logging in with the database: tokens, devices, throttling, registration, and whose a login cookie is.

A login hands out a random token. The browser keeps it in an HttpOnly cookie; the database keeps only
its SHA-256, so a stolen database copy holds no usable token. A token expires after ``TOKEN_DAYS``;
logging out deletes every token of that person ("overal uitgelogd").

Throttling slows guessing down without locking anyone out (the rules are in ``domain/credentials.py``).
Failed logins count per e-mail address and per client; once past the free attempts, the next attempt is
only heard after a delay that doubles per failure, up to five minutes, and is refused without a password
check until then. A successful login also hands out a device cookie: the right password from a browser
that logged in as this person before is heard at once, whatever failures came from elsewhere (until that
device itself collects ``DEVICE_FAILURES`` wrong passwords). Registrations count per client.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from wegwijzer.domain import credentials as cred
from wegwijzer.errors import DutchMessage
from wegwijzer.storage import AccountExists, Store

COOKIE_NAME = "wegwijzer_sessie"
DEVICE_COOKIE_NAME = "wegwijzer_apparaat"
_TRY_A_KNOWN_DEVICE = "Op een computer of telefoon waarmee je eerder hebt ingelogd, kun je meteen inloggen."


class LoginRefused(DutchMessage):
    """A login or registration that did not succeed; ``message`` is Dutch and safe to show.

    ``retry_after`` is the wait in seconds when the attempt was refused by a throttle, without a
    password check (0 otherwise).
    """

    def __init__(self, message: str, *, retry_after: int = 0):
        super().__init__(message)
        self.retry_after = retry_after

    @property
    def throttled(self) -> bool:
        return self.retry_after > 0


@dataclass(frozen=True)
class Login:
    token: str
    person_id: int
    expires_at: str
    device: str = ""  # the device cookie: this browser logged in as this person


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


def _wait(store: Store, throttle: cred.Throttle, key: str, moment: float) -> int:
    return throttle.wait(store.logins.failures_since(key, moment - throttle.window_s), moment)


def throttle_wait(store: Store, email: str, client: str, *, moment: float | None = None) -> int:
    """Seconds until another login attempt for this address or from this client is heard; 0 when now."""
    moment = time.time() if moment is None else moment
    return max(_wait(store, cred.EMAIL_THROTTLE, f"email:{email}", moment),
               _wait(store, cred.CLIENT_THROTTLE, f"client:{client}", moment))


def _device_hash(device: str | None) -> str | None:
    return cred.token_hash(device) if isinstance(device, str) and 0 < len(device) <= 200 else None


def _known_device(store: Store, device_hash: str | None, person_id: int, moment: float) -> bool:
    """A browser that logged in as this person before, and has not guessed wrong too often since."""
    if device_hash is None or store.logins.device_person(device_hash) != person_id:
        return False
    since = moment - cred.EMAIL_THROTTLE.window_s
    return len(store.logins.failures_since(f"device:{device_hash}", since)) < cred.DEVICE_FAILURES


def login(store: Store, email: str, password: str, client: str = "", device: str | None = None, *,
          moment: float | None = None) -> Login:
    """Check the password and hand out a token, or raise ``LoginRefused`` with a Dutch reason.

    The message never tells whether the address exists. An unknown address still costs one argon2
    verification, so timing does not tell either. ``device`` is the browser's device cookie, if any.
    """
    email = cred.normalise_email(email)
    moment = time.time() if moment is None else moment
    found = store.people.account_by_email(email)
    device_hash = _device_hash(device)
    wait = throttle_wait(store, email, client, moment=moment)
    if wait and (found is None or not _known_device(store, device_hash, found[0].person_id, moment)):
        raise LoginRefused(f"Er is te vaak een verkeerd wachtwoord ingevuld. Probeer het over "
                           f"{cred.in_words(wait)} opnieuw. {_TRY_A_KNOWN_DEVICE}", retry_after=wait)
    ok = cred.verify_password(found[1] if found else cred.DUMMY_HASH, password) and found is not None
    if not ok:
        keys = [f"email:{email}", f"client:{client}"] + ([f"device:{device_hash}"] if device_hash else [])
        store.logins.record_failure(keys, moment)
        raise LoginRefused("Dit e-mailadres en wachtwoord horen niet bij elkaar.")
    account = found[0]
    if not wait:  # a known device getting past an attack leaves the attacker's count as it is
        store.logins.clear_failures(f"email:{email}")
    if device_hash is not None and store.logins.device_person(device_hash) == account.person_id:
        store.logins.clear_failures(f"device:{device_hash}")
        store.logins.device_used(device_hash)
    else:
        device = cred.new_token()
        store.logins.add_device(cred.token_hash(device), account.person_id)
    if cred.needs_rehash(found[1]):
        store.people.set_password_hash(account.person_id, cred.hash_password(password),
                                       must_change=account.must_change_password)
    issued = issue_token(store, account.person_id)
    return Login(token=issued.token, person_id=issued.person_id, expires_at=issued.expires_at, device=device or "")


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
        raise LoginRefused(f"Er is te vaak een verkeerde code of een verkeerd wachtwoord ingevuld. Probeer het over "
                           f"{cred.in_words(wait)} opnieuw.", retry_after=wait)
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


def _checked(name: str, email: str, password: str) -> tuple[str, str]:
    name, email = name.strip(), cred.normalise_email(email)
    if not name or len(name) > 120:
        raise LoginRefused("Vul je naam in (hoogstens 120 tekens).")
    problem = cred.email_problem(email) or cred.password_problem(password)
    if problem:
        raise LoginRefused(problem)
    return name, email


def register(store: Store, name: str, email: str, password: str, *, is_admin: bool = False) -> int:
    """Create an account (command line, administrator, tests), or raise ``LoginRefused`` with what to change."""
    name, email = _checked(name, email, password)
    try:
        return store.people.create_account(name, email, cred.hash_password(password), is_admin=is_admin)
    except AccountExists:
        raise LoginRefused("Er bestaat al een account met dit e-mailadres.") from None


def sign_up(store: Store, name: str, email: str, password: str, client: str = "", *,
            moment: float | None = None) -> None:
    """Registration by anyone: throttled per client, and silent about an address that exists already.

    The answer and the work (one argon2 hash) are the same whether the address was new or not, so the
    form cannot be used to find out who has an account. Raises ``LoginRefused`` for input to change.
    """
    moment = time.time() if moment is None else moment
    name, email = _checked(name, email, password)
    wait = _wait(store, cred.REGISTRATION_THROTTLE, f"register:{client}", moment)
    if wait:
        raise LoginRefused(f"Er zijn vanaf deze verbinding net veel accounts gemaakt. Probeer het over "
                           f"{cred.in_words(wait)} opnieuw.", retry_after=wait)
    store.logins.record_failure([f"register:{client}"], moment)
    password_hash = cred.hash_password(password)
    try:
        store.people.create_account(name, email, password_hash)
    except AccountExists:
        pass
