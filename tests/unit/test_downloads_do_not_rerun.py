"""Every download button leaves the page as it is (``on_click="ignore"``).

A rerun after a download redraws the whole page for nothing, and a second download clicked during that
rerun can hit a file the rerun just replaced: the browser then gets no file at all (seen in the browser
test of the dashboard's CSV and JSON buttons, clicked one after the other).
"""

from __future__ import annotations

import ast

from tests.support.paths import ROOT


def download_calls():
    for folder in ("app_pages", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "download_button":
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def test_every_download_button_ignores_the_rerun():
    calls = list(download_calls())
    assert len(calls) >= 9
    for where, call in calls:
        on_click = {k.arg: k.value for k in call.keywords}.get("on_click")
        assert isinstance(on_click, ast.Constant) and on_click.value == "ignore", where
