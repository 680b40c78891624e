"""Sessions: one's own reflection sessions, and what others may read of them (scores, notes, overview)."""

from __future__ import annotations

from typing import Any

from wegwijzer.domain import transfer
from wegwijzer.domain.overview import SessionOverview, build_overview
from wegwijzer.domain.records import Action, Answer, SessionRecord
from wegwijzer.domain.scales import IMPORTANCE_SCORES, MASTERY_SCORES, is_score
from wegwijzer.service.access import (
    SESSION_COACHING,
    SESSION_NOTES,
    SESSION_OWNER,
    SESSION_SCORES,
    SIGNED_IN,
    allowed,
    guarded,
)
from wegwijzer.service.base import Part, ServiceError

MAX_NOTE = 5_000
MAX_ACTION = 1_000


class SessionService(Part):
    """``svc.sessions``."""

    @guarded(SIGNED_IN)
    def mine(self) -> list[SessionRecord]:
        """The person's own sessions, newest first."""
        return self.store.sessions.of_person(self.me)

    @guarded(SIGNED_IN)
    def create(self, *, label: str, scope_kind: str, scope_key: str, perspective: str, themes: list[int]) -> int:
        return self.store.sessions.create(self.me, label=label, scope_kind=scope_kind, scope_key=scope_key,
                                          perspective=perspective, themes=themes)

    @guarded(SESSION_SCORES)
    def get(self, session_id: int) -> SessionRecord:
        return self.found(self.store.sessions.get(session_id))

    @guarded(SESSION_OWNER)
    def answers(self, session_id: int) -> dict[int, Answer]:
        return self.store.sessions.answers(session_id)

    @guarded(SESSION_OWNER)
    def save_answer(self, session_id: int, theme: int, **changes: Any) -> None:
        themes, status = self.found(self.store.sessions.state(session_id))
        if theme not in themes:
            raise ServiceError("Dit thema hoort niet bij deze sessie.")
        if status == "afgerond":
            raise ServiceError("Deze sessie is afgerond. Heropen haar op de vragenlijst om iets te wijzigen.")
        self.store.sessions.save_answer(session_id, theme, **_checked(changes))

    @guarded(SESSION_OWNER)
    def set_status(self, session_id: int, status: str) -> None:
        self.store.sessions.set_status(session_id, status)

    @guarded(SESSION_OWNER)
    def rename(self, session_id: int, label: str) -> None:
        self.store.sessions.rename(session_id, label.strip()[:120])

    @guarded(SESSION_OWNER)
    def delete(self, session_id: int) -> None:
        self.store.sessions.delete(session_id)

    @guarded(SIGNED_IN)
    def delete_all_mine(self) -> None:
        self.store.sessions.delete_of_person(self.me)

    @guarded(SESSION_COACHING)
    def actions(self, session_id: int) -> dict[int, Action]:
        return self.store.sessions.actions(session_id)

    @guarded(SESSION_OWNER)
    def save_action(self, session_id: int, theme: int, text: str) -> None:
        themes, _status = self.found(self.store.sessions.state(session_id))
        if theme not in themes:
            raise ServiceError("Dit thema hoort niet bij deze sessie.")
        self.store.sessions.save_action(session_id, theme, text[:MAX_ACTION])

    @guarded(SESSION_SCORES)
    def scores(self, session_id: int) -> dict[int, Answer]:
        """The answers without notes."""
        return self.store.sessions.answers(session_id, with_notes=False)

    @guarded(SESSION_NOTES)
    def notes(self, session_id: int) -> dict[int, str]:
        return {n: a.note for n, a in self.store.sessions.answers(session_id).items() if a.note}

    @guarded(SESSION_COACHING)
    def overview(self, session_id: int, earlier_id: int | None = None) -> SessionOverview:
        """Everything the dashboard shows; notes only for someone who may read them."""
        record = self.found(self.store.sessions.get(session_id))
        may_read_notes = allowed(self.store, self.actor, (SESSION_NOTES,), {"session_id": session_id})
        answers = self.store.sessions.answers(session_id, with_notes=may_read_notes)
        earlier = self.store.sessions.get(earlier_id) if earlier_id else None
        before = None
        if earlier is not None and earlier.person_id == record.person_id:
            before = self.store.sessions.answers(earlier.id, with_notes=False)
        else:
            earlier = None
        return build_overview(self.library, record, answers, self.store.sessions.actions(session_id), earlier, before)

    @guarded(SESSION_COACHING)
    def earlier(self, session_id: int) -> list[SessionRecord]:
        """Other answered sessions of the same person, newest first (to compare with)."""
        record = self.found(self.store.sessions.get(session_id))
        return [s for s in self.store.sessions.of_person(record.person_id) if s.id != session_id and s.answered > 0]

    @guarded(SESSION_OWNER)
    def export_json(self, session_id: int) -> str:
        record = self.found(self.store.sessions.get(session_id))
        return transfer.export_json(record, self.store.sessions.answers(session_id),
                                    self.store.plan.begun_in(session_id))

    @guarded(SESSION_OWNER)
    def export_csv(self, session_id: int) -> str:
        record = self.found(self.store.sessions.get(session_id))
        return transfer.export_csv(self.library, record, self.store.sessions.answers(session_id),
                                   self.store.sessions.actions(session_id))

    @guarded(SIGNED_IN)
    def import_json(self, raw: bytes) -> int:
        """Bring an exported session in (for example from local use into an account); all or nothing."""
        parsed = transfer.parse_session(raw, self.library)
        return self.store.sessions.insert_full(self.me, parsed.session, parsed.answers, parsed.actions,
                                               origin="import")


def _checked(changes: dict[str, Any]) -> dict[str, Any]:
    """The changes of one answer, checked before anything is written: scores whole numbers on their scale."""
    unknown = set(changes) - {"mastery", "importance", "not_applicable", "note"}
    if unknown:
        raise ServiceError("Dit antwoord kan zo niet worden bewaard.")
    for field, scores, ask in (("mastery", MASTERY_SCORES, "Kies bij beheersing een score van 1 tot en met 5."),
                               ("importance", IMPORTANCE_SCORES, "Kies bij belang een van de drie mogelijkheden.")):
        if changes.get(field) is not None and not is_score(changes[field], scores):
            raise ServiceError(f"{ask} Dit antwoord is niet bewaard.")
    if "not_applicable" in changes and changes["not_applicable"] not in (True, False, 0, 1):
        raise ServiceError("Dit antwoord kan zo niet worden bewaard.")
    if "note" in changes:
        if changes["note"] is not None and not isinstance(changes["note"], str):
            raise ServiceError("Een notitie is tekst. Dit antwoord is niet bewaard.")
        changes["note"] = (changes["note"] or "")[:MAX_NOTE]
    return changes
