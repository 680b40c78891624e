"""Failures underneath become Dutch for the person and a logged detail for the administrator."""

from __future__ import annotations

import logging
import sqlite3
import tomllib

import pytest

from tests.support.paths import ROOT
from wegwijzer.service import failures
from wegwijzer.storage import DatabaseProblem, Store


def raised(action) -> BaseException:
    with pytest.raises(Exception) as info:
        action()
    return info.value


def test_a_full_database_is_told_as_a_full_disk_and_keeps_what_was_stored(file_store):
    sid = file_store.sessions.create(file_store.people.local_person(), label="V", scope_kind="alle", scope_key="",
                                     perspective="zittend", themes=[1, 2])
    file_store.sessions.save_answer(sid, 1, mastery=4)
    file_store.conn.execute("VACUUM")
    pages = file_store.conn.execute("PRAGMA page_count").fetchone()[0]
    file_store.conn.execute(f"PRAGMA max_page_count = {pages}")
    exc = raised(lambda: file_store.sessions.save_answer(sid, 2, note="x" * 20_000))
    assert failures.kind_of(exc) == "full"  # not hidden behind "cannot rollback - no transaction is active"
    assert not file_store.conn.in_transaction
    assert file_store.sessions.answers(sid)[1].mastery == 4 and 2 not in file_store.sessions.answers(sid)


def test_read_only_and_damaged_databases_are_named_for_what_they_are(tmp_path, store):
    store.conn.execute("PRAGMA query_only = ON")
    assert failures.kind_of(raised(lambda: store.people.local_person())) == "readonly"
    store.conn.execute("PRAGMA query_only = OFF")
    damaged = tmp_path / "kapot.db"
    damaged.write_bytes(b"geen database" * 100)
    assert failures.kind_of(raised(lambda: Store(damaged))) == "corrupt"
    assert failures.kind_of(sqlite3.OperationalError("database is locked")) == "database"
    assert failures.kind_of(DatabaseProblem("...", "readonly")) == "readonly"
    assert failures.kind_of(OSError(28, "No space left on device")) == "full"
    assert failures.kind_of(KeyError("x")) == "other"


def test_report_logs_the_detail_and_returns_dutch_without_it(caplog):
    try:
        raise sqlite3.OperationalError("database or disk is full: /srv/geheim/wegwijzer.db")
    except sqlite3.OperationalError as exc:
        exc.sqlite_errorname = "SQLITE_FULL"
        with caplog.at_level(logging.ERROR, logger="wegwijzer"):
            failure = failures.report(exc, "test")
    assert failure.title == "De schijf is vol" and "/srv" not in failure.message
    assert "/srv/geheim/wegwijzer.db" in caplog.text and "Traceback" in caplog.text


def test_the_shipped_config_shows_no_error_text_type_or_traceback():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"  # false would still show the traceback
