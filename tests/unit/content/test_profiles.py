"""Functieprofielen: the shipped data files, broken-file messages, and pinned weights and fit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wegwijzer.config import PROJECT_ROOT
from wegwijzer.content.profiles import (
    DISCLAIMER,
    FunctionProfile,
    ProfileError,
    check_against_library,
    load_profiles,
    profile_from_dict,
)
from wegwijzer.domain.fit import fit, theme_weights
from wegwijzer.domain.records import Answer

# --- the shipped profiles -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> dict[str, FunctionProfile]:
    return {p.key: p for p in load_profiles()}


def test_both_example_profiles_load_from_the_default_folder(shipped):
    assert sorted(shipped) == ["enschede", "twenterand"]
    assert shipped["twenterand"].municipality == "Twenterand"
    assert shipped["enschede"].municipality == "Enschede"


def test_example_profiles_match_the_real_library(shipped, library):
    for profile in shipped.values():
        assert check_against_library(profile, library) == []


@pytest.mark.parametrize("key", ["twenterand", "enschede"])
def test_example_profiles_follow_the_brief(shipped, key):
    profile = shipped[key]
    assert 8 <= len(profile.themes) <= 15
    assert profile.roles and all(1 <= w.weight <= 3 for w in profile.roles.values())
    assert all(w.reason and "\n" not in w.reason for w in [*profile.roles.values(), *profile.themes.values()])
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", profile.description) if s]
    assert 3 <= len(sentences) <= 5
    assert "onze lezing" in profile.source


def test_example_profiles_put_their_own_themes_on_top(shipped, library):
    # the role part is at most 3, so a theme the profile names (1–3 on top) nearly always outranks the rest
    for profile in shipped.values():
        top = fit(profile, library, {}).top_themes
        assert sum(1 for t in top if t.direct) >= 8


# --- broken files -------------------------------------------------------------------------------

GOOD = """\
key: {key}
name: Testprofiel
description: Een gemeente die iets zoekt.
roles:
  verbinder:
    weight: 2
    reason: Omdat het zo is.
themes:
  5:
    weight: 3
    reason: Omdat het zo is.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ProfileError) as info:
        load_profiles(folder)
    return list(info.value.problems)


def test_a_good_file_loads(tmp_path):
    write(tmp_path, "proef.yaml", GOOD.format(key="proef"))
    [profile] = load_profiles(tmp_path)
    assert (profile.key, profile.roles["verbinder"].weight, profile.themes[5].weight) == ("proef", 2, 3)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("description: Een gemeente die iets zoekt.\n", "", ["description", "verplicht veld ontbreekt", "'description:'"]),
    ("    weight: 3\n", "    weight: 4\n", ["themes.5.weight", "waarde te hoog (4)", "1, 2 of 3"]),
    ("  verbinder:\n", "  baas:\n", ["roles.baas", "onbekende rol", "verbinder, adviseur"]),
    ("  5:\n", "  101:\n", ["themes.101", "geen bestaand themanummer", "1 tot 100"]),
    ("name: Testprofiel\n", "name: Testprofiel\nkleur: blauw\n", ["kleur", "onbekend veld", "toegestaan"]),
    ("    reason: Omdat het zo is.\n", "    reden: Omdat het zo is.\n", ["reden", "onbekend veld", "weight, reason"]),
    ("  5:\n    weight: 3\n    reason: Omdat het zo is.\n", "  5: 3\n", ["themes.5", "'weight: 2'"]),
    ("key: proef", "key: Proef Eén", ["key", "ongeldige sleutel", "kleine letters"]),
])
def test_broken_file_names_file_field_and_fix(tmp_path, old, new, expected):
    text = GOOD.format(key="proef")
    assert old in text
    write(tmp_path, "proef.yaml", text.replace(old, new, 1))
    [message] = [p for p in problems_of(tmp_path) if expected[0] in p]
    assert message.startswith(f"{tmp_path.name}/proef.yaml: ")
    for part in expected:
        assert part in message


def test_data_files_need_a_reason_for_every_weight(tmp_path):
    write(tmp_path, "proef.yaml", GOOD.format(key="proef").replace("    reason: Omdat het zo is.\n", "", 1))
    assert problems_of(tmp_path) == [
        f"{tmp_path.name}/proef.yaml: roles.verbinder.reason — reden ontbreekt — "
        "schrijf in één regel waarom dit gewicht bij deze gemeente past"]


