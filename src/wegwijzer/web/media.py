"""Files served under ``/media/<id>``: each only to the person it was made for, and only for a while.

A download is made when its button is clicked (``ui/downloads.py``), for whoever is logged in at that
moment; the file's id is then granted to that person. The login gate serves ``/media/<id>`` only to a
logged-in person holding a grant that has not expired, so neither another account nor a tab whose person
logged out can fetch the file by its URL. A grant lives in this process only, as the stored file does.
"""

from __future__ import annotations

import threading
import time
from pathlib import PurePosixPath

MEDIA_PREFIX = "/media/"
GRANT_SECONDS = 300  # the browser fetches the file right after the click; five minutes is plenty

_grants: dict[tuple[str, int], float] = {}  # (file id, person id) -> expiry (monotonic seconds)
_lock = threading.Lock()


def grant(file_id: str, person_id: int, *, now: float | None = None) -> None:
    """Let ``person_id`` fetch ``file_id`` for the next GRANT_SECONDS."""
    now = time.monotonic() if now is None else now
    with _lock:
        for key in [k for k, expiry in _grants.items() if expiry <= now]:
            del _grants[key]
        _grants[(file_id, person_id)] = now + GRANT_SECONDS


def may_fetch(path: str, person_id: int | None, *, now: float | None = None) -> bool:
    """Whether ``person_id`` may fetch the media file at ``path`` (``/media/<id>.<ext>``) now."""
    if person_id is None:
        return False
    file_id = PurePosixPath(path.removeprefix(MEDIA_PREFIX)).stem
    now = time.monotonic() if now is None else now
    with _lock:
        return _grants.get((file_id, person_id), 0.0) > now
