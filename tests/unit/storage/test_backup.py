"""Backup while the app writes, and restore."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading

import pytest

from wegwijzer import clock
from wegwijzer.storage import DatabaseProblem, Store
from wegwijzer.storage.backup import backup, restore


def test_backup_during_writes_then_restore_brings_the_data_back(tmp_path):
    path = tmp_path / "w.db"
    live = Store(path)
    sid = live.sessions.create(live.people.local_person(), label="x", scope_kind="alle", scope_key="", perspective="zittend",
                              themes=list(range(1, 101)))
    for n in range(1, 51):
        live.sessions.save_answer(sid, n, mastery=3)
    stop = threading.Event()

    def keep_writing():
        n = 51
        while not stop.is_set() and n <= 100:
            live.sessions.save_answer(sid, n, mastery=4)
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    copy = backup(path, tmp_path / "copy.db")
    stop.set()
    writer.join()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        backed_up = conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    assert 50 <= backed_up <= 100

    live.sessions.delete(sid)  # disaster
    live.close()
    restore(copy, path)
    again = Store(path)
    assert len(again.sessions.answers(sid)) == backed_up
    aside = list(tmp_path.glob("w.voor-herstel-*.db"))
    assert len(aside) == 1  # the replaced database is kept aside


def test_restore_refuses_a_file_that_is_not_a_wegwijzer_database(tmp_path):
    path = tmp_path / "w.db"
    Store(path).close()
    bogus = tmp_path / "bogus.db"
    with sqlite3.connect(bogus) as conn:
        conn.execute("CREATE TABLE iets (x)")
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem):
        restore(bogus, path)
    assert path.read_bytes() == before


def test_backup_of_a_missing_database_says_so(tmp_path):
    with pytest.raises(DatabaseProblem):
        backup(tmp_path / "nergens.db")


def test_an_older_database_readable_by_others_is_made_private_when_opened(tmp_path, caplog):
    path = tmp_path / "oud.db"
    Store(path).close()
    for file in (path, path.with_name("oud.db-wal")):
        file.touch()
        os.chmod(file, 0o644)  # as databases were made before they were created 0600
    Store(path).close()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert "readable by its owner only" in caplog.text


def test_database_and_backups_are_readable_by_their_owner_only_and_a_restore_ends_every_login(tmp_path):
    path = tmp_path / "w.db"
    live = Store(path)
    person = live.people.create("Anna")
    live.logins.add_token("hash-van-een-oude-login", person, "2999-01-01T00:00:00+00:00")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    copy = backup(path, tmp_path / "copy.db")
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    live.logins.end_all(person)  # logged out after the backup was made
    live.close()
    restore(copy, path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in tmp_path.glob("w.voor-herstel-*.db"))
    restored = Store(path)
    assert restored.logins.person_for_token("hash-van-een-oude-login", "2000-01-01") is None  # not back to life
    assert restored.people.create("Bert")  # the rest is there and works
    restored.close()


def test_a_backups_name_carries_the_time_on_a_dutch_clock(tmp_path):
    """The name is what people read in data/backups/; on a server that runs on UTC it was an hour (or two) off."""
    path = tmp_path / "w.db"
    Store(path)
    copy = backup(path)
    stamp = dt.datetime.strptime(copy.stem.removeprefix("w-"), "%Y%m%d-%H%M%S").replace(tzinfo=clock.HOME)
    assert abs(clock.local_now() - stamp) < dt.timedelta(minutes=1)