def test_key_must_match_the_file_name(tmp_path):
    write(tmp_path, "proef.yaml", GOOD.format(key="anders"))
    [message] = problems_of(tmp_path)
    assert "proef.yaml: key" in message and "'key: proef'" in message


def test_problems_of_all_files_are_reported_together(tmp_path):
    write(tmp_path, "a.yaml", "key: a\nname: [niet afgesloten\n")
    write(tmp_path, "b.yaml", "key: b\nname: B\ndescription: Iets.\n")
    write(tmp_path, "c.yaml", GOOD.format(key="c"))
    found = problems_of(tmp_path)
    assert len(found) == 2
    assert found[0].startswith(f"{tmp_path.name}/a.yaml: - — YAML-fout (regel 3)")
    assert found[1] == (f"{tmp_path.name}/b.yaml: roles/themes — het profiel geeft geen enkel gewicht — "
                        "geef minstens één rol of één thema een gewicht van 1 tot 3")


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ProfileError, match="bestaat niet"):
        load_profiles(tmp_path / "nergens")


# --- profiles made in the app -------------------------------------------------------------------


def test_app_profile_survives_a_json_round_trip(shipped):
    profile = shipped["enschede"]
    stored = json.loads(profile.model_dump_json())  # theme numbers become strings in JSON
    assert "18" in stored["themes"]
    assert profile_from_dict(stored) == profile


def test_app_profile_needs_no_reasons_but_is_validated_the_same_way():
    made = profile_from_dict({"key": "vacature", "name": "Vacature X", "description": "Uit een advertentie.",
                              "themes": {"22": {"weight": 3}}})
    assert made.themes[22].weight == 3 and made.themes[22].reason == ""
    with pytest.raises(ProfileError) as info:
        profile_from_dict({"key": "vacature", "name": "Vacature X", "description": "Iets.",
                           "themes": {"0": {"weight": 2}}, "roles": {"adviseur": {"weight": 0}}})
    assert sorted(info.value.problems) == [
        "eigen profiel: roles.adviseur.weight — waarde te laag (0) — schrijf 1, 2 of 3; laat een rol of thema weg als het niet meetelt",
        "eigen profiel: themes.0 — geen bestaand themanummer — gebruik een heel getal van 1 tot 100",
    ]
    with pytest.raises(ProfileError, match="^eigen profiel: - — het profiel is geen lijst van velden"):
        profile_from_dict(["geen", "dict"])  # type: ignore[arg-type]


def test_check_against_library_names_missing_themes(mini):
    profile = profile_from_dict({"key": "p", "name": "P", "description": "D.", "themes": {"2": {"weight": 1},
                                                                                          "5": {"weight": 2}}})
    assert check_against_library(profile, mini) == [
        "p: themes.5 — thema 5 bestaat niet in de inhoud — kies een themanummer van 1 tot 3"]


# --- weights and fit, pinned on the mini content ------------------------------------------------
# Mini content role weights: 1 = verbinder 1.0, adviseur 0.5, directeur 0.5, persoon 0.2  (sum 2.2)
#                            2 = adviseur 1.0, persoon 0.5                                (sum 1.5)
#                            3 = boegbeeld 1.0, crisisleider 0.4, netwerker 0.6           (sum 2.0)

TINY = profile_from_dict({
    "key": "klein", "name": "Klein profiel", "description": "Om mee te rekenen.",
    "roles": {"adviseur": {"weight": 3, "reason": "Adviseren telt zwaar."}, "persoon": {"weight": 1}},
    "themes": {"1": {"weight": 2, "reason": "Thema een telt."}, "3": {"weight": 1}},
})
# w(1) = 2 + (3*0.5 + 1*0.2) / 2.2 = 2 + 1.7/2.2 = 61/22 = 2.772727
# w(2) = 0 + (3*1.0 + 1*0.5) / 1.5 = 3.5/1.5   = 7/3   = 2.333333
# w(3) = 1 + 0 / 2.0                              = 1
W1, W2, W3 = 61 / 22, 7 / 3, 1.0


