"""The 2020 study module: the real data file, broken files, point checks and the comparisons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.support.paths import ROOT
from wegwijzer.content.study import DEFAULT_PATH, Research, ResearchFileError, load_research
from wegwijzer.domain.study import (
    LIMITS,
    compare_choice,
    compare_pillar_dimensions,
    compare_pillars,
    compare_steering,
    validate_points,
)

REAL = ROOT / "inhoud" / "onderzoek-2020.yaml"


@pytest.fixture(scope="module")
def research() -> Research:
    return load_research()


def real_data() -> dict:
    return yaml.safe_load(REAL.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict | str) -> Path:
    path = tmp_path / "onderzoek.yaml"
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(ResearchFileError) as info:
        load_research(path)
    return str(info.value)


# --- the real file --------------------------------------------------------------------------------


def test_default_path_is_the_file_in_inhoud():
    assert DEFAULT_PATH == REAL


def test_real_file_matches_the_figures_in_the_report(research):
    # pinned by hand from the report: figure II, figure IV, the text under figure V, figure VI, § 2.1
    assert research.steering_forms.item("lijnsturing").value == 2.7
    assert research.steering_forms.item("keten-netwerksturing").value == 0.7
    assert research.pillars.item("vertrouwen").value == 2.7
    assert research.pillars.item("kennis-keten").value == 0.3
    assert research.leadership_assignments.item("verbindend").value == 61
    assert research.action_repertoires.item("geduld-timing").value == 28
    assert research.perspectives.item("combinatie").value == 64
    assert (research.source.year, research.source.month) == (2020, 11)


def test_lists_have_the_studys_options_in_the_studys_order(research):
    assert research.steering_forms.keys() == (
        "lijnsturing", "project-programmasturing", "opgavesturing", "resultaatsturing", "zelfsturing",
        "gebiedssturing", "keten-netwerksturing")
    assert len(research.pillars.items) == 8
    assert [i.dimension for i in research.pillars.items] == [
        "cultureel", "cultureel", "relationeel", "relationeel", "procedureel", "procedureel", "inhoudelijk", "inhoudelijk"]
    assert research.leadership_assignments.keys() == ("verbindend", "filosofisch", "politiek", "operationeel")
    assert len(research.action_repertoires.items) == 4


def test_sum_rules_hold_for_the_published_figures(research):
    # forms: 2.7 + 2.3 + 1.6 + 1.2 + 0.8 + 0.7 + 0.7 = 10.0
    assert research.steering_forms.known_total() == pytest.approx(10.0)
    # pillars: 2.6 + 1.5 + 2.7 + 0.6 + 0.4 + 1.1 + 0.3 + 0.8 = 10.0
    assert research.pillars.known_total() == pytest.approx(10.0)
    # assignments: 61 + 22 + 9 + 8 = 100; perspectives: 64 + 17 + 9 + 7 + 3 = 100
    assert research.leadership_assignments.known_total() == 100
    assert research.perspectives.known_total() == 100
    # repertoire: 28 + 25 + 17 + 10 = 80, so 20 percentage points are not accounted for
    assert research.action_repertoires.known_total() == 80
    assert research.action_repertoires.unaccounted() == 20
    assert research.leadership_assignments.unaccounted() == 0


def test_sample_says_plainly_what_is_not_known(research):
    sample = research.sample
    assert (sample.respondents, sample.response_rate_percent, sample.interviews, sample.fieldwork_period) == (
        None, None, None, None)
    assert len(sample.not_known) >= 4
    assert any("respons" in line for line in sample.not_known)


def test_every_figure_says_where_it_stands_in_the_report(research):
    for question in (research.perspectives, research.steering_forms, research.pillars,
                     research.leadership_assignments, research.action_repertoires):
        for item in question.items:
            assert item.where.startswith("§ 2."), item.key
            assert re.search(r"p\. \d+", item.where), item.key


# --- broken files ---------------------------------------------------------------------------------


def test_decimal_comma_names_file_line_field_and_fix(tmp_path):
    text = REAL.read_text(encoding="utf-8").replace("      value: 2.3\n", "      value: 2,3\n", 1)
    path = write(tmp_path, text)
    message = load_error(path)
    line = text.splitlines().index("      value: 2,3") + 1
    assert f"{path}:{line}: steering_forms.items.1.value" in message
    assert "'2,3' is geen geldig getal" in message
    assert "punt als decimaalteken" in message


def test_averages_that_do_not_sum_to_ten_are_refused(tmp_path):
    data = real_data()
    data["steering_forms"]["items"][0]["value"] = 3.7  # 10.0 + 1.0 = 11.0, far beyond the 0.35 rounding margin
    message = load_error(write(tmp_path, data))
    assert "steering_forms — de gemiddelden tellen op tot 11 in plaats van ongeveer 10" in message
    assert "hooguit 0,35 afwijken" in message


def test_rounding_margin_is_allowed(tmp_path):
    data = real_data()
    data["pillars"]["items"][0]["value"] = 2.9  # total 10.3, within 8 × 0.05 = 0.4
    assert load_research(write(tmp_path, data)).pillars.known_total() == pytest.approx(10.3)


def test_unknown_and_missing_fields_are_named(tmp_path):
    data = real_data()
    data["source"]["jaar"] = 2020
    del data["pillars"]["items"][2]["dimension"]
    message = load_error(write(tmp_path, data))
    assert "source.jaar — onbekend veld — verwijder het veld" in message
    assert "pillars.items.2.dimension — verplicht veld ontbreekt — voeg 'dimension:' toe" in message
    assert "(2 problemen)" in message


def test_wrong_number_of_options_is_refused(tmp_path):
    data = real_data()
    data["steering_forms"]["items"].pop()  # drop keten- en netwerksturing (0.7) ...
    data["steering_forms"]["items"][0]["value"] = 3.4  # ... and add it to lijnsturing, so the sum is still 10
    data["action_repertoires"]["items"].pop()
    message = load_error(write(tmp_path, data))
    assert "steering_forms — items bevat 6 onderdelen in plaats van 7" in message
    assert "action_repertoires — items bevat 3 onderdelen in plaats van 4" in message


def test_duplicate_key_and_bad_dimension_are_refused(tmp_path):
    data = real_data()
    data["leadership_assignments"]["items"][1]["key"] = "verbindend"
    data["pillars"]["items"][0]["dimension"] = "cultuur"
    message = load_error(write(tmp_path, data))
    assert "leadership_assignments — sleutel 'verbindend' komt meer dan eens voor" in message
    assert "pillars.items.0.dimension — ongeldige waarde 'cultuur' — kies uit:" in message


def test_single_choice_percentages_must_add_up_to_about_100(tmp_path):
    data = real_data()
    data["action_repertoires"]["selection"] = "enkelvoudig"  # 28 + 25 + 17 + 10 = 80, not about 100
    message = load_error(write(tmp_path, data))
    assert "action_repertoires — de percentages tellen op tot 80% in plaats van ongeveer 100%" in message


def test_a_gap_in_the_percentages_must_be_explained(tmp_path):
    data = real_data()
    del data["action_repertoires"]["note"]
    message = load_error(write(tmp_path, data))
    assert "action_repertoires — de percentages tellen op tot 80%, maar note legt het verschil niet uit" in message


def test_unknown_sample_figures_must_be_named_in_not_known(tmp_path):
    data = real_data()
    data["sample"]["not_known"] = []
    message = load_error(write(tmp_path, data))
    assert "sample — respondents, response_rate_percent, interviews, fieldwork_period onbekend (null)" in message


def test_broken_yaml_and_missing_file(tmp_path):
    message = load_error(write(tmp_path, "source: [BMC\n"))
    assert "onderzoek.yaml:2: - — YAML-fout" in message
    message = load_error(tmp_path / "weg.yaml")
    assert "weg.yaml:0: - — bestand niet leesbaar" in message


def test_a_null_figure_is_allowed_and_compared_honestly(tmp_path):
    data = real_data()
    data["steering_forms"]["items"][6]["value"] = None  # the known six still sum to 9.3, below 10
    research = load_research(write(tmp_path, data))
    result = compare_steering(research, {"lijnsturing": 10})
    assert result[6].published is None and result[6].difference is None
    assert result[6].remark == "Het onderzoek publiceerde hiervoor geen gemiddelde."


# --- validate_points ------------------------------------------------------------------------------

FORMS = ("lijnsturing", "zelfsturing", "gebiedssturing")


def test_too_few_and_too_many_points():
    assert validate_points({"lijnsturing": 5, "zelfsturing": 3}, FORMS) == [
        "Je hebt 8 van de 10 punten verdeeld; verdeel er nog 2."]
    assert validate_points({"lijnsturing": 9, "zelfsturing": 3}, FORMS) == [
        "Je hebt 12 punten verdeeld, 2 te veel; haal er 2 weg zodat het totaal 10 is."]
    assert validate_points({"lijnsturing": 7, "zelfsturing": 3}, FORMS) == []
    assert validate_points({"lijnsturing": 7.0, "zelfsturing": 3}, FORMS) == []  # a whole float is fine


def test_unknown_negative_and_fractional_points():
    names = {"lijnsturing": "Lijnsturing", "zelfsturing": "Zelfsturing", "gebiedssturing": "Gebiedssturing"}
    problems = validate_points({"lijnsturing": 11, "zelfsturing": -1, "gebiedssturing": 0.5, "matrix": 0},
                               FORMS, names)
    assert problems == [
        "Bij Zelfsturing staat -1; een aantal punten kan niet negatief zijn.",
        "Bij Gebiedssturing staat 0,5 punt; verdeel alleen hele punten.",
        "Onbekend onderdeel 'matrix'; kies uit: Lijnsturing, Zelfsturing, Gebiedssturing.",
    ]  # no total message while a value itself is wrong


def test_text_and_booleans_are_not_points():
    problems = validate_points({"lijnsturing": "veel", "zelfsturing": True}, FORMS)
    assert problems == ["Bij lijnsturing staat geen getal ('veel'); vul een heel aantal punten in.",
                        "Bij zelfsturing staat geen getal ('True'); vul een heel aantal punten in."]


# --- comparisons ----------------------------------------------------------------------------------


def test_compare_steering_on_a_hand_made_allocation(research):
    points = {"lijnsturing": 1, "project-programmasturing": 2, "opgavesturing": 4, "zelfsturing": 2,
              "keten-netwerksturing": 1}
    result = {c.key: c for c in compare_steering(research, points)}
    assert [c.key for c in compare_steering(research, points)][0] == "lijnsturing"
    # lijnsturing 1 − 2.7 = −1.7: notable; opgavesturing 4 − 1.6 = 2.4: notable
    assert result["lijnsturing"].difference == -1.7
    assert result["lijnsturing"].remark == "Opvallend weinig: 1,7 punten minder dan het gemiddelde van 2020 (2,7)."
    assert result["opgavesturing"].difference == 2.4
    assert result["opgavesturing"].remark == "Opvallend veel: 2,4 punten meer dan het gemiddelde van 2020 (1,6)."
    # zelfsturing 2 − 0.8 = 1.2, resultaatsturing 0 − 1.2 = −1.2, keten 1 − 0.7 = 0.3: not notable
    assert (result["zelfsturing"].difference, result["zelfsturing"].remark) == (1.2, None)
    assert (result["resultaatsturing"].own, result["resultaatsturing"].difference) == (0, -1.2)
    assert result["keten-netwerksturing"].difference == 0.3
    assert sum(1 for c in result.values() if c.remark) == 2


def test_compare_refuses_an_invalid_allocation(research):
    with pytest.raises(ValueError, match="Je hebt 9 van de 10 punten verdeeld; verdeel er nog 1."):
        compare_steering(research, {"lijnsturing": 9})


def test_compare_pillars_and_dimensions(research):
    points = {"vertrouwen": 3, "dialoog": 2, "ketenstructuur": 2, "doelgebonden-speelruimte": 3}
    result = {c.key: c for c in compare_pillars(research, points)}
    # speelruimte 3 − 1.5 = 1.5: exactly the threshold, so notable; ketenstructuur 2 − 0.4 = 1.6
    assert result["doelgebonden-speelruimte"].remark == "Opvallend veel: 1,5 punten meer dan het gemiddelde van 2020 (1,5)."
    assert result["ketenstructuur"].difference == 1.6
    # dialoog 2 − 0.6 = 1.4: just below; mindset 0 − 2.6 = −2.6
    assert (result["dialoog"].difference, result["dialoog"].remark) == (1.4, None)
    assert result["mindset-ketensamenwerking"].difference == -2.6
    assert result["vertrouwen"].dimension == "relationeel"

    dims = {c.key: c for c in compare_pillar_dimensions(research, points)}
    # cultureel 2.6 + 1.5 = 4.1 vs own 0 + 3 = 3; relationeel 2.7 + 0.6 = 3.3 vs 3 + 2 = 5
    # procedureel 0.4 + 1.1 = 1.5 vs 2; inhoudelijk 0.3 + 0.8 = 1.1 vs 0
    assert [(d.own, d.published, d.difference) for d in dims.values()] == [
        (3, 4.1, -1.1), (5, 3.3, 1.7), (2, 1.5, 0.5), (0, 1.1, -1.1)]
    assert dims["relationeel"].remark == "Opvallend veel: 1,7 punten meer dan het gemiddelde van 2020 (3,3)."
    assert dims["cultureel"].name == "Cultureel"


def test_compare_choice_leadership(research):
    first = compare_choice(research, "leadership", "verbindend")
    assert (first.percentage, first.rank, first.options, first.tied) == (61, 1, 4, False)
    assert first.remark == ("In het onderzoek van 2020 gaf 61% van de gemeentesecretarissen hetzelfde antwoord als jij."
                            " Dat was het vaakst gekozen antwoord van de vier.")
    second = compare_choice(research, "leadership", "filosofisch")
    assert (second.percentage, second.rank, second.most_chosen) == (22, 2, "Verbindend leiderschap")
    assert "op plaats 2 van de vier; het vaakst gekozen werd Verbindend leiderschap (61%)." in second.remark
    last = compare_choice(research, "leadership", "operationeel")
    assert last.rank == 4 and "Dat was het minst gekozen antwoord van de vier" in last.remark


def test_compare_choice_repertoire_mentions_the_missing_fifth(research):
    result = compare_choice(research, "repertoire", "aandacht")
    assert (result.percentage, result.rank) == (17, 3)
    assert result.remark.endswith("Let op: de vier gepubliceerde percentages samen komen op 80%;"
                                  " wat de overige 20% antwoordde, staat niet in het rapport.")


def test_compare_choice_perspective_and_unknown_key(research):
    result = compare_choice(research, "perspective", "rechtmatig")
    assert (result.percentage, result.rank, result.options) == (3, 5, 5)
    with pytest.raises(ValueError, match="Onbekende keuze 'hipster'"):
        compare_choice(research, "leadership", "hipster")


def test_tied_percentages_share_a_place(tmp_path):
    data = real_data()
    data["leadership_assignments"]["items"][3]["value"] = 9  # 61 + 22 + 9 + 9 = 101, within 4 × 0.5
    research = load_research(write(tmp_path, data))
    result = compare_choice(research, "leadership", "operationeel")
    assert (result.rank, result.tied) == (3, True)
    assert "op plaats 3 (gedeeld) van de vier" in result.remark


def test_limits_is_a_short_dutch_text_on_what_the_comparison_cannot_show():
    sentences = re.findall(r"[^.]+?[.](?=\s|$)", LIMITS)
    assert 4 <= len(sentences) <= 6
    for word in ("zelfrapportage", "2020", "respons", "spreiding", "norm", "jouw gemeente"):
        assert word in LIMITS, word
