"""Pure chart builders: plain data in, a plotly Figure out. Tested by reading the figure's data.

Each figure is built in one go from a complete layout dict: plotly validates on every ``update_*``
call, so building incrementally cost several times more (the dashboard builds its figures on every
rerun).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from wegwijzer.content.library import Library
from wegwijzer.domain.scoring import ChapterScore, RoleScore, ThemeChange, ThemeResult
from wegwijzer.text import PLOTLY_SEPARATORS, chart_label, count, number, signed, themes

PRIMARY = "#1d4f91"  # dark blue, 8.2:1 on white
SECONDARY = "#b3470b"  # dark orange, 5.0:1 on white
GRID = "#c9ced6"
TEXT = "#1f2328"
#: the scale 1–5 is drawn between the first two spokes (of seven roles), not on top of the first spoke
RADIAL_ANGLE = 90 - 360 / 7 / 2
MUTED = "#57606a"
FONT = dict(family="Source Sans Pro, Helvetica, Arial, sans-serif", size=14, color=TEXT)
_AXIS_TEXT = dict(tickfont=dict(color=TEXT), title_font=dict(color=TEXT))  # full contrast, not template grey


def _figure(traces: list[Any], *, height: int, margin: dict[str, int] | None = None, **layout: Any) -> go.Figure:
    base = dict(
        height=height, margin=margin or dict(l=40, r=40, t=30, b=40), font=FONT, paper_bgcolor="white",
        plot_bgcolor="white", legend=dict(orientation="h", yanchor="bottom", y=-0.15, xanchor="center", x=0.5),
        separators=PLOTLY_SEPARATORS,  # 3,7 and 1.234: Dutch in hover labels and on the axes
    )
    return go.Figure(data=traces, layout=base | layout)


def role_axis_labels(library: Library, roles: Sequence[RoleScore]) -> list[str]:
    """Axis labels: core roles in bold, every axis with the number of themes it rests on."""
    labels = []
    for r in roles:
        role = library.roles[r.role]
        name = f"<b>{role.short}</b>" if role.core else role.short
        labels.append(f"{name}<br>({themes(r.themes)})")
    return labels


def role_radar(library: Library, roles: Sequence[RoleScore], *, earlier: Sequence[RoleScore] | None = None,
               name: str = "Nu", earlier_name: str = "Eerder") -> go.Figure:
    """Radar of role scores on 1–5; with ``earlier`` a second series for comparison."""
    labels = role_axis_labels(library, roles)
    theta = labels + labels[:1]
    hover = [library.roles[r.role].name for r in roles]
    hover = hover + hover[:1]
    traces = []
    name, earlier_name = chart_label(name), chart_label(earlier_name)  # session labels are typed by people
    if earlier is not None:
        traces.append(go.Scatterpolar(
            r=[r.score for r in earlier] + [earlier[0].score], theta=theta, name=earlier_name,
            mode="lines+markers", line=dict(color=SECONDARY, dash="dash", width=2), marker=dict(size=7),
            customdata=hover, hovertemplate="%{customdata}: %{r:.1f}<extra>%{fullData.name}</extra>",
        ))
    traces.append(go.Scatterpolar(
        r=[r.score for r in roles] + [roles[0].score], theta=theta, name=name, fill="toself",
        mode="lines+markers", line=dict(color=PRIMARY, width=3), marker=dict(size=8),
        fillcolor="rgba(29,79,145,0.15)", customdata=hover,
        hovertemplate="%{customdata}: %{r:.1f}<extra>%{fullData.name}</extra>",
    ))
    return _figure(
        traces, height=500, margin=dict(l=115, r=115, t=60, b=50), showlegend=earlier is not None,
        polar=dict(bgcolor="white",
                   radialaxis=dict(range=[0, 5], tickvals=[1, 2, 3, 4, 5], gridcolor=GRID, angle=RADIAL_ANGLE, tickangle=0,
                                   tickfont=dict(size=11, color=TEXT)),
                   angularaxis=dict(gridcolor=GRID, direction="clockwise", rotation=90, tickfont=dict(color=TEXT))),
    )


def chapter_bars(chapters: Sequence[ChapterScore]) -> go.Figure:
    """Horizontal bars: mean mastery per chapter, with counts in the hover text."""
    ordered = list(reversed(chapters))  # plotly draws bottom-up; keep the book's order top-down
    bar = go.Bar(
        x=[c.mean if c.mean is not None else 0 for c in ordered],
        y=[c.title for c in ordered], orientation="h", marker_color=PRIMARY,
        text=[number(c.mean) if c.mean is not None else "geen score" for c in ordered], textposition="outside",
        customdata=[[c.scored, c.total, c.not_applicable] for c in ordered],
        hovertemplate="%{y}<br>gemiddeld %{x:.1f} op %{customdata[0]} van %{customdata[1]} thema's"
                      "<br>niet van toepassing: %{customdata[2]}<extra></extra>",
    )
    return _figure(
        [bar], height=max(220, 34 * len(chapters) + 90),
        xaxis=dict(range=[0, 5.6], tickvals=[1, 2, 3, 4, 5], gridcolor=GRID, title="gemiddelde beheersing (1–5)",
                   **_AXIS_TEXT),
        yaxis=dict(automargin=True, **_AXIS_TEXT),
    )


def _jitter(number: int, spread: float) -> float:
    """A small deterministic offset so that themes with the same scores do not hide each other."""
    return ((number * 37) % 11 - 5) / 5 * spread


def quadrant(points: Sequence[ThemeResult]) -> go.Figure:
    """Importance (1–3) against mastery (1–5); the theme title on hover."""
    scatter = go.Scatter(
        x=[p.mastery + _jitter(p.number, 0.22) for p in points],
        y=[p.importance + _jitter(p.number * 7, 0.18) for p in points],  # type: ignore[operator]
        mode="markers", marker=dict(size=11, color=PRIMARY, opacity=0.8, line=dict(color="white", width=1)),
        customdata=[[p.number, p.title, p.mastery, p.importance] for p in points],
        hovertemplate="%{customdata[0]}. %{customdata[1]}<br>beheersing %{customdata[2]}, belang %{customdata[3]}<extra></extra>",
        name="thema's",
    )
    dotted = dict(color=GRID, width=2, dash="dot")
    return _figure(
        [scatter], height=420,
        shapes=[dict(type="line", x0=3.5, x1=3.5, y0=0.5, y1=3.5, line=dotted),
                dict(type="line", x0=0.5, x1=5.5, y0=1.5, y1=1.5, line=dotted)],
        annotations=[dict(x=x, y=y, text=text, showarrow=False, font=dict(size=13, color=MUTED))
                     for x, y, text in ((2.0, 3.42, "Ontwikkelen"), (4.5, 3.42, "Vasthouden"),
                                        (2.0, 0.62, "Later"), (4.5, 0.62, "Onderhouden"))],
        xaxis=dict(range=[0.5, 5.5], tickvals=[1, 2, 3, 4, 5], title="beheersing", gridcolor=GRID, zeroline=False,
                   **_AXIS_TEXT),
        yaxis=dict(range=[0.5, 3.5], tickvals=[1, 2, 3], ticktext=["minder", "belangrijk", "zeer"],
                   title=dict(text="belang nu", standoff=14), automargin=True, gridcolor=GRID, zeroline=False,
                   tickfont=dict(color=TEXT), title_font=dict(color=TEXT)),
    )


def theme_changes(changes: Sequence[ThemeChange]) -> go.Figure:
    """Horizontal bars of every change in mastery per theme, largest first (the height grows with them)."""
    shown = [c for c in changes if c.delta != 0]
    ordered = list(reversed(shown))
    bar = go.Bar(
        x=[c.delta for c in ordered], y=[f"{c.number}. {c.title}" for c in ordered], orientation="h",
        marker_color=[PRIMARY if c.delta > 0 else SECONDARY for c in ordered],
        customdata=[[c.before, c.after] for c in ordered],
        hovertemplate="%{y}<br>van %{customdata[0]} naar %{customdata[1]}<extra></extra>",
        text=[signed(c.delta, 0) for c in ordered], textposition="outside",
    )
    return _figure(
        [bar], height=max(200, 30 * len(shown) + 100),
        xaxis=dict(range=[-4.6, 4.6], dtick=1, title="verandering in beheersing", gridcolor=GRID, zeroline=True,
                   zerolinecolor=TEXT, **_AXIS_TEXT),
        yaxis=dict(automargin=True, **_AXIS_TEXT),
    )


# --- the intervision group -------------------------------------------------------------------------

SERIES = ["#1d4f91", "#b3470b", "#1a7f37", "#8250df", "#9a6700", "#cf222e", "#0969da", "#57606a",
          "#bf3989", "#116329", "#953800", "#6639ba"]


def group_radar(library: Library, profiles: Sequence[tuple[str, Sequence[RoleScore]]]) -> go.Figure:
    """The role profiles of the members who share, one line each, on one radar."""
    if not profiles:
        return _figure([], height=420)
    labels = [f"<b>{library.roles[r.role].short}</b>" if library.roles[r.role].core else library.roles[r.role].short
              for r in profiles[0][1]]
    theta = labels + labels[:1]
    traces = []
    for index, (name, roles) in enumerate(profiles):
        colour = SERIES[index % len(SERIES)]
        traces.append(go.Scatterpolar(
            r=[r.score for r in roles] + [roles[0].score], theta=theta, name=chart_label(name), mode="lines+markers",
            line=dict(color=colour, width=2, dash="solid" if index < 6 else "dot"), marker=dict(size=6),
            hovertemplate="%{theta}: %{r:.1f}<extra>%{fullData.name}</extra>",
        ))
    return _figure(
        traces, height=520, margin=dict(l=90, r=90, t=40, b=80),
        polar=dict(bgcolor="white",
                   radialaxis=dict(range=[0, 5], tickvals=[1, 2, 3, 4, 5], gridcolor=GRID, angle=RADIAL_ANGLE, tickangle=0,
                                   tickfont=dict(size=11, color=TEXT)),
                   angularaxis=dict(gridcolor=GRID, direction="clockwise", rotation=90, tickfont=dict(color=TEXT))),
        legend=dict(orientation="h", yanchor="top", y=-0.08, xanchor="center", x=0.5),
    )


def chapter_heatmap(chapter_means: Sequence[tuple[str, Sequence[float | None]]], members: Sequence[str]) -> go.Figure:
    """Chapters (rows, book order) × members (columns): mean mastery, with the figure in each cell."""
    rows = list(reversed(chapter_means))
    z = [[v for v in values] for _, values in rows]
    text = [[number(v) for v in values] for _, values in rows]
    heat = go.Heatmap(
        z=z, x=[chart_label(m) for m in members], y=[title for title, _ in rows], zmin=1, zmax=5,
        colorscale=[[0, "#f6d5c3"], [0.5, "#f3f5f8"], [1, "#a9c4e6"]], text=text, texttemplate="%{text}",
        textfont=dict(color=TEXT), hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>", xgap=2, ygap=2,
        colorbar=dict(title="1–5", tickvals=[1, 2, 3, 4, 5], thickness=12),
    )
    return _figure([heat], height=max(260, 30 * len(rows) + 120), margin=dict(l=40, r=20, t=30, b=40),
                   xaxis=dict(side="top", **_AXIS_TEXT), yaxis=dict(automargin=True, **_AXIS_TEXT))


def spread_strip(themes: Sequence[Any]) -> go.Figure:
    """Per theme (rows): every member's mastery score as a dot, so the spread is visible at a glance."""
    rows = list(reversed(themes))
    xs, ys, counts = [], [], []
    for t in rows:
        for score in sorted(set(t.scores)):
            xs.append(score)
            ys.append(f"{t.number}. {t.title}")
            counts.append(t.scores.count(score))
    dots = go.Scatter(
        x=xs, y=ys, mode="markers", marker=dict(size=[10 + 6 * c for c in counts], color=PRIMARY, opacity=0.75),
        customdata=[count(c, "lid", "leden") for c in counts], hovertemplate="%{y}<br>score %{x}: %{customdata}<extra></extra>",
    )
    means = go.Scatter(
        x=[t.mean for t in rows], y=[f"{t.number}. {t.title}" for t in rows], mode="markers", name="gemiddeld",
        marker=dict(symbol="line-ns", size=22, line=dict(width=3, color=SECONDARY)),
        hovertemplate="%{y}<br>gemiddeld %{x:.1f}<extra></extra>",
    )
    return _figure([dots, means], height=max(200, 44 * len(rows) + 90), showlegend=False,
                   xaxis=dict(range=[0.5, 5.5], tickvals=[1, 2, 3, 4, 5], gridcolor=GRID,
                              title="beheersing (1–5)", **_AXIS_TEXT),
                   yaxis=dict(automargin=True, gridcolor=GRID, **_AXIS_TEXT))


