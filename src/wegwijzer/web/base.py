"""What every route shares: the store, a guarded service per request, forms, the client and the origin."""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import HTTPConnection, Request

from wegwijzer.config import settings
from wegwijzer.content.library import shared_library
from wegwijzer.domain.credentials import HashingBusy
from wegwijzer.service import Service, auth
from wegwijzer.service.access import LOGGED_OUT, Actor
from wegwijzer.storage import Store, shared_store

MAX_FORM_BYTES = 20_000  # login, registration, logout
MAX_PASSWORD_CALLS = 32  # logins and registrations waiting for or doing password work at once
_password_calls = 0  # only changed on the event loop, between awaits
T = TypeVar("T")


def store() -> Store:
    return shared_store(settings().db_path)


def service(person_id: int | None = None) -> Service:
    """The guarded service for this request: every route goes through the same access rules as the app."""
    return Service(store(), shared_library(str(settings().themes_dir)), Actor(person_id) if person_id else LOGGED_OUT)


def current_person(connection: HTTPConnection) -> int | None:
    """Whom the login cookie of this request or websocket handshake belongs to (asked in the database)."""
    return auth.person_for_token(store(), connection.cookies.get(auth.COOKIE_NAME))


def client(request: Request) -> str:
    return client_address(request.client.host if request.client else "", request.headers.get("x-forwarded-for"),
                          settings().proxies)


@functools.lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _is_proxy(address: str, proxies: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(proxies))


def client_address(peer: str, forwarded: str | None, proxies: tuple[str, ...]) -> str:
    """Who is asking: the connecting address, or, when that is one of our ``proxies``, the address the
    proxy saw (the last X-Forwarded-For entry that is not a proxy of ours). Anyone else can write any
    X-Forwarded-For they like, so theirs is ignored."""
    if not forwarded or not _is_proxy(peer, proxies):
        return peer
    for hop in reversed([part.strip() for part in forwarded.split(",")]):
        if not hop:
            continue
        if not _is_proxy(hop, proxies):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # garbage where the client should be: count it on the proxy's address
    return peer


def own_origin(origin: str | None, host: str | None) -> bool:
    """The one rule for "from our own pages": the ``Origin`` is one of ``WEGWIJZER_ORIGIN`` or, when that is
    not set, the very host and port the request was sent to (another port of the same host is another site)."""
    if not origin or origin == "null":
        return False
    configured = settings().origins
    if configured:
        return origin.strip().rstrip("/").lower() in configured
    parts = urlsplit(origin)
    return parts.scheme in {"http", "https"} and bool(host) and parts.netloc.lower() == host.lower()


def same_origin(request: Request) -> bool:
    """POSTs must come from our own pages (a second line next to the SameSite cookie)."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return request.headers.get("sec-fetch-site", "same-origin") in {"same-origin", "none"}
    return own_origin(origin, request.headers.get("host"))


class FormTooLarge(Exception):
    """A posted form above its limit."""


def declared_too_large(request: Request, limit: int) -> bool:
    """The request says (Content-Length) that its body is larger than ``limit``: refuse it unread."""
    try:
        return int(request.headers.get("content-length", "0")) > limit
    except ValueError:
        return True


async def capped_body(request: Request, limit: int) -> bytes:
    """The body, read as it streams in and cut off at ``limit``: never more than ``limit`` bytes held.

    Raises ``FormTooLarge`` when the declared length is above the limit (before reading anything) or when
    more arrives than the limit (a body without a length, or a length that lies).
    """
    if declared_too_large(request, limit):
        raise FormTooLarge()
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise FormTooLarge()
    return bytes(received)


async def form(request: Request, limit: int = MAX_FORM_BYTES) -> dict[str, str]:
    """The posted text fields; ``FormTooLarge`` above ``limit`` bytes."""
    body = await capped_body(request, limit)
    request._body = body  # Starlette parses the form from this body instead of reading the stream again
    parsed: FormData = await request.form(max_files=0, max_fields=1000, max_part_size=limit)
    return {k: str(v) for k, v in parsed.items() if isinstance(v, str)}


async def password_work(call: Callable[[], T]) -> T:
    """Run a call that hashes or verifies a password in a worker thread, so the event loop (every
    other user's page) never waits for argon2. At most ``MAX_PASSWORD_CALLS`` wait at once; past that,
    and when no hashing slot frees up in time (``credentials.HASH_WAIT_S``), ``HashingBusy``."""
    global _password_calls
    if _password_calls >= MAX_PASSWORD_CALLS:
        raise HashingBusy()
    _password_calls += 1
    try:
        return await run_in_threadpool(call)
    finally:
        _password_calls -= 1
