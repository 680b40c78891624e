"""Everything the group page shows, built in one call (the page only draws it; the benchmark times it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from wegwijzer.content.methods import Method
from wegwijzer.domain import agenda
from wegwijzer.domain.groups import GroupMember, GroupView
from wegwijzer.domain.records import Group
from wegwijzer.render import charts


@dataclass(frozen=True)
class GroupPage:
    group: Group
    members: list[GroupMember]
    view: GroupView
    figures: dict[str, go.Figure]
    agenda: list[agenda.AgendaEntry]


def build_group_page(service, group_id: int, methods: Sequence[Method]) -> GroupPage:
    """The group, its members, the dashboard figures and the agenda, as the current member may see them."""
    group = service.group(group_id)
    members = service.group_members(group_id)
    view = service.group_view(group_id)
    figures: dict[str, go.Figure] = {}
    if view.sharing:
        figures["radar"] = charts.group_radar(service.library, view.profiles)
        figures["heatmap"] = charts.chapter_heatmap(view.chapter_means, view.sharing)
        if view.most_different:
            figures["spread"] = charts.spread_strip(view.most_different)
    entries = agenda.current(service.library, group, view, methods)
    return GroupPage(group, members, view, figures, entries)
