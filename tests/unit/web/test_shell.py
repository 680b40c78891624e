"""The page shell: Streamlit's index.html made Dutch, with the house style and the page scripts in its head."""

from __future__ import annotations

import re

from wegwijzer.web import framework_text
from wegwijzer.web.shell import SCRIPTS, head_additions, shaped

INDEX = b'<!doctype html><html lang="en"><head><title>Streamlit</title></head><body><div id="root"></div></body></html>'


def test_the_page_is_dutch_and_carries_style_and_scripts_once():
    page = shaped(INDEX).decode()
    assert page.startswith('<!doctype html><html lang="nl">')
    head = page[: page.index("</head>")]
    assert head.count("<style>") == 1 and "outline: 3px solid #1d4f91" in head
    assert head.count("<script>") == 1 + len(SCRIPTS)
    assert "navigator.sendBeacon(\"notitie\"" in head and 'getElementById("stap")' in head
    assert page.count("</head>") == 1 and page.endswith("</body></html>")


def test_the_dictionaries_cannot_end_their_script(monkeypatch):
    monkeypatch.setitem(framework_text.EXACT, "</script><script>alert(1)</script>", "x")
    head_additions.cache_clear()
    try:
        head = head_additions().decode()
    finally:
        monkeypatch.undo()
        head_additions.cache_clear()
    assert "alert(1)</script>" not in head
    assert len(re.findall(r"<script>", head)) == len(re.findall(r"</script>", head)) == 1 + len(SCRIPTS)


def test_a_page_without_head_passes_unchanged_but_dutch():
    assert shaped(b'<html lang="en"><p>x</p></html>') == b'<html lang="nl"><p>x</p></html>'
