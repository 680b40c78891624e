"""The intervision agenda: the proposal from the group's figures, or the facilitator's choice, each with a method."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.content.methods import REASONS, Method, method_by_key
from wegwijzer.content.models import ROLE_KEYS, RoleKey
from wegwijzer.domain.groups import GroupView
from wegwijzer.domain.records import Group

REASON_LABELS = {"lastig": "Wat we allemaal lastig vinden", "verschil": "Waar we het meest verschillen",
                 "eigen": "Gekozen door de gespreksleider"}


@dataclass(frozen=True)
class AgendaEntry:
    number: int
    title: str
    reason: str  # "lastig", "verschil" or "eigen"
    why: str
    questions: tuple[str, ...]
    method: Method


def _roles(library: Library, number: int) -> dict[str, float]:
    return dict(library.theme(number).roles.model_dump())


def proposed(library: Library, view: GroupView, methods: Sequence[Method]) -> list[AgendaEntry]:
    """The proposal from the group's figures, each item with a suggested method."""
    return [AgendaEntry(item.number, item.title, item.reason, item.why,
                        tuple(library.theme(item.number).reflection_questions),
                        suggest_method(methods, item.reason, _roles(library, item.number)))
            for item in view.agenda]


def current(library: Library, group: Group, view: GroupView, methods: Sequence[Method]) -> list[AgendaEntry]:
    """The facilitator's saved agenda when there is one, else the proposal."""
    if not group.agenda:
        return proposed(library, view, methods)
    why = {item.number: (item.reason, item.why) for item in view.agenda}
    entries = []
    for choice in group.agenda:
        number = choice.theme
        reason, text = why.get(number, (choice.reason or "eigen", ""))
        try:
            method = method_by_key(methods, choice.method)
        except ValueError:
            method = suggest_method(methods, reason if reason != "eigen" else "lastig", _roles(library, number))
        entries.append(AgendaEntry(number, library.theme(number).title, reason, text,
                                   tuple(library.theme(number).reflection_questions), method))
    return entries


# --- which method suits an item ---------------------------------------------------------------


def main_role(roles: Mapping[str, float]) -> RoleKey | None:
    """The role with the highest weight above zero; on a tie the first in role order; None if none."""
    unknown = sorted(set(roles) - set(ROLE_KEYS))
    if unknown:
        raise ValueError(f"Onbekende rol(len): {', '.join(unknown)}. Gebruik {', '.join(ROLE_KEYS)}.")
    best: RoleKey | None = None
    for key in ROLE_KEYS:
        weight = roles.get(key, 0)
        if weight > 0 and (best is None or weight > roles[best]):
            best = key
    return best


def suggest_method(methods: Sequence[Method], reason: str, roles: Mapping[str, float]) -> Method:
    """The method for one agenda item, by a fixed rule.

    1. the first method (in file order) whose ``fits`` holds both the reason and the theme's main role
       (the role with the highest weight; on a tie the first in ``ROLE_KEYS`` order);
    2. otherwise the first method whose ``fits`` holds the reason;
    3. otherwise the first method.
    """
    if not methods:
        raise ValueError("Er zijn geen intervisiemethodes om uit te kiezen.")
    if reason not in REASONS:
        raise ValueError(f"Onbekende reden '{reason}'. Kies 'verschil' of 'lastig'.")
    role = main_role(roles)
    with_reason = [m for m in methods if reason in m.fits]
    if role is not None:
        for method in with_reason:
            if role in method.fits:
                return method
    return with_reason[0] if with_reason else methods[0]