def test_theme_weights_follow_the_formula(mini):
    assert theme_weights(TINY, mini) == pytest.approx({1: W1, 2: W2, 3: W3}, abs=1e-6)


def test_theme_weights_zero_for_themes_the_profile_does_not_touch(mini):
    crisis = profile_from_dict({"key": "c", "name": "C", "description": "D.", "roles": {"crisisleider": {"weight": 2}}})
    # w(3) = (2*0.4) / 2.0 = 0.4; themes 1 and 2 have no crisisleider weight
    assert theme_weights(crisis, mini) == pytest.approx({1: 0.0, 2: 0.0, 3: 0.4})
    result = fit(crisis, mini, {})
    assert [t.number for t in result.top_themes] == [3]
    assert [r.role for r in result.roles] == ["verbinder", "adviseur", "directeur", "crisisleider"]


def test_fit_roles_themes_strengths_attention_and_coverage(mini):
    answers = {1: Answer(1, mastery=4, importance=2), 2: Answer(2, mastery=2)}
    result = fit(TINY, mini, answers)
    # roles: the profile's (adviseur 3, persoon 1) plus the core three, in role order; scores as in scoring.py
    assert [(r.role, r.weight, None if r.score is None else round(r.score, 4), r.themes) for r in result.roles] == [
        ("verbinder", 0, 4.0, 1),
        ("adviseur", 3, 2.6667, 2),   # (0.5*4 + 1.0*2) / 1.5
        ("directeur", 0, 4.0, 1),
        ("persoon", 1, 2.5714, 2),    # (0.2*4 + 0.5*2) / 0.7
    ]
    assert result.roles[1].reason == "Adviseren telt zwaar."
    assert [(t.number, t.direct, t.mastery, t.reason) for t in result.top_themes] == [
        (1, 2, 4, "Thema een telt."), (2, 0, 2, ""), (3, 1, None, "")]
    assert [t.number for t in result.strengths] == [1]
    [weak] = result.attention
    assert (weak.number, weak.gap, weak.priority) == (2, 3, pytest.approx(7.0))  # 7/3 * (5 - 2)
    assert [t.number for t in result.unanswered] == [3]
    # covered (61/22 + 7/3) / total (61/22 + 7/3 + 1) = (337/66) / (403/66) = 337/403
    assert result.coverage == pytest.approx(337 / 403)


def test_attention_orders_by_weight_times_gap_and_strengths_by_weight(mini):
    low = {1: Answer(1, mastery=3), 2: Answer(2, mastery=1), 3: Answer(3, mastery=2)}
    # priorities: 1 -> 61/22 * 2 = 5.5455; 2 -> 7/3 * 4 = 9.3333; 3 -> 1 * 3 = 3
    assert [(t.number, round(t.priority, 4)) for t in fit(TINY, mini, low).attention] == [
        (2, 9.3333), (1, 5.5455), (3, 3.0)]
    high = {1: Answer(1, mastery=4), 2: Answer(2, mastery=4), 3: Answer(3, mastery=5)}
    # by weight 2.77 > 2.33 > 1.0, not by mastery (theme 3 has the 5)
    assert [t.number for t in fit(TINY, mini, high).strengths] == [1, 2, 3]
    assert [t.number for t in fit(TINY, mini, high, limit=2).strengths] == [1, 2]


def test_not_applicable_is_neither_attention_nor_unanswered_nor_covered(mini):
    answers = {1: Answer(1, mastery=4), 2: Answer(2, mastery=2), 3: Answer(3, not_applicable=True)}
    result = fit(TINY, mini, answers)
    assert result.unanswered == ()
    assert [t.number for t in result.attention] == [2]
    assert result.top_themes[2].not_applicable and result.top_themes[2].mastery is None
    assert result.coverage == pytest.approx(337 / 403)


def test_disclaimer_says_reflection_not_assessment():
    assert "geen beoordeling" in DISCLAIMER and "sollicitatie" in DISCLAIMER and "lezing" in DISCLAIMER
    assert 2 <= DISCLAIMER.count(". ") + 1 <= 3


def test_default_folder_is_in_the_project():
    assert (PROJECT_ROOT / "inhoud" / "functieprofielen" / "twenterand.yaml").is_file()
