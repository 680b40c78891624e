"""Login, registration and logout as real routes: they set and clear the HttpOnly login cookie.

A login sets the token in an HttpOnly, SameSite=Lax cookie (Secure behind HTTPS), which a Streamlit
page cannot do. The Streamlit script reads the cookie on every run and asks the database whom it
belongs to, so a logout (which deletes the person's tokens) ends every tab and device at the next click.
A login also sets a long-lived device cookie: from that browser the right password is heard at once, even
while failures from elsewhere slow down logins for the address (``service/auth.py``).

Every form is read capped (``base.form``: a body above the limit is refused unread, or cut off as it
streams in), and password work runs in a worker thread with a bound (``base.password_work``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from wegwijzer.config import settings
from wegwijzer.domain import credentials
from wegwijzer.render import documents
from wegwijzer.service import auth
from wegwijzer.web.base import (
    MAX_FORM_BYTES,
    FormTooLarge,
    client,
    current_person,
    declared_too_large,
    form,
    password_work,
    same_origin,
    service,
)

TOO_LARGE = "Dit formulier is te groot om te versturen. Open de pagina opnieuw en vul het nog eens in."
T = TypeVar("T")
REGISTERED = ("Als dit e-mailadres nog niet bekend was, is je account nu gemaakt: log hieronder in. "
              "Had je al een account met dit adres, dan geldt je oude wachtwoord.")


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


def _set_cookies(response: Response, login: auth.Login) -> None:
    response.set_cookie(auth.COOKIE_NAME, login.token, max_age=credentials.TOKEN_DAYS * 86_400, httponly=True,
                        samesite="lax", secure=settings().secure_cookie, path="/")
    if login.device:  # a login by password; a reset code does not make a device known
        response.set_cookie(auth.DEVICE_COOKIE_NAME, login.device, max_age=credentials.DEVICE_DAYS * 86_400,
                            httponly=True, samesite="lax", secure=settings().secure_cookie, path="/")


def _refused(page: HTMLResponse, retry_after: int) -> HTMLResponse:
    if retry_after:
        page.headers["Retry-After"] = str(retry_after)
    return page


async def _with_password(work: Callable[[], T], again: Callable[..., HTMLResponse], wrong: int) -> T | HTMLResponse:
    """Run ``work`` (argon2 inside) off the event loop. A refusal comes back as the form ``again`` with its
    message: ``wrong`` for a wrong entry, 429 when throttled, 503 when hashing is too busy (with Retry-After)."""
    try:
        return await password_work(work)
    except auth.LoginRefused as exc:
        return _refused(again(status=429 if exc.throttled else wrong, error=exc.message), exc.retry_after)
    except credentials.HashingBusy as exc:
        return _refused(again(status=503, error=exc.message), 60)


async def login_page(request: Request) -> Response:
    if not settings().server_mode:  # local use: nobody logs in
        return RedirectResponse("./", status_code=303)
    if request.method == "GET":
        if current_person(request) is not None:
            return RedirectResponse(_safe_next(request.query_params.get("next")), status_code=303)
        notice = "Je bent uitgelogd, op al je apparaten." if "uitgelogd" in request.query_params else None
        return _page("Inloggen", "Log in om verder te gaan.", "login", next=request.query_params.get("next", ""),
                     notice=notice)
    if not same_origin(request):
        return _page("Inloggen", "Log in om verder te gaan.", "login", status=403,
                     error="Dit formulier kwam niet van deze site. Open de inlogpagina opnieuw.")
    try:
        fields = await form(request)
    except FormTooLarge:
        return _page("Inloggen", "Log in om verder te gaan.", "login", status=413, error=TOO_LARGE)
    email, password, target = fields.get("email", ""), fields.get("password", ""), fields.get("next", "")
    device = request.cookies.get(auth.DEVICE_COOKIE_NAME)
    login = await _with_password(lambda: service().account.login(email, password, client(request), device),
                                 partial(_page, "Inloggen", "Log in om verder te gaan.", "login", email=email,
                                         next=target), wrong=401)
    if isinstance(login, HTMLResponse):
        return login
    response = RedirectResponse(_safe_next(target), status_code=303)
    _set_cookies(response, login)
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
    if not same_origin(request):
        return _page("Account maken", lead, "register", status=403,
                     error="Dit formulier kwam niet van deze site. Open de pagina opnieuw.")
    try:
        fields = await form(request)
    except FormTooLarge:
        return _page("Account maken", lead, "register", status=413, error=TOO_LARGE)
    name, email, password = fields.get("name", ""), fields.get("email", ""), fields.get("password", "")
    refused = await _with_password(lambda: service().account.register(name, email, password, client(request)),
                                   partial(_page, "Account maken", lead, "register", name=name, email=email), wrong=400)
    if isinstance(refused, HTMLResponse):
        return refused
    # the same answer whether the address was new or had an account already
    return _page("Inloggen", "Log in om verder te gaan.", "login", notice=REGISTERED,
                 email=credentials.normalise_email(email))


async def reset_page(request: Request) -> Response:
    """A new password with the one-time code an administrator handed out; then logged in."""
    lead = ("Heb je van de beheerder een herstelcode gekregen? Kies hier een nieuw wachtwoord. "
            "De code werkt één keer.")
    if not settings().server_mode:
        return RedirectResponse("./", status_code=303)
    if request.method == "GET":
        return _page("Nieuw wachtwoord", lead, "reset")
    if not same_origin(request):
        return _page("Nieuw wachtwoord", lead, "reset", status=403,
                     error="Dit formulier kwam niet van deze site. Open de pagina opnieuw.")
    try:
        fields = await form(request)
    except FormTooLarge:
        return _page("Nieuw wachtwoord", lead, "reset", status=413, error=TOO_LARGE)
    email, code = fields.get("email", ""), fields.get("code", "")
    password, again = fields.get("password", ""), fields.get("again", "")
    if password != again:
        return _page("Nieuw wachtwoord", lead, "reset", status=400, email=email, code=code,
                     error="De twee nieuwe wachtwoorden zijn niet gelijk.")
    login = await _with_password(lambda: service().account.reset_with_code(email, code, password, client(request)),
                                 partial(_page, "Nieuw wachtwoord", lead, "reset", email=email, code=code), wrong=400)
    if isinstance(login, HTMLResponse):
        return login
    response = RedirectResponse("./", status_code=303)
    _set_cookies(response, login)
    return response


async def logout_page(request: Request) -> Response:
    """POST (or a GET from our own pages) ends every login of this person and clears the cookie."""
    own_click = request.headers.get("sec-fetch-site") in {"same-origin", "none"}
    if request.method == "GET" and not own_click:
        return _page("Uitloggen", "Wil je uitloggen? Je wordt dan op al je apparaten uitgelogd.", "logout")
    if request.method == "POST" and not same_origin(request):
        return _page("Uitloggen", "Wil je uitloggen?", "logout", status=403)
    if declared_too_large(request, MAX_FORM_BYTES):  # the body itself is never read
        return _page("Uitloggen", "Wil je uitloggen?", "logout", status=413, error=TOO_LARGE)
    person = current_person(request)
    if person is not None:
        service(person).account.logout_everywhere()
    response = RedirectResponse("inloggen?uitgelogd=1", status_code=303)
    response.delete_cookie(auth.COOKIE_NAME, path="/", httponly=True, samesite="lax", secure=settings().secure_cookie)
    return response
