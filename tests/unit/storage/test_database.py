"""The database module: migrations, answers, sessions, concurrency and broken files."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils

from tests.support.paths import ROOT
from wegwijzer.storage import DatabaseProblem, Store
from wegwijzer.storage.migrations import migrations


def new_session(store: Store, themes=(1, 2, 3)) -> int:
    return store.sessions.create(store.people.local_person(), label="Test", scope_kind="alle", scope_key="",
                                perspective="zittend", themes=list(themes))


def all_at_once(work: Callable[[int], None], session_ids: list[int]) -> list[BaseException]:
    """``work(sid)`` in one thread per session, all started together; what any of them raised."""
    errors: list[BaseException] = []

    def guarded(sid: int) -> None:
        try:
            work(sid)
        except BaseException as exc:  # noqa: BLE001 - collected, the test asserts there are none
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(sid,)) for sid in session_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_migrations_are_recorded_and_applying_twice_changes_nothing(tmp_path):
    path = tmp_path / "w.db"
    first = Store(path)
    names = first.applied_migrations()
    assert names == ["0001_people_sessions_answers", "0002_actions", "0003_accounts_groups_coaching",
                     "0004_profiles_research_mirror", "0005_session_origin", "0006_answer_checks",
                     "0007_known_devices", "0008_password_resets_account_events",
                     "0009_group_name_consent_and_pseudonym_seed", "0010_facilitated_mirror_rounds",
                     "0011_development_plan"]
    first.close()
    again = Store(path)
    assert again.applied_migrations() == names
    migrations.apply(again.db.utils)  # the library's own call, too, is a no-op now
    assert again.applied_migrations() == names


def test_failing_migration_rolls_back_and_stays_pending(tmp_path):
    path = tmp_path / "w.db"
    Store(path).close()
    from sqlite_utils import Migrations

    extra = Migrations("wegwijzer-test")

    @extra()
    def breaks(db):
        db.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("boom")

    db = sqlite_utils.Database(path)
    with pytest.raises(RuntimeError):
        extra.apply(db)
    assert "half_done" not in db.table_names()
    assert [m.name for m in extra.pending(db)] == ["breaks"]


def test_database_is_in_wal_mode(file_store):
    assert file_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_local_person_is_created_once(store):
    assert store.people.local_person() == store.people.local_person()
    assert store.counts()["people"] == 1


def test_answer_changes_are_stored_field_by_field(store):
    sid = new_session(store)
    store.sessions.save_answer(sid, 1, mastery=4)
    store.sessions.save_answer(sid, 1, importance=2)
    store.sessions.save_answer(sid, 1, note="Bespreken met de burgemeester")
    a = store.sessions.answers(sid)[1]
    assert (a.mastery, a.importance, a.not_applicable, a.note) == (4, 2, False, "Bespreken met de burgemeester")


def test_an_answer_added_by_another_process_between_the_update_and_the_insert_is_changed_not_refused(tmp_path):
    """save_answer tries an UPDATE and inserts only when no row was there. Another process may add the row in
    between; the insert then changes that row (keeping the fields not named) instead of failing on the key."""
    path = tmp_path / "w.db"
    store, other = Store(path), Store(path)
    sid = new_session(store)
    update = store.db.write_one

    def update_while_another_process_inserts(sql, params=()):
        changed = update(sql, params)
        if sql.startswith("UPDATE") and changed == 0:
            other.sessions.save_answer(sid, 1, mastery=2, note="Van de andere kant")
        return changed

    store.db.write_one = update_while_another_process_inserts
    store.sessions.save_answer(sid, 1, importance=3)
    a = Store(path).sessions.answers(sid)[1]
    assert (a.mastery, a.importance, a.note) == (2, 3, "Van de andere kant")


def test_not_applicable_clears_the_score_and_a_score_clears_not_applicable(store):
    sid = new_session(store)
    store.sessions.save_answer(sid, 2, mastery=3, importance=3)
    store.sessions.save_answer(sid, 2, not_applicable=True)
    a = store.sessions.answers(sid)[2]
    assert (a.mastery, a.not_applicable, a.importance) == (None, True, 3)
    store.sessions.save_answer(sid, 2, mastery=5)
    a = store.sessions.answers(sid)[2]
    assert (a.mastery, a.not_applicable) == (5, False)


def test_out_of_range_values_are_refused_by_the_database(store):
    sid = new_session(store)
    with pytest.raises(sqlite3.IntegrityError):
        store.sessions.save_answer(sid, 1, mastery=6)
    assert store.sessions.answers(sid) == {}


@pytest.mark.parametrize(("field", "value"), [("mastery", 4.5), ("mastery", "vier"), ("mastery", 0),
                                              ("importance", 2.5), ("importance", 4), ("importance", "2,5")])
def test_a_score_that_is_no_whole_number_on_its_scale_is_refused_by_the_database(store, field, value):
    sid = new_session(store)
    with pytest.raises(sqlite3.IntegrityError):
        store.sessions.save_answer(sid, 1, **{field: value})
    assert store.sessions.answers(sid) == {}


def test_unknown_answer_field_is_refused(store):
    sid = new_session(store)
    with pytest.raises(ValueError):
        store.sessions.save_answer(sid, 1, score=3)


def test_session_progress_status_and_reopen(store):
    sid = new_session(store)
    store.sessions.save_answer(sid, 1, mastery=3)
    store.sessions.save_answer(sid, 2, not_applicable=True)
    store.sessions.save_answer(sid, 3, importance=2)  # importance alone is not an answer yet
    record = store.sessions.get(sid)
    assert (record.answered, record.progress) == (2, pytest.approx(2 / 3))
    store.sessions.set_status(sid, "afgerond")
    assert store.sessions.get(sid).status == "afgerond" and store.sessions.get(sid).completed_at
    store.sessions.set_status(sid, "open")
    assert store.sessions.get(sid).status == "open" and store.sessions.get(sid).completed_at is None


def test_actions_are_stored_and_an_empty_action_removes_it(store):
    sid = new_session(store)
    store.sessions.save_action(sid, 2, "  Gesprek met de griffier plannen ")
    assert store.sessions.actions(sid)[2].text == "Gesprek met de griffier plannen"
    store.sessions.save_action(sid, 2, "")
    assert store.sessions.actions(sid) == {}


def test_deleting_a_session_removes_its_answers_and_actions(store):
    sid = new_session(store)
    store.sessions.save_answer(sid, 1, mastery=3)
    store.sessions.save_action(sid, 1, "Iets")
    store.sessions.delete(sid)
    assert store.counts() == {"people": 1, "sessions": 0, "answers": 0, "actions": 0}


def test_delete_person_data_removes_everything_of_that_person(store):
    for _ in range(2):
        sid = new_session(store)
        store.sessions.save_answer(sid, 1, mastery=3)
    store.sessions.delete_of_person(store.people.local_person())
    assert store.counts()["sessions"] == 0 and store.counts()["answers"] == 0


def test_a_file_database_keeps_answers_across_reopen(tmp_path):
    path = tmp_path / "sub" / "w.db"  # the folder is created
    s = Store(path)
    sid = new_session(s)
    s.sessions.save_answer(sid, 1, mastery=2)
    s.close()
    assert Store(path).sessions.answers(sid)[1].mastery == 2


def test_r2_twenty_threads_write_at_once_without_locking_errors(tmp_path):
    path = tmp_path / "w.db"
    setup = Store(path)
    sessions = [new_session(setup, themes=range(1, 101)) for _ in range(20)]

    def writer(sid: int) -> None:
        own = Store(path)  # a connection of its own, like separate processes
        try:
            for n in range(1, 101):
                own.sessions.save_answer(sid, n, mastery=1 + n % 5, importance=1 + n % 3)
        finally:
            own.close()

    assert all_at_once(writer, sessions) == []
    assert setup.counts()["answers"] == 20 * 100


def test_twenty_threads_sharing_one_store_store_every_answer(tmp_path):
    """The app's case: sessions are threads sharing one connection; write_one asks for its lock again after a
    short sleep instead of queueing, and no answer may be lost or fail on the way."""
    store = Store(tmp_path / "w.db")
    sessions = [new_session(store, themes=range(1, 101)) for _ in range(20)]

    def writer(sid: int) -> None:
        for n in range(1, 101):
            store.sessions.save_answer(sid, n, mastery=1 + n % 5)
            store.sessions.save_answer(sid, n, importance=1 + n % 3)

    assert all_at_once(writer, sessions) == []
    for sid in sessions:
        assert {n: (a.mastery, a.importance) for n, a in store.sessions.answers(sid).items()} == {
            n: (1 + n % 5, 1 + n % 3) for n in range(1, 101)}


def test_one_write_waits_for_another_threads_transaction_instead_of_joining_it(tmp_path):
    """While one thread's transaction is open on the shared connection, an answer written by another thread
    waits for it: run inside that transaction, it would be rolled back with it."""
    store = Store(tmp_path / "w.db")
    sid = new_session(store)
    inside, done = threading.Event(), threading.Event()

    def failing_transaction() -> None:
        with pytest.raises(RuntimeError), store.db.write() as conn:
            conn.execute("UPDATE sessions SET label = 'Half' WHERE id = ?", (sid,))
            inside.set()
            done.wait(0.3)  # the other thread's write arrives meanwhile
            raise RuntimeError("rolled back")

    holder = threading.Thread(target=failing_transaction)
    holder.start()
    inside.wait()
    writer = threading.Thread(target=lambda: (store.sessions.save_answer(sid, 2, mastery=4), done.set()))
    writer.start()
    holder.join()
    writer.join()
    assert store.sessions.get(sid).label == "Test"
    assert store.sessions.answers(sid)[2].mastery == 4


def test_corrupt_file_gives_a_dutch_message_and_is_not_overwritten(tmp_path):
    path = tmp_path / "w.db"
    path.write_bytes(b"dit is geen database" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem) as info:
        Store(path)
    assert "geen SQLite-database" in info.value.message and "niets overschreven" in info.value.message
    assert path.read_bytes() == before


def test_damaged_sqlite_file_gives_a_dutch_message(tmp_path):
    path = tmp_path / "w.db"
    Store(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00" * (4096 - 100)  # wipe the schema page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem) as info:
        Store(path)
    assert "beschadigd" in info.value.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_gives_a_dutch_message(tmp_path):  # pragma: no cover - CI runs as root
    path = tmp_path / "w.db"
    Store(path).close()
    path.chmod(0o444)
    with pytest.raises(DatabaseProblem) as info:
        Store(path)
    assert "alleen-lezen" in info.value.message


def test_read_only_check_is_real_for_root_too(tmp_path, monkeypatch):
    """Root can write anything, so the permission check is exercised through os.access."""
    path = tmp_path / "w.db"
    Store(path).close()
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != path)
    with pytest.raises(DatabaseProblem) as info:
        Store(path)
    assert "alleen-lezen" in info.value.message


def test_a_directory_where_the_file_should_be(tmp_path):
    (tmp_path / "w.db").mkdir()
    with pytest.raises(DatabaseProblem):
        Store(tmp_path / "w.db")


def test_leftover_wal_files_of_a_deleted_database_do_not_break_a_new_one(tmp_path):
    path = tmp_path / "w.db"
    old = Store(path)
    sid = new_session(old)
    old.sessions.save_answer(sid, 1, mastery=3)
    # deleting only the .db while the -wal and -shm files stay behind (an easy mistake by hand)
    (tmp_path / "w.db-wal").write_bytes(b"x" * 4096)
    (tmp_path / "w.db-shm").write_bytes(b"y" * 32768)
    old.close()
    path.unlink()
    (tmp_path / "w.db-wal").write_bytes(b"x" * 4096)
    (tmp_path / "w.db-shm").write_bytes(b"y" * 32768)
    fresh = Store(path)
    assert fresh.counts()["sessions"] == 0
    assert len(list(tmp_path.glob("w.db-wal.wees-*"))) == 1


def test_a_second_store_on_one_file_keeps_the_first_ones_view_current(tmp_path):
    """Regression: the header check of a second Store opened and closed the file, which drops every POSIX
    lock of the process; another process then deleted the WAL under the open connections, which from then
    on read an old state (in server mode: new accounts could not log in)."""
    import subprocess
    import sys

    path = tmp_path / "w.db"
    first = Store(path)
    person = first.people.local_person()
    first.sessions.create(person, label="eerst", scope_kind="eigen", scope_key="", perspective="zittend", themes=[1])
    second = Store(path)
    assert len(second.sessions.of_person(person)) == 1
    code = ("import sys; sys.path.insert(0, 'src'); from wegwijzer.storage import Store; "
            f"s = Store({str(path)!r}); s.sessions.create({person}, label='anders', scope_kind='eigen', scope_key='', "
            "perspective='zittend', themes=[1]); s.close()")
    for expected in (2, 3):
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        assert len(first.sessions.of_person(person)) == expected
        assert len(second.sessions.of_person(person)) == expected
    assert (tmp_path / "w.db-wal").exists()  # the other process left the WAL of the open connections alone


def test_one_shared_store_per_file_however_the_path_is_written(tmp_path, monkeypatch):
    from wegwijzer.storage import shared_store

    first = shared_store(tmp_path / "w.db")
    monkeypatch.chdir(tmp_path)
    assert shared_store("w.db") is first
    assert shared_store(str(tmp_path / "." / "w.db")) is first
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    other = shared_store("w.db")
    assert other is not first and other.path.endswith("w.db")
    other.close()
    first.close()
    again = shared_store(tmp_path / "w.db")
    assert again is not first and again.conn.execute("SELECT 1").fetchone()[0] == 1
    again.close()
