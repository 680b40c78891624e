"""Intervision methods: the file, the suggestion rule, and the messages a broken file gives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from wegwijzer.content.methods import DEFAULT_PATH, REASONS, Method, MethodsError, load_methods, method_by_key
from wegwijzer.content.models import ROLE_KEYS
from wegwijzer.domain.agenda import main_role, suggest_method

ORDER = ["incidentmethode", "balint", "roddelmethode", "probleemverheldering", "successen",
         "socratisch-gesprek", "u-procedure"]
SENTENCE_END = re.compile(r"[.?!]['\"]?(?=\s+[A-Z]|$)")


@pytest.fixture(scope="module")
def methods() -> tuple[Method, ...]:
    return load_methods()


def make(key: str, *fits: str) -> Method:
    """A minimal valid method with the given fits."""
    return Method(key=key, name=key.title(), summary="Twee zinnen. Over de methode.",
                  steps=("Stap een.", "Stap twee.", "Stap drie.", "Stap vier."),
                  duration="30 minuten", fits_when="Past altijd.", fits=fits)


# --- the file -----------------------------------------------------------------------------------


def test_the_file_loads_in_order(methods):
    assert DEFAULT_PATH.parts[-2:] == ("inhoud", "intervisiemethodes.yaml")
    assert [m.key for m in methods] == ORDER


def test_the_three_methods_the_issue_names_are_there(methods):
    names = {m.key: m.name for m in methods}
    assert names["incidentmethode"] == "Incidentmethode"
    assert names["balint"] == "Balint-methode"
    assert names["roddelmethode"] == "Roddelmethode"


def test_every_method_fits_a_reason_and_every_reason_has_methods(methods):
    assert all(m.reasons for m in methods)
    covered = {r: [m.key for m in methods if r in m.reasons] for r in REASONS}
    assert covered == {
        "verschil": ["incidentmethode", "roddelmethode", "successen", "socratisch-gesprek"],
        "lastig": ["incidentmethode", "balint", "probleemverheldering", "u-procedure"],
    }


def test_every_method_is_complete(methods):
    for m in methods:
        assert 4 <= len(m.steps) <= 7, m.key
        assert len(SENTENCE_END.findall(m.summary)) == 2, m.key
        assert m.fits_when and m.name
        low, high = m.minutes
        assert 20 <= low <= high <= 120, m.key


def test_durations_are_read_as_minutes(methods):
    assert method_by_key(methods, "incidentmethode").minutes == (45, 60)
    assert method_by_key(methods, "successen").minutes == (30, 45)
    assert make("x", "lastig").minutes == (30, 30)  # a single figure is both least and most


def test_models_are_frozen_and_strict():
    method = make("x", "lastig")
    with pytest.raises(ValidationError):
        method.key = "y"
    with pytest.raises(ValidationError):
        Method(**method.model_dump(), extra_field="nee")


# --- the suggestion rule ------------------------------------------------------------------------


def test_every_reason_and_main_role_has_its_own_pinned_method(methods):
    # the whole table; every pair is matched on reason and role, none falls back to the reason alone
    table = {(r, role): suggest_method(methods, r, {role: 1.0}).key for r in REASONS for role in ROLE_KEYS}
    assert table == {
        ("verschil", "verbinder"): "socratisch-gesprek",
        ("verschil", "adviseur"): "roddelmethode",
        ("verschil", "directeur"): "successen",
        ("verschil", "boegbeeld"): "successen",
        ("verschil", "crisisleider"): "incidentmethode",
        ("verschil", "netwerker"): "roddelmethode",
        ("verschil", "persoon"): "socratisch-gesprek",
        ("lastig", "verbinder"): "balint",
        ("lastig", "adviseur"): "probleemverheldering",
        ("lastig", "directeur"): "u-procedure",
        ("lastig", "boegbeeld"): "probleemverheldering",
        ("lastig", "crisisleider"): "incidentmethode",
        ("lastig", "netwerker"): "u-procedure",
        ("lastig", "persoon"): "balint",
    }
    for (reason, role), key in table.items():
        fits = method_by_key(methods, key).fits
        assert reason in fits and role in fits


def test_the_main_role_is_the_heaviest_and_ties_go_to_role_order():
    assert main_role({"directeur": 0.5, "crisisleider": 1.0}) == "crisisleider"
    assert main_role({"adviseur": 0.6, "verbinder": 0.6}) == "verbinder"  # tie: verbinder comes first
    assert main_role({"netwerker": 0.3, "directeur": 0.8}) == "directeur"
    assert main_role({"adviseur": 0.0}) is None
    assert main_role({}) is None
    with pytest.raises(ValueError, match="Onbekende rol"):
        main_role({"burgemeester": 1.0})


def test_suggestions_follow_the_main_role(methods):
    assert suggest_method(methods, "lastig", {"directeur": 0.5, "crisisleider": 1.0}).key == "incidentmethode"
    # tie 0.6/0.6 -> verbinder -> socratisch gesprek; adviseur would have given the roddelmethode
    assert suggest_method(methods, "verschil", {"adviseur": 0.6, "verbinder": 0.6}).key == "socratisch-gesprek"
    # directeur 0.8 outweighs netwerker 0.3 -> successen, not the roddelmethode (netwerker)
    assert suggest_method(methods, "verschil", {"netwerker": 0.3, "directeur": 0.8}).key == "successen"


def test_suggestions_for_the_mini_themes(methods, mini):
    # mini weights: 1 = verbinder 1.0 (main); 2 = adviseur 1.0 (main); 3 = boegbeeld 1.0 (main), netwerker 0.6
    def pick(number: int, reason: str) -> str:
        return suggest_method(methods, reason, dict(mini.theme(number).roles.items())).key

    assert [pick(n, "lastig") for n in (1, 2, 3)] == ["balint", "probleemverheldering", "probleemverheldering"]
    assert [pick(n, "verschil") for n in (1, 2, 3)] == ["socratisch-gesprek", "roddelmethode", "successen"]


def test_without_a_role_match_the_reason_decides_then_the_order():
    a, b, c = make("a", "lastig", "persoon"), make("b", "verschil", "adviseur"), make("c", "verschil")
    # persoon + verschil: nobody has both; the first with 'verschil' is b, though a suits persoon
    assert suggest_method([a, b, c], "verschil", {"persoon": 1.0}).key == "b"
    # no role weight at all: the first with the reason
    assert suggest_method([a, b, c], "verschil", {}).key == "b"
    assert suggest_method([a, b, c], "verschil", {"adviseur": 0.0}).key == "b"
    # nobody fits 'lastig' in this list: the first method
    assert suggest_method([b, c], "lastig", {"adviseur": 1.0}).key == "b"
    # a role match beats order: c comes after b but b lacks the role
    assert suggest_method([c, b], "verschil", {"adviseur": 1.0}).key == "b"


def test_suggest_refuses_unknown_reasons_and_empty_lists(methods):
    with pytest.raises(ValueError, match="Kies 'verschil' of 'lastig'"):
        suggest_method(methods, "moeilijk", {"adviseur": 1.0})
    with pytest.raises(ValueError, match="geen intervisiemethodes"):
        suggest_method([], "lastig", {"adviseur": 1.0})


def test_method_by_key(methods):
    assert method_by_key(methods, "u-procedure").name == "U-procedure"
    with pytest.raises(ValueError, match="Onbekende intervisiemethode 'intervisie'. Kies uit: incidentmethode, balint"):
        method_by_key(methods, "intervisie")


# --- broken files -------------------------------------------------------------------------------


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the real file with one edit; returns the path and the 1-based line of the edit."""
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[:text.index(old)].count("\n") + 1
    folder = tmp_path / "inhoud"
    folder.mkdir()
    path = folder / "intervisiemethodes.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path, line


