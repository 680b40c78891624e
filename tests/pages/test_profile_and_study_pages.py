"""The pages "Functieprofiel" and "Onderzoek 2020" through streamlit's AppTest, and their chart builder."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT
from wegwijzer.content.profiles import DISCLAIMER, load_profiles
from wegwijzer.content.study import load_research
from wegwijzer.demo import populate
from wegwijzer.domain.fit import fit
from wegwijzer.domain.records import Answer
from wegwijzer.domain.study import compare_steering
from wegwijzer.render.study_charts import comparison_bars
from wegwijzer.storage import Store
from wegwijzer.text import number

APP = str(ROOT / "app.py")
FIT_PAGE = "app_pages/functieprofiel.py"
RESEARCH_PAGE = "app_pages/onderzoek.py"
STEERING = ("lijnsturing", "project-programmasturing", "opgavesturing", "resultaatsturing", "zelfsturing",
            "gebiedssturing", "keten-netwerksturing")
PILLARS = ("mindset-ketensamenwerking", "doelgebonden-speelruimte", "vertrouwen", "dialoog", "ketenstructuur",
           "transparantie", "kennis-keten", "ketendoelstelling")


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Everything the page shows as text: markdown, captions, notices."""
    parts = [e.value for kind in ("markdown", "caption", "info", "warning", "error", "success")
             for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


def twenterand():
    return next(p for p in load_profiles() if p.key == "twenterand")


def own_session(store: Store) -> int:
    """A hand-made session over five themes: 22 → 5, 68 → 4, 18 → 2, 30 n.v.t., 2 not answered."""
    answers = [Answer(theme=22, mastery=5, importance=3), Answer(theme=68, mastery=4, importance=2),
               Answer(theme=18, mastery=2, importance=3), Answer(theme=30, not_applicable=True)]
    session = {"label": "Voorbereiding sollicitatie", "scope_kind": "eigen", "scope_key": "",
               "perspective": "aspirant", "themes": [2, 18, 22, 30, 68], "status": "open",
               "created_at": "2026-01-10T10:00:00+00:00"}
    return store.sessions.insert_full(store.people.local_person(), session, answers, [])


# --- Functieprofiel ----------------------------------------------------------------------------------


def test_fit_page_shows_the_disclaimer_and_without_a_session_a_link_to_start(db_path):
    at = open_page(FIT_PAGE)
    assert at.title[0].value == "Functieprofiel"
    assert at.info[0].value == DISCLAIMER
    assert any("nog geen sessie met antwoorden" in i.value for i in at.info)
    # the two shipped examples, sorted by file name: enschede, twenterand
    assert at.selectbox(key="fp_choice").options == [
        "Algemeen directeur/gemeentesecretaris Enschede (conceptprofiel) (voorbeeld)",
        "Gemeentesecretaris Twenterand (houtskoolschets) (voorbeeld)"]
    assert [link.proto.label for link in at.get("page_link")] == ["Begin een sessie op de startpagina"]


def test_fit_page_with_a_populated_session_lists_the_strengths_that_fit_computes(db_path, library):
    store = Store(db_path)
    [sid] = populate(store, library, person_id=store.people.local_person())
    expected = fit(twenterand(), library, store.sessions.answers(sid), limit=100)
    at = open_page(FIT_PAGE)
    at.selectbox(key="fp_choice").set_value("voorbeeld:twenterand").run()
    assert not at.exception
    shown = texts(at)
    top = expected.strengths[0]
    assert f"**{top.number}. {top.title}** — beheersing {top.mastery}" in shown
    assert "Sterke punten voor deze functie" in [s.value for s in at.subheader]
    # a session over all 100 themes: nothing lies outside the session
    assert "vallen buiten deze sessie" not in shown


def test_fit_page_with_a_hand_made_session_pins_weights_roles_and_the_three_lists(db_path):
    store = Store(db_path)
    own_session(store)
    at = open_page(FIT_PAGE)
    at.selectbox(key="fp_choice").set_value("voorbeeld:twenterand").run()
    shown = texts(at)
    # theme 22: own weight 3 + (directeur 3 × 1.0 + persoon 2 × 0.3) / (1.0 + 0.3) = 3 + 3.6 / 1.3 = 5.77 → 5,8
    assert "**22. Aanjager van organisatieontwikkeling** — beheersing 5, gewicht 5,8" in shown
    # theme 68: own weight 2 + (directeur 3 × 0.5 + persoon 2 × 1.0) / 1.5 = 2 + 3.5 / 1.5 = 4.33 → 4,3
    assert "**68. Ook een gewoon mens?!** — beheersing 4, gewicht 4,3" in shown
    # theme 18 (mastery 2): 3 + (verbinder 3 × 0.3 + adviseur 2 × 0.4 + directeur 3 × 1.0) / 1.7 = 5.76 → 5,8
    assert "**18. Aanvoerder van het team** — beheersing 2, gewicht 5,8" in shown
    assert "Waaraan merk je dat je directieleden zich verantwoordelijk voelen voor de hele organisatie" in shown
    # theme 2 is in the session but not answered; theme 30 is "niet van toepassing" and in no list
    assert "- **2. Een brug heeft twee pijlers nodig** (gewicht 5,8)" in shown
    assert "**30." not in shown
    # directeur: (5 × 1.0 + 4 × 0.5 + 2 × 1.0) / (1.0 + 0.5 + 1.0) = 9 / 2.5 = 3.6, on three themes
    assert "| Algemeen directeur van de organisatie | zeer belangrijk (3) | 3,6 | 3 thema's |" in shown
    # verbinder: only theme 18 (weight 0.3) has a score → 2.0
    assert "| Verbinder tussen college en organisatie | zeer belangrijk (3) | 2,0 | 1 thema |" in shown
    # the table of the heaviest themes holds ten rows, heaviest first:
    # theme 2: 3 + (verbinder 3 × 1.0 + adviseur 2 × 0.4 + directeur 3 × 0.4) / 1.8 = 3 + 5 / 1.8 = 5.78 > 5.77 (22)
    heaviest = displayed(at.table[0].value)
    assert len(heaviest) == 10
    assert [tuple(r) for r in heaviest.head(3).itertuples(index=False)] == [
        ("2. Een brug heeft twee pijlers nodig", "5,8", "nog niet ingevuld"),
        ("22. Aanjager van organisatieontwikkeling", "5,8", "5"),
        ("18. Aanvoerder van het team", "5,8", "2")]
    assert [m.value for m in at.metric][1:] == ["2", "1", "1"]  # strengths, attention, not yet answered
    assert "vallen buiten deze sessie" in shown


def test_saving_an_own_profile_stores_it_and_selects_it(db_path):
    at = open_page(FIT_PAGE)
    at.text_input(key="fp_name").input("Gemeentesecretaris Voorbeeldstad 2027")
    at.text_input(key="fp_municipality").input("Voorbeeldstad")
    at.text_area(key="fp_description").input("Een verbinder die de organisatie door een herindeling leidt.")
    at.select_slider(key="fp_role_verbinder").set_value(3)
    at.select_slider(key="fp_role_crisisleider").set_value(1)
    at.multiselect(key="fp_themes").set_value([22]).run()
    at.select_slider(key="fp_theme_22").set_value(3)
    at.text_input(key="fp_reason_22").input("De vacature noemt de ontwikkeling expliciet.")
    next(b for b in at.button if b.label == "Profiel bewaren").click().run()
    assert not at.exception

    store = Store(db_path)
    [(pid, data)] = store.personal.profiles(store.people.local_person())
    assert data["key"] == "gemeentesecretaris-voorbeeldstad-2027"
    assert data["municipality"] == "Voorbeeldstad"
    assert data["roles"] == {"verbinder": {"weight": 3, "reason": ""}, "crisisleider": {"weight": 1, "reason": ""}}
    assert data["themes"] == {"22": {"weight": 3, "reason": "De vacature noemt de ontwikkeling expliciet."}}
    assert at.selectbox(key="fp_choice").value == f"eigen:{pid}"
    assert at.text_input(key="fp_name").value == ""  # the form is empty again
    assert any("is bewaard" in s.value for s in at.success)


def test_an_own_profile_without_weights_shows_the_dutch_problem_and_stores_nothing(db_path):
    at = open_page(FIT_PAGE)
    at.text_input(key="fp_name").input("Leeg profiel")
    at.text_area(key="fp_description").input("Nog niets ingevuld.")
    next(b for b in at.button if b.label == "Profiel bewaren").click().run()
    assert not at.exception
    [error] = at.error
    assert "Het profiel is niet bewaard" in error.value
    assert "**Gewichten**: het profiel geeft geen enkel gewicht" in error.value
    store = Store(db_path)
    assert store.personal.profiles(store.people.local_person()) == []
    assert at.text_input(key="fp_name").value == "Leeg profiel"  # what was typed stays


def test_an_own_profile_is_deleted_only_after_confirming(db_path):
    store = Store(db_path)
    pid = store.personal.save_profile(store.people.local_person(),
        {"key": "proef", "name": "Proef", "description": "Een proef.", "roles": {"netwerker": {"weight": 2}}})
    at = open_page(FIT_PAGE)
    delete = at.button(key=f"fp_delete_{pid}")
    assert delete.disabled
    at.checkbox(key=f"fp_sure_{pid}").check().run()
    at.button(key=f"fp_delete_{pid}").click().run()
    assert not at.exception
    assert store.personal.profiles(store.people.local_person()) == []
    assert any("verwijderd" in s.value for s in at.success)


# --- Onderzoek 2020 ----------------------------------------------------------------------------------


def fill(at: AppTest, prefix: str, keys: tuple[str, ...], points: dict[str, int]) -> None:
    for key in keys:
        at.number_input(key=f"{prefix}_{key}").set_value(points.get(key, 0))
    at.run()


def test_research_page_introduces_the_study_and_its_limits(db_path):
    at = open_page(RESEARCH_PAGE)
    shown = texts(at)
    assert "**Uitgevoerd door:** BMC, Rijnconsult en PwC" in shown
    assert "**In opdracht van:** Vereniging van Gemeentesecretarissen (VGS) en Ministerie van" in shown
    assert "het rapport noemt geen aantal respondenten" in shown
    assert "Het rapport vermeldt niet hoeveel secretarissen de enquête invulden" in shown  # LIMITS
    assert "De vergelijking verschijnt zodra je precies 10 punten" in shown
    assert at.get("plotly_chart") == []


def displayed(frame):
    """A table as the page shows it: st.table renders Markdown, so texts arrive escaped ("2\\. Een brug")."""
    return frame.map(lambda v: re.sub(r"\\(.)", r"\1", v) if isinstance(v, str) else v)


def test_a_valid_allocation_shows_the_published_average_and_the_difference(db_path):
    at = open_page(RESEARCH_PAGE)
    fill(at, "ro_steering", STEERING, {"lijnsturing": 5, "opgavesturing": 3, "zelfsturing": 2})
    assert not at.exception
    table = displayed(at.table[0].value)
    row = table[table["Sturingsvorm"] == "Lijnsturing"].iloc[0]
    # published 2.7; own 5 → 5 − 2.7 = +2.3
    assert (row["Jij"], row["Gemiddelde 2020"], row["Verschil"]) == (5, "2,7", "+2,3")
    project = table[table["Sturingsvorm"] == "Project-/programmasturing"].iloc[0]
    assert (project["Jij"], project["Verschil"]) == (0, "−2,3")  # 0 − 2.3, with a real minus sign
    shown = texts(at)
    assert "**Lijnsturing**: Opvallend veel: 2,3 punten meer dan het gemiddelde van 2020 (2,7)." in shown
    # project/programme: 0 − 2.3 = −2.3 is notable; opgavesturing 3 − 1.6 = 1.4 is not
    assert "**Project-/programmasturing**: Opvallend weinig" in shown
    assert "**Opgavesturing**:" not in shown
    assert len(at.get("plotly_chart")) == 1


def test_eight_of_ten_points_asks_for_two_more_and_shows_no_comparison(db_path):
    at = open_page(RESEARCH_PAGE)
    fill(at, "ro_steering", STEERING, {"lijnsturing": 4, "opgavesturing": 4})
    shown = texts(at)
    assert "verdeel er nog 2" in shown
    assert "8 van de 10 punten verdeeld · nog 2 punten te verdelen" in [p.proto.text for p in at.get("progress")]
    assert at.table == [] or all("Sturingsvorm" not in d.value.columns for d in at.table)
    assert at.get("plotly_chart") == []


def test_pillars_give_dimension_totals(db_path):
    at = open_page(RESEARCH_PAGE)
    fill(at, "ro_pillars", PILLARS, {"vertrouwen": 4, "dialoog": 3, "ketendoelstelling": 3})
    tables = [displayed(d.value) for d in at.table]
    dims = next(t for t in tables if "Dimensie" in t.columns)
    relational = dims[dims["Dimensie"] == "Relationeel"].iloc[0]
    # relationeel = vertrouwen 2.7 + dialoog 0.6 = 3.3 published; own 4 + 3 = 7 → +3,7
    assert (relational["Jij"], relational["Gemiddelde 2020"], relational["Verschil"]) == (7, "3,3", "+3,7")


def test_answers_are_saved_and_prefill_the_page_with_the_choice_remark(db_path):
    at = open_page(RESEARCH_PAGE)
    fill(at, "ro_steering", STEERING, {"gebiedssturing": 6, "zelfsturing": 4})
    at.radio(key="ro_leadership").set_value("verbindend").run()
    next(b for b in at.button if b.label == "Antwoorden bewaren").click().run()
    assert not at.exception
    store = Store(db_path)
    stored = store.personal.study_answers(store.people.local_person())
    assert stored.steering["gebiedssturing"] == 6 and stored.steering["lijnsturing"] == 0
    assert stored.leadership == "verbindend" and stored.repertoire is None
    assert any("zijn bewaard" in s.value for s in at.success)

    again = open_page(RESEARCH_PAGE)
    assert again.number_input(key="ro_steering_gebiedssturing").value == 6
    assert again.radio(key="ro_leadership").value == "verbindend"
    # 61% chose the same; it was the most chosen of the four
    assert ("In het onderzoek van 2020 gaf 61% van de gemeentesecretarissen hetzelfde antwoord als jij. "
            "Dat was het vaakst gekozen antwoord van de vier.") in texts(again)


# --- the chart builder -------------------------------------------------------------------------------


def test_comparison_bars_put_the_study_order_top_down_with_dutch_numbers():
    items = compare_steering(load_research(), {"lijnsturing": 5, "opgavesturing": 3, "zelfsturing": 2})
    figure = comparison_bars(items)
    published, own = figure.data
    assert (published.name, own.name) == ("Gemiddelde 2020", "Jij")
    # plotly draws bottom-up, so the first option of the study (Lijnsturing) comes last
    assert published.y[-1] == "Lijnsturing" and published.y[0] == "Keten- en netwerksturing"
    assert list(published.text) == ["0,7", "0,7", "0,8", "1,2", "1,6", "2,3", "2,7"]
    assert list(own.x) == [0, 0, 2, 0, 3, 0, 5]
    # the axis leaves room for the longest bar and its label: 5 × 1.15 + 0.3 = 6.05
    assert figure.layout.xaxis.range == (0, pytest.approx(6.05))
    assert figure.layout.height == 90 + 52 * 7


def test_dutch_number():
    assert [number(v, trim=True) for v in (2.7, 3.0, 0.04, None, -1.3)] == ["2,7", "3", "0", "–", "-1,3"]
