"""The load generator of figure L2 (bench/stream.py, bench/load_users.py) against a real server.

Two logged-in users answer their own questionnaire over Streamlit's websocket protocol, quickly, past
the end of the first chapter; every answer they sent must be in the database, and the clicks must have
been timed. This keeps the generator honest: if Streamlit's protocol changes under it, CI says so.
"""

from __future__ import annotations

import asyncio
import random
import time

import pytest
from websockets.exceptions import InvalidStatus

from bench.load_users import accounts, answer, lost_answers, open_sessions
from bench.stream import Browser
from wegwijzer.storage import Store

FIRST_CHAPTER = 7  # themes in the first step of a full session ("verbinder")


def test_two_users_answer_over_the_websocket_and_every_answer_is_stored(server):
    url, db_path = server
    users = accounts(db_path, 2)
    open_sessions(db_path, users)

    async def both():
        now = time.monotonic()
        await asyncio.gather(*(answer(url, u, start_at=now, stop_at=now + 60, rng=random.Random(i),
                                      pause=(0.05, 0.1), max_clicks=FIRST_CHAPTER + 3)
                               for i, u in enumerate(users)))

    asyncio.run(both())
    store = Store(db_path)
    for user in users:
        assert user.failures == []
        assert len(user.clicks) == FIRST_CHAPTER + 2 and len(user.pages) == 1  # step 1, next, two of step 2
        assert all(0 < seconds < 30 for _, seconds in user.clicks)
        stored = store.sessions.answers(user.session_id)
        assert {(user.session_id, t) for t in stored} == set(user.sent) and len(stored) == FIRST_CHAPTER + 2
    assert lost_answers(db_path, users) == 0


def test_the_generator_sends_the_login_cookie_and_the_page_refuses_without_it(server, library):
    url, db_path = server
    [user] = accounts(db_path, 1)
    open_sessions(db_path, [user])

    async def look(token):
        async with Browser(url, token) as tab:
            await tab.open("vragenlijst", f"sessie={user.session_id}")
            return [r.id for r in tab.find("radio")]

    assert any(rid.endswith(f"-m_{user.session_id}_1") for rid in asyncio.run(look(user.token)))
    with pytest.raises(InvalidStatus) as refused:  # logged out: the gate refuses the websocket itself
        asyncio.run(look(None))
    assert refused.value.response.status_code == 403
