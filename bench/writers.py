"""P6: 20 writers at once cost no more than one writer doing all their writes (threads, and processes).

Each round first lets ONE writer do the 10,000 writes (500 answers to each of 20 sessions), then 20
writers do the same 500 answers each at once, on the same database. The figure is the ratio of the
two times, round by round, so a slow or busy machine slows both sides alike. Goal: ≤ 1.3 and no
error: sharing the database among concurrent writers (BEGIN IMMEDIATE, the busy timeout, one
connection per process behind its lock) costs at most 30% over doing the same work alone.
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import tempfile
import threading
import time
from pathlib import Path

from .common import Figure

WRITERS, ANSWERS, ROUNDS, GOAL = 20, 500, 11, 1.3  # 11 rounds: one round is ~1 s, and this machine is noisy


def _write(store, session_ids: list[int], answers: int) -> int:
    """``answers`` answers to each session; returns the number of errors."""
    errors = 0
    for sid in session_ids:
        for i in range(answers):
            try:
                store.sessions.save_answer(sid, 1 + i % 100, mastery=1 + i % 5, importance=1 + i % 3)
            except Exception:  # noqa: BLE001 - counted, that is the figure
                errors += 1
    return errors


def _writer_process(args) -> tuple[int, float, float]:
    path, session_ids, answers, start_at = args
    from wegwijzer.storage import Store

    store = Store(path)
    while time.time() < start_at:
        time.sleep(0.0005)
    begin = time.perf_counter()
    errors = _write(store, session_ids, answers)
    end = time.perf_counter()
    store.close()
    return errors, begin, end


def _sessions(store) -> list[int]:
    return [store.sessions.create(store.people.local_person(), label="", scope_kind="alle", scope_key="",
                                  perspective="zittend", themes=list(range(1, 101))) for _ in range(WRITERS)]


def _figure(fid: str, mode: str, together: list[float], alone: list[float], errors: int, rows: int) -> Figure:
    ratios = [t / a for t, a in zip(together, alone, strict=True)]
    return Figure(fid, f"concurrent_writers_{WRITERS}x{ANSWERS}_vs_one", "ratio", ratios, GOAL, ok=errors == 0,
                  extra=(f"concurrent_s={statistics.median(together):.2f} one_writer_s={statistics.median(alone):.2f} "
                         f"errors={errors} rows={rows} mode={mode}"))


def p6_threads(rounds: int = ROUNDS) -> Figure:
    """App sessions are threads sharing the server's Store, as Streamlit runs them."""
    from wegwijzer.storage import Store

    together, alone, errors = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "p6.db")
        sids = _sessions(store)
        for _ in range(rounds):
            start = time.perf_counter()
            errors.append(_write(store, sids, ANSWERS))
            alone.append(time.perf_counter() - start)

            gate = threading.Barrier(WRITERS + 1)

            def write(sid: int, gate=gate) -> None:
                gate.wait()
                errors.append(_write(store, [sid], ANSWERS))

            threads = [threading.Thread(target=write, args=(sid,)) for sid in sids]
            for t in threads:
                t.start()
            gate.wait()
            start = time.perf_counter()
            for t in threads:
                t.join()
            together.append(time.perf_counter() - start)
        rows = store.counts()["answers"]
    return _figure("P6", "threads_shared_store", together, alone, sum(errors), rows)


def p6_processes(rounds: int = ROUNDS) -> Figure:
    """Processes, each with its own connection (as several server processes on one file)."""
    from wegwijzer.storage import Store

    together, alone, errors = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p6.db"
        store = Store(path)
        sids = _sessions(store)
        with mp.get_context("fork").Pool(WRITERS) as pool:
            for _ in range(rounds):
                start_at = time.time() + 0.5
                [(err, begin, end)] = pool.map(_writer_process, [(str(path), sids, ANSWERS, start_at)])
                errors += err
                alone.append(end - begin)
                start_at = time.time() + 0.5
                results = pool.map(_writer_process, [(str(path), [sid], ANSWERS, start_at) for sid in sids])
                errors += sum(r[0] for r in results)
                together.append(max(r[2] for r in results) - min(r[1] for r in results))
        rows = store.counts()["answers"]
    return _figure("P6p", "processes_own_connections", together, alone, errors, rows)