def problems(path: Path) -> tuple[str, ...]:
    with pytest.raises(MethodsError) as info:
        load_methods(path)
    return info.value.problems


def test_an_unknown_fit_names_file_line_field_and_the_allowed_values(tmp_path):
    path, line = broken(tmp_path, "fits: [lastig, verschil, crisisleider]", "fits: [lastig, verschil, crisis]")
    (found,) = problems(path)
    assert found.startswith(f"inhoud/intervisiemethodes.yaml:{line}: methods.0.fits.2 (methode 'incidentmethode')")
    assert "onbekende waarde 'crisis'" in found and "crisisleider" in found


def test_a_missing_field_says_which_and_how_to_add_it(tmp_path):
    path, _ = broken(tmp_path, "    duration: 30–45 minuten\n", "")
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("  - key: successen")].count("\n") + 1  # a missing field points at its method
    (found,) = problems(path)
    assert found.startswith(f"inhoud/intervisiemethodes.yaml:{line}: ")
    assert "methods.4.duration (methode 'successen') — verplicht veld ontbreekt — voeg 'duration:' toe" in found


def test_a_bad_duration_too_few_steps_and_no_reason(tmp_path):
    path, _ = broken(tmp_path, "duration: 75–90 minuten", "duration: 90–75 minuten")
    text = path.read_text(encoding="utf-8")
    text = text.replace("fits: [lastig, directeur, netwerker]", "fits: [directeur, netwerker]")
    text = text.replace("      - Rond af met wat de inbrenger gaat doen.\n", "")
    text = text.replace("      - Stel verhelderende vragen tot iedereen de situatie begrijpt.\n", "")
    text = text.replace("      - Laat de inbrenger de kwestie en de eigen vraag kort toelichten.\n", "")
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert len(found) == 3
    assert "methods.2.steps (methode 'roddelmethode') — 3 items, dat zijn er te weinig — geef 4 tot 7 stappen" in found[0]
    assert "methods.5.duration (methode 'socratisch-gesprek') — ongeldige tijdsduur '90–75 minuten'" in found[1]
    assert "methods.6.fits (methode 'u-procedure') — fits noemt geen reden" in found[2]


