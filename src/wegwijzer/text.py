"""Showing text that people typed, safely.

Streamlit renders Markdown (and its own extensions such as ``:red[…]`` and ``:material/icon:``) in
titles, headers and ``st.markdown``. Names, group names, notes and labels that people typed must
appear exactly as typed, so every Markdown character is escaped with a backslash.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^\"'])")


def plain(text: str) -> str:
    """``text`` escaped so that Markdown shows it literally (and on one line)."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def decimal(value: float | None, digits: int = 1) -> str:
    """A number the Dutch way: 2,7 (and – when there is none)."""
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",")
