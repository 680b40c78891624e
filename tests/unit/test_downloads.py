"""Every download goes through ``ui.downloads.download``: made at the click for whoever is logged in then,
granted to that person alone, and the page left as it is (``on_click="ignore"``).

A rerun after a download redraws the whole page for nothing, and a second download clicked during that
rerun can hit a file the rerun just replaced: the browser then gets no file at all (seen in the browser
test of the dashboard's CSV and JSON buttons, clicked one after the other).
"""

from __future__ import annotations

import ast

from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from tests.support.paths import ROOT
from ui.downloads import media_file_id


def calls(name: str):
    for folder in ("app_pages", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and name in (getattr(node.func, "attr", ""), getattr(node.func, "id", "")):
                    yield f"{path.relative_to(ROOT)}", node


def test_every_download_goes_through_the_one_checked_button():
    buttons = list(calls("download_button"))
    assert [where for where, _ in buttons] == ["ui/downloads.py"]  # no page draws its own (bytes made at draw time)
    on_click = {k.arg: k.value for k in buttons[0][1].keywords}.get("on_click")
    assert isinstance(on_click, ast.Constant) and on_click.value == "ignore"
    downloads = [where for where, _ in calls("download") if where.startswith("app_pages/")]
    assert len(downloads) >= 9, downloads


def test_the_granted_id_is_the_id_streamlit_serves_the_file_under():
    """The login gate serves ``/media/<id>`` only to a holder of that id's grant: the id we grant must be the
    one Streamlit stores the made file under (else even the owner would get nothing)."""
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    data = b"thema;score\nVerbinder;4\n"
    placeholder = manager.add_deferred(lambda: data, "text/csv", "1.(2.3)", file_name="sessie.csv")
    url = manager.execute_deferred(placeholder)
    assert url == f"/media/{media_file_id(data, 'text/csv', 'sessie.csv')}.csv"
