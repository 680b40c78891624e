"""Taking turns to write: a writer waits for another process's turn, asks again instead of queueing, and queues
once its patience is over."""

from __future__ import annotations

import stat
import threading
import time

from wegwijzer.storage import Store, writer_turn
from wegwijzer.storage.writer_turn import patiently


def test_a_writer_that_never_gets_the_turn_by_asking_queues_after_its_patience():
    asked: list[float] = []
    queued: list[float] = []
    start = time.monotonic()
    patiently(lambda: asked.append(time.monotonic()) or False, lambda: queued.append(time.monotonic()))
    assert len(queued) == 1
    assert writer_turn.PATIENCE_S <= queued[0] - start < writer_turn.PATIENCE_S + 0.5
    assert 5 <= len(asked) <= 30  # asked now, then every 2-8 ms: not a busy loop
    gaps = [b - a for a, b in zip(asked, asked[1:], strict=False)]
    assert min(gaps) >= writer_turn.FIRST_PAUSE_S * 0.9


def test_a_writer_that_gets_the_turn_at_once_neither_sleeps_nor_queues():
    queued: list[bool] = []
    start = time.monotonic()
    patiently(lambda: True, lambda: queued.append(True))
    assert queued == [] and time.monotonic() - start < writer_turn.FIRST_PAUSE_S


def test_an_answer_waits_while_another_process_has_the_turn(tmp_path):
    """Two Stores on one file are two connections, as in two server processes: while one holds the turn, the
    other's answer is not written; it is written once the turn is free."""
    path = tmp_path / "w.db"
    mine, other = Store(path), Store(path)
    sid = mine.sessions.create(mine.people.local_person(), label="", scope_kind="alle", scope_key="",
                               perspective="zittend", themes=[1, 2])
    holding, release = threading.Event(), threading.Event()

    def hold_the_turn() -> None:
        other.db.turn.take()
        try:
            holding.set()
            release.wait(5)
        finally:
            other.db.turn.give_back()

    holder = threading.Thread(target=hold_the_turn)
    holder.start()
    holding.wait(5)
    writer = threading.Thread(target=lambda: mine.sessions.save_answer(sid, 1, mastery=3))
    writer.start()
    writer.join(0.3)
    assert writer.is_alive() and Store(path).sessions.answers(sid) == {}  # past its patience, queued, waiting
    release.set()
    holder.join()
    writer.join(5)
    assert Store(path).sessions.answers(sid)[1].mastery == 3


def test_the_turn_file_beside_the_database_is_private_and_holds_nothing(tmp_path):
    store = Store(tmp_path / "w.db")
    sid = store.sessions.create(store.people.local_person(), label="", scope_kind="alle", scope_key="",
                                perspective="zittend", themes=[1])
    store.sessions.save_answer(sid, 1, mastery=2)
    turn = tmp_path / "w.db-writer"
    assert stat.S_IMODE(turn.stat().st_mode) == 0o600
    assert turn.read_bytes() == b""
    store.close()
    assert store.db.turn._fd is None
