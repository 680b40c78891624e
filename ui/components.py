"""The one component of ours in the page itself (st.components.v2): a file picker in Dutch. Its JavaScript is in
``ui/js/``. What every page needs (Dutch framework text, notes kept as the tab closes, focus on a new
questionnaire step, the house style) is served once with the page itself: see ``wegwijzer/web/shell.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

JS = Path(__file__).parent / "js"

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


def file_picker(key: str, *, label: str, accept: str, max_bytes: int, too_big: str) -> dict | None:
    """The chosen file as {"name", "size", "text"} (text None when too big), or None while none is chosen."""
    result = _component("file_picker", FILE_CSS)(
        key=key, on_file_change=lambda: None,
        data={"name": key, "label": label, "accept": accept, "max_bytes": max_bytes, "too_big": too_big})
    return getattr(result, "file", None)
