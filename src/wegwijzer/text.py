"""Text for people: Dutch numbers, dates and counts (Babel, nl_NL), and typed text shown literally.

Every number and date on screen, in charts, reports and exports goes through this module, so the app
writes "3,7", "+0,4", "3 december 2026" and "1 thema" everywhere alike.

Text that people typed (names, session and group names, notes, comments, actions) is shown inert, the
same way everywhere, through the two helpers at the end of this module: :func:`plain` wherever Streamlit
renders Markdown (titles, headers, ``st.markdown``, tables, labels), :func:`chart_label` inside plotly figures.
Neither lets the text become markup or a link.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date, parse_date
from babel.numbers import format_decimal

LOCALE = "nl_NL"
MISSING = "–"
MINUS = "−"  # U+2212: a real minus sign, as typeset Dutch text has it
PLOTLY_SEPARATORS = ",."  # decimal comma, thousands point: the ``separators`` of every plotly figure



def number(value: float | None, digits: int = 1, *, trim: bool = False) -> str:
    """A number the Dutch way with ``digits`` decimals: 2,7 · 1.234,5; ``trim`` writes 3,0 as 3; None as –."""
    if value is None:
        return MISSING
    rounded = round(float(value), digits)
    if trim and rounded.is_integer():
        digits = 0
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(rounded, format=pattern, locale=LOCALE)


def signed(value: float | None, digits: int = 1, *, trim: bool = False) -> str:
    """A change with its sign: +0,4 · −1,3 · 0,0 (``trim``: +2 and 0); None as –."""
    if value is None:
        return MISSING
    text = number(abs(value), digits, trim=trim)
    if text == number(0, digits, trim=trim):
        return text
    return ("+" if value > 0 else MINUS) + text


def percent(value: float | None, digits: int = 0) -> str:
    """A percentage: 45% · 12,5% (digits=1, trimmed when whole)."""
    return MISSING if value is None else f"{number(value, digits, trim=True)}%"


def count(amount: int, one: str, many: str) -> str:
    """``1 thema``, ``3 thema's``, ``0 thema's``."""
    return f"{amount} {one if amount == 1 else many}"


def themes(amount: int) -> str:
    return count(amount, "thema", "thema's")


def _as_date(value: str | dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def date(value: str | dt.date | dt.datetime | None) -> str:
    """A date as Dutch text: 3 december 2026 (timestamps as stored, ISO, are accepted)."""
    return MISSING if value is None else format_date(_as_date(value), format="d MMMM y", locale=LOCALE)


def parse_day(value: str) -> dt.date | None:
    """A date typed the Dutch way, day first: 3-1-2027, 03-01-2027, 3/1/27 (or ISO 2027-01-03); None when it is
    not one."""
    value = value.strip()
    if not value:
        return None
    try:
        return parse_date(value, locale=LOCALE)
    except (ValueError, IndexError):  # babel: ParseError (a ValueError) for 31-2, IndexError for "3-1"
        return None


def month_year(value: str | dt.date | dt.datetime) -> str:
    """december 2026."""
    return format_date(_as_date(value), format="MMMM y", locale=LOCALE)


# --- text typed by people: shown as typed, never as markup or a link ----------------------------------------------

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^\"'])")
WORD_JOINER = "\u2060"  # invisible, no line break, not copied as a space
# Where GFM would start a link of its own ("bare URLs"): after "scheme:", before "." in "www.", after "@".
# Backslash escapes do not stop it (remark-gfm links the text after unescaping), an invisible joiner does.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z]:)(?=/)|(?<=\bwww)(?=\.)|(?<=@)")


def plain(text: str) -> str:
    """``text`` for Markdown, shown literally on one line: every Markdown character escaped with a backslash
    (no bold, no HTML, no ``:red[…]``), and no bare URL or e-mail address turned into a link."""
    return _MARKDOWN.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, " ".join(str(text).split())))


def chart_label(text: str) -> str:
    """``text`` for a plotly label, legend or hover text, shown literally: plotly reads ``<a href>``, ``<b>``,
    ``<br>`` and entities in them, so ``&``, ``<`` and ``>`` are written as entities (plotly shows the character).
    Never put the result in a ``hovertemplate``, which reads ``%{…}``: refer to it as ``%{fullData.name}``."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
