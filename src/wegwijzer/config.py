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
    server_mode: bool = False  # accounts, groups and coaching; local single-person use is the default
    registration_open: bool = True
    secure_cookie: bool = False  # set behind an HTTPS reverse proxy
    behind_proxy: bool = False  # trust X-Forwarded-For for the client address (login throttling)


def settings() -> Settings:
    """Read the settings from the environment.

    ``WEGWIJZER_THEMES``, ``WEGWIJZER_DB``; ``WEGWIJZER_MODE=server`` for accounts;
    ``WEGWIJZER_REGISTRATION=closed`` when only the administrator makes accounts;
    ``WEGWIJZER_SECURE_COOKIE=1`` when the app is served over HTTPS; ``WEGWIJZER_BEHIND_PROXY=1`` to
    take the client address from the proxy's X-Forwarded-For header.
    """
    return Settings(
        themes_dir=Path(os.environ.get("WEGWIJZER_THEMES", PROJECT_ROOT / "thema's")),
        db_path=Path(os.environ.get("WEGWIJZER_DB", PROJECT_ROOT / "data" / "wegwijzer.db")),
        server_mode=os.environ.get("WEGWIJZER_MODE", "local").strip().lower() == "server",
        registration_open=os.environ.get("WEGWIJZER_REGISTRATION", "open").strip().lower() != "closed",
        secure_cookie=os.environ.get("WEGWIJZER_SECURE_COOKIE", "") in {"1", "true", "yes"},
        behind_proxy=os.environ.get("WEGWIJZER_BEHIND_PROXY", "") in {"1", "true", "yes"},
    )
