"""What every route shares: the store, a guarded service per request, forms, the client and the origin."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import HTTPConnection, Request

from wegwijzer.config import settings
from wegwijzer.content.library import shared_library
from wegwijzer.service import Service, auth
from wegwijzer.service.access import LOGGED_OUT, Actor
from wegwijzer.storage import Store, shared_store

MAX_FORM_BYTES = 20_000  # login and registration


def store() -> Store:
    return shared_store(settings().db_path)


def service(person_id: int | None = None) -> Service:
    """The guarded service for this request: every route goes through the same access rules as the app."""
    return Service(store(), shared_library(str(settings().themes_dir)), Actor(person_id) if person_id else LOGGED_OUT)


def current_person(connection: HTTPConnection) -> int | None:
    """Whom the login cookie of this request or websocket handshake belongs to (asked in the database)."""
    return auth.person_for_token(store(), connection.cookies.get(auth.COOKIE_NAME))


def client(request: Request) -> str:
    if settings().behind_proxy:
        forwarded = request.headers.get("x-forwarded-for", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.client.host if request.client else ""


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


async def form(request: Request, limit: int = MAX_FORM_BYTES, *, strict: bool = False) -> dict[str, str]:
    """The posted fields; above ``limit`` an empty form (or ``FormTooLarge`` when ``strict``)."""
    body = await request.body()
    if len(body) > limit:
        if strict:
            raise FormTooLarge()
        return {}
    form = await request.form()
    return {k: str(v) for k, v in form.items() if isinstance(v, str)}
