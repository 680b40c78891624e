"""Where the project and the test data are."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
THEMES = ROOT / "thema's"
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "content" / "valid"
