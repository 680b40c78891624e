"""The rater's page over real HTTP on a server in server mode: once, while open, in Dutch, nothing stored by mistake."""

from __future__ import annotations

import html
import http.client
import urllib.parse

import pytest

from tests.unit.service.test_mirror_service import (
    BAD_SCORE,
    CLOSED,
    FOUR,
    INVALID,
    NO_SCORE,
    PAST,
    USED,
    _tampered,
    secretary,
)
from wegwijzer.domain.records import Answer
from wegwijzer.service import Service
from wegwijzer.service.access import Actor
from wegwijzer.storage import Store

_serial = iter(range(1, 1000))


def http_round(server, library, themes=(2, 5, 9), invitees=FOUR[:3]) -> tuple[Store, Service, int, list[str]]:
    """A new secretary on the server's database with an open round; returns the tokens."""
    store = Store(server[1])
    n = next(_serial)
    person, session = secretary(store, f"Sara Secretaris {n}", f"sara{n}@test.nl")
    owner = Service(store, library, Actor(person))
    round_id, links = owner.mirror.create_round(session, "Voorjaar & <najaar>", list(themes), list(invitees))
    return store, owner, round_id, [k.token for k in links]


def request(url: str, method: str, path: str, fields: dict | str | None = None):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    body = urllib.parse.urlencode(fields) if isinstance(fields, dict) else fields
    conn.request(method, path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    response.text = response.read().decode("utf-8", errors="replace")
    conn.close()
    return response


def assert_private_headers(response) -> None:
    assert response.getheader("Cache-Control") == "no-store"
    assert response.getheader("Referrer-Policy") == "no-referrer"


def test_the_rater_page_over_http_works_once(server, library):
    url, _ = server
    store, _owner, round_id, tokens = http_round(server, library)
    r = request(url, "GET", f"/feedback/{tokens[0]}")
    assert r.status == 200
    assert_private_headers(r)
    assert r.getheader("Content-Type").startswith("text/html")
    assert "Wat je invult, ziet niemand los" in r.text and "kan ik niet beoordelen" in r.text
    # a round she runs herself: the page says honestly what holding the links allows
    assert "heeft de links zelf verstuurd" in r.text and "Wegwijzer kan dat niet tegenhouden" in r.text
    assert "Feedback voor Sara Secretaris" in r.text
    assert "Voorjaar &amp; &lt;najaar&gt;" in r.text and "<najaar>" not in r.text  # the title is escaped
    for number in (2, 5, 9):
        assert f"{number}. {html.escape(library.theme(number).title)}" in r.text
        assert f'name="t{number}" value="5"' in r.text and f'name="c{number}"' in r.text
    assert 'name="t11"' not in r.text  # only the round's themes

    hostile = "<script>alert(1)</script>"
    r = request(url, "POST", f"/feedback/{tokens[0]}", {"t2": "4", "t5": "", "t9": "3", "c2": hostile, "c5": "  "})
    assert r.status == 200 and "Dank je wel" in r.text
    assert_private_headers(r)
    [stored] = store.mirror.responses(round_id)
    assert stored.ratings == {2: 4, 5: None, 9: 3}
    assert stored.comments == {2: hostile}  # stored as the text it is

    r = request(url, "POST", f"/feedback/{tokens[0]}", {"t2": "1", "t5": "1", "t9": "1"})
    assert r.status == 410 and USED in r.text
    assert_private_headers(r)
    assert 'name="t2"' not in r.text  # no form to try again
    r = request(url, "GET", f"/feedback/{tokens[0]}")
    assert r.status == 410 and USED in r.text
    assert len(store.mirror.responses(round_id)) == 1


def test_tampered_links_over_http_give_404_and_store_nothing(server, library):
    url, _ = server
    store, _owner, round_id, tokens = http_round(server, library)
    for name, token in _tampered(tokens[1]).items():
        if not token:
            continue  # /feedback/ without a token is not the rater route at all
        r = request(url, "GET", f"/feedback/{urllib.parse.quote(token)}")
        assert r.status == 404 and INVALID in r.text, name
        assert_private_headers(r)
        r = request(url, "POST", f"/feedback/{urllib.parse.quote(token)}", {"t2": "4"})
        assert r.status == 404 and INVALID in r.text, name
    assert store.mirror.responses(round_id) == []
    assert request(url, "GET", f"/feedback/{tokens[1]}").status == 200


@pytest.mark.parametrize("how", ["expired", "closed"])
def test_expired_and_closed_rounds_over_http_give_410(server, library, how):
    url, _ = server
    store, owner, round_id, tokens = http_round(server, library)
    if how == "expired":
        store.conn.execute("UPDATE mirror_rounds SET expires_at = ? WHERE id = ?", (PAST, round_id))
    else:
        owner.mirror.close_round(round_id)
    r = request(url, "GET", f"/feedback/{tokens[0]}")
    assert r.status == 410 and CLOSED in r.text
    assert_private_headers(r)
    r = request(url, "POST", f"/feedback/{tokens[0]}", {"t2": "4", "c2": "te laat"})
    assert r.status == 410 and CLOSED in r.text
    assert store.mirror.responses(round_id) == []
    assert [i.used for i in owner.mirror.invites(round_id)] == [0, 0, 0]


def test_refused_answers_over_http_keep_the_form_filled_and_escaped(server, library):
    url, _ = server
    store, _owner, round_id, tokens = http_round(server, library)
    hostile = "</textarea><script>alert(1)</script>"
    r = request(url, "POST", f"/feedback/{tokens[2]}", {"t2": "", "t5": "", "t9": "", "c9": hostile})
    assert r.status == 400 and NO_SCORE in r.text
    assert_private_headers(r)
    assert html.escape(hostile, quote=False) in r.text and "<script>alert(1)" not in r.text
    r = request(url, "POST", f"/feedback/{tokens[2]}", {"t2": "7", "t5": "3"})
    assert r.status == 400 and BAD_SCORE in r.text
    assert 'name="t5" value="3" checked' in r.text  # the rater's other choice is kept
    assert store.mirror.responses(round_id) == []
    r = request(url, "POST", f"/feedback/{tokens[2]}", {"t2": "2"})  # the link still works afterwards
    assert r.status == 200 and store.mirror.responses(round_id)[0].ratings == {2: 2, 5: None, 9: None}


@pytest.mark.parametrize("value", ["²", "9" * 5000], ids=["superscript two", "5000 digits"])
def test_odd_digits_give_a_dutch_message_not_a_server_error(server, library, value):
    url, _ = server
    store, _owner, round_id, tokens = http_round(server, library)
    r = request(url, "POST", f"/feedback/{tokens[0]}", {"t2": value, "t5": "3"})
    assert r.status == 400 and BAD_SCORE in r.text
    assert store.mirror.responses(round_id) == []


def test_long_comments_on_many_themes_are_accepted(server, library):
    url, _ = server
    themes = list(library.structure.quick_scan)[:14]
    store = Store(server[1])
    n = next(_serial)
    person = store.people.create_account(f"Lange Tekst {n}", f"lang{n}@test.nl", "geen-echte-hash")
    session = store.sessions.insert_full(person, {"label": "", "scope_kind": "quickscan", "scope_key": "",
                                                 "perspective": "zittend", "themes": themes, "status": "afgerond",
                                                 "created_at": "2026-01-05T10:00:00+00:00"},
                                        [Answer(theme=t, mastery=3) for t in themes], [])
    round_id, links = Service(store, library, Actor(person)).mirror.create_round(session, "Lang", themes, FOUR[:1])
    fields = {f"t{t}": "4" for t in themes} | {f"c{t}": "woord " * 250 for t in themes}  # 1500 characters each
    assert len(urllib.parse.urlencode(fields)) > 20_000  # 14 × 1500 alone is 21 000
    r = request(url, "POST", f"/feedback/{links[0].token}", fields)
    assert r.status == 200 and "Dank je wel" in r.text
    assert len(store.mirror.responses(round_id)) == 1


def test_the_rater_page_of_a_facilitated_round_names_the_facilitator(server, library):
    """Item 3 of issue 14: in a round her coach runs, the coach holds the links and the rater is told so."""
    url, _ = server
    store = Store(server[1])
    n = next(_serial)
    person, session = secretary(store, f"Sara Secretaris {n}", f"sara{n}@test.nl")
    coach = store.people.create_account(f"Karel Coach {n}", f"karel{n}@test.nl", "geen-echte-hash")
    owner = Service(store, library, Actor(person))
    Service(store, library, Actor(coach)).coaching.accept(owner.coaching.invite("scores").code)
    round_id, links = owner.mirror.create_round(session, "Begeleid", [2, 5, 9], list(FOUR[:3]), facilitator_id=coach)
    assert links == []
    tokens = [k.token for k in Service(store, library, Actor(coach)).mirror.issue_links(round_id)]
    r = request(url, "GET", f"/feedback/{tokens[0]}")
    assert r.status == 200
    assert f"Deze ronde wordt begeleid door Karel Coach {n}" in r.text and "zelf verstuurd" not in r.text
    store.close()
