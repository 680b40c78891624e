"""R4: import fuzzing. Thousands of generated files; no crash, and a rejected file changes nothing.

Failures hypothesis finds are kept, shrunk, as files in tests/fixtures/import_regressions/ and replayed
by ``test_regression_files`` on every run.
"""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.paths import FIXTURES
from wegwijzer.domain.transfer import ImportRejected
from wegwijzer.service import Service
from wegwijzer.service.access import Actor
from wegwijzer.storage import Store


def import_session(store: Store, person: int, raw: bytes, library) -> int:
    """An import as the app does it: through the service, as the person who imports."""
    return Service(store, library, Actor(person)).sessions.import_json(raw)

REGRESSIONS = FIXTURES / "import_regressions"

VALID = {
    "format": "wegwijzer-sessie", "version": 1, "exported_at": "2026-03-01T10:00:00+00:00", "app_version": "0.1.0",
    "session": {"label": "Voorjaar", "scope_kind": "hoofdstuk", "scope_key": "een", "perspective": "zittend",
                "themes": [1, 2, 3], "status": "afgerond", "created_at": "2026-03-01T09:00:00+00:00",
                "completed_at": "2026-03-01T10:00:00+00:00"},
    "answers": [{"theme": 1, "mastery": 4, "importance": 2, "not_applicable": False, "note": "goed"},
                {"theme": 3, "mastery": None, "importance": None, "not_applicable": True, "note": ""}],
    "actions": [{"theme": 1, "text": "Agenda bespreken"}],
}

json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                      st.text(max_size=30), st.sampled_from(["", "=1+1", "<script>", "afgerond", "zittend", "1"]))
json_value = st.recursive(json_leaf, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                             st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                          max_leaves=12)
PATHS = [(), ("format",), ("version",), ("session",), ("session", "themes"), ("session", "status"),
         ("session", "created_at"), ("session", "perspective"), ("answers",), ("answers", 0), ("answers", 0, "mastery"),
         ("answers", 0, "theme"), ("answers", 1, "not_applicable"), ("actions",), ("actions", 0, "text"),
         ("actions", 0, "theme")]


@st.composite
def export_files(draw) -> bytes:
    """A valid export with one to three parts replaced by arbitrary JSON, or arbitrary bytes."""
    kind = draw(st.sampled_from(["mutate", "mutate", "mutate", "bytes", "json"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "json":
        return json.dumps(draw(json_value)).encode()
    data = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        value = draw(json_value)
        if not path:
            data = value
            continue
        target = data
        try:
            for step in path[:-1]:
                target = target[step]
            if isinstance(target, dict) or (isinstance(target, list) and isinstance(path[-1], int) and path[-1] < len(target)):
                target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            pass
    return json.dumps(data).encode()


def check_one(store: Store, mini, raw: bytes) -> None:
    person = store.people.local_person()
    before = store.counts()
    try:
        new_id = import_session(store, person, raw, mini)
    except ImportRejected as exc:
        assert exc.message  # a Dutch reason, never a traceback
        assert store.counts() == before, "a rejected file changed the database"
    else:
        after = store.counts()
        assert after["sessions"] == before["sessions"] + 1
        assert after["answers"] - before["answers"] == len(store.sessions.answers(new_id))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=export_files())
def test_r4_generated_import_files_never_crash_or_leak(mini, raw):
    store = Store(":memory:")
    try:
        check_one(store, mini, raw)
    except AssertionError:
        raise
    except Exception:
        REGRESSIONS.mkdir(parents=True, exist_ok=True)
        (REGRESSIONS / f"found-{abs(hash(raw)) % 10**8}.bin").write_bytes(raw)  # keep it for the replay test
        raise
    finally:
        store.close()


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*")), ids=lambda p: p.name)
def test_regression_files(mini, path):
    store = Store(":memory:")
    check_one(store, mini, path.read_bytes())


def test_the_valid_file_itself_imports(mini):
    store = Store(":memory:")
    new_id = import_session(store, store.people.local_person(), json.dumps(VALID).encode(), mini)
    assert store.sessions.answers(new_id)[1].mastery == 4
