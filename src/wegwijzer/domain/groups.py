"""The intervision group's dashboard: pure computations on the members' shared scores.

- Spread of a theme: the highest minus the lowest mastery score among the members who scored it
  (the standard deviation breaks ties). Only themes scored by at least two members count.
- "Wat vinden we allemaal lastig": themes with a mean mastery of 3 or lower and a mean importance of
  2 or higher, scored by at least half of the members who share, ordered by
  urgency = mean importance × (5 − mean mastery) — the group version of the personal priority rule.
- The proposed agenda takes the three hardest themes and then the themes the members differ most on,
  up to five, each theme once.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import statistics
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.domain.records import Answer, Group, Membership
from wegwijzer.domain.scoring import RoleScore, chapter_overview, role_profile

HARD_MAX_MASTERY = 3.0
HARD_MIN_IMPORTANCE = 2.0
AGENDA_HARD = 3
AGENDA_SIZE = 5
LIST_SIZE = 5


@dataclass(frozen=True)
class GroupMember:
    label: str
    is_me: bool
    is_creator: bool
    shares: bool
    named: bool = False  # the label is the member's name (they agreed and the group uses names)
    shows_name: bool = False  # the member agreed to show their name


@dataclass(frozen=True)
class ThemeSpread:
    number: int
    title: str
    scores: tuple[int, ...]  # mastery scores of the members who scored it, in member order
    mean: float
    spread: int
    sd: float
    mean_importance: float | None
    not_applicable: int

    @property
    def urgency(self) -> float | None:
        if self.mean_importance is None:
            return None
        return round(self.mean_importance * (5 - self.mean), 2)


@dataclass(frozen=True)
class AgendaItem:
    number: int
    title: str
    reason: str  # "lastig" or "verschil"
    why: str  # one Dutch sentence with the figures behind the choice


@dataclass(frozen=True)
class GroupView:
    members: tuple[GroupMember, ...]
    sharing: tuple[str, ...]  # labels of the members whose scores are in, in member order
    profiles: tuple[tuple[str, tuple[RoleScore, ...]], ...]
    chapter_means: tuple[tuple[str, tuple[float | None, ...]], ...]  # chapter title, one mean per sharing member
    themes: tuple[ThemeSpread, ...]  # every theme scored by at least one member, book order
    most_different: tuple[ThemeSpread, ...]
    all_hard: tuple[ThemeSpread, ...]
    agenda: tuple[AgendaItem, ...]


def _letter(index: int) -> str:
    letters = string.ascii_uppercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def pseudonym_order(members: Sequence[Membership], seed: str) -> list[Membership]:
    """The members in a random order that stays the same for this group (a keyed hash of each person).

    Not the order they joined, so "Deelnemer A" is not the facilitator and a late joiner is not the last
    letter; without the group's secret seed the order cannot be worked out from the person ids.
    """
    def key(m: Membership) -> str:
        return hmac.new(seed.encode(), str(m.person_id).encode(), hashlib.sha256).hexdigest()

    return sorted(members, key=key)


def member_labels(group: Group, members: Sequence[Membership], me: int) -> list[GroupMember]:
    """How members appear, in the order given: "Deelnemer A, B, …", or the name of a member who agreed
    to show it when the group uses names. Nobody else can switch a member to their name."""
    result = []
    for index, m in enumerate(members):
        named = group.naming == "namen" and m.shows_name
        label = m.name if named else f"Deelnemer {_letter(index)}"
        if m.person_id == me:
            label += " (jij)"
        result.append(GroupMember(label=label, is_me=m.person_id == me, is_creator=m.person_id == group.creator_id,
                                  shares=m.session_id is not None, named=named, shows_name=m.shows_name))
    return result


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 2)


def theme_spreads(library: Library, shared: Sequence[Mapping[int, Answer]]) -> list[ThemeSpread]:
    """Per theme that anyone scored: the scores, mean, spread and mean importance, in book order."""
    numbers = sorted({n for answers in shared for n in answers})
    result = []
    for number in numbers:
        given = [a[number] for a in shared if number in a]
        scores = tuple(a.mastery for a in given if a.is_scored)
        if not scores:
            continue
        importances = [a.importance for a in given if a.is_scored and a.importance is not None]
        result.append(ThemeSpread(
            number=number, title=library.theme(number).title, scores=scores, mean=_mean(scores),
            spread=max(scores) - min(scores), sd=round(statistics.pstdev(scores), 2),
            mean_importance=_mean(importances) if importances else None,
            not_applicable=sum(1 for a in given if a.not_applicable)))
    return result


def most_different(spreads: Sequence[ThemeSpread], limit: int = LIST_SIZE) -> list[ThemeSpread]:
    candidates = [t for t in spreads if len(t.scores) >= 2 and t.spread > 0]
    return sorted(candidates, key=lambda t: (-t.spread, -t.sd, t.number))[:limit]


def all_hard(spreads: Sequence[ThemeSpread], sharing: int, limit: int = LIST_SIZE) -> list[ThemeSpread]:
    quorum = max(2, math.ceil(sharing / 2)) if sharing > 1 else 1
    candidates = [t for t in spreads if len(t.scores) >= quorum and t.mean <= HARD_MAX_MASTERY
                  and t.mean_importance is not None and t.mean_importance >= HARD_MIN_IMPORTANCE]
    return sorted(candidates, key=lambda t: (-(t.urgency or 0), t.mean, t.number))[:limit]


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def propose_agenda(hard: Sequence[ThemeSpread], different: Sequence[ThemeSpread]) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    seen: set[int] = set()
    for t in hard[:AGENDA_HARD]:
        items.append(AgendaItem(t.number, t.title, "lastig",
                                f"Gemiddeld {_number(t.mean)} op beheersing en {_number(t.mean_importance or 0)} "
                                f"op belang, bij {len(t.scores)} leden."))
        seen.add(t.number)
    for t in different:
        if len(items) >= AGENDA_SIZE:
            break
        if t.number in seen:
            continue
        items.append(AgendaItem(t.number, t.title, "verschil",
                                f"Scores lopen uiteen van {min(t.scores)} tot {max(t.scores)} "
                                f"(verschil {t.spread}), bij {len(t.scores)} leden."))
        seen.add(t.number)
    return items


def build_group_view(library: Library, group: Group, members: Sequence[GroupMember],
                     shared_by_person: Mapping[int, Mapping[int, Answer]], person_order: Sequence[int]) -> GroupView:
    """The dashboard of a group from the shared answers (person id → answers).

    ``person_order`` is the person id behind each entry of ``members`` (pseudonym order); ids stay here
    and never reach the view, so a "Deelnemer" label cannot be traced back.
    """
    pairs = [(m.label, shared_by_person.get(p, {})) for p, m in zip(person_order, members, strict=True) if m.shares]
    labels = tuple(label for label, _ in pairs)
    answers_list = [answers for _, answers in pairs]
    profiles = tuple((label, role_profile(library, answers, answers.keys()))
                     for label, answers in zip(labels, answers_list, strict=True))
    # each member's chapter means by the personal dashboard's rule, side by side
    per_member = [{c.key: c.mean for c in chapter_overview(library, answers, answers.keys())} for answers in answers_list]
    chapter_means = []
    for chapter in library.structure.chapters:
        row = tuple(None if (mean := means.get(chapter.key)) is None else round(mean, 2) for means in per_member)
        if any(v is not None for v in row):
            chapter_means.append((chapter.title, row))
    spreads = theme_spreads(library, answers_list)
    different = most_different(spreads)
    hard = all_hard(spreads, len(answers_list))
    return GroupView(members=tuple(members), sharing=labels, profiles=profiles, chapter_means=tuple(chapter_means),
                     themes=tuple(spreads), most_different=tuple(different), all_hard=tuple(hard),
                     agenda=tuple(propose_agenda(hard, different)))
