"""Shared fixtures: the real content, a mini content folder, databases, a real server and Chromium.

Tests are sorted by kind into folders, and each folder sets its marker: ``unit`` (no server, no browser:
``pytest tests/unit`` runs in seconds), ``pages`` (Streamlit's AppTest), ``http`` (a real server over
HTTP) and ``browser`` (Debian's Chromium against a real server).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.paths import MINI, THEMES
from wegwijzer.content.library import Library, load_library
from wegwijzer.storage import Store

KINDS = ("unit", "pages", "http", "browser")
TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        kind = item.path.relative_to(TESTS).parts[0]
        assert kind in KINDS, f"{item.path}: every test lives in one of the folders {', '.join(KINDS)}"
        item.add_marker(kind)


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(THEMES)


@pytest.fixture(scope="session")
def mini() -> Library:
    return load_library(MINI)


@pytest.fixture
def mini_folder(tmp_path: Path) -> Path:
    """A writable copy of the mini content, named like the real folder."""
    target = tmp_path / "thema's"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def file_store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "wegwijzer.db")
    yield s
    s.close()


# --- real servers and the real browser (module scope: one per test module) ---------------------------


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium through playwright; browser tests fail (never skip) when it is missing."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``streamlit run server.py`` in server mode on a fresh database: (url, database path)."""
    from tests.support.browser import streamlit_server

    db_path = tmp_path_factory.mktemp("server") / "server.db"
    Store(db_path).close()
    with streamlit_server(db_path, {"WEGWIJZER_MODE": "server"}) as (url, _):
        yield url, db_path
