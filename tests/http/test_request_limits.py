"""No denial of service without an account, over real HTTP: bodies are capped before they are read, and
password work runs off the event loop with a bound, so everyone else's pages stay quick."""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.http.test_rater_route import http_round
from tests.support.browser import streamlit_server
from tests.support.server import PASSWORD, form, person, request
from wegwijzer.storage import Store
from wegwijzer.web.base import MAX_FORM_BYTES
from wegwijzer.web.notes import MAX_NOTE_FORM_BYTES
from wegwijzer.web.rater import MAX_RATER_FORM_BYTES


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A server of its own (its process is measured): (url, database path, process)."""
    db_path = tmp_path_factory.mktemp("limits") / "server.db"
    Store(db_path).close()
    with streamlit_server(db_path, {"WEGWIJZER_MODE": "server"}) as (url, proc):
        yield url, db_path, proc


def _raw(url: str, head: str, body_chunks=(), *, timeout: float = 20) -> tuple[int, str, float]:
    """Send a request byte for byte (headers, then as much of the body as the server takes) and return the
    status, the response text and the seconds until the answer came."""
    parts = urllib.parse.urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
    started = time.monotonic()
    try:
        sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n")
        try:
            for chunk in body_chunks:
                sock.sendall(chunk)
        except OSError:
            pass  # the server answered and closed while we were still sending: what we want
        answer = b""
        while not _complete(answer):
            try:
                data = sock.recv(65536)
            except OSError:
                break
            if not data:
                break
            answer += data
    finally:
        sock.close()
    assert answer, "no answer"
    status = int(answer.split(b" ", 2)[1])
    return status, answer.decode("utf-8", errors="replace"), time.monotonic() - started


def _complete(answer: bytes) -> bool:
    head, found, body = answer.partition(b"\r\n\r\n")
    if not found:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return False  # read until the server closes


def _head(url: str, method: str, path: str, extra: str) -> str:
    host = urllib.parse.urlsplit(url).netloc
    return (f"{method} {path} HTTP/1.1\nHost: {host}\nOrigin: {url}\n"
            f"Content-Type: application/x-www-form-urlencoded\n{extra}\n")


def _rss_kib(proc) -> int:
    for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_a_body_declared_too_large_is_refused_before_it_is_read(served, library):
    url, db_path, _ = served
    _store, _owner, _round, tokens = http_round((url, db_path), library)
    for path, limit in (("/inloggen", MAX_FORM_BYTES), ("/registreren", MAX_FORM_BYTES), ("/wachtwoord-herstellen", MAX_FORM_BYTES),
                        ("/uitloggen", MAX_FORM_BYTES), ("/notitie", MAX_NOTE_FORM_BYTES),
                        (f"/feedback/{tokens[0]}", MAX_RATER_FORM_BYTES)):
        # a gigabyte announced, a few bytes sent: the answer comes at once, without waiting for the rest
        status, text, seconds = _raw(url, _head(url, "POST", path, f"Content-Length: {2**30}"), [b"email=a"])
        assert status == 413, (path, text[:300])
        assert seconds < 10, path
        assert "Traceback" not in text
        if path != "/notitie":  # a page: in Dutch, and the form is there to try again
            assert "te groot" in text or "te lang" in text, (path, text[-500:])
        # just under the limit is read as usual
        status, _text, _ = _raw(url, _head(url, "POST", path, f"Content-Length: {limit}"), [b"x" * limit])
        assert status != 413, path


def test_a_body_without_a_length_is_cut_off_at_the_limit_and_never_held_whole(served):
    url, _, proc = served
    chunk = b"x" * 65_536
    chunked = (b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(48 * 16))  # 48 MB, no length given
    before = _rss_kib(proc)
    status, text, _ = _raw(url, _head(url, "POST", "/inloggen", "Transfer-Encoding: chunked"), chunked, timeout=60)
    grown_mib = (_rss_kib(proc) - before) / 1024
    assert status == 413 and "Dit formulier is te groot" in text
    assert grown_mib < 16, f"the server grew by {grown_mib:.0f} MiB for one refused body"


def test_password_work_leaves_the_event_loop_free_and_says_busy_instead_of_queueing(served, library):
    url, _, _ = served
    email, _ = person((url, served[1]), library, "Druk Test", sessions=0)
    statuses: list[int] = []
    texts: list[str] = []
    health: list[float] = []
    done = threading.Event()

    def log_in():
        parts = urllib.parse.urlsplit(url)
        status, text, _ = _raw(url, _head(url, "POST", "/inloggen",
                                          f"Content-Length: {len(form(email=email, password=PASSWORD))}"),
                               [form(email=email, password=PASSWORD).encode()], timeout=120)
        statuses.append(status)
        texts.append(text)
        assert parts.port

    def watch_health():
        while not done.is_set():
            started = time.monotonic()
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=60) as r:
                assert r.status == 200
            health.append(time.monotonic() - started)
            time.sleep(0.05)

    watcher = threading.Thread(target=watch_health)
    watcher.start()
    logins = [threading.Thread(target=log_in) for _ in range(48)]
    for t in logins:
        t.start()
    for t in logins:
        t.join()
    done.set()
    watcher.join()
    assert set(statuses) <= {303, 503}, statuses
    assert statuses.count(303) >= 2  # the logins that got a slot went through
    busy = [t for s, t in zip(statuses, texts, strict=True) if s == 503]
    assert busy, "48 logins at once: some must hear that it is too busy rather than all queueing"
    assert all("Het is even te druk; probeer het over een minuut opnieuw." in t for t in busy)
    assert max(health) < 1.0, f"the health check took up to {max(health):.2f} s while passwords were hashed"
    # and right after, a login goes through as usual
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD), {"Origin": url})
    assert r.status == 303
