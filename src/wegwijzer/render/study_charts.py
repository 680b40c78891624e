"""Chart builders for setting a person's own answers beside published figures. Pure: data in, a Figure out.

Used by the page on the 2020 study: one person's points per option beside the published average.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from wegwijzer.domain.study import ItemComparison
from wegwijzer.render.charts import FONT, GRID, PRIMARY, SECONDARY, TEXT
from wegwijzer.text import PLOTLY_SEPARATORS, number


def comparison_bars(items: Sequence[ItemComparison], *, own_name: str = "Jij",
                    published_name: str = "Gemiddelde 2020") -> go.Figure:
    """Horizontal grouped bars: the published average and the person's own points per option.

    The options run top-down in the order given (the study's order); each bar carries its value as
    text with a decimal comma. An option without a published figure gets no bar and the text '–'.
    """
    ordered = list(reversed(items))  # plotly draws bottom-up
    names = [i.name for i in ordered]
    published = go.Bar(
        y=names, x=[i.published or 0 for i in ordered], name=published_name, orientation="h",
        marker_color=SECONDARY, text=[number(i.published, trim=True) for i in ordered], textposition="outside",
        hovertemplate="%{y}: %{text}<extra>" + published_name + "</extra>",
    )
    own = go.Bar(
        y=names, x=[i.own for i in ordered], name=own_name, orientation="h", marker_color=PRIMARY,
        text=[number(i.own, trim=True) for i in ordered], textposition="outside",
        hovertemplate="%{y}: %{text}<extra>" + own_name + "</extra>",
    )
    top = max([i.own for i in items] + [i.published or 0 for i in items] + [1])
    return go.Figure(
        data=[published, own],
        layout=dict(
            barmode="group", height=90 + 52 * len(items), margin=dict(l=10, r=30, t=40, b=30), font=FONT,
            paper_bgcolor="white", plot_bgcolor="white", bargap=0.25, bargroupgap=0.05,
            legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, traceorder="reversed"),
            xaxis=dict(range=[0, top * 1.15 + 0.3], gridcolor=GRID, zeroline=False, title=dict(text="punten (van 10)"),
                       tickfont=dict(color=TEXT), title_font=dict(color=TEXT), separatethousands=False),
            yaxis=dict(automargin=True, tickfont=dict(color=TEXT)),
            separators=PLOTLY_SEPARATORS,
        ),
    )
