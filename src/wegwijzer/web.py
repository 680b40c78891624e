"""The HTTP side of server mode: login, registration and logout as real routes, and a gate.

A login sets the token in an HttpOnly, SameSite=Lax cookie (Secure behind HTTPS), which a Streamlit
page cannot do. The Streamlit script reads the cookie on every run and asks the database whom it
belongs to, so a logout (which deletes the person's tokens) ends every tab and device at the next click.
The gate sends a page load without a valid login to the login page; the app itself checks again.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from wegwijzer.config import settings
from wegwijzer.content.library import shared_library
from wegwijzer.domain import credentials
from wegwijzer.render import documents
from wegwijzer.service import Service, auth
from wegwijzer.service.access import LOGGED_OUT, Actor
from wegwijzer.service.mirror import RaterLinkProblem
from wegwijzer.storage import Store, shared_store

OPEN_PATHS = ("/inloggen", "/registreren", "/uitloggen", "/_stcore/", "/static/", "/favicon", "/manifest",
              "/robots.txt")
MAX_FORM_BYTES = 20_000  # login and registration
MAX_RATER_FORM_BYTES = 400_000  # 25 themes × a 1,500-character comment, URL-encoded (up to 9 bytes a character)
_RATER_PATH = re.compile(r"^/feedback/[^/]{1,1000}$")  # the route itself refuses bad tokens in Dutch
_SCORES = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "": None}
_RATER_STATUS = {"invalid": 404, "gone": 410, "answers": 400}


def store() -> Store:
    return shared_store(settings().db_path)


def service(person_id: int | None = None) -> Service:
    """The guarded service for this request: every route goes through the same access rules as the app."""
    return Service(store(), shared_library(str(settings().themes_dir)), Actor(person_id) if person_id else LOGGED_OUT)


def _page(title: str, lead: str, form: str, *, status: int = 200, **values: object) -> HTMLResponse:
    html = documents.render(
        "auth.html", title=title, lead=lead, form=form, registration_open=settings().registration_open,
        min_length=credentials.MIN_PASSWORD_LENGTH, next=values.pop("next", ""), email=values.pop("email", ""),
        name=values.pop("name", ""), **values)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an absolute URL or a protocol-relative one."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "./"
    parts = urlsplit(target)
    return "." + parts.path + (f"?{parts.query}" if parts.query else "") if not parts.netloc else "./"


def _client(request: Request) -> str:
    if settings().behind_proxy:
        forwarded = request.headers.get("x-forwarded-for", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.client.host if request.client else ""


def _same_origin(request: Request) -> bool:
    """POSTs must come from our own pages (a second line next to the SameSite cookie)."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return request.headers.get("sec-fetch-site", "same-origin") in {"same-origin", "none"}
    return urlsplit(origin).netloc == request.headers.get("host", "")


class FormTooLarge(Exception):
    """A posted form above its limit."""


async def _form(request: Request, limit: int = MAX_FORM_BYTES, *, strict: bool = False) -> dict[str, str]:
    """The posted fields; above ``limit`` an empty form (or ``FormTooLarge`` when ``strict``)."""
    body = await request.body()
    if len(body) > limit:
        if strict:
            raise FormTooLarge()
        return {}
    form = await request.form()
    return {k: str(v) for k, v in form.items() if isinstance(v, str)}


def _set_cookie(response: Response, login: auth.Login) -> None:
    response.set_cookie(auth.COOKIE_NAME, login.token, max_age=credentials.TOKEN_DAYS * 86_400, httponly=True,
                        samesite="lax", secure=settings().secure_cookie, path="/")


def current_person(request: Request) -> int | None:
    return auth.person_for_token(store(), request.cookies.get(auth.COOKIE_NAME))


async def login_page(request: Request) -> Response:
    if not settings().server_mode:  # local use: nobody logs in
        return RedirectResponse("./", status_code=303)
    if request.method == "GET":
        if current_person(request) is not None:
            return RedirectResponse(_safe_next(request.query_params.get("next")), status_code=303)
        notice = "Je bent uitgelogd, op al je apparaten." if "uitgelogd" in request.query_params else None
        return _page("Inloggen", "Log in om verder te gaan.", "login", next=request.query_params.get("next", ""),
                     notice=notice)
    if not _same_origin(request):
        return _page("Inloggen", "Log in om verder te gaan.", "login", status=403,
                     error="Dit formulier kwam niet van deze site. Open de inlogpagina opnieuw.")
    form = await _form(request)
    email, password, target = form.get("email", ""), form.get("password", ""), form.get("next", "")
    try:
        login = service().account.login(email, password, _client(request))
    except auth.LoginRefused as exc:
        return _page("Inloggen", "Log in om verder te gaan.", "login", status=429 if exc.throttled else 401,
                     error=exc.message, email=email, next=target)
    response = RedirectResponse(_safe_next(target), status_code=303)
    _set_cookie(response, login)
    return response


async def register_page(request: Request) -> Response:
    lead = "Maak een account om je resultaten te bewaren en te delen met een groep of coach."
    if not settings().server_mode:
        return RedirectResponse("./", status_code=303)
    if not settings().registration_open:
        return _page("Account maken", lead, "none", status=403,
                     error="Op deze Wegwijzer maakt de beheerder de accounts aan. Vraag hem of haar om een account.")
    if request.method == "GET":
        return _page("Account maken", lead, "register")
    if not _same_origin(request):
        return _page("Account maken", lead, "register", status=403,
                     error="Dit formulier kwam niet van deze site. Open de pagina opnieuw.")
    form = await _form(request)
    name, email, password = form.get("name", ""), form.get("email", ""), form.get("password", "")
    try:
        anonymous = service()
        anonymous.account.register(name, email, password)
        login = anonymous.account.login(email, password, _client(request))
    except auth.LoginRefused as exc:
        return _page("Account maken", lead, "register", status=400, error=exc.message, name=name, email=email)
    response = RedirectResponse("./", status_code=303)
    _set_cookie(response, login)
    return response


