"""The rater's one-time form of a Spiegel round: plain HTML, no account, one link one response."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from wegwijzer import text
from wegwijzer.config import settings
from wegwijzer.content.library import shared_library
from wegwijzer.render import documents
from wegwijzer.service.mirror import RaterLinkProblem
from wegwijzer.web.base import FormTooLarge, form, service

MAX_RATER_FORM_BYTES = 400_000  # 25 themes × a 1,500-character comment, URL-encoded (up to 9 bytes a character)
RATER_PATH = re.compile(r"^/feedback/[^/]{1,1000}$")  # the route itself refuses bad tokens in Dutch
_SCORES = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "": None}
_RATER_STATUS = {"invalid": 404, "gone": 410, "answers": 400}


RATER_SCALE = [("1", "1 · Nauwelijks"), ("2", "2 · Matig"), ("3", "3 · Redelijk"), ("4", "4 · Goed"),
               ("5", "5 · Sterk"), ("", "Kan ik niet beoordelen")]


def _rater_page(form: object, *, status: int = 200, **values: object) -> HTMLResponse:
    themes = []
    if form is not None:
        themes = [shared_library(str(settings().themes_dir)).theme(n) for n in form.themes]  # type: ignore[attr-defined]
    expires = text.date(form.expires_at) if form is not None else ""  # type: ignore[attr-defined]
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
        shown = rater.rater_form(token)
    except RaterLinkProblem as exc:
        return _rater_page(None, status=_RATER_STATUS[exc.kind], problem=exc.message)
    if request.method == "GET":
        return _rater_page(shown)
    try:
        fields = await form(request, MAX_RATER_FORM_BYTES)
    except FormTooLarge:
        return _rater_page(shown, status=413, problem="Je opmerkingen zijn samen te lang om te versturen. Maak ze "
                                                     "korter en verstuur opnieuw; er is nog niets bewaard.")
    ratings: dict[int, int | None] = {}
    comments: dict[int, str] = {}
    for number in shown.themes:
        # only the six values the form offers; anything else becomes 0, which gets the Dutch "1 tot en met 5"
        ratings[number] = _SCORES.get(fields.get(f"t{number}", ""), 0)
        comments[number] = fields.get(f"c{number}", "")[:5000]
    try:
        rater.submit_feedback(token, ratings, comments)
    except RaterLinkProblem as exc:
        if exc.kind != "answers":  # e.g. a second submit that lost the race
            return _rater_page(None, status=_RATER_STATUS[exc.kind], problem=exc.message)
        chosen = {n: fields.get(f"t{n}", "") for n in shown.themes}
        return _rater_page(shown, status=400, problem=exc.message, chosen=chosen, comments=comments)
    return _rater_page(shown, done=True)
