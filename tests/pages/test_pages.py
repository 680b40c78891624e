"""Every page renders, and the core flow works, through streamlit's AppTest (no browser)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT
from wegwijzer.demo import populate
from wegwijzer.storage import Store

APP = str(ROOT / "app.py")
PAGES = ["app_pages/start.py", "app_pages/vragenlijst.py", "app_pages/dashboard.py", "app_pages/bibliotheek.py",
         "app_pages/functieprofiel.py", "app_pages/onderzoek.py",
         "app_pages/thema.py", "app_pages/gegevens.py"]


def app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for k, v in query.items():
        at.query_params[k] = str(v)
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_errors(db_path, library, page):
    store = Store(db_path)
    [sid] = populate(store, library, person_id=store.people.local_person(), scope="quickscan")
    at = app(sessie=sid, nr=17)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception
    assert at.title, page


def test_server_mode_without_a_login_shows_only_the_way_to_log_in(db_path, monkeypatch):
    monkeypatch.setenv("WEGWIJZER_MODE", "server")
    at = app()
    at.run()
    assert not at.exception
    assert at.title[0].value == "Je bent niet ingelogd"
    with pytest.raises(ValueError, match=r"Known pages: \['[^']*app_pages/account\.py'\]"):
        at.switch_page("app_pages/groepen.py")  # logged out, the navigation holds the login page only


def test_start_page_lists_no_sessions_yet_and_offers_a_new_one(db_path):
    at = app()
    at.run()
    assert at.title[0].value == "Wegwijzer voor de gemeentesecretaris"
    assert any(b.label == "Sessie starten" for b in at.button)


def test_flow_start_rate_a_chapter_and_see_the_numbers_on_the_dashboard(db_path):
    at = app()
    at.run()
    at.radio(key="new_scope").set_value("hoofdstuk").run()
    at.selectbox(key="new_chapter").set_value("dienstverlening").run()
    at.button[0].click().run()  # "Sessie starten" (the only button on an empty start page)
    assert not at.exception

    store = Store(db_path)
    [session] = store.sessions.of_person(store.people.local_person())
    assert session.themes == (28, 29)

    at = app(sessie=session.id)
    at.switch_page("app_pages/vragenlijst.py")
    at.run()
    at.radio(key=f"m_{session.id}_28").set_value(4).run()
    at.radio(key=f"i_{session.id}_28").set_value(3).run()
    at.radio(key=f"m_{session.id}_29").set_value(2).run()
    at.radio(key=f"i_{session.id}_29").set_value(3).run()
    assert not at.exception
    answers = store.sessions.answers(session.id)
    assert (answers[28].mastery, answers[28].importance, answers[29].mastery) == (4, 3, 2)

    at.switch_page("app_pages/dashboard.py")
    at.run()
    assert not at.exception
    radar = next(c for c in at.get("plotly_chart") if '"scatterpolar"' in c.proto.spec)
    import json

    spec = json.loads(radar.proto.spec)
    trace = spec["data"][-1]
    boegbeeld = trace["theta"].index(next(t for t in trace["theta"] if t.startswith("Boegbeeld")))
    assert trace["theta"][boegbeeld] == "Boegbeeld<br>(2 thema's)"
    assert trace["r"][boegbeeld] == pytest.approx(3.0)  # both themes weigh 1.0 on boegbeeld: (4 + 2) / 2
    assert [m.value for m in at.metric][:3] == ["2 van 2", "2", "0"]


def test_not_applicable_removes_importance_and_counts_as_answered(db_path):
    store = Store(db_path)
    sid = store.sessions.create(store.people.local_person(), label="", scope_kind="hoofdstuk", scope_key="crisis",
                               perspective="aspirant", themes=[30, 31, 32, 33])
    at = app(sessie=sid)
    at.switch_page("app_pages/vragenlijst.py")
    at.run()
    assert "Hoe goed ben ik hierop voorbereid?" in at.radio(key=f"m_{sid}_31").label  # aspirant wording
    at.radio(key=f"m_{sid}_31").set_value("nvt").run()
    assert f"i_{sid}_31" not in [r.key for r in at.radio]
    assert store.sessions.answers(sid)[31].not_applicable
    assert at.get("progress")[0].proto.text == "1 van 4 thema's beantwoord"


def test_a_session_of_someone_else_or_unknown_is_not_shown(db_path):
    at = app(sessie=999)
    at.switch_page("app_pages/dashboard.py")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Sessie niet gevonden"
    assert "niet met je gedeeld" in at.error[0].value


def test_without_a_session_the_questionnaire_asks_to_choose_one(db_path):
    at = app()
    at.switch_page("app_pages/vragenlijst.py")
    at.run()
    assert "Kies eerst een sessie" in at.info[0].value


def test_broken_content_shows_an_error_page_instead_of_half_the_app(db_path, tmp_path, monkeypatch, mini_folder):
    (mini_folder / "002-tweede-thema.md").write_text("kapot\n")
    monkeypatch.setenv("WEGWIJZER_THEMES", str(mini_folder))
    at = app()
    at.run()
    assert at.title[0].value == "Wegwijzer kan niet starten"
    assert "T001" in at.code[0].value
    assert not at.button  # nothing else of the app is offered


def test_corrupt_database_shows_a_dutch_error_page(tmp_path, monkeypatch):
    bad = tmp_path / "kapot.db"
    bad.write_bytes(b"geen database" * 50)
    monkeypatch.setenv("WEGWIJZER_DB", str(bad))
    at = app()
    at.run()
    assert at.title[0].value == "Wegwijzer kan de database niet openen"
    assert "niets overschreven" in at.error[0].value
    assert bad.read_bytes() == b"geen database" * 50


def test_the_person_sees_on_the_start_page_that_an_administrator_made_a_reset_code(db_path, monkeypatch, library):
    """Item 5 of issue 14: an administrator's reset is never silent; the notice cannot be dismissed."""
    from wegwijzer.service import Service, auth
    from wegwijzer.service.access import Actor

    monkeypatch.setenv("WEGWIJZER_MODE", "server")
    store = Store(db_path)
    pid = store.people.create_account("Sara", "sara@test.nl", "geen-echte-hash")
    admin = store.people.create_account("Bea Beheer", "bea@test.nl", "geen-echte-hash", is_admin=True)
    Service(store, library, Actor(admin)).admin.issue_reset(pid)
    monkeypatch.setattr(auth, "person_for_token", lambda _store, _token, **_: pid)  # AppTest has no cookies
    at = app()
    at.run()
    assert not at.exception
    [notice] = at.warning
    assert "heeft een beheerder (Bea Beheer) een herstelcode voor je wachtwoord gemaakt" in notice.value
    assert not any("gelezen" in b.label.lower() for b in at.button)
    at.switch_page("app_pages/account.py").run()
    assert "Bea Beheer" in at.warning[0].value


