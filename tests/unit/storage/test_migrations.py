"""R5: every earlier schema version migrates with its data."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
import sqlite_utils

from wegwijzer.domain.records import Action, CoachPrep, StudyAnswers
from wegwijzer.storage import Store
from wegwijzer.storage.migrations import migrations

# Data to put in at each schema version, written with the SQL of that version only.
SEED_AT_VERSION = {
    "0001_people_sessions_answers": [
        "INSERT INTO people (id, name, created_at) VALUES (1, 'Lokale gebruiker', '2025-01-01T10:00:00+00:00')",
        "INSERT INTO sessions (id, person_id, label, scope_kind, scope_key, perspective, themes, status, created_at,"
        " updated_at) VALUES (1, 1, 'Voorjaar 2025', 'hoofdstuk', 'crisis', 'zittend', '[30, 31, 32, 33]', 'afgerond',"
        " '2025-03-01T10:00:00+00:00', '2025-03-01T11:00:00+00:00')",
        "INSERT INTO answers (session_id, theme, mastery, importance, not_applicable, note, updated_at)"
        " VALUES (1, 30, 4, 2, 0, 'oefening gehad', '2025-03-01T10:10:00+00:00'),"
        " (1, 31, NULL, NULL, 1, '', '2025-03-01T10:11:00+00:00')",
    ],
    "0002_actions": [
        "INSERT INTO actions (session_id, theme, text, updated_at) VALUES (1, 30, 'Crisisoefening plannen',"
        " '2025-03-01T10:20:00+00:00')",
    ],
    "0003_accounts_groups_coaching": [
        "INSERT INTO people (id, name, created_at) VALUES (2, 'Coach C', '2025-04-01T10:00:00+00:00')",
        "INSERT INTO accounts (person_id, email, password_hash, is_admin, created_at) VALUES"
        " (1, 'a@gemeente.nl', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', 1, '2025-04-01T10:00:00+00:00'),"
        " (2, 'c@coach.nl', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', 0, '2025-04-01T10:00:00+00:00')",
        "INSERT INTO groups (id, name, join_code, creator_id, naming, created_at) VALUES"
        " (1, 'Intervisie Oost', 'AAAA-BBBB-CCCC-DDDD', 1, 'deelnemers', '2025-04-02T10:00:00+00:00')",
        "INSERT INTO group_members (group_id, person_id, session_id, joined_at) VALUES"
        " (1, 1, 1, '2025-04-02T10:00:00+00:00')",
        "INSERT INTO coach_links (id, coachee_id, coach_id, code, scope, status, created_at, accepted_at) VALUES"
        " (1, 1, 2, 'EEEE-FFFF-GGGG-HHHH', 'scores', 'actief', '2025-04-03T10:00:00+00:00', '2025-04-03T11:00:00+00:00')",
        "INSERT INTO coach_preps (link_id, content, updated_at) VALUES (1, '{\"themes\": [30]}', '2025-04-04T10:00:00+00:00')",
    ],
    "0004_profiles_research_mirror": [
        "INSERT INTO own_profiles (id, person_id, data, updated_at) VALUES (1, 1, '{\"key\": \"vacature\"}',"
        " '2025-05-01T10:00:00+00:00')",
        "INSERT INTO research_answers (person_id, data, updated_at) VALUES (1, '{\"leadership\": \"verbindend\"}',"
        " '2025-05-01T10:00:00+00:00')",
        "INSERT INTO mirror_rounds (id, person_id, title, themes, self_scores, seed, created_at, expires_at, closed_at)"
        " VALUES (1, 1, 'Spiegel mei', '[30, 31]', '{\"30\": 4, \"31\": null}', 'abc', '2025-05-01T10:00:00+00:00',"
        " '2025-05-22T10:00:00+00:00', '2025-05-20T10:00:00+00:00')",
        "INSERT INTO mirror_invites (token_hash, round_id, label, category, used, created_at) VALUES"
        " ('ab12', 1, 'Wethouder', 'college', 1, '2025-05-01T10:00:00+00:00')",
        "INSERT INTO mirror_responses (id, round_id, category, ratings, comments) VALUES"
        " (1, 1, 'college', '{\"30\": 3, \"31\": null}', '{\"30\": \"sterk\"}')",
    ],
    "0005_session_origin": [
        "INSERT INTO sessions (id, person_id, label, scope_kind, scope_key, perspective, themes, status, created_at,"
        " updated_at, origin) VALUES (2, 1, 'Uit een export', 'quickscan', '', 'zittend', '[30]', 'afgerond',"
        " '2025-06-01T10:00:00+00:00', '2025-06-01T10:00:00+00:00', 'import')",
    ],
    "0006_answer_checks": [
        "INSERT INTO answers (session_id, theme, mastery, importance, not_applicable, note, updated_at)"
        " VALUES (2, 30, 5, 3, 0, '', '2025-07-01T10:00:00+00:00')",
    ],
    "0007_known_devices": [
        "INSERT INTO known_devices (token_hash, person_id, created_at, last_used_at) VALUES"
        " ('cd34', 1, '2025-07-01T10:00:00+00:00', '2025-07-01T10:00:00+00:00')",
    ],
    "0008_password_resets_account_events": [
        "INSERT INTO account_events (person_id, kind, admin_name, at) VALUES (1, 'reset_issued', 'Bea',"
        " '2025-07-01T10:00:00+00:00')",
    ],
    "0009_group_name_consent_and_pseudonym_seed": [
        "UPDATE group_members SET shows_name = 1 WHERE group_id = 1 AND person_id = 1",
    ],
    "0010_facilitated_mirror_rounds": [
        "UPDATE mirror_rounds SET kind = 'begeleid', facilitator_id = 2 WHERE id = 1",
    ],
    "0011_development_plan": [
        "INSERT INTO plan_actions (id, person_id, session_id, theme, what, due, support, status, look_back, created_at,"
        " updated_at) VALUES (7, 1, 1, 31, 'Draaiboek oefenen', '2025-09-01', 'de veiligheidsregio', 'gedaan',"
        " 'Ging beter dan gedacht', '2025-06-02T10:00:00+00:00', '2025-09-02T10:00:00+00:00')",
        "INSERT INTO plan_shares (action_id, group_id, person_id, shared_at) VALUES (7, 1, 1, '2025-09-03T10:00:00+00:00')",
    ],
}


def test_every_migration_has_seed_data_for_its_version():
    assert list(SEED_AT_VERSION) == [m.name for m in migrations._migrations]


@pytest.mark.parametrize("version", list(SEED_AT_VERSION))
def test_a_database_at_an_earlier_version_migrates_and_keeps_its_data(tmp_path, version):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    names = list(SEED_AT_VERSION)
    for step, name in enumerate(names[: names.index(version) + 1]):  # each seed at its own version
        migrations.apply(db, stop_before=names[step + 1] if step + 1 < len(names) else None)
        for sql in SEED_AT_VERSION[name]:
            db.execute(sql)
    db.conn.commit()
    db.close()

    store = Store(path)  # migrates to the newest version
    assert store.applied_migrations() == names
    session = store.sessions.get(1)
    assert (session.label, session.themes, session.status) == ("Voorjaar 2025", (30, 31, 32, 33), "afgerond")
    answers = store.sessions.answers(1)
    assert (answers[30].mastery, answers[30].importance, answers[30].note) == (4, 2, "oefening gehad")
    assert not session.imported  # sessions from before 0005 were made in the app
    if "0005_session_origin" in names[: names.index(version) + 1]:
        assert store.sessions.get(2).imported
    assert answers[31].not_applicable and answers[31].mastery is None
    if "0002_actions" in names[: names.index(version) + 1]:  # the one-line action is now a plan action
        assert store.sessions.actions(1)[30].text == "Crisisoefening plannen"
        carried = next(a for a in store.plan.of_person(1) if a.theme == 30)
        assert (carried.session_id, carried.what, carried.due, carried.status) == (1, "Crisisoefening plannen", None,
                                                                                   "gepland")
        assert carried.created_at == carried.updated_at == "2025-03-01T10:20:00+00:00"
    if "0011_development_plan" in names[: names.index(version) + 1]:
        action = store.plan.get(7)
        assert (action.due, action.support, action.status, action.look_back) == (
            dt.date(2025, 9, 1), "de veiligheidsregio", "gedaan", "Ging beter dan gedacht")
        assert store.plan.shared_groups(7) == [1]
    assert len(store.plan.installation()) == 32
    if "0003_accounts_groups_coaching" in names[: names.index(version) + 1]:
        assert store.people.account(1).email == "a@gemeente.nl" and store.people.account(1).is_admin
        assert [(m.person_id, m.session_id) for m in store.groups.members(1)] == [(1, 1)]
        at_0009 = "0009_group_name_consent_and_pseudonym_seed" in names[: names.index(version) + 1]
        if not at_0009:  # a group made before 0009 gets its own secret order when migrated
            assert len(store.groups.pseudonym_seed(1)) == 32
        # nobody agreed to show a name before 0009; afterwards the member's own choice is kept
        assert store.groups.members(1)[0].shows_name == at_0009
        assert store.groups.get(1).naming == "deelnemers"
        assert store.coaching.active_scope(2, 1) == "scores"
        assert store.coaching.prep(1) == CoachPrep(themes=(30,))
    if "0004_profiles_research_mirror" in names[: names.index(version) + 1]:
        # rounds from before 0010 were run by the person herself; afterwards the kind is kept
        at_0010 = "0010_facilitated_mirror_rounds" in names[: names.index(version) + 1]
        spiegel = store.mirror.round(1)
        assert (spiegel.kind, spiegel.facilitator_name) == (("begeleid", "Coach C") if at_0010 else ("zelf", ""))
        assert store.mirror.invites(1)[0].issued
    if "0008_password_resets_account_events" in names[: names.index(version) + 1]:
        assert [e.admin_name for e in store.audit.events(1)] == ["Bea"]
    if "0004_profiles_research_mirror" in names[: names.index(version) + 1]:
        assert store.personal.profiles(1) == [(1, {"key": "vacature"})]
        assert store.personal.study_answers(1) == StudyAnswers(leadership="verbindend")
        assert store.mirror.round(1).self_scores == {30: 4, 31: None}
        assert store.mirror.invites(1)[0].used == 1
        assert store.mirror.responses(1)[0].ratings == {30: 3, 31: None}
    if "0007_known_devices" in names[: names.index(version) + 1]:
        assert store.logins.device_person("cd34") == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_scores_stored_before_the_checks_are_made_whole_or_cleared_and_nothing_else_is_lost(tmp_path):
    """Before 0006 a tampered widget could store 4.5 as a score; that broke the session's questionnaire."""
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="0006_answer_checks")
    for sql in SEED_AT_VERSION["0001_people_sessions_answers"]:
        db.execute(sql)
    db.execute("INSERT INTO answers (session_id, theme, mastery, importance, not_applicable, note, updated_at) VALUES"
               " (1, 32, 4.5, 2.5, 0, 'getallen met een komma', 't'), (1, 33, 4.0, 3.0, 0, 'hele getallen', 't')")
    db.conn.commit()
    db.close()

    answers = Store(path).sessions.answers(1)
    assert (answers[32].mastery, answers[32].importance, answers[32].note) == (None, None, "getallen met een komma")
    assert (answers[33].mastery, answers[33].importance, answers[33].note) == (4, 3, "hele getallen")
    assert type(answers[33].mastery) is int
    assert (answers[30].mastery, answers[30].importance, answers[30].note) == (4, 2, "oefening gehad")
    assert answers[31].not_applicable
    with sqlite3.connect(path) as conn:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE answers SET mastery = 4.5 WHERE theme = 30")


