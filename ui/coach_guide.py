"""The coach's conversation guide (PDF), made when the download is clicked with what the coach may see then.

The page draws the button with the coach's choices (themes, own notes, GROW); the coachee's answers and
the scope are read again at the click, through the service of whoever is logged in at that moment. A
coach whose access was revoked in the meantime gets nothing; one downgraded to "scores" gets no notes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from wegwijzer.domain import coaching as guide
from wegwijzer.render.documents import guide_pdf
from wegwijzer.service import Service


def guide_maker(coachee_id: int, coachee_name: str, session_id: int, earlier_id: int | None, themes: Sequence[int],
                theme_notes: Mapping[int, str], grow: Mapping[str, str], today: str) -> Callable[[Service], bytes]:
    def make(current: Service) -> bytes:
        notes_allowed = current.coaching.scope(coachee_id) == "scores_notities"  # AccessDenied once revoked
        view = current.sessions.overview(session_id, earlier_id)
        items = guide.guide_themes(current.library, view, list(themes), dict(theme_notes), notes_allowed)
        return guide_pdf(coachee_name, today, items, dict(grow))

    return make
