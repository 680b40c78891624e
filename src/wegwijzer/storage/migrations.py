"""The schema's history: ordered, named migrations (sqlite-utils), applied once each, never edited.

Add a new function at the end for every change; a database made by any earlier version is brought up
to date at open (see ``Database.migrate``), and ``tests/unit/storage`` migrates from every version.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

migrations = Migrations("wegwijzer")


@migrations(name="0001_people_sessions_answers")
def _m0001(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT '',
            scope_kind TEXT NOT NULL CHECK (scope_kind IN ('alle','quickscan','deel','hoofdstuk','eigen')),
            scope_key TEXT NOT NULL DEFAULT '',
            perspective TEXT NOT NULL CHECK (perspective IN ('zittend','startend','aspirant')),
            themes TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','afgerond')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            completed_at TEXT
        )""")
    db.execute("CREATE INDEX sessions_person ON sessions(person_id, created_at)")
    db.execute("""
        CREATE TABLE answers (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            theme INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 100),
            mastery INTEGER CHECK (mastery BETWEEN 1 AND 5),
            importance INTEGER CHECK (importance BETWEEN 1 AND 3),
            not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0,1)),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (session_id, theme)
        )""")


@migrations(name="0002_actions")
def _m0002(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE actions (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            theme INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 100),
            text TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (session_id, theme)
        )""")


@migrations(name="0003_accounts_groups_coaching")
def _m0003(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE accounts (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            email TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0,1)),
            must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0,1)),
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE login_tokens (
            token_hash TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX login_tokens_person ON login_tokens(person_id)")
    db.execute("""
        CREATE TABLE login_failures (
            key TEXT NOT NULL,
            at REAL NOT NULL
        )""")
    db.execute("CREATE INDEX login_failures_key ON login_failures(key, at)")
    db.execute("""
        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            join_code TEXT NOT NULL UNIQUE,
            creator_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            naming TEXT NOT NULL DEFAULT 'namen' CHECK (naming IN ('namen','deelnemers')),
            agenda TEXT,
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE group_members (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            joined_at TEXT NOT NULL,
            PRIMARY KEY (group_id, person_id)
        )""")
    db.execute("CREATE INDEX group_members_person ON group_members(person_id)")
    db.execute("""
        CREATE TABLE coach_links (
            id INTEGER PRIMARY KEY,
            coachee_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            coach_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
            code TEXT NOT NULL UNIQUE,
            scope TEXT NOT NULL CHECK (scope IN ('scores','scores_notities')),
            status TEXT NOT NULL DEFAULT 'uitgenodigd' CHECK (status IN ('uitgenodigd','actief','ingetrokken')),
            created_at TEXT NOT NULL,
            accepted_at TEXT,
            revoked_at TEXT
        )""")
    db.execute("CREATE INDEX coach_links_coach ON coach_links(coach_id, status)")
    db.execute("CREATE INDEX coach_links_coachee ON coach_links(coachee_id, status)")
    db.execute("""
        CREATE TABLE coach_preps (
            link_id INTEGER PRIMARY KEY REFERENCES coach_links(id) ON DELETE CASCADE,
            content TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")


@migrations(name="0004_profiles_research_mirror")
def _m0004(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE own_profiles (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE research_answers (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE mirror_rounds (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            themes TEXT NOT NULL,
            self_scores TEXT NOT NULL,
            seed TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            closed_at TEXT
        )""")
    # an invitation knows its round and category; a response does not know its invitation
    db.execute("""
        CREATE TABLE mirror_invites (
            token_hash TEXT PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES mirror_rounds(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('college','directieteam','medewerkers','extern')),
            used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0,1)),
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE mirror_responses (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES mirror_rounds(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            ratings TEXT NOT NULL,
            comments TEXT NOT NULL
        )""")


@migrations(name="0005_session_origin")
def _m0005(db: sqlite_utils.Database) -> None:
    # "import" for a session brought in from a JSON export, so two alike sessions can be told apart
    db.execute("ALTER TABLE sessions ADD COLUMN origin TEXT NOT NULL DEFAULT 'app' CHECK (origin IN ('app','import'))")


@migrations(name="0006_answer_checks")
def _m0006(db: sqlite_utils.Database) -> None:
    # A score must be a whole number on its scale. "BETWEEN 1 AND 5" alone let a real like 4.5 in (a tampered
    # widget value), which then broke that session's questionnaire. SQLite adds a CHECK only by rebuilding the
    # table: copy, drop, rename, all inside the one migration transaction (nothing references ``answers``).
    # Rows stored before: a whole real (4.0) becomes the integer 4; anything else off the scale (4.5, 7, text)
    # becomes "not filled in" (NULL), since no honest whole score can be read from it; a bad
    # "niet van toepassing" flag counts as not set. The note and the rest of the row are kept.
    db.execute("""
        CREATE TABLE answers_checked (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            theme INTEGER NOT NULL CHECK (typeof(theme) = 'integer' AND theme BETWEEN 1 AND 100),
            mastery INTEGER CHECK (mastery IS NULL OR (typeof(mastery) = 'integer' AND mastery BETWEEN 1 AND 5)),
            importance INTEGER CHECK (importance IS NULL OR (typeof(importance) = 'integer' AND importance BETWEEN 1 AND 3)),
            not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (typeof(not_applicable) = 'integer' AND not_applicable IN (0,1)),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (session_id, theme)
        )""")
    db.execute("""
        INSERT INTO answers_checked (session_id, theme, mastery, importance, not_applicable, note, updated_at)
        SELECT session_id, CAST(theme AS INTEGER),
               CASE WHEN typeof(mastery) IN ('integer', 'real') AND mastery = CAST(mastery AS INTEGER)
                         AND mastery BETWEEN 1 AND 5 THEN CAST(mastery AS INTEGER) END,
               CASE WHEN typeof(importance) IN ('integer', 'real') AND importance = CAST(importance AS INTEGER)
                         AND importance BETWEEN 1 AND 3 THEN CAST(importance AS INTEGER) END,
               CASE WHEN not_applicable = 1 THEN 1 ELSE 0 END,
               COALESCE(note, ''), updated_at
        FROM answers""")
    db.execute("DROP TABLE answers")
    db.execute("ALTER TABLE answers_checked RENAME TO answers")


@migrations(name="0007_known_devices")
def _m0007(db: sqlite_utils.Database) -> None:
    # A browser that logged in as this person before (only the device cookie's hash): the right password
    # from there is heard at once, whatever failures came from elsewhere.
    db.execute("""
        CREATE TABLE known_devices (
            token_hash TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            last_used_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX known_devices_person ON known_devices(person_id)")


@migrations(name="0008_password_resets_account_events")
def _m0008(db: sqlite_utils.Database) -> None:
    # a one-time reset code an administrator hands out; only its hash, one open code per person
    db.execute("""
        CREATE TABLE password_resets (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            code_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""")
    # what was done to an account by or through an administrator; the person sees it, nobody can remove it
    db.execute("""
        CREATE TABLE account_events (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('reset_issued','reset_used')),
            admin_name TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX account_events_person ON account_events(person_id, at)")


@migrations(name="0009_group_name_consent_and_pseudonym_seed")
def _m0009(db: sqlite_utils.Database) -> None:
    # a name shows only for a member who agreed; nobody has agreed yet in existing groups
    db.execute("ALTER TABLE group_members ADD COLUMN shows_name INTEGER NOT NULL DEFAULT 0 CHECK (shows_name IN (0,1))")
    # the secret behind each group's order of "Deelnemer A, B, …" (not the join order)
    db.execute("ALTER TABLE groups ADD COLUMN pseudonym_seed TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE groups SET pseudonym_seed = lower(hex(randomblob(16)))")


@migrations(name="0010_facilitated_mirror_rounds")
def _m0010(db: sqlite_utils.Database) -> None:
    # "begeleid": a coach makes and hands out the rater links, so the person never holds them
    db.execute("ALTER TABLE mirror_rounds ADD COLUMN kind TEXT NOT NULL DEFAULT 'zelf' CHECK (kind IN ('zelf','begeleid'))")
    db.execute("ALTER TABLE mirror_rounds ADD COLUMN facilitator_id INTEGER REFERENCES people(id) ON DELETE SET NULL")
    # an invitation of a facilitated round waits (under a placeholder that is no token's hash) until issued
    db.execute("ALTER TABLE mirror_invites ADD COLUMN issued INTEGER NOT NULL DEFAULT 1 CHECK (issued IN (0,1))")


@migrations(name="0011_development_plan")
def _m0011(db: sqlite_utils.Database) -> None:
    """The development plan: actions with a due date and a status that live on across sessions.

    Every one-line action of ``actions`` (0002) moves into ``plan_actions`` as "gepland", without a due
    date, begun in its session and with its text and time; ``actions`` is then dropped. ``due`` may be
    NULL only for such carried-over one-line actions (see ``domain/plan.py``). ``plan_shares``: one
    action a member shows to one of their groups (gone when they leave the group). ``installation``:
    a random id of this database, for calendar UIDs that stay the same at every download.
    """
    db.execute("""
        CREATE TABLE plan_actions (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            theme INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 100),
            what TEXT NOT NULL CHECK (length(what) > 0),
            due TEXT,
            support TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland','bezig','gedaan','losgelaten')),
            look_back TEXT NOT NULL DEFAULT '',
            revision INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX plan_actions_person ON plan_actions(person_id, due)")
    db.execute("CREATE INDEX plan_actions_session ON plan_actions(session_id, theme)")
    db.execute("""
        INSERT INTO plan_actions (person_id, session_id, theme, what, status, created_at, updated_at)
        SELECT s.person_id, a.session_id, a.theme, a.text, 'gepland', a.updated_at, a.updated_at
        FROM actions a JOIN sessions s ON s.id = a.session_id
        WHERE length(trim(a.text)) > 0
        ORDER BY a.session_id, a.theme""")
    db.execute("DROP TABLE actions")
    db.execute("""
        CREATE TABLE plan_shares (
            action_id INTEGER NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
            group_id INTEGER NOT NULL,
            person_id INTEGER NOT NULL,
            shared_at TEXT NOT NULL,
            PRIMARY KEY (action_id, group_id),
            FOREIGN KEY (group_id, person_id) REFERENCES group_members(group_id, person_id) ON DELETE CASCADE
        )""")
    db.execute("CREATE INDEX plan_shares_group ON plan_shares(group_id)")
    db.execute("CREATE TABLE installation (id TEXT NOT NULL)")
    db.execute("INSERT INTO installation (id) VALUES (lower(hex(randomblob(16))))")
