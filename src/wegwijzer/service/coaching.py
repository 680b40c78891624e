"""Coaching: the coachee invites a coach and controls what they see; the coach reads and prepares."""

from __future__ import annotations

from collections.abc import Mapping

from wegwijzer.domain import credentials
from wegwijzer.domain.records import CoachLink, CoachPrep, SessionRecord
from wegwijzer.service.access import COACH_OF, LINK_COACHEE, SIGNED_IN, guarded
from wegwijzer.service.base import Part, ServiceError

COACH_SCOPES = {"scores": "Scores", "scores_notities": "Scores en notities"}
GROW_KEYS = ("goal", "reality", "options", "will")
MAX_PREP_THEMES = 12
MAX_PREP_TEXT = 3_000


class CoachingService(Part):
    """``svc.coaching``: both sides of a coach link."""

    # --- the coachee's side ---------------------------------------------------------------------

    @guarded(SIGNED_IN)
    def invite(self, scope: str) -> CoachLink:
        if scope not in COACH_SCOPES:
            raise ServiceError("Kies wat de coach mag zien: scores, of scores en notities.")
        link_id = self.store.coaching.create_link(self.me, credentials.new_code(), scope)
        return self.found(self.store.coaching.link(link_id))

    @guarded(SIGNED_IN)
    def my_links(self) -> list[CoachLink]:
        return self.store.coaching.links_as_coachee(self.me)

    @guarded(LINK_COACHEE)
    def set_scope(self, link_id: int, scope: str) -> None:
        if scope not in COACH_SCOPES:
            raise ServiceError("Kies wat de coach mag zien: scores, of scores en notities.")
        self.store.coaching.set_scope(link_id, scope)

    @guarded(LINK_COACHEE)
    def revoke(self, link_id: int) -> None:
        self.store.coaching.revoke(link_id)

    # --- the coach's side -------------------------------------------------------------------------

    @guarded(SIGNED_IN)
    def accept(self, code: str) -> CoachLink:
        link = self.store.coaching.link_by_code(credentials.normalise_code(code))
        if link is None or link.status != "uitgenodigd":
            raise ServiceError("Deze uitnodiging bestaat niet of is al gebruikt of ingetrokken.")
        if link.coachee_id == self.me:
            raise ServiceError("Dit is je eigen uitnodiging; geef de code aan je coach.")
        self.store.coaching.accept(link.id, self.me)
        return self.found(self.store.coaching.link(link.id))

    @guarded(SIGNED_IN)
    def coachees(self) -> list[CoachLink]:
        return self.store.coaching.links_as_coach(self.me)

    @guarded(COACH_OF)
    def coachee_sessions(self, coachee_id: int) -> list[SessionRecord]:
        return self.store.sessions.of_person(coachee_id)

    @guarded(COACH_OF)
    def scope(self, coachee_id: int) -> str:
        return self.found(self.store.coaching.active_scope(self.me, coachee_id))

    def _link_to(self, coachee_id: int) -> int:
        links = [lk.id for lk in self.store.coaching.links_as_coach(self.me) if lk.coachee_id == coachee_id]
        return min(self.found(links or None))

    @guarded(COACH_OF)
    def prep(self, coachee_id: int) -> CoachPrep:
        """The coach's private preparation: chosen themes, GROW notes, notes per theme."""
        return self.store.coaching.prep(self._link_to(coachee_id)) or CoachPrep()

    @guarded(COACH_OF)
    def save_prep(self, coachee_id: int, themes: list[int], grow: Mapping[str, str],
                  theme_notes: Mapping[int, str]) -> None:
        chosen = tuple(dict.fromkeys(int(n) for n in themes))[:MAX_PREP_THEMES]
        unknown = [n for n in chosen if n not in self.library.by_number]
        if unknown:
            raise ServiceError(f"Thema {unknown[0]} bestaat niet; kies thema's uit de lijst.")
        prep = CoachPrep(themes=chosen, grow={k: str(grow.get(k, ""))[:MAX_PREP_TEXT] for k in GROW_KEYS},
                         theme_notes={int(k): str(v)[:MAX_PREP_TEXT] for k, v in theme_notes.items() if str(v).strip()})
        self.store.coaching.save_prep(self._link_to(coachee_id), prep)
