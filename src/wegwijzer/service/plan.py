"""The development plan: one's own actions, a coach's view by scope, one action shown to a group.

Who sees what: the person everything; a coach with "scores" the theme, what, dates and status of every
action; a coach with "scores en notities" also the support and the look-backs; a group only the actions
a member chose to show it, without support and look-back, for as long as they are a member.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from wegwijzer import clock
from wegwijzer.domain import plan, transfer
from wegwijzer.domain.groups import member_labels
from wegwijzer.domain.records import PlanAction
from wegwijzer.service.access import (
    ACTION_OWNER,
    ACTIONS_OWNER,
    COACH_OF,
    GROUP_MEMBER,
    SESSION_COACHING,
    SESSION_NOTES,
    SESSION_OWNER,
    SIGNED_IN,
    allowed,
    guarded,
)
from wegwijzer.service.base import Part, ServiceError


@dataclass(frozen=True)
class SharedAction:
    """An action a member shows the group: who (as the group names its members) and the action, without notes."""

    member: str
    is_mine: bool
    action: PlanAction


@dataclass(frozen=True)
class CalendarFeed:
    """What the calendar download needs: the id of this database (stable UIDs), the person and their actions."""

    installation: str
    person_id: int
    actions: tuple[PlanAction, ...]


@contextmanager
def _refused_in_dutch() -> Iterator[None]:
    try:
        yield
    except plan.PlanError as exc:
        raise ServiceError(exc.message) from None


class PlanService(Part):
    """``svc.plan``."""

    # --- one's own plan ---------------------------------------------------------------------------

    @guarded(SIGNED_IN)
    def mine(self) -> list[PlanAction]:
        """Every action of the person, by due date (the ones without a date last)."""
        return plan.by_due(self.store.plan.of_person(self.me))

    @guarded(SESSION_OWNER)
    def add(self, session_id: int, theme: int, what: str, due: dt.date | None, support: str = "") -> int:
        """A new action "gepland", begun in this session, on any theme of the book."""
        if theme not in self.library.by_number:
            raise ServiceError(f"Thema {theme} bestaat niet; kies een thema uit de lijst.")
        with _refused_in_dutch():
            draft = plan.new_action(theme, what, due, support, clock.today())
        return self.store.plan.add(self.me, session_id, draft)

    @guarded(ACTION_OWNER)
    def update(self, action_id: int, what: str, due: dt.date | None, support: str = "") -> None:
        action = self.found(self.store.plan.get(action_id))
        with _refused_in_dutch():
            draft = plan.changed_action(action, what, due, support, clock.today())
        self.store.plan.save(action_id, draft)

    @guarded(ACTION_OWNER)
    def set_status(self, action_id: int, status: str, look_back: str | None = None) -> None:
        """A new status; ``look_back`` (asked when done or dropped) None keeps the one it has."""
        action = self.found(self.store.plan.get(action_id))
        with _refused_in_dutch():
            draft = plan.with_status(action, status, look_back)
        self.store.plan.save(action_id, draft)

    @guarded(ACTIONS_OWNER)
    def set_statuses(self, changes: Mapping[int, tuple[str, str | None]]) -> None:
        """Several actions at once ("Hoe ging het?" at the start of a new session): per action id its status and
        look-back (None keeps it). All or nothing: one bad change stores none, and the refusal names that action."""
        drafts = {}
        for action_id, (status, look_back) in changes.items():
            action = self.found(self.store.plan.get(action_id))
            try:
                drafts[action_id] = plan.with_status(action, status, look_back)
            except plan.PlanError as exc:
                raise ServiceError(f"‘{action.what}’: {exc.message}") from None
        self.store.plan.save_many(drafts)

    @guarded(ACTION_OWNER)
    def delete(self, action_id: int) -> None:
        self.store.plan.delete(action_id)

    @guarded(SIGNED_IN)
    def export_csv(self) -> str:
        sessions = {s.id: s for s in self.store.sessions.of_person(self.me)}
        return transfer.export_plan_csv(self.library, self.store.plan.of_person(self.me), sessions)

    @guarded(SIGNED_IN)
    def calendar_feed(self) -> CalendarFeed:
        return CalendarFeed(self.store.plan.installation(), self.me, tuple(self.mine()))

    # --- what others see --------------------------------------------------------------------------

    @guarded(COACH_OF)
    def of_coachee(self, coachee_id: int) -> list[PlanAction]:
        """A coachee's plan by due date; support and look-backs only with the scope "scores en notities"."""
        notes = self.store.coaching.active_scope(self.me, coachee_id) == "scores_notities"
        return [plan.as_shared(a, with_notes=notes) for a in plan.by_due(self.store.plan.of_person(coachee_id))]

    @guarded(SESSION_COACHING)
    def movement(self, session_id: int) -> plan.PlanMovement:
        """Per theme with an action begun in an earlier session: the change since then (shared scored themes)."""
        record = self.found(self.store.sessions.get(session_id))
        notes = allowed(self.store, self.actor, (SESSION_NOTES,), {"session_id": session_id})
        actions = [plan.as_shared(a, with_notes=notes) for a in self.store.plan.of_person(record.person_id)]
        sessions = {s.id: s for s in self.store.sessions.of_person(record.person_id)}
        began = {a.session_id for a in actions} - {session_id}
        answers_then = {sid: self.store.sessions.answers(sid, with_notes=False) for sid in began if sid in sessions}
        return plan.plan_movement(actions, record, self.store.sessions.answers(session_id, with_notes=False),
                                  sessions, answers_then)

    @guarded(ACTION_OWNER, GROUP_MEMBER)
    def share(self, action_id: int, group_id: int) -> None:
        """Show this one action to one of the person's groups (until withdrawn, or until they leave)."""
        self.store.plan.share(action_id, group_id, self.me)

    @guarded(ACTION_OWNER)
    def withdraw(self, action_id: int, group_id: int) -> None:
        self.store.plan.withdraw(action_id, group_id)

    @guarded(ACTION_OWNER)
    def shared_groups(self, action_id: int) -> list[int]:
        """The groups that see this action."""
        return self.store.plan.shared_groups(action_id)

    @guarded(GROUP_MEMBER)
    def in_group(self, group_id: int) -> list[SharedAction]:
        """The actions the members show this group, named as the group names its members."""
        group = self.found(self.store.groups.get(group_id))
        memberships = self.store.groups.members(group_id)
        labels = {m.person_id: lbl for m, lbl in zip(memberships, member_labels(group, memberships, self.me),
                                                     strict=True)}
        return [SharedAction(labels[a.person_id].label, a.person_id == self.me, plan.as_shared(a, with_notes=False))
                for a in self.store.plan.shared_with_group(group_id) if a.person_id in labels]
