"""Whose turn it is to write one statement: among the threads of this process and the processes on the same file.

A thread or process that queues on a lock is handed it at the next release. With many writers at once every
write then passes the lock to another thread or process, and on a small virtual machine that hand-over costs as
much as the write itself (P6 in bench/writers.py: 20 writers took 1.6–1.8 times as long as one writer doing all
their writes). A writer that finds the turn taken sleeps and asks again after 2, 4, 8, 8 … ms instead, so the one
that is writing goes on while the others sleep; after ``PATIENCE_S`` it queues like any other, so none waits
without end. A person's click may wait a few ms longer than in the queue, and only while others write at that
very moment.

The turn between processes is an advisory lock (``flock``) on a file beside the database, ``<database>-writer``;
it holds no data. Where it cannot be made (a read-only folder) only the threads take turns, and the write itself
will say what is wrong.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

try:
    import fcntl
except ImportError:  # not on Windows: there the processes queue on SQLite's own lock, as they did before
    fcntl = None

FIRST_PAUSE_S, LONGEST_PAUSE_S, PATIENCE_S = 0.002, 0.008, 0.05


def patiently(try_take: Callable[[], bool], take: Callable[[], None]) -> None:
    """``try_take()`` now, then again after each pause; once ``PATIENCE_S`` has passed, ``take()`` (which waits)."""
    if try_take():
        return
    deadline = time.monotonic() + PATIENCE_S
    pause = FIRST_PAUSE_S
    while time.monotonic() < deadline:
        time.sleep(pause)
        if try_take():
            return
        pause = min(pause * 2, LONGEST_PAUSE_S)
    take()


class WriterTurn:
    """The turn to write one statement on a database: :meth:`take`, write, :meth:`give_back` (in a ``finally``).

    ``thread_lock`` is the lock of the process's one connection (also taken by reads and transactions, which
    queue on it as usual); ``path`` is the database file, None for a database in memory; the turn file is made
    with ``mode``, the database's own. Plain methods rather than a context manager: this runs at every click and
    a generator-based ``with`` costs more than the lock.
    """

    def __init__(self, thread_lock: threading.Lock, path: str | None, mode: int):
        self.thread_lock = thread_lock
        self.mode = mode
        self.path = None if path is None or fcntl is None else path + "-writer"
        self._fd: int | None = None

    def take(self) -> None:
        lock = self.thread_lock
        patiently(lambda: lock.acquire(blocking=False), lock.acquire)
        try:
            fd = self._fd if self._fd is not None else self._open()
            if fd is not None:
                patiently(lambda: _try_flock(fd), lambda: fcntl.flock(fd, fcntl.LOCK_EX))
        except BaseException:
            lock.release()
            raise

    def give_back(self) -> None:
        try:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self.thread_lock.release()

    def _open(self) -> int | None:
        """The lock file, opened once (under the thread lock); None when there is none or it cannot be made."""
        if self.path is not None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, self.mode)
            except OSError:
                self.path = None
        return self._fd

    def close(self) -> None:
        with self.thread_lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
                self.path = None  # a closed database writes no more


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
