"""The login routes over real HTTP: cookies, replay, throttling, foreign posts, redirects, the gate."""

from __future__ import annotations

import re

from tests.support.server import PASSWORD, form, person, request
from wegwijzer.domain import credentials
from wegwijzer.service import auth
from wegwijzer.storage import Store


def test_login_cookie_is_httponly_samesite_and_dies_with_logout(server, library):
    url, db_path = server
    email, _ = person(server, library, "Cookie Test")
    origin = {"Origin": url}
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD, next="/groepen"), origin)
    assert r.status == 303 and r.getheader("Location") == "./groepen"
    cookie = r.getheader("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    token = re.search(r"wegwijzer_sessie=([^;]+)", cookie).group(1)
    assert len(token) >= 43
    jar = {"Cookie": f"wegwijzer_sessie={token}"}
    assert request(url, "GET", "/groepen", headers=jar).status == 200  # the gate lets a valid login through
    r = request(url, "GET", "/groepen")
    assert r.status == 303 and "inloggen?next=/groepen" in r.getheader("Location")
    # the database holds only the token's hash
    store = Store(db_path)
    assert store.logins.person_for_token(token, "2000") is None and auth.person_for_token(store, token) is not None
    # logout (a POST from our own page) ends the login; replaying the old cookie is refused
    r = request(url, "POST", "/uitloggen", "", {**jar, **origin})
    assert r.status == 303 and "wegwijzer_sessie=" in r.getheader("Set-Cookie")
    assert auth.person_for_token(store, token) is None
    r = request(url, "GET", "/groepen", headers=jar)
    assert r.status == 303 and "inloggen" in r.getheader("Location")


def _cookie(response, name: str) -> str:
    found = re.search(rf"{name}=([^;]+)", " ".join(v for k, v in response.getheaders() if k.lower() == "set-cookie"))
    return found.group(1) if found else ""


def test_failures_from_elsewhere_slow_the_address_down_but_her_own_device_still_gets_in(server, library):
    url, _ = server
    email, _ = person(server, library, "Throttle Test", sessions=0)
    origin = {"Origin": url}
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD), origin)
    device = _cookie(r, auth.DEVICE_COOKIE_NAME)
    assert r.status == 303 and len(device) >= 43
    assert "HttpOnly" in r.getheader("Set-Cookie")
    # someone else guesses her password
    statuses = [request(url, "POST", "/inloggen", form(email=email, password="fout"), origin).status for _ in range(5)]
    assert set(statuses) <= {401, 429} and 429 in statuses
    # the right password from a new browser waits a moment (seconds, not a lockout) and is told why
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD), origin)
    assert r.status == 429 and not _cookie(r, auth.COOKIE_NAME)
    assert 0 < int(r.getheader("Retry-After")) <= credentials.EMAIL_THROTTLE.most_s
    # from the browser she used before, the right password works at once
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD),
                {**origin, "Cookie": f"{auth.DEVICE_COOKIE_NAME}={device}"})
    assert r.status == 303 and _cookie(r, auth.COOKIE_NAME)


def test_registration_does_not_tell_whether_an_address_has_an_account(server, library):
    url, _ = server
    taken, _ = person(server, library, "Bestaat Al", sessions=0)
    origin = {"Origin": url}
    pages = []
    for email in (taken, "nog-niet-bekend@test.nl"):
        r = request(url, "POST", "/registreren", form(name="Iemand", email=email, password="nog-een-lang-wachtwoord"),
                    origin)
        assert r.getheader("Set-Cookie") is None
        pages.append((r.status, r.text.replace(email, "ADRES")))
    assert pages[0] == pages[1]
    assert pages[0][0] == 200 and "Als dit e-mailadres nog niet bekend was, is je account nu gemaakt" in pages[0][1]
    assert "bestaat al" not in pages[0][1]
    # the new account works, the existing one kept its password
    assert request(url, "POST", "/inloggen", form(email="nog-niet-bekend@test.nl", password="nog-een-lang-wachtwoord"),
                   origin).status == 303
    assert request(url, "POST", "/inloggen", form(email=taken, password="nog-een-lang-wachtwoord"), origin).status == 401


def test_streamlit_metrics_need_a_login_in_server_mode(server, library):
    url, _ = server
    assert request(url, "GET", "/_stcore/metrics").status == 403
    email, _ = person(server, library, "Metrics Test", sessions=0)
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD), {"Origin": url})
    token = _cookie(r, auth.COOKIE_NAME)
    assert request(url, "GET", "/_stcore/metrics", headers={"Cookie": f"{auth.COOKIE_NAME}={token}"}).status == 200


def test_foreign_posts_and_open_redirects_are_refused(server, library):
    url, _ = server
    email, _ = person(server, library, "Origin Test", sessions=0)
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD), {"Origin": "https://evil.example"})
    assert r.status == 403 and r.getheader("Set-Cookie") is None
    r = request(url, "POST", "/inloggen", form(email=email, password=PASSWORD, next="//evil.example/x"),
                {"Origin": url})
    assert r.status == 303 and r.getheader("Location") == "./"
    # a cross-site GET to /uitloggen only shows a confirmation, it does not log anyone out
    r = request(url, "GET", "/uitloggen", headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status == 200


def test_only_a_rater_link_itself_passes_the_gate_without_a_login(server):
    url, _ = server
    assert request(url, "GET", "/feedback/onzin").status == 404  # the rater route answers, in Dutch
    r = request(url, "GET", "/feedback/a/b")
    assert r.status == 303 and "inloggen" in r.getheader("Location")


def test_an_admin_reset_code_sets_a_new_password_once_and_the_person_is_told(server, library):
    """Item 5 of issue 14: the administrator can no longer set a password and log in as the person."""
    from wegwijzer.service import Service
    from wegwijzer.service.access import Actor

    url, db_path = server
    email, pid = person(server, library, "Reset Test", sessions=0)
    admin_email, admin = person(server, library, "Bea Beheer", sessions=0)
    store = Store(db_path)
    store.conn.execute("UPDATE accounts SET is_admin = 1 WHERE person_id = ?", (admin,))
    store.conn.commit()
    code = Service(store, library, Actor(admin)).admin.issue_reset(pid)
    origin = {"Origin": url}
    # the code by itself changes nothing: the old password still logs the person in
    assert request(url, "POST", "/inloggen", form(email=email, password=PASSWORD), origin).status == 303
    assert request(url, "GET", "/wachtwoord-herstellen").status == 200  # open without a login
    new = "een-heel-nieuw-wachtwoord"
    r = request(url, "POST", "/wachtwoord-herstellen", form(email=email, code=code, password=new, again=new),
                {"Origin": "https://evil.example"})
    assert r.status == 403 and r.getheader("Set-Cookie") is None
    r = request(url, "POST", "/wachtwoord-herstellen", form(email=email, code=code, password=new, again=new), origin)
    assert r.status == 303 and "wegwijzer_sessie=" in r.getheader("Set-Cookie")
    assert request(url, "POST", "/inloggen", form(email=email, password=PASSWORD), origin).status == 401
    r = request(url, "POST", "/wachtwoord-herstellen", form(email=email, code=code, password="nog-een-ander-ww",
                                                             again="nog-een-ander-ww"), origin)
    assert r.status == 400 and r.getheader("Set-Cookie") is None  # a code works once
    assert [e.kind for e in store.audit.events(pid)] == ["reset_used", "reset_issued"]
    store.close()
