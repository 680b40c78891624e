"""Pure chart builders: plain data in, a plotly Figure out. Tested by reading the figure's data."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from .content import Library
from .scoring import ChapterScore, RoleScore, ThemeChange, ThemeResult

PRIMARY = "#1d4f91"  # dark blue, 8.2:1 on white
SECONDARY = "#b3470b"  # dark orange, 5.0:1 on white
GRID = "#c9ced6"
TEXT = "#1f2328"
FONT = dict(family="Source Sans Pro, Helvetica, Arial, sans-serif", size=14, color=TEXT)


def _layout(fig: go.Figure, *, height: int, title: str | None = None) -> go.Figure:
    fig.update_layout(
        height=height, margin=dict(l=40, r=40, t=60 if title else 30, b=40), font=FONT,
        paper_bgcolor="white", plot_bgcolor="white", title=dict(text=title, x=0, font=dict(size=16)) if title else None,
        legend=dict(orientation="h", yanchor="bottom", y=-0.15, xanchor="center", x=0.5),
    )
    # the default template draws tick labels in a light grey; keep every label at full contrast
    fig.update_xaxes(tickfont=dict(color=TEXT), title_font=dict(color=TEXT))
    fig.update_yaxes(tickfont=dict(color=TEXT), title_font=dict(color=TEXT))
    return fig


def role_axis_labels(library: Library, roles: Sequence[RoleScore]) -> list[str]:
    """Axis labels: core roles in bold, every axis with the number of themes it rests on."""
    labels = []
    for r in roles:
        role = library.roles[r.role]
        name = f"<b>{role.short}</b>" if role.core else role.short
        labels.append(f"{name}<br>({r.themes} thema's)")
    return labels


def role_radar(library: Library, roles: Sequence[RoleScore], *, earlier: Sequence[RoleScore] | None = None,
               name: str = "Nu", earlier_name: str = "Eerder") -> go.Figure:
    """Radar of role scores on 1–5; with ``earlier`` a second series for comparison."""
    labels = role_axis_labels(library, roles)
    hover = [library.roles[r.role].name for r in roles]
    fig = go.Figure()
    if earlier is not None:
        fig.add_trace(go.Scatterpolar(
            r=[r.score for r in earlier] + [earlier[0].score], theta=labels + labels[:1], name=earlier_name,
            mode="lines+markers", line=dict(color=SECONDARY, dash="dash", width=2), marker=dict(size=7),
            customdata=hover + hover[:1], hovertemplate="%{customdata}: %{r:.1f}<extra>" + earlier_name + "</extra>",
        ))
    fig.add_trace(go.Scatterpolar(
        r=[r.score for r in roles] + [roles[0].score], theta=labels + labels[:1], name=name, fill="toself",
        mode="lines+markers", line=dict(color=PRIMARY, width=3), marker=dict(size=8),
        fillcolor="rgba(29,79,145,0.15)", customdata=hover + hover[:1],
        hovertemplate="%{customdata}: %{r:.1f}<extra>" + name + "</extra>",
    ))
    fig.update_layout(
        polar=dict(bgcolor="white", radialaxis=dict(range=[0, 5], tickvals=[1, 2, 3, 4, 5], gridcolor=GRID, angle=90,
                                   tickfont=dict(size=11)),
                   angularaxis=dict(gridcolor=GRID, direction="clockwise", rotation=90)),
        showlegend=earlier is not None,
    )
    _layout(fig, height=480)
    fig.update_layout(margin=dict(l=90, r=90, t=60, b=50))
    return fig


def chapter_bars(chapters: Sequence[ChapterScore]) -> go.Figure:
    """Horizontal bars: mean mastery per chapter, with counts in the hover text."""
    ordered = list(reversed(chapters))  # plotly draws bottom-up; keep the book's order top-down
    fig = go.Figure(go.Bar(
        x=[c.mean if c.mean is not None else 0 for c in ordered],
        y=[c.title for c in ordered], orientation="h", marker_color=PRIMARY,
        text=[f"{c.mean:.1f}" if c.mean is not None else "geen score" for c in ordered], textposition="outside",
        customdata=[[c.scored, c.total, c.not_applicable] for c in ordered],
        hovertemplate="%{y}<br>gemiddeld %{x:.1f} op %{customdata[0]} van %{customdata[1]} thema's"
                      "<br>niet van toepassing: %{customdata[2]}<extra></extra>",
    ))
    fig.update_xaxes(range=[0, 5.6], tickvals=[1, 2, 3, 4, 5], gridcolor=GRID, title="gemiddelde beheersing (1–5)")
    fig.update_yaxes(automargin=True)
    return _layout(fig, height=max(220, 34 * len(chapters) + 90))


def _jitter(number: int, spread: float) -> float:
    """A small deterministic offset so that themes with the same scores do not hide each other."""
    return ((number * 37) % 11 - 5) / 5 * spread


def quadrant(points: Sequence[ThemeResult]) -> go.Figure:
    """Importance (1–3) against mastery (1–5); the theme title on hover."""
    fig = go.Figure(go.Scatter(
        x=[p.mastery + _jitter(p.number, 0.22) for p in points],
        y=[p.importance + _jitter(p.number * 7, 0.18) for p in points],  # type: ignore[operator]
        mode="markers", marker=dict(size=11, color=PRIMARY, opacity=0.8, line=dict(color="white", width=1)),
        customdata=[[p.number, p.title, p.mastery, p.importance] for p in points],
        hovertemplate="%{customdata[0]}. %{customdata[1]}<br>beheersing %{customdata[2]}, belang %{customdata[3]}<extra></extra>",
        name="thema's",
    ))
    fig.add_shape(type="line", x0=3.5, x1=3.5, y0=0.5, y1=3.5, line=dict(color=GRID, width=2, dash="dot"))
    fig.add_shape(type="line", x0=0.5, x1=5.5, y0=1.5, y1=1.5, line=dict(color=GRID, width=2, dash="dot"))
    for x, y, text in ((2.0, 3.42, "Ontwikkelen"), (4.5, 3.42, "Vasthouden"), (2.0, 0.62, "Later"), (4.5, 0.62, "Onderhouden")):
        fig.add_annotation(x=x, y=y, text=text, showarrow=False, font=dict(size=13, color="#57606a"))
    fig.update_xaxes(range=[0.5, 5.5], tickvals=[1, 2, 3, 4, 5], title="beheersing", gridcolor=GRID, zeroline=False)
    fig.update_yaxes(range=[0.5, 3.5], tickvals=[1, 2, 3], ticktext=["minder", "belangrijk", "zeer"], title="belang nu",
                     gridcolor=GRID, zeroline=False)
    return _layout(fig, height=420)


def theme_changes(changes: Sequence[ThemeChange], limit: int = 15) -> go.Figure:
    """Horizontal bars of the largest changes in mastery per theme."""
    shown = [c for c in changes if c.delta != 0][:limit]
    ordered = list(reversed(shown))
    fig = go.Figure(go.Bar(
        x=[c.delta for c in ordered], y=[f"{c.number}. {c.title}" for c in ordered], orientation="h",
        marker_color=[PRIMARY if c.delta > 0 else SECONDARY for c in ordered],
        customdata=[[c.before, c.after] for c in ordered],
        hovertemplate="%{y}<br>van %{customdata[0]} naar %{customdata[1]}<extra></extra>",
        text=[f"{c.delta:+d}" for c in ordered], textposition="outside",
    ))
    fig.update_xaxes(range=[-4.6, 4.6], dtick=1, title="verandering in beheersing", gridcolor=GRID, zeroline=True,
                     zerolinecolor=TEXT)
    fig.update_yaxes(automargin=True)
    return _layout(fig, height=max(200, 30 * len(shown) + 100))
