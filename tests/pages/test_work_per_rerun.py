"""Work a page does on every rerun stays small: data files once per process, a Spiegel aggregate only for a report."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT
from wegwijzer.content import profiles, study
from wegwijzer.demo import populate
from wegwijzer.service import Service, auth
from wegwijzer.service.access import LOGGED_OUT, Actor
from wegwijzer.service.mirror import MirrorService
from wegwijzer.storage import Store


def test_profiles_and_the_study_are_read_once_however_often_the_pages_rerun(db_path, monkeypatch, library):
    store = Store(db_path)
    populate(store, library, person_id=store.people.local_person(), scope="quickscan")
    reads = []
    real_research, real_profiles = study.load_research, profiles.load_profiles
    monkeypatch.setattr(study, "load_research", lambda path=None: reads.append("study") or real_research(path))
    monkeypatch.setattr(profiles, "load_profiles", lambda folder=None: reads.append("profiles") or real_profiles(folder))
    study.shared_research.cache_clear()
    profiles.shared_profiles.cache_clear()
    for page in ("app_pages/onderzoek.py", "app_pages/functieprofiel.py"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        at.run()
        at.switch_page(page)
        for _ in range(3):
            at.run()
            assert not at.exception
    assert sorted(reads) == ["profiles", "study"]


def test_the_dashboard_aggregates_a_spiegel_round_only_when_a_report_is_made(db_path, monkeypatch, library):
    """In server mode with a closed round the dashboard offers it for the report; drawing the page costs no aggregate."""
    monkeypatch.setenv("WEGWIJZER_MODE", "server")
    store = Store(db_path)
    pid = store.people.create_account("Sara", "sara@test.nl", "geen-echte-hash")
    [sid] = populate(store, library, person_id=pid, scope="quickscan")
    owner = Service(store, library, Actor(pid))
    round_id, links = owner.mirror.create_round(sid, "Voorjaar", list(store.sessions.get(sid).themes[:3]),
                                                [(f"Wethouder {i}", "college") for i in range(3)])
    for link in links:
        Service(store, library, LOGGED_OUT).mirror.submit_feedback(link.token, {store.sessions.get(sid).themes[0]: 4}, {})
    owner.mirror.close_round(round_id)
    # AppTest has no cookies: the login cookie is taken to belong to Sara
    monkeypatch.setattr(auth, "person_for_token", lambda _store, _token, **_: pid)
    made = []
    real = MirrorService.outcome
    monkeypatch.setattr(MirrorService, "outcome", lambda self, rid: made.append(rid) or real(self, rid))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["sessie"] = str(sid)
    at.run()
    at.switch_page("app_pages/dashboard.py")
    at.run()
    at.run()
    assert not at.exception
    assert at.selectbox(key=f"report_round_{sid}").value == round_id  # offered for the report
    assert made == []  # but not aggregated for a report nobody asked for
