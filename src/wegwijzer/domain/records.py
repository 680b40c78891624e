"""Plain records passed between the database module, the scoring rules and the pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Perspective = Literal["zittend", "startend", "aspirant"]
ScopeKind = Literal["alle", "quickscan", "deel", "hoofdstuk", "eigen"]
Status = Literal["open", "afgerond"]


@dataclass(frozen=True)
class Answer:
    """One person's answer on one theme. ``mastery`` 1–5, ``importance`` 1–3, both optional."""

    theme: int
    mastery: int | None = None
    importance: int | None = None
    not_applicable: bool = False
    note: str = ""

    @property
    def is_answered(self) -> bool:
        """Counts towards progress: a mastery score or "niet van toepassing"."""
        return self.not_applicable or self.mastery is not None

    @property
    def is_scored(self) -> bool:
        """Counts towards scores: a mastery score, and not "niet van toepassing"."""
        return not self.not_applicable and self.mastery is not None


@dataclass(frozen=True)
class Action:
    """A short action the person wrote for a development priority."""

    theme: int
    text: str


@dataclass(frozen=True)
class SessionRecord:
    id: int
    person_id: int
    label: str
    scope_kind: ScopeKind
    scope_key: str
    perspective: Perspective
    themes: tuple[int, ...]
    status: Status
    created_at: str
    updated_at: str
    completed_at: str | None
    answered: int = 0

    @property
    def progress(self) -> float:
        return self.answered / len(self.themes) if self.themes else 0.0


@dataclass(frozen=True)
class Account:
    person_id: int
    name: str
    email: str
    is_admin: bool
    must_change_password: bool
    created_at: str


@dataclass(frozen=True)
class Group:
    id: int
    name: str
    join_code: str
    creator_id: int
    naming: Literal["namen", "deelnemers"]
    agenda: str | None  # JSON written by the facilitator, None while the proposal stands
    created_at: str


@dataclass(frozen=True)
class Membership:
    group_id: int
    person_id: int
    name: str
    session_id: int | None  # the session this member shares with the group, if any
    joined_at: str


CoachScope = Literal["scores", "scores_notities"]
CoachStatus = Literal["uitgenodigd", "actief", "ingetrokken"]


@dataclass(frozen=True)
class CoachLink:
    id: int
    coachee_id: int
    coachee_name: str
    coach_id: int | None
    coach_name: str
    code: str
    scope: CoachScope
    status: CoachStatus
    created_at: str
    accepted_at: str | None
    revoked_at: str | None
