"""Where things live. Every path can be changed by an environment variable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Settings:
    themes_dir: Path
    db_path: Path


def settings() -> Settings:
    """Read the settings from the environment (``WEGWIJZER_THEMES``, ``WEGWIJZER_DB``)."""
    return Settings(
        themes_dir=Path(os.environ.get("WEGWIJZER_THEMES", PROJECT_ROOT / "thema's")),
        db_path=Path(os.environ.get("WEGWIJZER_DB", PROJECT_ROOT / "data" / "wegwijzer.db")),
    )
