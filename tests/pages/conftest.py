"""Fixtures for the AppTest page tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    """The app's database for this test: a fresh file, named to the app through WEGWIJZER_DB."""
    path = tmp_path / "app.db"
    monkeypatch.setenv("WEGWIJZER_DB", str(path))
    return path
