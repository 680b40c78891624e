"""How a result fits a function profile: effective theme weights, role scores, strengths, points of attention.

Reflection material, not an assessment (see ``wegwijzer.content.profiles.DISCLAIMER``). Pure functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.content.models import CORE_ROLES, ROLE_KEYS, RoleKey
from wegwijzer.content.profiles import FunctionProfile
from wegwijzer.domain.records import Answer
from wegwijzer.domain.scoring import role_profile

STRENGTH_MIN = 4  # mastery 4 or 5 is a strong point for the profile
ATTENTION_MAX = 3  # mastery 3 or lower is a point of attention
MAX_MASTERY = 5


def theme_weights(profile: FunctionProfile, library: Library) -> dict[int, float]:
    """The effective weight of every theme of the library for this profile, 0 to 6.

    w(t) = d(t) + Σ_r p(r) · a(t, r) / Σ_r a(t, r)

    with d(t) the profile's own weight on theme t (0 when not named, else 1–3), p(r) the profile's
    weight on role r (0 when not named, else 1–3) and a(t, r) the theme's role weight from the content
    (0–1; every theme has at least one above zero). The role part is the mean of the profile's role
    weights, weighted by how strongly the theme speaks to each role, so it lies between 0 and 3 and a
    theme touching many roles does not outweigh the themes the profile names itself. Theme numbers of
    the profile that the library lacks are ignored (see :func:`check_against_library`).
    """
    weights: dict[int, float] = {}
    for theme in library.themes:
        pairs = theme.roles.items()
        spread = sum(a for _, a in pairs)
        role_part = sum((profile.roles[r].weight if r in profile.roles else 0) * a for r, a in pairs) / spread
        direct = profile.themes[theme.number].weight if theme.number in profile.themes else 0
        weights[theme.number] = round(direct + role_part, 6)
    return weights


@dataclass(frozen=True)
class RoleFit:
    role: RoleKey
    name: str
    weight: int  # the profile's weight on the role, 0 when it does not name it
    reason: str
    score: float | None  # the person's role score (scoring.role_profile), None without scored themes
    themes: int  # number of scored themes the score rests on


@dataclass(frozen=True)
class ThemeFit:
    number: int
    title: str
    weight: float  # effective weight, see theme_weights
    direct: int  # the profile's own weight on the theme, 0 when it does not name it
    reason: str  # the profile's reason for a direct weight, else ""
    mastery: int | None  # None when not answered or "niet van toepassing"
    not_applicable: bool

    @property
    def gap(self) -> int | None:
        """5 − mastery, None without a mastery score."""
        return None if self.mastery is None else MAX_MASTERY - self.mastery

    @property
    def priority(self) -> float | None:
        """weight × gap: the order of the points of attention."""
        return None if self.gap is None else round(self.weight * self.gap, 6)


@dataclass(frozen=True)
class ProfileFit:
    profile: FunctionProfile
    roles: tuple[RoleFit, ...]  # roles the profile weighs plus the three core roles, in role order
    top_themes: tuple[ThemeFit, ...]  # highest effective weight first
    strengths: tuple[ThemeFit, ...]  # mastery >= 4, highest weight first
    attention: tuple[ThemeFit, ...]  # mastery <= 3, highest weight × gap first
    unanswered: tuple[ThemeFit, ...]  # "nog niet ingevuld": no answer at all, highest weight first
    coverage: float  # share (0–1) of the total effective weight that rests on themes with a mastery score


def fit(profile: FunctionProfile, library: Library, answers: Mapping[int, Answer], limit: int = 10) -> ProfileFit:
    """A result against a profile: roles, the heaviest themes, strong points and points of attention.

    Only themes with an effective weight above zero count. Strengths have mastery 4–5 and are ordered by
    weight; points of attention have mastery 1–3 and are ordered by weight × (5 − mastery); themes
    without any answer are listed apart as "nog niet ingevuld" (by weight). A theme marked "niet van
    toepassing" appears in none of these three lists (only in ``top_themes``) and does not count as
    covered. Ties go to the higher weight, then book order. Each list holds at most ``limit`` themes.
    """
    weights = theme_weights(profile, library)

    def theme_fit(number: int) -> ThemeFit:
        answer = answers.get(number)
        own = profile.themes.get(number)
        return ThemeFit(
            number=number, title=library.theme(number).title, weight=weights[number],
            direct=own.weight if own else 0, reason=own.reason if own else "",
            mastery=answer.mastery if answer is not None and answer.is_scored else None,
            not_applicable=answer is not None and answer.not_applicable,
        )

    ranked = [theme_fit(n) for n in sorted(weights, key=lambda n: (-weights[n], n)) if weights[n] > 0]
    strong = [t for t in ranked if t.mastery is not None and t.mastery >= STRENGTH_MIN]
    weak = [t for t in ranked if t.mastery is not None and t.mastery <= ATTENTION_MAX]
    weak.sort(key=lambda t: (-(t.priority or 0), -t.weight, t.number))
    not_answered = [t for t in ranked if t.number not in answers or not answers[t.number].is_answered]

    total = sum(weights.values())
    covered = sum(t.weight for t in ranked if t.mastery is not None)

    answered = [n for n in answers if n in library.by_number]
    scores = {s.role: s for s in role_profile(library, answers, answered)}
    roles = tuple(
        RoleFit(r, library.roles[r].name, profile.roles[r].weight if r in profile.roles else 0,
                profile.roles[r].reason if r in profile.roles else "", scores[r].score, scores[r].themes)
        for r in ROLE_KEYS if r in profile.roles or r in CORE_ROLES
    )
    return ProfileFit(
        profile=profile, roles=roles, top_themes=tuple(ranked[:limit]), strengths=tuple(strong[:limit]),
        attention=tuple(weak[:limit]), unanswered=tuple(not_answered[:limit]),
        coverage=covered / total if total else 0.0,
    )
