"""The one page registry, and running the chosen page."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui.widgets import show_failure
from wegwijzer.errors import DutchMessage

PAGES = {
    "start": "app_pages/start.py",
    "vragenlijst": "app_pages/vragenlijst.py",
    "dashboard": "app_pages/dashboard.py",
    "ontwikkelplan": "app_pages/ontwikkelplan.py",
    "hoe_ging_het": "app_pages/hoe_ging_het.py",
    "bibliotheek": "app_pages/bibliotheek.py",
    "thema": "app_pages/thema.py",
    "gegevens": "app_pages/gegevens.py",
    "groepen": "app_pages/groepen.py",
    "groep": "app_pages/groep.py",
    "coaching": "app_pages/coaching.py",
    "coachee": "app_pages/coachee.py",
    "functieprofiel": "app_pages/functieprofiel.py",
    "onderzoek": "app_pages/onderzoek.py",
    "spiegel": "app_pages/spiegel.py",
    "account": "app_pages/account.py",
    "beheer": "app_pages/beheer.py",
}


def run_page(page: StreamlitPage) -> None:
    """Run the chosen page; a refusal that no page caught (something deleted or revoked in another tab in the
    meantime) is shown as its Dutch message, a failure underneath (disk full, database read-only or damaged)
    as a Dutch explanation with the detail in the server log: never a traceback."""
    page_title(page.title)  # a page may set a more precise one (the dashboard names its session)
    try:
        page.run()
    except DutchMessage as refusal:
        st.error(refusal.message)
    except Exception as exc:  # noqa: BLE001 - st.stop and st.rerun are BaseExceptions and pass
        show_failure(exc, f"page {page.url_path or 'start'}")


def page_title(title: str) -> None:
    """The browser tab's title for this page: "<title> · Wegwijzer" (screen readers announce it first)."""
    st.set_page_config(page_title=f"{title} · Wegwijzer")
