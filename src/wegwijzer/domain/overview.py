"""Everything the dashboard and the report show for one session, built in one call."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import plotly.graph_objects as go

from wegwijzer.content.library import Library
from wegwijzer.domain.records import Action, Answer, SessionRecord
from wegwijzer.domain.scoring import (
    Dashboard,
    RoleChange,
    ThemeChange,
    build_dashboard,
    compare_roles,
    compare_themes,
    role_profile,
)
from wegwijzer.render import charts
from wegwijzer.render.report import MirrorSection, ReportInput


@dataclass(frozen=True)
class SessionOverview:
    session: SessionRecord
    answers: Mapping[int, Answer]
    actions: Mapping[int, Action]
    dashboard: Dashboard
    figures: dict[str, go.Figure] = field(default_factory=dict)
    earlier: SessionRecord | None = None
    role_changes: tuple[RoleChange, ...] = ()
    theme_changes: tuple[ThemeChange, ...] = ()

    def report_input(self, library: Library, *, include_notes: bool, mirror: MirrorSection | None = None) -> ReportInput:
        return ReportInput(library=library, session=self.session, answers=self.answers, actions=self.actions,
                           dashboard=self.dashboard, figures=self.figures, include_notes=include_notes,
                           earlier=self.earlier, role_changes=self.role_changes, theme_changes=self.theme_changes,
                           mirror=mirror)


def build_overview(library: Library, session: SessionRecord, answers: Mapping[int, Answer],
                   actions: Mapping[int, Action], earlier: SessionRecord | None = None,
                   before: Mapping[int, Answer] | None = None) -> SessionOverview:
    """Scores, figures and (with an earlier session and its answers) the comparison for one session."""
    dashboard = build_dashboard(library, answers, session.themes)
    figures = {
        "roles": charts.role_radar(library, dashboard.roles),
        "chapters": charts.chapter_bars(dashboard.chapters),
        "quadrant": charts.quadrant(dashboard.points),
    }
    role_changes: tuple[RoleChange, ...] = ()
    theme_changes: tuple[ThemeChange, ...] = ()
    if earlier is not None and before is not None:
        earlier_roles = role_profile(library, before, earlier.themes)
        role_changes = compare_roles(earlier_roles, dashboard.roles)
        theme_changes = compare_themes(library, before, answers)
        figures["compare"] = charts.role_radar(library, dashboard.roles, earlier=earlier_roles,
                                               name="Deze sessie", earlier_name=earlier.label or earlier.created_at[:10])
        figures["changes"] = charts.theme_changes(theme_changes)
    else:
        earlier = None
    return SessionOverview(session, answers, actions, dashboard, figures, earlier, role_changes, theme_changes)
