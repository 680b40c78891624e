"""Bad values and a full disk in the app: a Dutch message where it happened, nothing lost, never a traceback."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Radio

from tests.support.apptest import questionnaire
from tests.support.paths import ROOT
from tests.unit.storage.test_migrations import SEED_AT_VERSION
from wegwijzer.storage import Store, shared_store
from wegwijzer.storage.migrations import migrations


class TamperedRadio(Radio):
    """A radio whose browser sends a value it never offered, as a tampered websocket message can."""

    sent = "4.5"

    @property
    def _widget_state(self) -> WidgetState:
        return WidgetState(id=self.id, string_value=self.sent)


def chapter_session(store: Store) -> int:
    return store.sessions.create(store.people.local_person(), label="Voorjaar", scope_kind="hoofdstuk",
                                 scope_key="verbinder", perspective="zittend", themes=list(range(1, 8)))


def test_a_tampered_rating_is_refused_in_dutch_and_the_questionnaire_keeps_working(db_path):
    store = Store(db_path)
    sid = chapter_session(store)
    at = questionnaire(sid)
    radio = at.radio(key=f"m_{sid}_1")
    radio.__class__ = TamperedRadio
    at.run()
    assert not at.exception
    assert any("score van 1 tot en met 5" in e.value for e in at.error)
    assert store.sessions.answers(sid) == {}
    at.radio(key=f"m_{sid}_1").set_value(4).run()  # the session is not broken: the next rating is stored
    assert not at.exception and store.sessions.answers(sid)[1].mastery == 4
    at = questionnaire(sid)  # and it opens again later
    assert not at.exception


def test_a_session_holding_a_bad_score_from_before_opens_again(db_path):
    """Before migration 0006 a tampered 4.5 was stored, and that session's questionnaire crashed for good."""
    db = sqlite_utils.Database(db_path)
    migrations.apply(db, stop_before="0006_answer_checks")
    for sql in SEED_AT_VERSION["0001_people_sessions_answers"]:
        db.execute(sql)
    db.execute("UPDATE sessions SET status = 'open'")
    db.execute("INSERT INTO answers (session_id, theme, mastery, importance, note, updated_at)"
               " VALUES (1, 32, 4.5, 2, 'mijn notitie', 't')")
    db.conn.commit()
    db.close()
    at = questionnaire(1)
    assert not at.exception
    assert Store(db_path).sessions.answers(1)[32].note == "mijn notitie"


def test_a_full_disk_during_an_answer_is_a_dutch_message_at_that_theme_and_loses_nothing(db_path):
    store = Store(db_path)
    sid = chapter_session(store)
    at = questionnaire(sid)
    at.radio(key=f"m_{sid}_1").set_value(4).run()
    assert store.sessions.answers(sid)[1].mastery == 4

    app_store = shared_store(str(db_path))
    conn = app_store.conn  # the app's own connection: no page may be added any more
    conn.execute("VACUUM")  # no free pages left inside the file either
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    at.text_area(key=f"n_{sid}_2").set_value("Een lange notitie. " * 250).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("De schijf is vol" in e and "niet bewaard" in e for e in errors), errors
    with pytest.raises(sqlite3.OperationalError, match="full"):  # the disk was really "full"
        app_store.sessions.save_answer(sid, 2, note="x" * 50_000)

    conn.execute("PRAGMA max_page_count = 1073741823")  # room again
    kept = Store(db_path).sessions.answers(sid)
    assert kept[1].mastery == 4 and 2 not in kept  # what was stored is there; the failed note is not half-stored
    at.radio(key=f"m_{sid}_3").set_value(2).run()
    assert not at.exception and store.sessions.answers(sid)[3].mastery == 2


@pytest.mark.parametrize("page", ["vragenlijst", "dashboard"])
def test_a_huge_session_id_in_the_address_is_not_found_in_dutch(db_path, page):
    Store(db_path)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["sessie"] = "9999999999999999999999"
    at.run()
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Sessie niet gevonden"
