"""Work a page redoes on every rerun, kept for this browser tab while what it was made from stays the same."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

T = TypeVar("T")
_PREFIX = "ww_memo_"


def per_tab(name: str, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, or what it returned before in this tab for the same ``key``. One value per ``name`` is kept: a
    new key replaces it, so the memory stays that of one page's worth.

    ``key`` must name everything the value depends on (e.g. a session's id and its last change), and the value
    must not be changed by whoever uses it.
    """
    slot = _PREFIX + name
    kept = st.session_state.get(slot)
    if kept is not None and kept[0] == key:
        return kept[1]
    value = make()
    st.session_state[slot] = (key, value)
    return value