# --- spiegel (360°) ---------------------------------------------------------------------------------


def mirror_themes(library: Library, themes: Sequence[Any]) -> go.Figure:
    """Per theme (rows): the self score and every shown group's mean, so gaps are visible at a glance.

    ``themes`` are ``mirror.ThemeMirror`` items; groups that are not shown are simply absent.
    """
    rows = list(reversed(themes))
    names = [f"{t.theme}. {library.theme(t.theme).title}" for t in rows]
    traces = [go.Scatter(
        x=[t.self_score for t in rows], y=names, mode="markers", name="Zelf",
        marker=dict(symbol="diamond", size=14, color=SECONDARY), hovertemplate="%{y}<br>zelf: %{x}<extra></extra>")]
    groups: dict[str, str] = {}
    for t in rows:
        for g in t.groups:
            groups.setdefault(g.group, g.label)
    for index, (group, label) in enumerate(groups.items()):
        xs, ns = [], []
        for t in rows:
            figure = next((g for g in t.groups if g.group == group), None)
            xs.append(figure.mean if figure else None)
            ns.append(figure.n if figure else 0)
        traces.append(go.Scatter(
            x=xs, y=names, mode="markers", name=label, customdata=ns,
            marker=dict(size=11 if group == "totaal" else 8, color=PRIMARY if group == "totaal" else SERIES[(index + 2) % len(SERIES)],
                        symbol="circle" if group == "totaal" else "circle-open", line=dict(width=2)),
            hovertemplate="%{y}<br>" + label + ": %{x:.1f} (%{customdata} beoordelaars)<extra></extra>"))
    return _figure(traces, height=max(240, 40 * len(rows) + 110), margin=dict(l=40, r=30, t=30, b=60),
                   xaxis=dict(range=[0.5, 5.5], tickvals=[1, 2, 3, 4, 5], gridcolor=GRID,
                              title="beheersing (1–5)", **_AXIS_TEXT),
                   yaxis=dict(automargin=True, gridcolor=GRID, **_AXIS_TEXT),
                   legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="center", x=0.5))
