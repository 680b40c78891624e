"""Export and import: round trip, rejection without side effects, safe CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from wegwijzer.domain.transfer import ImportRejected, export_csv, export_json, import_session, safe_cell
from wegwijzer.storage.database import Store


def filled_session(store: Store) -> int:
    sid = store.create_session(store.local_person(), label="Voorjaar", scope_kind="hoofdstuk", scope_key="een",
                               perspective="aspirant", themes=[1, 2])
    store.save_answer(sid, 1, mastery=4, importance=2, note="Goed gesprek gehad")
    store.save_answer(sid, 2, not_applicable=True)
    store.save_action(sid, 1, "Agenda bespreken")
    store.set_status(sid, "afgerond")
    return sid


def exported(store: Store, sid: int) -> str:
    return export_json(store.session(sid), store.answers(sid), store.actions(sid))


def test_json_round_trip_keeps_everything(store, mini):
    sid = filled_session(store)
    new_id = import_session(store, store.local_person(), exported(store, sid).encode(), mini)
    assert new_id != sid
    assert store.answers(new_id) == store.answers(sid)
    assert store.actions(new_id) == store.actions(sid)
    old, new = store.session(sid), store.session(new_id)
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
        import_session(store, store.local_person(), raw, mini)
    assert info.value.message and info.value.message[0].isupper()
    assert store.counts() == before


def test_csv_has_one_row_per_theme_with_labels(store, mini):
    sid = filled_session(store)
    text = export_csv(mini, store.session(sid), store.answers(sid), store.actions(sid))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert [r["nummer"] for r in rows] == ["1", "2"]
    assert rows[0]["beheersing"] == "4" and rows[0]["beheersing_label"] == "Goed"
    assert rows[0]["actie"] == "Agenda bespreken"
    assert rows[1]["niet_van_toepassing"] == "ja" and rows[1]["beheersing"] == ""


@pytest.mark.parametrize("payload", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "|calc"])
def test_csv_cells_are_safe_against_formula_injection(store, mini, payload):
    sid = filled_session(store)
    store.save_answer(sid, 1, note=payload)
    text = export_csv(mini, store.session(sid), store.answers(sid), store.actions(sid))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0]["notitie"] == "'" + payload
    assert safe_cell("gewone tekst") == "gewone tekst" and safe_cell(3) == 3
