"""The house style: what the theme in .streamlit/config.toml cannot say (spacing, focus, contrast, framework text)."""

from __future__ import annotations

import streamlit as st

FOCUS = "#1d4f91"
MUTED = "#4f5761"  # 7.4:1 on white; captions stay readable (WCAG 1.4.3 asks 4.5:1)

CSS = f"""
<style>
/* the navigation is a bar at the top, so the page needs less room above its title */
[data-testid="stMainBlockContainer"] {{ padding-top: 3.25rem; padding-bottom: 4rem; }}

/* captions and help text: full contrast instead of faded text (4.2:1 before) */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] small, .stCaption {{ color: {MUTED} !important; opacity: 1 !important; }}

/* a visible focus ring for keyboard users on every control (WCAG 2.4.7) */
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible, textarea:focus-visible,
[role="combobox"]:focus-visible, [tabindex]:focus-visible, [role="switch"]:focus-visible {{
  outline: 3px solid {FOCUS} !important; outline-offset: 2px !important; border-radius: 4px;
}}
label:has(input[type="radio"]:focus-visible), label:has(input[type="checkbox"]:focus-visible) {{
  outline: 3px solid {FOCUS}; outline-offset: 2px; border-radius: 4px;
}}

/* heading anchors say "Link to heading" in English and add nothing for our readers */
[data-testid="stHeaderActionElements"] {{ display: none !important; }}

/* the running indicator's English label; the spinning icon stays */
[data-testid="stStatusWidget"] label, [data-testid="stStatusWidgetRunningLabel"] {{ display: none !important; }}
</style>
"""


def apply_house_style() -> None:
    st.html(CSS)
