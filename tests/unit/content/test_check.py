"""The content check: one broken fixture per code, each firing exactly that code on that line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.paths import FIXTURES, MINI, ROOT
from wegwijzer.content.library import check_folder, load_library
from wegwijzer.content.problems import CODES, ContentError

BROKEN = FIXTURES / "content" / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def build_case(name: str, tmp_path: Path) -> tuple[Path, dict]:
    folder = tmp_path / "thema's"
    shutil.copytree(MINI, folder)
    case = BROKEN / name
    expect = yaml.safe_load((case / "expect.yaml").read_text())
    for removed in expect["remove"]:
        (folder / removed).unlink()
    for file in case.iterdir():
        if file.name != "expect.yaml":
            shutil.copy(file, folder / file.name)
    return folder, expect


def test_there_is_a_fixture_for_every_code():
    assert sorted({name[:4] for name in CASES}) == sorted(CODES)


@pytest.mark.parametrize("name", CASES)
def test_broken_fixture_fires_exactly_its_code_on_its_line(name, tmp_path):
    folder, expect = build_case(name, tmp_path)
    library, problems = check_folder(folder)
    assert library is None
    found = [(p.code, p.path.split("/", 1)[1] if "/" in p.path else "-", p.line) for p in problems]
    assert found == [(expect["code"], expect["file"], expect["line"])]
    problem = problems[0]
    assert problem.message and problem.fix  # what is wrong, and how to fix it


def test_mini_fixture_itself_is_valid():
    library, problems = check_folder(MINI)
    assert problems == [] and len(library.themes) == 3


def test_load_library_raises_with_every_problem(tmp_path):
    folder, _ = build_case("T005-weight-out-of-range", tmp_path)
    (folder / "003-derde-thema.md").write_text("geen front matter\n")
    with pytest.raises(ContentError) as info:
        load_library(folder)
    assert sorted(p.code for p in info.value.problems) == ["T001", "T005"]


def test_problem_line_format_names_file_line_code_field_message_and_fix(tmp_path):
    folder, _ = build_case("T006-unknown-role", tmp_path)
    _, problems = check_folder(folder)
    assert problems[0].format() == (
        "thema's/002-tweede-thema.md:7: T006 roles.leider — onbekende rol 'leider' — gebruik alleen "
        "verbinder, adviseur, directeur, boegbeeld, crisisleider, netwerker, persoon")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wegwijzer", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)


def test_check_command_passes_on_the_real_content():
    result = run_cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok: 100 thema's, 19 hoofdstukken, 6 delen" in result.stdout


def test_check_command_exits_1_and_prints_problems(tmp_path):
    folder, _ = build_case("T010-unknown-chapter", tmp_path)
    result = run_cli("check", str(folder))
    assert result.returncode == 1
    assert result.stdout.startswith("thema's/002-tweede-thema.md:4: T010 chapter — ")
    assert result.stderr.startswith("1 probleem gevonden in ")  # Dutch, not "probleem/problemen"


def test_unreadable_bytes_are_reported_not_raised(tmp_path, mini_folder):
    (mini_folder / "002-tweede-thema.md").write_bytes(b"---\nnumber: 2\xff\xfe\n---\n")
    _, problems = check_folder(mini_folder)
    assert [p.code for p in problems] == ["T001"]


def test_missing_folder_is_a_problem_not_a_crash(tmp_path):
    _, problems = check_folder(tmp_path / "nergens")
    assert [p.code for p in problems] == ["T001"]
