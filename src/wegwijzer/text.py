"""Text for people: Dutch numbers, dates and counts (Babel, nl_NL), and typed text shown literally.

Every number and date on screen, in charts, reports and exports goes through this module, so the app
writes "3,7", "+0,4", "3 december 2026" and "1 thema" everywhere alike.

Text that people typed (names, session and group names, notes, comments, actions) is shown inert, the
same way everywhere, through the two helpers at the end of this module: :func:`plain` wherever Streamlit
renders Markdown (titles, headers, ``st.markdown``, tables, labels), :func:`chart_label` inside plotly figures.
Neither lets the text become markup or a link.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from babel.dates import format_date, get_month_names
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


_WRITTEN_DATE = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})$")
_NUMBER_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _month_numbers() -> dict[str, int]:
    """"januari" and "jan" → 1, … (Babel's Dutch month names, wide and abbreviated)."""
    names = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=LOCALE).items():
            names[name.lower().rstrip(".")] = number
    return names


def _day_month_year(value: str) -> tuple[int, int, int] | None:
    """The numbers of a date typed day first, with a two-digit year taken as 20xx."""
    found = _NUMBER_DATE.match(value)
    if not found:
        return None
    year = int(found[3])
    return int(found[1]), int(found[2]), year + 2000 if year < 100 else year


def parse_day(value: str) -> dt.date | None:
    """A date typed the Dutch way, always day first: 3-1-2027, 03-01-2027, 3/1/27, 3.1.2027, 3 januari 2027,
    3 jan 2027 (or ISO 2027-01-03); None when it is not one (13-3 is never read as 3-13)."""
    value = " ".join(value.split())
    try:
        if numbers := _day_month_year(value):
            day, month, year = numbers
            return dt.date(year, month, day)
        if written := _WRITTEN_DATE.match(value):
            month = _month_numbers().get(written[2].lower())
            return dt.date(int(written[3]), month, int(written[1])) if month else None
        if _ISO_DATE.match(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        return None
    return None


def impossible_day(value: str) -> str | None:
    """For day-month-year numbers that name no date ("31-2-2027"): why, as "februari 2027 heeft 28 dagen"."""
    numbers = _day_month_year(" ".join(value.split()))
    if numbers is None:
        return None
    day, month, year = numbers
    if not 1 <= month <= 12:
        return "een jaar heeft 12 maanden"
    last = calendar.monthrange(year, month)[1]
    return f"{month_year(dt.date(year, month, 1))} heeft {last} dagen" if not 1 <= day <= last else None


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
