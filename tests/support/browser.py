"""Helpers for the real-browser tests: a streamlit server on loopback and Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tests.support.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


# root passes every file permission check; without these two capabilities file modes hold for it too
WITHOUT_ROOT_OVERRIDE = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_path: Path, port: int, env: dict[str, str] | None = None,
                 script: str = "server.py", prefix: tuple[str, ...] = ()) -> subprocess.Popen:
    environment = os.environ | {"WEGWIJZER_DB": str(db_path)} | (env or {})
    proc = subprocess.Popen(
        [*prefix, sys.executable, "-m", "streamlit", "run", str(ROOT / script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("streamlit stopped: " + proc.stderr.read().decode(errors="replace")[-2000:])
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not start within 60 s")


@contextmanager
def streamlit_server(db_path: Path, env: dict[str, str] | None = None, script: str = "server.py",
                     prefix: tuple[str, ...] = ()):
    """A server on a free port; ``prefix`` runs it through another command (e.g. ``WITHOUT_ROOT_OVERRIDE``)."""
    port = free_port()
    proc = start_server(db_path, port, env, script, prefix)
    try:
        yield f"http://127.0.0.1:{port}", proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def require_chromium() -> None:
    """Browser tests never skip: without Chromium they fail and say how to fix it."""
    if not Path(CHROMIUM).exists():
        raise AssertionError(f"{CHROMIUM} is missing: apt-get install chromium (the browser tests need it)")


def wait_for_app(page) -> None:
    """Wait until the page has rendered and no rerun is running."""
    page.wait_for_selector("[data-testid=stApp]", timeout=30_000)
    page.wait_for_selector("h1", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000)
    page.wait_for_timeout(300)  # a rerun that was just triggered shows its status widget only after a moment


def wait_until(predicate, timeout: float = 10.0):
    """Poll ``predicate`` until it returns something true (and return that), or fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("condition not met in time")