async def logout_page(request: Request) -> Response:
    """POST (or a GET from our own pages) ends every login of this person and clears the cookie."""
    own_click = request.headers.get("sec-fetch-site") in {"same-origin", "none"}
    if request.method == "GET" and not own_click:
        return _page("Uitloggen", "Wil je uitloggen? Je wordt dan op al je apparaten uitgelogd.", "logout")
    if request.method == "POST" and not _same_origin(request):
        return _page("Uitloggen", "Wil je uitloggen?", "logout", status=403)
    person = current_person(request)
    if person is not None:
        service(person).account.logout_everywhere()
    response = RedirectResponse("inloggen?uitgelogd=1", status_code=303)
    response.delete_cookie(auth.COOKIE_NAME, path="/", httponly=True, samesite="lax", secure=settings().secure_cookie)
    return response


RATER_SCALE = [("1", "1 · Nauwelijks"), ("2", "2 · Matig"), ("3", "3 · Redelijk"), ("4", "4 · Goed"),
               ("5", "5 · Sterk"), ("", "Kan ik niet beoordelen")]


def _rater_page(form: object, *, status: int = 200, **values: object) -> HTMLResponse:
    themes = []
    if form is not None:
        themes = [shared_library(str(settings().themes_dir)).theme(n) for n in form.themes]  # type: ignore[attr-defined]
    expires = form.expires_at[:10] if form is not None else ""  # type: ignore[attr-defined]
    html = documents.render(
        "rater.html", form=form, themes=themes, scale=RATER_SCALE, expires=expires, chosen=values.pop("chosen", {}),
        comments=values.pop("comments", {}), **values)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
                                                           "X-Robots-Tag": "noindex"})


async def rater_page(request: Request) -> Response:
    """A rater's one-time form (no account): GET shows it, POST stores the answers once."""
    token = request.path_params["token"]
    rater = service().mirror
    try:
        form = rater.rater_form(token)
    except RaterLinkProblem as exc:
        return _rater_page(None, status=_RATER_STATUS[exc.kind], problem=exc.message)
    if request.method == "GET":
        return _rater_page(form)
    try:
        fields = await _form(request, MAX_RATER_FORM_BYTES, strict=True)
    except FormTooLarge:
        return _rater_page(form, status=413, problem="Je opmerkingen zijn samen te lang om te versturen. Maak ze "
                                                     "korter en verstuur opnieuw; er is nog niets bewaard.")
    ratings: dict[int, int | None] = {}
    comments: dict[int, str] = {}
    for number in form.themes:
        # only the six values the form offers; anything else becomes 0, which gets the Dutch "1 tot en met 5"
        ratings[number] = _SCORES.get(fields.get(f"t{number}", ""), 0)
        comments[number] = fields.get(f"c{number}", "")[:5000]
    try:
        rater.submit_feedback(token, ratings, comments)
    except RaterLinkProblem as exc:
        if exc.kind != "answers":  # e.g. a second submit that lost the race
            return _rater_page(None, status=_RATER_STATUS[exc.kind], problem=exc.message)
        chosen = {n: fields.get(f"t{n}", "") for n in form.themes}
        return _rater_page(form, status=400, problem=exc.message, chosen=chosen, comments=comments)
    return _rater_page(form, done=True)


class LoginGate:
    """In server mode, send a page load without a valid login to the login page."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and settings().server_mode:
            path = scope["path"]
            if not path.startswith(OPEN_PATHS) and not _RATER_PATH.match(path):
                request = Request(scope)
                if current_person(request) is None:
                    target = path + (f"?{scope['query_string'].decode()}" if scope["query_string"] else "")
                    depth = path.count("/") - 1
                    prefix = "../" * depth if depth else "./"
                    response = RedirectResponse(f"{prefix}inloggen?next={quote(target)}", status_code=303)
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def routes() -> list[Route]:
    return [
        Route("/inloggen", login_page, methods=["GET", "POST"]),
        Route("/registreren", register_page, methods=["GET", "POST"]),
        Route("/uitloggen", logout_page, methods=["GET", "POST"]),
        Route("/feedback/{token}", rater_page, methods=["GET", "POST"]),
    ]


def middleware() -> list[Middleware]:
    return [Middleware(LoginGate)]



def create_admin_from_environment() -> str | None:
    """Create the first administrator from WEGWIJZER_ADMIN_EMAIL/_NAME/_PASSWORD when there is none yet.

    Returns a Dutch line for the server log, or None when nothing was to be done.
    """
    import os

    email, password = os.environ.get("WEGWIJZER_ADMIN_EMAIL"), os.environ.get("WEGWIJZER_ADMIN_PASSWORD")
    if not settings().server_mode or not email or not password or store().people.has_admin():
        return None
    try:
        auth.register(store(), os.environ.get("WEGWIJZER_ADMIN_NAME", "Beheerder"), email, password, is_admin=True)
    except auth.LoginRefused as exc:
        found = store().people.account_by_email(credentials.normalise_email(email))
        if found is not None and found[0].is_admin:  # another server process on this database was first
            return None
        raise SystemExit(f"WEGWIJZER_ADMIN_EMAIL/WEGWIJZER_ADMIN_PASSWORD: {exc.message}") from None
    return f"Beheerder {email} aangemaakt."
