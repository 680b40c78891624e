"""Export and import: round trip, rejection without side effects, safe CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from wegwijzer.domain.records import ActionDraft
from wegwijzer.domain.transfer import ImportRejected, export_csv, export_json, export_plan_csv, safe_cell
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
    store.plan.add(store.people.local_person(), sid, ActionDraft(
        theme=2, what="Oefenen met de nieuwe werkwijze", due=dt.date(2026, 5, 1), support="Mijn coach",
        status="gedaan", look_back="Lastig\nmaar het werkt", created_at="2026-03-02T09:00:00+00:00"))
    store.sessions.set_status(sid, "afgerond")
    return sid


def plan_fields(a):
    return (a.theme, a.what, a.due, a.support, a.status, a.look_back, a.created_at)


def exported(store: Store, sid: int) -> str:
    return export_json(store.sessions.get(sid), store.sessions.answers(sid), store.plan.begun_in(sid))


def test_json_round_trip_keeps_everything(store, mini):
    sid = filled_session(store)
    new_id = import_session(store, store.people.local_person(), exported(store, sid).encode(), mini)
    assert new_id != sid
    assert store.sessions.answers(new_id) == store.sessions.answers(sid)
    assert store.sessions.actions(new_id) == store.sessions.actions(sid)
    assert [plan_fields(a) for a in store.plan.begun_in(new_id)] == [plan_fields(a) for a in store.plan.begun_in(sid)]
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
    "action too long": lambda t: mutate(t, lambda d: d["plan"][0].update(what="x" * 1001)),
    "dated action too long": lambda t: mutate(t, lambda d: d["plan"][1].update(what="x" * 301)),
    "empty action": lambda t: mutate(t, lambda d: d["plan"][0].update(what=" \u0000 ")),
    "look-back of 5,000": lambda t: mutate(t, lambda d: d["plan"][1].update(look_back="x" * 5000)),
    "unknown status": lambda t: mutate(t, lambda d: d["plan"][1].update(status="klaar")),
    "bad due date": lambda t: mutate(t, lambda d: d["plan"][1].update(due="morgen")),
    "action on no theme": lambda t: mutate(t, lambda d: d["plan"][1].update(theme=0)),
    "action on a theme outside the book": lambda t: mutate(t, lambda d: d["plan"][1].update(theme=99)),
    "one-line action outside session": lambda t: mutate(t, lambda d: d.update(
        version=1, actions=[{"theme": 3, "text": "Iets"}])),
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


def test_an_export_of_version_1_imports_its_one_line_actions_as_plan_actions(store, mini):
    """As migration 0011: each one-line action becomes an action "gepland" without a due date."""
    old = {"format": "wegwijzer-sessie", "version": 1, "exported_at": "2025-03-01T10:00:00+00:00",
           "session": {"label": "Oud", "scope_kind": "hoofdstuk", "scope_key": "een", "perspective": "zittend",
                       "themes": [1, 2], "status": "afgerond", "created_at": "2025-03-01T09:00:00+00:00"},
           "answers": [{"theme": 1, "mastery": 2, "importance": 3}],
           "actions": [{"theme": 1, "text": "  Agenda   bespreken "}, {"theme": 2, "text": "x" * 1000}]}
    new_id = import_session(store, store.people.local_person(), json.dumps(old).encode(), mini)
    assert [(a.theme, a.what, a.due, a.status) for a in store.plan.begun_in(new_id)] == [
        (1, "Agenda bespreken", None, "gepland"), (2, "x" * 1000, None, "gepland")]
    assert store.sessions.actions(new_id)[1].text == "Agenda bespreken"


def test_an_import_keeps_past_due_dates_and_hostile_text_as_text(store, mini):
    """History is imported as it was (a due date in the past is fine there); control characters are dropped."""
    sid = filled_session(store)
    raw = mutate(exported(store, sid), lambda d: d["plan"][1].update(
        due="2020-01-01", what="<script>alert(1)</script>\u0007 **vet**", support="=HYPERLINK(1)"))
    new_id = import_session(store, store.people.local_person(), raw, mini)
    action = store.plan.begun_in(new_id)[1]
    assert (action.due, action.what, action.support) == (dt.date(2020, 1, 1), "<script>alert(1)</script> **vet**",
                                                         "=HYPERLINK(1)")


def test_the_plan_csv_has_one_row_per_action_by_due_date_and_is_safe(store, mini):
    sid = filled_session(store)
    person = store.people.local_person()
    store.plan.add(person, sid, ActionDraft(theme=1, what="=1+1 eerder", due=dt.date(2026, 4, 1)))
    sessions = {s.id: s for s in store.sessions.of_person(person)}
    rows = list(csv.DictReader(io.StringIO(export_plan_csv(mini, store.plan.of_person(person), sessions).lstrip("\ufeff")),
                               delimiter=";"))
    assert [(r["actie"], r["datum"], r["status"]) for r in rows] == [
        ("'=1+1 eerder", "2026-04-01", "Gepland"), ("Oefenen met de nieuwe werkwijze", "2026-05-01", "Gedaan"),
        ("Agenda bespreken", "", "Gepland")]
    assert rows[1]["terugblik"] == "Lastig\nmaar het werkt" and rows[1]["met_wie_of_steun"] == "Mijn coach"
    assert rows[1]["thema"] == "Tweede thema" and rows[1]["begonnen_in_sessie"] == "Voorjaar"


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
