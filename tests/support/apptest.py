"""The app under Streamlit's AppTest, opened on a page."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT


def questionnaire(sid: int) -> AppTest:
    """The questionnaire of session ``sid``, drawn without an exception."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["sessie"] = str(sid)
    at.run()
    at.switch_page("app_pages/vragenlijst.py")
    at.run()
    assert not at.exception
    return at
