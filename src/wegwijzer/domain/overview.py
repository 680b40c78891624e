"""Everything the dashboard, the coach's view and the report show for one session, as data (no figures)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.domain.records import Action, Answer, SessionRecord
from wegwijzer.domain.scoring import (
    Dashboard,
    RoleChange,
    RoleScore,
    ThemeChange,
    build_dashboard,
    compare_roles,
    compare_themes,
    role_profile,
)


@dataclass(frozen=True)
class SessionOverview:
    session: SessionRecord
    answers: Mapping[int, Answer]
    actions: Mapping[int, Action]
    dashboard: Dashboard
    earlier: SessionRecord | None = None
    earlier_roles: tuple[RoleScore, ...] = ()
    role_changes: tuple[RoleChange, ...] = ()
    theme_changes: tuple[ThemeChange, ...] = ()


def build_overview(library: Library, session: SessionRecord, answers: Mapping[int, Answer],
                   actions: Mapping[int, Action], earlier: SessionRecord | None = None,
                   before: Mapping[int, Answer] | None = None) -> SessionOverview:
    """Scores and (with an earlier session and its answers) the comparison for one session."""
    dashboard = build_dashboard(library, answers, session.themes)
    if earlier is None or before is None:
        return SessionOverview(session, answers, actions, dashboard)
    earlier_roles = role_profile(library, before, earlier.themes)
    return SessionOverview(session, answers, actions, dashboard, earlier, earlier_roles,
                           compare_roles(earlier_roles, dashboard.roles), compare_themes(library, before, answers))
