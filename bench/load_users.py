"""The people of a load run: accounts, a login each, an open questionnaire each, and how they answer.

Accounts are made with the app's own code on the database (``auth.register``, ``auth.login``), so each
user has a real login token to send as the ``wegwijzer_sessie`` cookie. Each run gives every user a new
open session with all 100 themes; :func:`answer` then opens ``/vragenlijst?sessie=<id>`` over
Streamlit's websocket and answers at a human pace. What each user sent last per theme is kept, so
:func:`lost_answers` can check the database afterwards.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .stream import Browser, RunFailed

PASSWORD = "een-lang-wachtwoord"
NVT = "Niet van toepassing"
PAUSE_S = (3.0, 6.0)  # one answer every 3 to 6 seconds
REACTION_S = 0.3  # a person does not click again the instant the page has updated


@dataclass
class User:
    email: str
    person_id: int
    token: str
    session_id: int = 0
    sent: dict[tuple[int, int], str] = field(default_factory=dict)  # (session, theme) -> the option last clicked
    clicks: list[tuple[float, float]] = field(default_factory=list)  # (when sent, seconds to finished)
    pages: list[float] = field(default_factory=list)  # next-chapter clicks, seconds to finished
    failures: list[str] = field(default_factory=list)
    backend: str = ""  # the server process a proxy sent this user to


def accounts(db_path: Path, count: int) -> list[User]:
    """``count`` accounts (made once per database, reused by later runs), each with a fresh login token.

    The token is issued as a successful ``auth.login`` issues it; the password check before it (an argon2
    verification, figure L1) is left out, as it would only slow the set-up of hundreds of users.
    """
    from wegwijzer.service import auth
    from wegwijzer.storage import Store

    store = Store(db_path)

    def one(i: int) -> User:
        email = f"load{i:04d}@bench.nl"
        found = store.people.account_by_email(email)  # made by an earlier run on this database?
        person = found[0].person_id if found else auth.register(store, f"Belasting {i}", email, PASSWORD)
        login = auth.issue_token(store, person)
        return User(email=email, person_id=person, token=login.token)

    with ThreadPoolExecutor(4) as pool:  # argon2 leaves the GIL while it hashes
        return list(pool.map(one, range(count)))


def new_session(store, user: User, themes: int = 100) -> int:
    """A new open questionnaire with all themes for this user; returns its id."""
    return store.sessions.create(user.person_id, label="Belasting", scope_kind="alle", scope_key="",
                                 perspective="zittend", themes=list(range(1, themes + 1)))


def open_sessions(db_path: Path, users: list[User]) -> None:
    """A new open questionnaire for every user; clears what an earlier run recorded."""
    from wegwijzer.storage import Store

    store = Store(db_path)
    for user in users:
        user.session_id = new_session(store, user)
        user.sent, user.clicks, user.pages, user.failures, user.backend = {}, [], [], [], ""


def lost_answers(db_path: Path, users: list[User]) -> int:
    """Answers a user sent (the last value per theme) that the database does not hold."""
    from wegwijzer.storage import Store

    store = Store(db_path)
    lost = 0
    stored: dict[int, dict] = {}
    for user in users:
        for (session, theme), option in user.sent.items():
            if session not in stored:
                stored[session] = store.sessions.answers(session)
            answer = stored[session].get(theme)
            if answer is None:
                lost += 1
            elif option == NVT:
                lost += not answer.not_applicable
            else:
                lost += answer.not_applicable or answer.mastery != int(option.split(" ")[0])
    return lost


async def answer(url: str, user: User, *, start_at: float, stop_at: float, rng: random.Random,
                 pause: tuple[float, float] = PAUSE_S, max_clicks: int | None = None,
                 renew: Callable[[User], int] | None = None) -> None:
    """Open the questionnaire at ``start_at`` and answer until ``stop_at`` (``time.monotonic`` clock).

    Each click goes to the first unanswered rating on the chapter; a full chapter is left with
    *Volgende stap*. When the last chapter is full, the user closes the tab and, with ``renew``
    (which returns a new session id), opens a new questionnaire in a new tab; without it, the user
    changes earlier ratings. The next click comes ``pause`` (3–6 s) after the previous one, and never
    before the page has updated. A failure (a run that ended in an error, a timeout, a closed socket)
    ends this user and is recorded.
    """
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    try:
        while await _questionnaire(url, user, stop_at, rng, pause, max_clicks, leave_when_done=renew is not None):
            user.session_id = renew(user)
    except Exception as exc:  # noqa: BLE001 - every failure is counted: a failed run, a timeout, a closed socket
        user.failures.append(f"{type(exc).__name__}: {exc}"[:300])


async def _questionnaire(url: str, user: User, stop_at: float, rng: random.Random, pause: tuple[float, float],
                         max_clicks: int | None, *, leave_when_done: bool) -> bool:
    """One tab on one questionnaire; True when it was left complete (``leave_when_done``)."""
    prefix = f"m_{user.session_id}_"
    async with Browser(url, user.token) as tab:
        user.backend = tab.backend
        await tab.open("vragenlijst", f"sessie={user.session_id}")
        next_at = time.monotonic() + rng.uniform(0, pause[1])  # users do not click in step
        while max_clicks is None or len(user.clicks) + len(user.pages) < max_clicks:
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            if time.monotonic() >= stop_at:
                return False
            began = time.monotonic()
            ratings = [r for r in tab.find("radio") if r.id.rsplit("-", 1)[-1].startswith(prefix)]
            if not ratings:
                raise RunFailed(f"no ratings on the page (query {tab.query_string!r})")
            open_ones = [r for r in ratings if tab.value(r.id) is None]
            following = tab.find("button", label="Volgende stap")
            if not open_ones and not following and leave_when_done:
                return True
            if open_ones or not following:
                radio = open_ones[0] if open_ones else rng.choice(ratings)
                choices = [o for o in radio.options if o != tab.value(radio.id)]
                option = NVT if NVT in choices and rng.random() < 0.05 else rng.choice(choices[:5])
                user.sent[(user.session_id, int(radio.id.rsplit("_", 1)[-1]))] = option
                user.clicks.append((time.time(), await tab.click(radio.id, option)))
            else:
                user.pages.append(await tab.press(following[0].id))
            next_at = max(began + rng.uniform(*pause), time.monotonic() + min(REACTION_S, pause[0]))
    return False
