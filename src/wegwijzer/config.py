"""Where things live. Every path can be changed by an environment variable."""

from __future__ import annotations

import functools
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
    origins: tuple[str, ...] = ()  # the app's own origin(s) as the browser sees them; empty: the request's Host


ENVIRONMENT = ("WEGWIJZER_THEMES", "WEGWIJZER_DB", "WEGWIJZER_MODE", "WEGWIJZER_REGISTRATION",
               "WEGWIJZER_SECURE_COOKIE", "WEGWIJZER_BEHIND_PROXY", "WEGWIJZER_ORIGIN")


def settings() -> Settings:
    """Read the settings from the environment (asked often: made once per set of values).

    ``WEGWIJZER_THEMES``, ``WEGWIJZER_DB``; ``WEGWIJZER_MODE=server`` for accounts;
    ``WEGWIJZER_REGISTRATION=closed`` when only the administrator makes accounts;
    ``WEGWIJZER_SECURE_COOKIE=1`` when the app is served over HTTPS; ``WEGWIJZER_BEHIND_PROXY=1`` to
    take the client address from the proxy's X-Forwarded-For header; ``WEGWIJZER_ORIGIN`` (comma-separated,
    e.g. ``https://wegwijzer.gemeente.nl``) when a proxy changes the Host header on its way in.
    """
    return _settings(tuple(os.environ.get(name) for name in ENVIRONMENT))


@functools.lru_cache(maxsize=16)
def _settings(values: tuple[str | None, ...]) -> Settings:
    env = dict(zip(ENVIRONMENT, values, strict=True))
    return Settings(
        themes_dir=Path(env["WEGWIJZER_THEMES"] or PROJECT_ROOT / "thema's"),
        db_path=Path(env["WEGWIJZER_DB"] or PROJECT_ROOT / "data" / "wegwijzer.db"),
        server_mode=(env["WEGWIJZER_MODE"] or "local").strip().lower() == "server",
        registration_open=(env["WEGWIJZER_REGISTRATION"] or "open").strip().lower() != "closed",
        secure_cookie=(env["WEGWIJZER_SECURE_COOKIE"] or "") in {"1", "true", "yes"},
        behind_proxy=(env["WEGWIJZER_BEHIND_PROXY"] or "") in {"1", "true", "yes"},
        origins=tuple(o.strip().rstrip("/").lower() for o in (env["WEGWIJZER_ORIGIN"] or "").split(",") if o.strip()),
    )
