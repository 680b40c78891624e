"""Small components in the page itself (st.components.v2): a note that survives closing the tab, focus on a
new questionnaire step, a Dutch file picker, and the page's language. Their JavaScript is in ``ui/js/``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

JS = Path(__file__).parent / "js"

NOTE_CSS = """
.ww-note-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.ww-note { width: 100%; box-sizing: border-box; min-height: 6rem; font: inherit; color: #1f2328;
           background: #f3f5f8; border: 1px solid #c9ced6; border-radius: .5rem; padding: .5rem .75rem; resize: vertical; }
.ww-note:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
.ww-note:disabled { color: #1f2328; background: #ffffff; }
.ww-note-status { margin: .25rem 0 0; min-height: 1.2em; font-size: .875rem; color: #4f5761; }
"""
FILE_CSS = """
.ww-file-caption { margin: 0 0 .35rem; font-size: .875rem; color: #1f2328; }
.ww-file { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.ww-file-button { display: inline-block; padding: .4rem .85rem; border: 1px solid #c9ced6; border-radius: .5rem;
                  background: #ffffff; color: #1f2328; font: inherit; cursor: pointer; }
.ww-file-button:hover { border-color: #1d4f91; color: #1d4f91; }
.ww-file:focus-visible + .ww-file-button { outline: 3px solid #1d4f91; outline-offset: 2px; }
.ww-file-status { margin: .35rem 0 0; min-height: 1.2em; font-size: .875rem; color: #4f5761; }
"""


@functools.cache
def _component(name: str, css: str | None = None) -> Callable[..., Any]:
    return st.components.v2.component(f"wegwijzer_{name}", js=(JS / f"{name}.js").read_text(encoding="utf-8"),
                                      css=css)


def page_language() -> None:
    _component("page_language")(key="ww_page_language", height=0)


def step_focus(step: str, anchor: str) -> None:
    """Scroll to the top and focus the heading ``anchor`` whenever ``step`` differs from the last one shown."""
    _component("step_focus")(key="ww_step_focus", data={"step": step, "anchor": anchor}, height=0)


def note_field(key: str, *, session_id: int, theme: int, label: str, text: str, locked: bool,
               on_change: Callable[[], None]) -> None:
    """A note for one theme; the new text is in ``st.session_state[key]["text"]`` when ``on_change`` runs."""
    _component("note", NOTE_CSS)(
        key=key, on_text_change=on_change,
        data={"session": session_id, "theme": theme, "label": label, "text": text, "locked": locked, "max": 5000,
              "placeholder": "Wat valt je op? Een voorbeeld, een twijfel, iets om te bespreken.",
              "route": "notitie"})


def file_picker(key: str, *, label: str, accept: str, max_bytes: int, too_big: str) -> dict | None:
    """The chosen file as {"name", "size", "text"} (text None when too big), or None while none is chosen."""
    result = _component("file_picker", FILE_CSS)(
        key=key, on_file_change=lambda: None,
        data={"name": key, "label": label, "accept": accept, "max_bytes": max_bytes, "too_big": too_big})
    return getattr(result, "file", None)
