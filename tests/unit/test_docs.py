"""The docs keep up with the code: codes, fields, commands and figures."""

from __future__ import annotations

import re

from tests.support.paths import ROOT, THEMES
from wegwijzer.content.models import Theme
from wegwijzer.content.problems import CODES

README = (ROOT / "README.md").read_text(encoding="utf-8")
EDITORS = (THEMES / "README.md").read_text(encoding="utf-8")


def test_every_problem_code_is_listed_in_the_readme():
    listed = set(re.findall(r"^\| (T\d{3}) \|", README, flags=re.MULTILINE))
    assert listed == set(CODES)


def test_every_theme_field_is_explained_for_editors():
    for name in Theme.model_fields:
        if name != "body":
            assert f"`{name}`" in EDITORS, name


def test_every_schema_field_has_a_description():
    for name, field in Theme.model_fields.items():
        assert field.description, name


def test_template_has_every_required_field():
    template = (THEMES / "_sjabloon.md").read_text(encoding="utf-8")
    for name, field in Theme.model_fields.items():
        if field.is_required():
            assert re.search(rf"^{name}:", template, flags=re.MULTILINE), name


def test_the_two_readme_commands_exist_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make run" in README and "make test" in README
    assert re.search(r"^run:", makefile, flags=re.MULTILINE) and re.search(r"^test:", makefile, flags=re.MULTILINE)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_benchmark_figure_is_documented():
    for fid in ("P1", "P2", "P3", "P4", "P5", "P6", "P7", "S1", "L2", "M1"):
        assert f"| {fid} |" in README, fid
