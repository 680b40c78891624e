"""A note sent by the page as it is hidden or closed (``navigator.sendBeacon``), stored through the service.

The questionnaire's note field also sends its text after every pause in typing; this route catches the
last words typed just before the tab was closed or reloaded, when the websocket may not deliver them.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from wegwijzer.config import settings
from wegwijzer.errors import DutchMessage
from wegwijzer.web.base import FormTooLarge, current_person, form, same_origin, service, store

MAX_NOTE_FORM_BYTES = 60_000  # a note of 5,000 characters, URL-encoded


async def note_beacon(request: Request) -> Response:
    if not same_origin(request):
        return Response(status_code=403)
    try:
        fields = await form(request, MAX_NOTE_FORM_BYTES)
    except FormTooLarge:
        return Response("Deze notitie is te lang om te bewaren.", status_code=413, media_type="text/plain")
    person = current_person(request) if settings().server_mode else store().people.local_person()
    if person is None:
        return Response(status_code=401)
    try:
        session_id, theme = int(fields.get("sessie", "")), int(fields.get("thema", ""))
        service(person).sessions.save_answer(session_id, theme, note=fields.get("tekst", ""))
    except ValueError:
        return Response(status_code=400)
    except DutchMessage:
        return Response(status_code=403)
    return Response(status_code=204)
