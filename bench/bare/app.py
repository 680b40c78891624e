"""The bare app: the questionnaire and the dashboard with the same kinds and numbers of elements as ours,
but no content, no database and no work of ours. The browser figures divide by its times (same run).

Its top navigation has the sections and visible pages of ours in local mode (app.py), so the framework's
cost of drawing it is in the floor too; the pages other than these two are empty.
"""

import streamlit as st


def empty() -> None:
    st.title("Leeg")


def page(title: str, url_path: str, visible: bool = True) -> st.Page:
    return st.Page(empty, title=title, url_path=url_path, icon=":material/article:",
                   visibility="visible" if visible else "hidden")


st.set_page_config(page_title="Kaal", layout="wide")
own = [page("Start", "start"),
       st.Page("chapter.py", title="Vragenlijst", url_path="vragenlijst", default=True, icon=":material/edit_note:"),
       st.Page("dashboard.py", title="Dashboard", url_path="dashboard", icon=":material/insights:")]
further = [page("Functieprofiel", "functieprofiel"), page("Onderzoek 2020", "onderzoek")]
reference = [page("Thema's", "themas"), page("Thema", "thema", visible=False), page("Mijn gegevens", "gegevens")]
st.navigation({"Wegwijzer": own, "Verder": further, "Naslag": reference}, position="top").run()
