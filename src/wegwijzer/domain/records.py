"""Records: what leaves storage and what the rules work on. Frozen dataclasses; no JSON outside storage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
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
    """The one-line view of a plan action, as the dashboard's field per priority shows it (see ``PlanAction``)."""

    theme: int
    text: str


PlanStatus = Literal["gepland", "bezig", "gedaan", "losgelaten"]


@dataclass(frozen=True)
class ActionDraft:
    """An action as the person describes it, before it is stored (validated by ``domain.plan``)."""

    theme: int
    what: str
    due: dt.date | None  # None only for a one-line action carried over from before the plan
    support: str = ""  # with whom, or what support
    status: PlanStatus = "gepland"
    look_back: str = ""  # asked when the action is done or dropped
    created_at: str | None = None  # kept from an export; None: now


@dataclass(frozen=True)
class PlanAction:
    """One action of a person's development plan: it begins in a session and lives on across sessions."""

    id: int
    person_id: int
    session_id: int  # the session where the action began
    theme: int
    what: str
    due: dt.date | None  # None only for a one-line action carried over from before the plan
    support: str
    status: PlanStatus
    look_back: str
    created_at: str
    updated_at: str
    revision: int = 0  # raised by every change (the calendar's SEQUENCE)

    @property
    def is_open(self) -> bool:
        return self.status in ("gepland", "bezig")


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
    imported: bool = False  # brought in from a JSON export

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
class AccountEvent:
    """Something done to an account through an administrator: ``reset_issued`` or ``reset_used``."""

    kind: str
    at: str
    admin_name: str = ""


@dataclass(frozen=True)
class Group:
    id: int
    name: str
    join_code: str
    creator_id: int
    naming: Literal["namen", "deelnemers"]
    agenda: tuple[AgendaChoice, ...] | None  # the facilitator's agenda; None while the proposal stands
    created_at: str


@dataclass(frozen=True)
class Membership:
    group_id: int
    person_id: int
    name: str
    session_id: int | None  # the session this member shares with the group, if any
    joined_at: str
    shows_name: bool = False  # the member agreed that the group sees their name (when the group uses names)


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


@dataclass(frozen=True)
class AgendaChoice:
    """One item of the facilitator's agenda: a theme, the intervision method, and why it is there."""

    theme: int
    method: str
    reason: str  # "lastig", "verschil" or "eigen"


@dataclass(frozen=True)
class CoachPrep:
    """A coach's private preparation for one coachee: chosen themes, GROW notes, a note per theme."""

    themes: tuple[int, ...] = ()
    grow: Mapping[str, str] = field(default_factory=dict)
    theme_notes: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StudyAnswers:
    """A person's own answers to the questions of the 2020 study (points per option, and three choices)."""

    steering: Mapping[str, int] = field(default_factory=dict)
    pillars: Mapping[str, int] = field(default_factory=dict)
    perspective: str | None = None
    leadership: str | None = None
    repertoire: str | None = None


MirrorCategory = Literal["college", "directieteam", "medewerkers", "extern"]


@dataclass(frozen=True)
class MirrorRound:
    """A Spiegel (360°) round: on which themes, the person's own scores, and until when."""

    id: int
    person_id: int
    person_name: str
    title: str
    themes: tuple[int, ...]
    self_scores: Mapping[int, int | None]
    seed: str
    created_at: str
    expires_at: str
    closed_at: str | None
    closed: bool  # closed by the person, or past its end date when it was read
    kind: str = "zelf"  # "zelf": the person hands out the links; "begeleid": the facilitator does
    facilitator_id: int | None = None
    facilitator_name: str = ""

    @property
    def facilitated(self) -> bool:
        return self.kind == "begeleid"


@dataclass(frozen=True)
class MirrorInvite:
    """Who was invited to a round (a label only the person sees) and whether they answered."""

    label: str
    category: MirrorCategory
    used: bool
    created_at: str
    issued: bool = True  # False while the facilitator of the round has not made its link yet


@dataclass(frozen=True)
class RaterLink:
    """What a rater's link unlocks: one round, in one category, once."""

    round_id: int
    category: MirrorCategory
    used: bool
