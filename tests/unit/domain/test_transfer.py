"""Export and import: round trip, rejection without side effects, safe CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from wegwijzer.domain.transfer import ImportRejected, export_csv, export_json, safe_cell
from wegwijzer.service import Service
from wegwijzer.service.access import Actor
from wegwijzer.storage import Store


def import_session(store: Store, person: int, raw: bytes, library) -> int:
    """An import as the app does it: through the service, as the person who imports."""
    return Service(store, library, Actor(person)).sessions.import_json(raw)


def filled_session(store: Store) -> int:
    sid = store.sessions.create(store.people.local_person(), label="Voorjaar", scope_kind="hoofdstuk", scope_key="een",
                               perspective="aspirant", themes=[1, 2])
    store.sessions.save_answer(sid, 1, mastery=4, importance=2, note="Goed gesprek gehad")
    store.sessions.save_answer(sid, 2, not_applicable=True)
    store.sessions.save_action(sid, 1, "Agenda bespreken")
    store.sessions.set_status(sid, "afgerond")
    return sid


def exported(store: Store, sid: int) -> str:
    return export_json(store.sessions.get(sid), store.sessions.answers(sid), store.sessions.actions(sid))


def test_json_round_trip_keeps_everything(store, mini):
    sid = filled_session(store)
    new_id = import_session(store, store.people.local_person(), exported(store, sid).encode(), mini)
    assert new_id != sid
    assert store.sessions.answers(new_id) == store.sessions.answers(sid)
    assert store.sessions.actions(new_id) == store.sessions.actions(sid)
    old, new = store.sessions.get(sid), store.sessions.get(new_id)
    assert (new.label, new.scope_kind, new.scope_key, new.perspective, new.themes, new.status) == (
        old.label, old.scope_kind, old.scope_key, old.perspective, old.themes, old.status)


def mutate(text: str, fn) -> bytes:
    data = json.loads(text)
    fn(data)
    return json.dumps(data).encode()


BAD_FILES = {
    "not json": lambda t: b"{niet: json",
    "not utf-8": lambda t: b"\xff\xfe\x00garbage",
    "other format": lambda t: mutate(t, lambda d: d.update(format="iets-anders")),
    "a list": lambda t: b"[1, 2, 3]",
    "mastery 9": lambda t: mutate(t, lambda d: d["answers"][0].update(mastery=9)),
    "unknown field": lambda t: mutate(t, lambda d: d["session"].update(wachtwoord="x")),
    "score and n.v.t.": lambda t: mutate(t, lambda d: d["answers"][0].update(not_applicable=True)),
    "unknown theme": lambda t: mutate(t, lambda d: d["session"].update(themes=[1, 2, 77])),
    "answer outside session": lambda t: mutate(t, lambda d: d["answers"].append({"theme": 3, "mastery": 2})),
    "duplicate answer": lambda t: mutate(t, lambda d: d["answers"].append(dict(d["answers"][0]))),
    "bad date": lambda t: mutate(t, lambda d: d["session"].update(created_at="gisteren")),
    "huge": lambda t: b" " * 2_000_001,
    "deep nesting": lambda t: b"[" * 100_000,
    "action too long": lambda t: mutate(t, lambda d: d["actions"][0].update(text="x" * 1001)),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_import_gives_a_dutch_message_and_changes_nothing(store, mini, kind):
    sid = filled_session(store)
    before = store.counts()
    raw = BAD_FILES[kind](exported(store, sid))
    with pytest.raises(ImportRejected) as info:
        import_session(store, store.people.local_person(), raw, mini)
    assert info.value.message and info.value.message[0].isupper()
    assert store.counts() == before


def test_csv_has_one_row_per_theme_with_labels(store, mini):
    sid = filled_session(store)
    text = export_csv(mini, store.sessions.get(sid), store.sessions.answers(sid), store.sessions.actions(sid))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert [r["nummer"] for r in rows] == ["1", "2"]
    assert rows[0]["beheersing"] == "4" and rows[0]["beheersing_label"] == "Goed"
    assert rows[0]["actie"] == "Agenda bespreken"
    assert rows[1]["niet_van_toepassing"] == "ja" and rows[1]["beheersing"] == ""


@pytest.mark.parametrize("payload", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "|calc"])
def test_csv_cells_are_safe_against_formula_injection(store, mini, payload):
    sid = filled_session(store)
    store.sessions.save_answer(sid, 1, note=payload)
    text = export_csv(mini, store.sessions.get(sid), store.sessions.answers(sid), store.sessions.actions(sid))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0]["notitie"] == "'" + payload
    assert safe_cell("gewone tekst") == "gewone tekst" and safe_cell(3) == 3
