"""Login, registration and logout as real routes: they set and clear the HttpOnly login cookie.

A login sets the token in an HttpOnly, SameSite=Lax cookie (Secure behind HTTPS), which a Streamlit
page cannot do. The Streamlit script reads the cookie on every run and asks the database whom it
belongs to, so a logout (which deletes the person's tokens) ends every tab and device at the next click.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from wegwijzer.config import settings
from wegwijzer.domain import credentials
from wegwijzer.render import documents
from wegwijzer.service import auth
from wegwijzer.web.base import client, current_person, form, same_origin, service


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


def _set_cookie(response: Response, login: auth.Login) -> None:
    response.set_cookie(auth.COOKIE_NAME, login.token, max_age=credentials.TOKEN_DAYS * 86_400, httponly=True,
                        samesite="lax", secure=settings().secure_cookie, path="/")


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
    fields = await form(request)
    email, password, target = fields.get("email", ""), fields.get("password", ""), fields.get("next", "")
    try:
        login = service().account.login(email, password, client(request))
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
    if not same_origin(request):
        return _page("Account maken", lead, "register", status=403,
                     error="Dit formulier kwam niet van deze site. Open de pagina opnieuw.")
    fields = await form(request)
    name, email, password = fields.get("name", ""), fields.get("email", ""), fields.get("password", "")
    try:
        anonymous = service()
        anonymous.account.register(name, email, password)
        login = anonymous.account.login(email, password, client(request))
    except auth.LoginRefused as exc:
        return _page("Account maken", lead, "register", status=400, error=exc.message, name=name, email=email)
    response = RedirectResponse("./", status_code=303)
    _set_cookie(response, login)
    return response


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
    fields = await form(request)
    email, code = fields.get("email", ""), fields.get("code", "")
    password, again = fields.get("password", ""), fields.get("again", "")
    if password != again:
        return _page("Nieuw wachtwoord", lead, "reset", status=400, email=email, code=code,
                     error="De twee nieuwe wachtwoorden zijn niet gelijk.")
    try:
        login = service().account.reset_with_code(email, code, password, client(request))
    except auth.LoginRefused as exc:
        return _page("Nieuw wachtwoord", lead, "reset", status=429 if exc.throttled else 400, error=exc.message,
                     email=email, code=code)
    response = RedirectResponse("./", status_code=303)
    _set_cookie(response, login)
    return response


async def logout_page(request: Request) -> Response:
    """POST (or a GET from our own pages) ends every login of this person and clears the cookie."""
    own_click = request.headers.get("sec-fetch-site") in {"same-origin", "none"}
    if request.method == "GET" and not own_click:
        return _page("Uitloggen", "Wil je uitloggen? Je wordt dan op al je apparaten uitgelogd.", "logout")
    if request.method == "POST" and not same_origin(request):
        return _page("Uitloggen", "Wil je uitloggen?", "logout", status=403)
    person = current_person(request)
    if person is not None:
        service(person).account.logout_everywhere()
    response = RedirectResponse("inloggen?uitgelogd=1", status_code=303)
    response.delete_cookie(auth.COOKIE_NAME, path="/", httponly=True, samesite="lax", secure=settings().secure_cookie)
    return response