def test_the_admin_page_makes_a_reset_code_that_changes_no_password(db_path, monkeypatch):
    from wegwijzer.service import auth

    monkeypatch.setenv("WEGWIJZER_MODE", "server")
    store = Store(db_path)
    admin = store.people.create_account("Bea Beheer", "bea@test.nl", "geen-echte-hash", is_admin=True)
    pid = store.people.create_account("Sara", "sara@test.nl", "sara-hash")
    monkeypatch.setattr(auth, "person_for_token", lambda _store, _token, **_: admin)
    at = app()
    at.run()
    at.switch_page("app_pages/beheer.py").run()
    at.selectbox[0].set_value(pid)
    at.checkbox[0].check()
    at.button[0].click().run()
    assert not at.exception
    assert "Sara" in at.success[0].value and len(at.code[0].value) == 19
    assert store.people.password_hash(pid) == "sara-hash" and not store.people.account(pid).must_change_password
    assert [e.kind for e in store.audit.events(pid)] == ["reset_issued"]


def test_group_page_name_consent_and_removing_a_member(db_path, monkeypatch, library):
    """Item 7 of issue 14: a member agrees to show a name herself; the facilitator removes a member."""
    from wegwijzer.service import Service, auth
    from wegwijzer.service.access import Actor

    monkeypatch.setenv("WEGWIJZER_MODE", "server")
    store = Store(db_path)
    ids = [store.people.create_account(name, f"{name.lower()}@test.nl", "geen-echte-hash")
           for name in ("Fenna", "Gerrit", "Hanna")]
    facilitator = Service(store, library, Actor(ids[0]))
    gid = facilitator.groups.create("Oost", "namen")
    for pid in ids[1:]:
        Service(store, library, Actor(pid)).groups.join(facilitator.groups.get(gid).join_code)
    who = {"pid": ids[1]}
    monkeypatch.setattr(auth, "person_for_token", lambda _store, _token, **_: who["pid"])
    at = app(groep=gid)
    at.run()
    at.switch_page("app_pages/groep.py").run()
    assert not at.exception
    assert "Gerrit" not in at.caption[0].value and "Fenna" not in at.caption[0].value  # nobody agreed yet
    at.checkbox(key=f"show_name_{gid}").check().run()
    assert "Gerrit" in at.caption[0].value
    who["pid"] = ids[0]
    at = app(groep=gid)
    at.run()
    at.switch_page("app_pages/groep.py").run()
    assert "Gerrit" in at.caption[0].value and "Hanna" not in at.caption[0].value
    at.selectbox(key=f"remove_who_{gid}").set_value(ids[2])
    at.checkbox(key=f"remove_sure_{gid}").check().run()
    next(b for b in at.button if b.label == "Verwijderen").click().run()
    assert not at.exception
    assert [m.person_id for m in store.groups.members(gid)] == ids[:2]


def test_a_facilitated_spiegel_round_the_coach_makes_the_links_and_the_secretary_sees_the_kind(db_path, monkeypatch,
                                                                                              library):
    """Item 3 of issue 14: the links of a facilitated round appear on the coach's page, never the secretary's."""
    from wegwijzer.service import Service, auth
    from wegwijzer.service.access import Actor

    monkeypatch.setenv("WEGWIJZER_MODE", "server")
    store = Store(db_path)
    sara = store.people.create_account("Sara", "sara@test.nl", "geen-echte-hash")
    karel = store.people.create_account("Karel", "karel@test.nl", "geen-echte-hash")
    [sid] = populate(store, library, person_id=sara, scope="quickscan")
    owner = Service(store, library, Actor(sara))
    Service(store, library, Actor(karel)).coaching.accept(owner.coaching.invite("scores").code)
    themes = list(store.sessions.get(sid).themes[:3])
    owner.mirror.create_round(sid, "Begeleid", themes, [(f"Wethouder {i}", "college") for i in range(3)],
                              facilitator_id=karel)
    who = {"pid": sara}
    monkeypatch.setattr(auth, "person_for_token", lambda _store, _token, **_: who["pid"])
    at = app()
    at.run()
    at.switch_page("app_pages/spiegel.py").run()
    assert not at.exception
    assert any("Begeleide ronde" in m.value for m in at.markdown)
    assert not any("/feedback/" in c.value for c in at.code)
    who["pid"] = karel
    at = app()
    at.run()
    at.switch_page("app_pages/coaching.py").run()
    next(b for b in at.button if b.label == "Links maken").click().run()
    assert not at.exception
    assert at.code[-1].value.count("/feedback/") == 3
