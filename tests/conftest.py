"""Shared fixtures: the real content, a mini content folder, and databases in memory or on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wegwijzer.content import Library, load_library
from wegwijzer.db import Store

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
