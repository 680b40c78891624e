"""Everything the dashboard, the coach's view and the report show for one session, as data (no figures)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wegwijzer.content.library import Library
from wegwijzer.domain.records import Action, Answer, SessionRecord
from wegwijzer.domain.scoring import Comparison, Dashboard, RoleChange, ThemeChange, build_dashboard, compare_sessions


@dataclass(frozen=True)
class SessionOverview:
    session: SessionRecord
    answers: Mapping[int, Answer]
    actions: Mapping[int, Action]
    dashboard: Dashboard
    earlier: SessionRecord | None = None
    comparison: Comparison | None = None  # with ``earlier``: on the themes both sessions scored

    @property
    def role_changes(self) -> tuple[RoleChange, ...]:
        return self.comparison.role_changes if self.comparison else ()

    @property
    def theme_changes(self) -> tuple[ThemeChange, ...]:
        return self.comparison.theme_changes if self.comparison else ()


def build_overview(library: Library, session: SessionRecord, answers: Mapping[int, Answer],
                   actions: Mapping[int, Action], earlier: SessionRecord | None = None,
                   before: Mapping[int, Answer] | None = None) -> SessionOverview:
    """Scores and (with an earlier session and its answers) the comparison for one session."""
    dashboard = build_dashboard(library, answers, session.themes)
    if earlier is None or before is None:
        return SessionOverview(session, answers, actions, dashboard)
    return SessionOverview(session, answers, actions, dashboard, earlier, compare_sessions(library, before, answers))
