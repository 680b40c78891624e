"""What a page may ask for, on behalf of one actor.

Pages never talk to the database themselves: they make a :class:`Service` for the person using the
app and call its methods. Every public method carries its access rules (see ``access.py``); a refused
call raises :class:`~wegwijzer.service.access.AccessDenied` with a Dutch message.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

from wegwijzer.content.library import Library
from wegwijzer.domain import transfer
from wegwijzer.domain.groups import GroupMember, GroupView, build_group_view, member_labels
from wegwijzer.domain.overview import SessionOverview, build_overview
from wegwijzer.domain.records import Account, Action, Answer, CoachLink, Group, SessionRecord
from wegwijzer.errors import DutchMessage
from wegwijzer.service import auth
from wegwijzer.service.access import (
    ADMIN,
    COACH_OF,
    GROUP_CREATOR,
    GROUP_MEMBER,
    LINK_COACHEE,
    PUBLIC,
    SESSION_COACHING,
    SESSION_NOTES,
    SESSION_OWNER,
    SESSION_SCORES,
    SIGNED_IN,
    AccessDenied,
    Actor,
    allowed,
    guarded,
)
from wegwijzer.service.mirror import MirrorMixin
from wegwijzer.storage.database import Store

GROUP_NAMINGS = {"namen": "Met namen", "deelnemers": "Als Deelnemer A, B, C …"}
COACH_SCOPES = {"scores": "Scores", "scores_notities": "Scores en notities"}


class ServiceError(DutchMessage):
    """A request that cannot be done as asked; ``message`` is Dutch and says what to do."""


def _without_notes(answers: dict[int, Answer]) -> dict[int, Answer]:
    return {n: dataclasses.replace(a, note="") if a.note else a for n, a in answers.items()}


def _clean_name(text: str, what: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    if not text:
        raise ServiceError(f"Vul een {what} in.")
    if len(text) > limit:
        raise ServiceError(f"De {what} mag hoogstens {limit} tekens lang zijn.")
    return text


class Service(MirrorMixin):
    """The app's operations for one actor (a logged-in person, the local person, or nobody)."""

    def __init__(self, store: Store, library: Library, actor: Actor):
        self.store = store
        self.library = library
        self.actor = actor

    @property
    def me(self) -> int:
        if self.actor.person_id is None:  # unreachable through guarded methods; a safety net
            raise AccessDenied("Log eerst in.")
        return self.actor.person_id

    def may(self, rule_owner: str, **arguments: Any) -> bool:
        """Whether the actor may call the guarded method ``rule_owner`` with these arguments (for hiding buttons)."""
        method = getattr(type(self), rule_owner)
        return allowed(self.store, self.actor, method.__access_rules__, arguments)

    # --- own account --------------------------------------------------------------------------

    @guarded(SIGNED_IN)
    def my_account(self) -> Account | None:
        return self.store.account(self.me)

    @guarded(SIGNED_IN)
    def change_password(self, current: str, new: str) -> None:
        stored = self.store.password_hash(self.me)
        if stored is None or not auth.verify_password(stored, current):
            raise ServiceError("Je huidige wachtwoord klopt niet.")
        problem = auth.password_problem(new)
        if problem:
            raise ServiceError(problem)
        self.store.set_password_hash(self.me, auth.hash_password(new), must_change=False)

    @guarded(SIGNED_IN)
    def delete_account(self, password: str) -> None:
        """The right to erasure: the person and everything of theirs, at once."""
        stored = self.store.password_hash(self.me)
        if stored is None or not auth.verify_password(stored, password):
            raise ServiceError("Dat wachtwoord klopt niet; er is niets verwijderd.")
        self.store.delete_person(self.me)

    # --- own sessions -------------------------------------------------------------------------

    @guarded(SIGNED_IN)
    def my_sessions(self) -> list[SessionRecord]:
        return self.store.sessions_of(self.me)

    @guarded(SIGNED_IN)
    def create_session(self, *, label: str, scope_kind: str, scope_key: str, perspective: str,
                       themes: list[int]) -> int:
        return self.store.create_session(self.me, label=label, scope_kind=scope_kind, scope_key=scope_key,
                                         perspective=perspective, themes=themes)

    @guarded(SESSION_SCORES)
    def session(self, session_id: int) -> SessionRecord:
        record = self.store.session(session_id)
        assert record is not None  # the rule found it
        return record

    @guarded(SESSION_OWNER)
    def answers(self, session_id: int) -> dict[int, Answer]:
        return self.store.answers(session_id)

    @guarded(SESSION_OWNER)
    def save_answer(self, session_id: int, theme: int, **changes: Any) -> None:
        state = self.store.session_state(session_id)
        if state is None or theme not in state[0]:
            raise ServiceError("Dit thema hoort niet bij deze sessie.")
        if state[1] == "afgerond":
            raise ServiceError("Deze sessie is afgerond. Heropen haar op de vragenlijst om iets te wijzigen.")
        self.store.save_answer(session_id, theme, **changes)

    @guarded(SESSION_OWNER)
    def set_status(self, session_id: int, status: str) -> None:
        self.store.set_status(session_id, status)

    @guarded(SESSION_OWNER)
    def rename_session(self, session_id: int, label: str) -> None:
        self.store.rename_session(session_id, label.strip()[:120])

    @guarded(SESSION_OWNER)
    def delete_session(self, session_id: int) -> None:
        self.store.delete_session(session_id)

    @guarded(SIGNED_IN)
    def delete_my_sessions(self) -> None:
        self.store.delete_person_data(self.me)

    @guarded(SESSION_COACHING)
    def actions(self, session_id: int) -> dict[int, Action]:
        return self.store.actions(session_id)

    @guarded(SESSION_OWNER)
    def save_action(self, session_id: int, theme: int, text: str) -> None:
        self.store.save_action(session_id, theme, text[:1000])

    @guarded(SESSION_SCORES)
    def scores(self, session_id: int) -> dict[int, Answer]:
        """The answers without notes."""
        return _without_notes(self.store.answers(session_id))

    @guarded(SESSION_NOTES)
    def notes(self, session_id: int) -> dict[int, str]:
        return {n: a.note for n, a in self.store.answers(session_id).items() if a.note}

    @guarded(SESSION_COACHING)
    def overview(self, session_id: int, earlier_id: int | None = None) -> SessionOverview:
        """Everything the dashboard shows; notes only for someone who may read them."""
        record = self.store.session(session_id)
        assert record is not None
        answers = self.store.answers(session_id)
        if not allowed(self.store, self.actor, (SESSION_NOTES,), {"session_id": session_id}):
            answers = _without_notes(answers)
        earlier = self.store.session(earlier_id) if earlier_id else None
        before = None
        if earlier is not None and earlier.person_id == record.person_id:
            before = self.store.answers(earlier.id)
        else:
            earlier = None
        return build_overview(self.library, record, answers, self.store.actions(session_id), earlier, before)

    @guarded(SESSION_COACHING)
    def earlier_sessions(self, session_id: int) -> list[SessionRecord]:
        """Other answered sessions of the same person, newest first (to compare with)."""
        record = self.store.session(session_id)
        assert record is not None
        return [s for s in self.store.sessions_of(record.person_id) if s.id != session_id and s.answered > 0]

    @guarded(SESSION_OWNER)
    def export_json(self, session_id: int) -> str:
        record = self.store.session(session_id)
        assert record is not None
        return transfer.export_json(record, self.store.answers(session_id), self.store.actions(session_id))

    @guarded(SESSION_OWNER)
    def export_csv(self, session_id: int) -> str:
        record = self.store.session(session_id)
        assert record is not None
        return transfer.export_csv(self.library, record, self.store.answers(session_id),
                                   self.store.actions(session_id))

    @guarded(SIGNED_IN)
    def import_session(self, raw: bytes) -> int:
        """Bring an exported session in (for example from local use into an account); all or nothing."""
        return transfer.import_session(self.store, self.me, raw, self.library)

    # --- groups -------------------------------------------------------------------------------

    @guarded(SIGNED_IN)
    def my_groups(self) -> list[Group]:
        return self.store.groups_of(self.me)

    @guarded(SIGNED_IN)
    def create_group(self, name: str, naming: str = "namen") -> int:
        if naming not in GROUP_NAMINGS:
            raise ServiceError("Kies of de groep namen toont of deelnemers nummert.")
        return self.store.create_group(_clean_name(name, "groepsnaam"), self.me, auth.new_code(), naming)

    @guarded(SIGNED_IN)
    def join_group(self, code: str) -> int:
        group = self.store.group_by_code(auth.normalise_code(code))
        if group is None:
            raise ServiceError("Deze code hoort bij geen groep. Controleer de code bij wie je uitnodigde.")
        self.store.add_member(group.id, self.me)
        return group.id

    @guarded(GROUP_MEMBER)
    def group(self, group_id: int) -> Group:
        group = self.store.group(group_id)
        assert group is not None
        if group.creator_id != self.me:  # only the facilitator sees and hands out the join code
            group = dataclasses.replace(group, join_code="")
        return group

    @guarded(GROUP_MEMBER)
    def group_members(self, group_id: int) -> list[GroupMember]:
        group = self.store.group(group_id)
        assert group is not None
        return member_labels(group, self.store.members(group_id), self.me)

    @guarded(GROUP_MEMBER, SESSION_OWNER)
    def share_session(self, group_id: int, session_id: int) -> None:
        record = self.store.session(session_id)
        assert record is not None
        if record.status != "afgerond":
            raise ServiceError("Deel alleen een afgeronde sessie. Rond de sessie eerst af op de vragenlijst.")
        self.store.set_shared_session(group_id, self.me, session_id)

    @guarded(GROUP_MEMBER)
    def withdraw_share(self, group_id: int) -> None:
        self.store.set_shared_session(group_id, self.me, None)

    @guarded(GROUP_MEMBER)
    def group_view(self, group_id: int) -> GroupView:
        """The group dashboard: shared scores only, never notes."""
        group = self.store.group(group_id)
        assert group is not None
        memberships = self.store.members(group_id)
        members = member_labels(group, memberships, self.me)
        return build_group_view(self.library, group, members, self.store.shared_answers(group_id),
                                [m.person_id for m in memberships])

    @guarded(GROUP_MEMBER)
    def leave_group(self, group_id: int) -> None:
        group = self.store.group(group_id)
        assert group is not None
        if group.creator_id == self.me:
            raise ServiceError("Je hebt deze groep gemaakt. Hef de groep op in plaats van haar te verlaten.")
        self.store.remove_member(group_id, self.me)

    @guarded(GROUP_CREATOR)
    def update_group(self, group_id: int, *, name: str | None = None, naming: str | None = None) -> None:
        fields: dict[str, Any] = {}
        if name is not None:
            fields["name"] = _clean_name(name, "groepsnaam")
        if naming is not None:
            if naming not in GROUP_NAMINGS:
                raise ServiceError("Kies of de groep namen toont of deelnemers nummert.")
            fields["naming"] = naming
        if fields:
            self.store.update_group(group_id, **fields)

    @guarded(GROUP_CREATOR)
    def renew_join_code(self, group_id: int) -> str:
        code = auth.new_code()
        self.store.update_group(group_id, join_code=code)
        return code

    @guarded(GROUP_CREATOR)
    def save_agenda(self, group_id: int, items: list[dict[str, Any]]) -> None:
        """The facilitator's agenda: a list of {"theme": n, "method": key, "reason": text}."""
        clean = []
        for item in items[:8]:
            number = int(item["theme"])
            self.library.theme(number)  # raises on an unknown theme
            clean.append({"theme": number, "method": str(item.get("method", ""))[:40],
                          "reason": str(item.get("reason", ""))[:300]})
        self.store.update_group(group_id, agenda=json.dumps(clean, ensure_ascii=False))

    @guarded(GROUP_CREATOR)
    def dissolve_group(self, group_id: int) -> None:
        self.store.delete_group(group_id)

    # --- coaching: the coachee's side ---------------------------------------------------------

    @guarded(SIGNED_IN)
    def invite_coach(self, scope: str) -> CoachLink:
        if scope not in COACH_SCOPES:
            raise ServiceError("Kies wat de coach mag zien: scores, of scores en notities.")
        link_id = self.store.create_coach_link(self.me, auth.new_code(), scope)
        link = self.store.coach_link(link_id)
        assert link is not None
        return link

    @guarded(SIGNED_IN)
    def my_coach_links(self) -> list[CoachLink]:
        return self.store.links_as_coachee(self.me)

    @guarded(LINK_COACHEE)
    def set_coach_scope(self, link_id: int, scope: str) -> None:
        if scope not in COACH_SCOPES:
            raise ServiceError("Kies wat de coach mag zien: scores, of scores en notities.")
        self.store.set_coach_scope(link_id, scope)

    @guarded(LINK_COACHEE)
    def revoke_coach(self, link_id: int) -> None:
        self.store.revoke_coach_link(link_id)

    # --- coaching: the coach's side -----------------------------------------------------------

    @guarded(SIGNED_IN)
    def accept_coach_invite(self, code: str) -> CoachLink:
        link = self.store.coach_link_by_code(auth.normalise_code(code))
        if link is None or link.status != "uitgenodigd":
            raise ServiceError("Deze uitnodiging bestaat niet of is al gebruikt of ingetrokken.")
        if link.coachee_id == self.me:
            raise ServiceError("Dit is je eigen uitnodiging; geef de code aan je coach.")
        self.store.accept_coach_link(link.id, self.me)
        accepted = self.store.coach_link(link.id)
        assert accepted is not None
        return accepted

    @guarded(SIGNED_IN)
    def my_coachees(self) -> list[CoachLink]:
        return self.store.links_as_coach(self.me)

    @guarded(COACH_OF)
    def coachee_sessions(self, coachee_id: int) -> list[SessionRecord]:
        return self.store.sessions_of(coachee_id)

    @guarded(COACH_OF)
    def coach_scope(self, coachee_id: int) -> str:
        scope = self.store.active_coach_scope(self.me, coachee_id)
        assert scope is not None
        return scope

    def _link_to(self, coachee_id: int) -> int:
        links = [lk for lk in self.store.links_as_coach(self.me) if lk.coachee_id == coachee_id]
        return min(lk.id for lk in links)

    @guarded(COACH_OF)
    def coach_prep(self, coachee_id: int) -> dict[str, Any]:
        """The coach's private preparation: chosen themes, GROW notes, notes per theme."""
        raw = self.store.coach_prep(self._link_to(coachee_id))
        return json.loads(raw) if raw else {"themes": [], "grow": {}, "theme_notes": {}}

    @guarded(COACH_OF)
    def save_coach_prep(self, coachee_id: int, prep: dict[str, Any]) -> None:
        themes = [int(n) for n in prep.get("themes", [])][:12]
        for number in themes:
            self.library.theme(number)
        grow = {k: str(prep.get("grow", {}).get(k, ""))[:3000] for k in ("goal", "reality", "options", "will")}
        notes = {str(int(k)): str(v)[:3000] for k, v in prep.get("theme_notes", {}).items() if str(v).strip()}
        self.store.save_coach_prep(self._link_to(coachee_id), json.dumps(
            {"themes": themes, "grow": grow, "theme_notes": notes}, ensure_ascii=False))

    # --- administration -----------------------------------------------------------------------

    @guarded(ADMIN)
    def accounts(self) -> list[Account]:
        return self.store.accounts()

    @guarded(ADMIN)
    def reset_password(self, person_id: int) -> str:
        """A temporary password for this person; they must choose a new one at the next login."""
        if self.store.account(person_id) is None:
            raise ServiceError("Dit account bestaat niet.")
        temporary = auth.new_code(3)
        self.store.set_password_hash(person_id, auth.hash_password(temporary), must_change=True)
        return temporary

    # --- logging in (for the HTTP routes) -----------------------------------------------------

    @guarded(PUBLIC)
    def login(self, email: str, password: str, client: str = "") -> auth.Login:
        return auth.login(self.store, email, password, client)

    @guarded(PUBLIC)
    def register(self, name: str, email: str, password: str) -> int:
        return auth.register(self.store, name, email, password)

    @guarded(SIGNED_IN)
    def logout_everywhere(self) -> None:
        self.store.end_logins(self.me)


def guarded_methods() -> Iterable[str]:
    """Names of every public method of :class:`Service` (each must carry access rules)."""
    names = {name for cls in Service.__mro__ if cls is not object for name, value in vars(cls).items()
             if callable(value) and not name.startswith("_") and name not in _NOT_OPERATIONS}
    return sorted(names)


_NOT_OPERATIONS = {"may"}  # asks the access rules; reads and writes nothing itself
