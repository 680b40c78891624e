"""The development plan as others see it (issue 13, item 6): a coach within the coachee's scope, a group only what
a member chose to show it, and every typed text shown as written."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.paths import ROOT
from wegwijzer import clock, text
from wegwijzer.demo import populate
from wegwijzer.domain.records import ActionDraft
from wegwijzer.service import Service, auth
from wegwijzer.service.access import Actor
from wegwijzer.storage import Store

HOSTILE = "<img src=x onerror=alert(1)> **vet**"
SUPPORT = "Met de burgemeester, elke maandag"
LOOK_BACK = "Terugblik: het wekelijkse overleg bracht rust in de driehoek."
PLAN_COLUMNS = ["Thema", "Wat", "Datum", "Status"]


class World:
    """Accounts in server mode, and the page as whoever ``who`` names (AppTest has no cookies)."""

    def __init__(self, db_path, monkeypatch, library):
        monkeypatch.setenv("WEGWIJZER_MODE", "server")
        self.store, self.library = Store(db_path), library
        self.who: int | None = None
        monkeypatch.setattr(auth, "person_for_token", lambda _store, _token, **_: self.who)

    def account(self, name: str) -> int:
        return self.store.people.create_account(name, f"{name.lower()}@test.nl", "geen-echte-hash")

    def svc(self, person: int) -> Service:
        return Service(self.store, self.library, Actor(person))

    def page(self, person: int, page: str, **query) -> AppTest:
        self.who = person
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        for key, value in query.items():
            at.query_params[key] = str(value)
        at.run()
        at.switch_page(page).run()
        assert not at.exception
        return at


def displayed(frame):
    """A table as the page shows it: st.table renders Markdown, so texts arrive escaped ("2\\. Een brug")."""
    return frame.map(lambda v: re.sub(r"\\(.)", r"\1", v) if isinstance(v, str) else v)


def plan_table(at: AppTest, first: str):
    """The one table of actions on the page (its first column ``first``), as the page got it: escaped."""
    [found] = [t.value for t in at.table if "Wat" in t.value.columns and t.value.columns[0] == first]
    return found


def shown_text(at: AppTest) -> str:
    return "\n".join(e.value for e in [*at.markdown, *at.caption, *at.header, *at.subheader] if isinstance(e.value, str))


@pytest.fixture
def world(db_path, monkeypatch, library) -> World:
    return World(db_path, monkeypatch, library)


# --- the coach ------------------------------------------------------------------------------------------------------


def coached(world: World, scope: str):
    """Sara's plan (an action done with a look-back, one overdue, one carried over without a date) and Karel as
    her coach with ``scope``; returns (sara, karel, link id, {"done": id, "late": id, "due": the done one's date})."""
    sara, karel = world.account("Sara"), world.account("Karel")
    [sid] = populate(world.store, world.library, person_id=sara, scope="quickscan")  # carries over undated actions
    own = world.svc(sara)
    soon = clock.today() + dt.timedelta(days=30)
    done = own.plan.add(sid, 12, HOSTILE, soon, support=SUPPORT)
    own.plan.set_status(done, "gedaan", LOOK_BACK)
    late = world.store.plan.add(sara, sid, ActionDraft(theme=5, what="Werkbezoek aan de buitendienst",
                                                        due=clock.today() - dt.timedelta(days=3), status="bezig"))
    link = own.coaching.invite(scope)
    world.svc(karel).coaching.accept(link.code)
    return sara, karel, link.id, {"done": done, "late": late, "due": soon}


def test_a_coach_with_scores_sees_what_date_and_status_but_no_support_or_look_back(world):
    sara, karel, _link, ids = coached(world, "scores")
    at = world.page(karel, "app_pages/coachee.py", coachee=sara)
    plan = plan_table(at, "Thema")
    assert list(plan.columns) == PLAN_COLUMNS
    rows = {r["Wat"]: r for r in displayed(plan).to_dict("records")}
    assert rows[HOSTILE] == {"Thema": "12. " + world.library.theme(12).title, "Wat": HOSTILE,
                             "Datum": text.date(ids["due"]), "Status": "Gedaan"}
    assert rows["Werkbezoek aan de buitendienst"]["Status"] == "Bezig, over de datum"
    assert rows["Gesprek plannen met de burgemeester."]["Datum"] == "geen datum"
    assert list(rows)[0] == "Werkbezoek aan de buitendienst"  # by due date, the undated ones last
    assert list(rows)[-1] == "Gesprek plannen met de burgemeester."
    page = shown_text(at) + plan.to_string()
    assert LOOK_BACK not in page and "wekelijkse overleg" not in page and SUPPORT not in page
    assert any("terugblikken worden alleen gedeeld bij toegang tot scores en notities" in c.value for c in at.caption)


def test_a_coach_with_scores_and_notes_also_sees_support_and_the_look_back(world):
    sara, karel, link, _ids = coached(world, "scores")
    world.svc(sara).coaching.set_scope(link, "scores_notities")
    at = world.page(karel, "app_pages/coachee.py", coachee=sara)
    plan = plan_table(at, "Thema")
    assert list(plan.columns) == [*PLAN_COLUMNS, "Met wie of welke steun", "Terugblik"]
    row = next(r for r in displayed(plan).to_dict("records") if r["Wat"] == HOSTILE)
    assert (row["Met wie of welke steun"], row["Terugblik"]) == (SUPPORT, LOOK_BACK)
    assert not any("alleen gedeeld bij toegang" in c.value for c in at.caption)


def test_typed_text_in_the_coachs_plan_table_is_escaped_to_literal_text(world):
    sara, karel, _link, _ids = coached(world, "scores_notities")
    at = world.page(karel, "app_pages/coachee.py", coachee=sara)
    raw = plan_table(at, "Thema")
    [cell] = [w for w in raw["Wat"] if "img" in w]
    assert cell == text.plain(HOSTILE)  # every Markdown and HTML character escaped: no image, no bold
    assert cell.startswith("\\<img") and "\\*\\*vet\\*\\*" in cell


def test_a_coachee_without_actions_gets_a_caption_instead_of_an_empty_table(world):
    sara, karel = world.account("Sara"), world.account("Karel")
    world.svc(karel).coaching.accept(world.svc(sara).coaching.invite("scores").code)
    at = world.page(karel, "app_pages/coachee.py", coachee=sara)
    assert "Ontwikkelplan" in [h.value for h in at.header]
    assert any(c.value == "Deze coachee heeft nog geen acties in het ontwikkelplan." for c in at.caption)
    assert at.table == []


# --- the group ------------------------------------------------------------------------------------------------------


def grouped(world: World):
    """Fenna's group with Gerrit as a member; Gerrit has two actions, one with support and a look-back."""
    fenna, gerrit = world.account("Fenna"), world.account("Gerrit")
    gid = world.svc(fenna).groups.create("Oost", "namen")
    world.svc(gerrit).groups.join(world.svc(fenna).groups.get(gid).join_code)
    sid = world.store.sessions.create(gerrit, label="Voorjaar", scope_kind="hoofdstuk", scope_key="verbinder",
                                      perspective="zittend", themes=list(range(1, 8)))
    own = world.svc(gerrit)
    soon = clock.today() + dt.timedelta(days=14)
    shared = own.plan.add(sid, 3, HOSTILE, soon, support=SUPPORT)
    own.plan.set_status(shared, "losgelaten", LOOK_BACK)
    kept = own.plan.add(sid, 4, "Alleen voor mezelf: het gesprek met de OR", soon)
    return fenna, gerrit, gid, shared, kept, soon


def test_a_member_shares_one_action_and_the_others_see_only_what_date_and_status(world):
    fenna, gerrit, gid, shared, kept, soon = grouped(world)
    at = world.page(gerrit, "app_pages/groep.py", groep=gid)
    assert any(c.value.startswith("Elk lid kiest zelf welke acties") and "nooit een terugblik" in c.value
               for c in at.caption)
    assert any(c.value == "Nog niemand deelt een actie met de groep." for c in at.caption)
    choice = at.selectbox(key=f"plan_share_choice_{gid}")
    assert choice.options == ["3. " + HOSTILE, "4. Alleen voor mezelf: het gesprek met de OR"]
    choice.set_value(shared)
    at.button(key=f"plan_share_button_{gid}").click().run()
    assert not at.exception and not at.error
    assert world.store.plan.shared_groups(shared) == [gid] and world.store.plan.shared_groups(kept) == []
    assert at.selectbox(key=f"plan_share_choice_{gid}").options == ["4. Alleen voor mezelf: het gesprek met de OR"]

    other = world.page(fenna, "app_pages/groep.py", groep=gid)
    seen = plan_table(other, "Lid")
    assert list(seen.columns) == ["Lid", *PLAN_COLUMNS]
    [row] = displayed(seen).to_dict("records")
    assert re.fullmatch(r"Deelnemer [A-Z]", row.pop("Lid"))  # Gerrit did not agree to show his name
    assert row == {"Thema": "3. " + world.library.theme(3).title, "Wat": HOSTILE, "Datum": text.date(soon),
                   "Status": "Losgelaten"}
    assert seen["Wat"][0] == text.plain(HOSTILE)  # literal text, never an image or bold
    page = shown_text(other) + seen.to_string()
    assert SUPPORT not in page and LOOK_BACK not in page and "Alleen voor mezelf" not in page


def test_a_member_withdraws_a_shared_action_and_it_is_gone_for_the_group(world):
    fenna, gerrit, gid, shared, _kept, _soon = grouped(world)
    world.svc(gerrit).plan.share(shared, gid)
    at = world.page(gerrit, "app_pages/groep.py", groep=gid)
    assert text.plain("3. " + HOSTILE) in [m.value for m in at.markdown]  # his own list, escaped as well
    at.button(key=f"plan_withdraw_button_{gid}_{shared}").click().run()
    assert not at.exception and not at.error
    assert world.store.plan.shared_groups(shared) == []
    assert not any(b.label == "Niet meer delen" for b in at.button)

    other = world.page(fenna, "app_pages/groep.py", groep=gid)
    assert not [t for t in other.table if "Lid" in t.value.columns and "Wat" in t.value.columns]
    assert any(c.value == "Nog niemand deelt een actie met de groep." for c in other.caption)


def test_sharing_after_leaving_the_group_in_another_tab_is_refused_in_dutch(world):
    _fenna, gerrit, gid, shared, _kept, _soon = grouped(world)
    at = world.page(gerrit, "app_pages/groep.py", groep=gid)
    world.svc(gerrit).groups.leave(gid)  # what "Ik verlaat deze groep" in another tab does
    at.selectbox(key=f"plan_share_choice_{gid}").set_value(shared)
    at.button(key=f"plan_share_button_{gid}").click().run()
    assert not at.exception  # the callback's refusal (no longer a member) is no traceback
    assert any("niet met je gedeeld" in e.value for e in at.error)  # and the page says the group is gone
    assert world.store.plan.shared_groups(shared) == []
