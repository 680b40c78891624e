"""Small shared widgets: charts with their table, capped lists that say so, links, and Dutch problems in place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from wegwijzer.errors import DutchMessage
from wegwijzer.service import failures
from wegwijzer.text import plain

_PROBLEMS = "ww_problems"
CHART_CONFIG = {"displayModeBar": False, "locale": "nl", "responsive": True}
T = TypeVar("T")
Rows = Sequence[dict[str, Any]]


def same_tab_link(label: str, href: str, *, primary: bool = False) -> None:
    """A link to one of the login routes, opened in this tab (st.link_button opens a new one).

    ``label`` and ``href`` are fixed strings of the app, never text someone typed.
    """
    style = ("display:inline-block;padding:.45rem .9rem;border-radius:.5rem;text-decoration:none;font-weight:600;"
             + ("background:#1d4f91;color:#fff;" if primary else "border:1px solid #c9ced6;color:#1f2328;"))
    st.markdown(f'<a href="{href}" target="_self" style="{style}">{label}</a>', unsafe_allow_html=True)


def refused(exc: DutchMessage) -> None:
    """Show a refusal or a problem in plain Dutch (never a traceback)."""
    st.error(exc.message)


def show_failure(exc: BaseException, where: str = "") -> None:
    """Something underneath failed (the disk full, the database read-only or damaged): the detail goes to the
    server log, the person gets what happened and what to do in Dutch, never a traceback."""
    failure = failures.report(exc, where)
    st.error(f"**{failure.title}.** {failure.message}", icon=":material/error:")


def report_problem(where: str, message: str) -> None:
    """Remember a problem of a callback, to be shown by :func:`show_problem` at ``where`` in this rerun."""
    st.session_state.setdefault(_PROBLEMS, {})[where] = message


def show_problem(where: str) -> None:
    """Show (once) the problem a callback reported for ``where``, if any."""
    message = st.session_state.get(_PROBLEMS, {}).pop(where, None)
    if message:
        st.error(message, icon=":material/error:")


def table_data(rows: Rows) -> pa.Table:
    """``rows`` as :func:`table` shows them, converted once. st.table converts a list of rows through pandas into
    Arrow on every call (about a millisecond for a table of 100 rows); a page that keeps what it draws between
    reruns (ui/memo.py) keeps this instead, and st.table then only writes it out."""
    escaped = [{k: plain(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
    return dataframe_util.convert_pandas_df_to_arrow_table(dataframe_util.convert_anything_to_pandas_df(escaped))


def table(rows: Rows | pa.Table) -> None:
    """A plain HTML table (readable by screen readers, no English toolbar); every text shown as written.

    st.table renders cells as Markdown, so "2. Een brug" would lose its number and a typed name could
    become a link: each text is escaped first (by :func:`table_data`, also for rows converted beforehand).
    """
    st.table(rows if isinstance(rows, pa.Table) else table_data(rows), hide_index=True)


def chart(figure: go.Figure, *, key: str, title: str, rows: Rows | pa.Table) -> None:
    """A chart and, for whoever cannot see it, the same figures as a table under "… als tabel"."""
    st.plotly_chart(figure, key=key, config=CHART_CONFIG, width="stretch")
    with st.expander(f"{title} als tabel"):
        if len(rows):
            table(rows)
        else:
            st.caption("Er is niets om te tonen.")


def capped(items: Sequence[T], *, key: str, shown: int, what: str, draw: Callable[[T], None]) -> None:
    """The first ``shown`` items, with "5 van 33 …" and a switch to show all: a list never stops silently."""
    if len(items) > shown:
        everything = st.toggle(f"Toon alle {len(items)} {what}", key=key)
        if not everything:
            st.caption(f"{shown} van {len(items)} {what}, de belangrijkste eerst.")
            items = items[:shown]
    for item in items:
        draw(item)