def test_the_plan_migration_moves_every_one_line_action_and_drops_the_old_table(tmp_path):
    """0011 on a database at 0010 with several people, sessions and one-line actions: none is lost."""
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="0011_development_plan")
    db.execute("INSERT INTO people (id, name, created_at) VALUES (1, 'A', '2025-01-01'), (2, 'B', '2025-01-01')")
    for sid, person in ((1, 1), (2, 1), (3, 2)):
        db.execute("INSERT INTO sessions (id, person_id, label, scope_kind, perspective, themes, created_at, updated_at)"
                   " VALUES (?, ?, 'S', 'eigen', 'zittend', '[1, 2, 3]', '2025-01-01', '2025-01-01')", (sid, person))
    one_liners = [(1, 1, "Eerste"), (1, 2, "x" * 1000), (2, 1, "Later, in een tweede sessie"), (3, 3, "Van B \u2603"),
                  (3, 2, "   ")]
    for sid, theme, text in one_liners:
        db.execute("INSERT INTO actions (session_id, theme, text, updated_at) VALUES (?, ?, ?, '2025-02-01T00:00:00')",
                   (sid, theme, text))
    db.conn.commit()
    db.close()

    store = Store(path)
    moved = sorted((a.person_id, a.session_id, a.theme, a.what, a.due, a.status)
                   for p in (1, 2) for a in store.plan.of_person(p))
    assert moved == sorted((1 if sid < 3 else 2, sid, theme, text, None, "gepland")
                           for sid, theme, text in one_liners if text.strip())
    assert store.sessions.actions(1) == {1: Action(1, "Eerste"), 2: Action(2, "x" * 1000)}
    assert "actions" not in store.db.utils.table_names()
    store.sessions.delete(1)  # a plan action goes with the session where it began
    assert [a.session_id for a in store.plan.of_person(1)] == [2]
