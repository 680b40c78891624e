"""Shared fixtures: the real content, a mini content folder, and databases in memory or on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wegwijzer.content.library import Library, load_library
from wegwijzer.storage import Store

ROOT = Path(__file__).resolve().parents[1]
THEMES = ROOT / "thema's"
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "content" / "valid"


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

    from .browser import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``streamlit run server.py`` in server mode on a fresh database: (url, database path)."""
    from .browser import streamlit_server

    db_path = tmp_path_factory.mktemp("server") / "server.db"
    Store(db_path).close()
    with streamlit_server(db_path, {"WEGWIJZER_MODE": "server"}, script="server.py") as (url, _):
        yield url, db_path