def test_a_duplicate_key_points_at_the_second(tmp_path):
    path, line = broken(tmp_path, "key: balint", "key: incidentmethode")
    assert problems(path) == (f"inhoud/intervisiemethodes.yaml:{line}: methods.1.key (methode 'incidentmethode') — "
                              "deze sleutel komt vaker voor — geef elke methode een eigen key",)


def test_a_step_with_a_colon_explains_the_quotes(tmp_path):
    step = '"Breng met vragen eerst de feiten in beeld: wie, wat, wanneer."'
    path, line = broken(tmp_path, step, step.strip('"'))
    (found,) = problems(path)
    assert found.startswith(f"inhoud/intervisiemethodes.yaml:{line}: methods.6.steps.1 (methode 'u-procedure')")
    assert "tussen aanhalingstekens" in found


def test_broken_yaml_gives_the_line(tmp_path):
    path, line = broken(tmp_path, "    fits: [lastig, adviseur, boegbeeld]", "    fits: [lastig, adviseur, boegbeeld")
    (found,) = problems(path)
    assert found.startswith("inhoud/intervisiemethodes.yaml:") and "YAML-fout" in found
    assert int(found.split(":")[1]) >= line  # the parser notices at or after the open bracket


def test_missing_and_empty_files(tmp_path):
    (found,) = problems(tmp_path / "inhoud" / "weg.yaml")
    assert found.startswith("inhoud/weg.yaml:0:") and "ontbreekt" in found
    folder = tmp_path / "inhoud"
    folder.mkdir()
    (folder / "leeg.yaml").write_text("", encoding="utf-8")
    (found,) = problems(folder / "leeg.yaml")
    assert found == ("inhoud/leeg.yaml:1: methods — het bestand is leeg — begin met 'methods:' en zet daaronder "
                     "de methodes; zie de uitleg bovenaan inhoud/intervisiemethodes.yaml")


def test_an_unchanged_copy_loads(tmp_path):
    folder = tmp_path / "inhoud"
    folder.mkdir()
    shutil.copy(DEFAULT_PATH, folder / "intervisiemethodes.yaml")
    assert [m.key for m in load_methods(str(folder / "intervisiemethodes.yaml"))] == ORDER
