"""Item 7 of issue 14: the coach's guide PDF is made with the scope at the moment of the click.

The page builds the maker when it is drawn; the coachee then downgrades or revokes the coach before the
click. The file must follow the new scope (no notes) or not be made at all.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.unit.domain.test_coaching import _pair
from ui.coach_guide import guide_maker
from wegwijzer.service import Service
from wegwijzer.service.access import AccessDenied, Actor

NOTE = "Moeilijk gesprek met de burgemeester"


def _text(pdf: bytes, tmp_path) -> str:
    (tmp_path / "g.pdf").write_bytes(pdf)
    return subprocess.run(["pdftotext", str(tmp_path / "g.pdf"), "-"], capture_output=True, text=True, check=True).stdout


def test_a_downgraded_coach_gets_no_notes_and_a_revoked_coach_gets_nothing(store, library, tmp_path):
    me, coach, coachee, ids, link = _pair(store, library, "scores_notities")
    make = guide_maker(coachee, "Cora", ids[1], None, [5], {5: "mijn vraag"}, {"goal": "Doel"}, "2026-12-03")
    at_click = lambda: Service(store, library, Actor(coach.actor.person_id))  # noqa: E731 - the service of the click
    assert NOTE in " ".join(_text(make(at_click()), tmp_path).split())  # drawn and clicked with notes allowed
    me.coaching.set_scope(link.id, "scores")  # the coachee downgrades after the page was drawn
    text = " ".join(_text(make(at_click()), tmp_path).split())
    assert NOTE not in text and "mijn vraag" in text
    me.coaching.revoke(link.id)
    with pytest.raises(AccessDenied):
        make(at_click())
