"""The figures of a page, drawn from what the service returned (the service itself never draws)."""

from __future__ import annotations

import plotly.graph_objects as go

from wegwijzer import text
from wegwijzer.content.library import Library
from wegwijzer.domain.groups import GroupView
from wegwijzer.domain.overview import SessionOverview
from wegwijzer.render import charts


def session_figures(library: Library, overview: SessionOverview) -> dict[str, go.Figure]:
    """The figures "roles", "chapters" and "quadrant"; with a comparison also "compare" (both sessions on
    their shared themes) and "changes" (every shared theme that changed)."""
    figures = {
        "roles": charts.role_radar(library, overview.dashboard.roles),
        "chapters": charts.chapter_bars(overview.dashboard.chapters),
        "quadrant": charts.quadrant(overview.dashboard.points),
    }
    comparison = overview.comparison
    if overview.earlier is not None and comparison is not None and comparison.shared:
        earlier = overview.earlier
        figures["compare"] = charts.role_radar(library, comparison.roles_now, earlier=comparison.roles_before,
                                               name="Deze sessie", earlier_name=earlier.label or text.date(earlier.created_at))
        figures["changes"] = charts.theme_changes(comparison.changed)
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
