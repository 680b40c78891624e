"""Widget callbacks: a refusal while a callback runs is a Dutch message on the page, never a traceback."""

from __future__ import annotations

from tests.support.apptest import questionnaire
from wegwijzer.storage import Store


def test_a_rating_after_the_session_was_deleted_in_another_tab_shows_the_dutch_refusal(db_path):
    store = Store(db_path)
    sid = store.sessions.create(store.people.local_person(), label="Voorjaar", scope_kind="hoofdstuk",
                                scope_key="verbinder", perspective="zittend", themes=list(range(1, 8)))
    at = questionnaire(sid)
    store.sessions.delete(sid)  # what "Sessie verwijderen" in another tab does
    at.radio(key=f"m_{sid}_1").set_value(4).run()
    assert not at.exception  # before: AccessDenied escaped the callback as a traceback
    assert at.title[0].value == "Sessie niet gevonden"
    assert any("bestaat niet (meer)" in e.value for e in at.error)
    assert store.sessions.get(sid) is None and store.counts()["answers"] == 0


def test_a_note_on_a_completed_session_elsewhere_shows_why_and_keeps_nothing(db_path):
    """A ServiceError in a callback (the session was completed in another tab) is shown at the theme itself."""
    store = Store(db_path)
    sid = store.sessions.create(store.people.local_person(), label="Voorjaar", scope_kind="hoofdstuk",
                                scope_key="verbinder", perspective="zittend", themes=list(range(1, 8)))
    at = questionnaire(sid)
    store.sessions.set_status(sid, "afgerond")
    at.radio(key=f"m_{sid}_2").set_value(3).run()
    assert not at.exception
    assert any("Deze sessie is afgerond" in e.value for e in at.error)
    assert store.sessions.answers(sid) == {}
