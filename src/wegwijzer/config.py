"""Where things live. Every path can be changed by an environment variable."""

from __future__ import annotations

import functools
import ipaddress
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
    proxies: tuple[str, ...] = ()  # the reverse proxies (addresses or networks) whose X-Forwarded-For we trust
    origins: tuple[str, ...] = ()  # the app's own origin(s) as the browser sees them; empty: the request's Host

    @property
    def behind_proxy(self) -> bool:
        return bool(self.proxies)


ENVIRONMENT = ("WEGWIJZER_THEMES", "WEGWIJZER_DB", "WEGWIJZER_MODE", "WEGWIJZER_REGISTRATION",
               "WEGWIJZER_SECURE_COOKIE", "WEGWIJZER_BEHIND_PROXY", "WEGWIJZER_PROXY", "WEGWIJZER_ORIGIN")
LOOPBACK = ("127.0.0.1", "::1")


def settings() -> Settings:
    """Read the settings from the environment (asked often: made once per set of values).

    ``WEGWIJZER_THEMES``, ``WEGWIJZER_DB``; ``WEGWIJZER_MODE=server`` for accounts;
    ``WEGWIJZER_REGISTRATION=closed`` when only the administrator makes accounts;
    ``WEGWIJZER_SECURE_COOKIE=1`` when the app is served over HTTPS; ``WEGWIJZER_PROXY=10.0.0.5,10.0.0.6``
    (addresses or networks such as ``10.0.0.0/24``) to take the client address from the X-Forwarded-For
    header of requests that come from those proxies; ``WEGWIJZER_BEHIND_PROXY=1`` alone means a proxy
    on this machine (127.0.0.1, ::1). X-Forwarded-For from any other address is ignored.
    ``WEGWIJZER_ORIGIN`` (comma-separated, e.g. ``https://wegwijzer.gemeente.nl``) when a proxy changes the
    Host header on its way in.
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
        proxies=_proxies(env["WEGWIJZER_PROXY"], (env["WEGWIJZER_BEHIND_PROXY"] or "") in {"1", "true", "yes"}),
        origins=tuple(o.strip().rstrip("/").lower() for o in (env["WEGWIJZER_ORIGIN"] or "").split(",") if o.strip()),
    )


def _proxies(listed: str | None, behind_proxy: bool) -> tuple[str, ...]:
    named = []
    for part in (listed or "").replace(",", " ").split():
        try:
            named.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise SystemExit(f"WEGWIJZER_PROXY: {part!r} is geen IP-adres of netwerk (zoals 10.0.0.5 of 10.0.0.0/24).") from None
    return tuple(named) or (LOOPBACK if behind_proxy else ())
