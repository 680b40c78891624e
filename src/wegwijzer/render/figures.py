"""The figures of a page, drawn from what the service returned (the service itself never draws)."""

from __future__ import annotations

import plotly.graph_objects as go

from wegwijzer.content.library import Library
from wegwijzer.domain.groups import GroupView
from wegwijzer.domain.overview import SessionOverview
from wegwijzer.render import charts


def session_figures(library: Library, overview: SessionOverview) -> dict[str, go.Figure]:
    """"roles", "chapters", "quadrant"; with a comparison also "compare" (both sessions) and "changes"."""
    figures = {
        "roles": charts.role_radar(library, overview.dashboard.roles),
        "chapters": charts.chapter_bars(overview.dashboard.chapters),
        "quadrant": charts.quadrant(overview.dashboard.points),
    }
    if overview.earlier is not None:
        earlier = overview.earlier
        figures["compare"] = charts.role_radar(library, overview.dashboard.roles, earlier=overview.earlier_roles,
                                               name="Deze sessie", earlier_name=earlier.label or earlier.created_at[:10])
        figures["changes"] = charts.theme_changes(overview.theme_changes)
    return figures


def group_figures(library: Library, view: GroupView) -> dict[str, go.Figure]:
    """"radar", "heatmap" and (when members differ) "spread"; nothing while nobody shares."""
    if not view.sharing:
        return {}
    figures = {"radar": charts.group_radar(library, view.profiles),
               "heatmap": charts.chapter_heatmap(view.chapter_means, view.sharing)}
    if view.most_different:
        figures["spread"] = charts.spread_strip(view.most_different)
    return figures
