"""Text for people: Dutch numbers, dates and counts (Babel, nl_NL), and typed text shown literally.

Every number and date on screen, in charts, reports and exports goes through this module, so the app
writes "3,7", "+0,4", "3 december 2026" and "1 thema" everywhere alike.

Streamlit renders Markdown (and its own extensions such as ``:red[…]`` and ``:material/icon:``) in
titles, headers and ``st.markdown``. Names, group names, notes and labels that people typed must
appear exactly as typed, so :func:`plain` escapes every Markdown character with a backslash.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "nl_NL"
MISSING = "–"
MINUS = "−"  # U+2212: a real minus sign, as typeset Dutch text has it
PLOTLY_SEPARATORS = ",."  # decimal comma, thousands point: the ``separators`` of every plotly figure

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^\"'])")


def plain(text: str) -> str:
    """``text`` escaped so that Markdown shows it literally (and on one line)."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


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


def month_year(value: str | dt.date | dt.datetime) -> str:
    """december 2026."""
    return format_date(_as_date(value), format="MMMM y", locale=LOCALE)
