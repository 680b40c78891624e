"""In Chromium: a member shows one action of the plan to the group by hand, and the others read it as typed."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect

from tests.support.server import HOSTILE, SHOWN, go, login, person
from wegwijzer import clock
from wegwijzer.service import Service
from wegwijzer.service.access import Actor
from wegwijzer.storage import Store

SUPPORT = "Met de burgemeester, elke maandag"


def test_a_shared_action_reaches_the_group_as_text_without_its_support(server, chromium, library):
    url, db_path = server
    gerrit_email, gerrit = person(server, library, "Gerrit")
    fenna_email, fenna = person(server, library, "Fenna")
    store = Store(db_path)
    group = Service(store, library, Actor(fenna)).groups.create("Oost", "namen")
    own = Service(store, library, Actor(gerrit))
    own.groups.join(Service(store, library, Actor(fenna)).groups.get(group).join_code)
    [session] = own.sessions.mine()
    own.plan.add(session.id, 7, "Actie " + HOSTILE, clock.today() + dt.timedelta(days=20), support=SUPPORT)
    store.close()

    g = login(chromium, url, gerrit_email)
    go(g, f"{url}/groep?groep={group}")
    g.get_by_text("Acties uit mijn ontwikkelplan delen").click()
    expect(g.get_by_role("combobox", name="Actie")).to_have_value(re.compile(r"^7\. Actie <img src=x"))  # the only one
    g.get_by_role("button", name="Deel met de groep").click()
    expect(g.get_by_role("button", name="Niet meer delen")).to_be_visible()

    f = login(chromium, url, fenna_email)
    go(f, f"{url}/groep?groep={group}")
    cell = f.locator("[data-testid=stTable] td", has_text="Actie <img")
    expect(cell).to_have_text("Actie " + SHOWN)  # literally: no image, no bold, no link, no colour
    main = f.locator("[data-testid=stMain]")
    assert SUPPORT not in main.inner_text()
    assert main.locator("img[src=x]").count() == 0 and main.locator("a[href*='example.org']").count() == 0
    assert f.dialogs == [] and g.dialogs == []
