"""Behind a proxy: X-Forwarded-For counts only from the configured proxy, so nobody escapes the
throttles by writing a new address in every request; registration is throttled per client."""

from __future__ import annotations

import pytest

from tests.support.browser import streamlit_server
from tests.support.server import form, request
from wegwijzer.domain import credentials
from wegwijzer.storage import Store


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    """A server that trusts X-Forwarded-For only from 10.9.9.9; the tests connect from 127.0.0.1."""
    db_path = tmp_path_factory.mktemp("proxy") / "server.db"
    Store(db_path).close()
    env = {"WEGWIJZER_MODE": "server", "WEGWIJZER_BEHIND_PROXY": "1", "WEGWIJZER_PROXY": "10.9.9.9"}
    with streamlit_server(db_path, env) as (url, _):
        yield url


def test_a_forged_forwarded_address_does_not_escape_the_login_throttle(proxied):
    url = proxied
    statuses = []
    for i in range(credentials.CLIENT_THROTTLE.free + 6):  # the waits double: 2 s, 4 s, 8 s …, longer than a hash
        r = request(url, "POST", "/inloggen", form(email=f"gok{i}@test.nl", password="fout-wachtwoord"),
                    {"Origin": url, "X-Forwarded-For": f"198.51.100.{i}"})
        statuses.append(r.status)
        if r.status == 429:
            break
    assert statuses[: credentials.CLIENT_THROTTLE.free] == [401] * credentials.CLIENT_THROTTLE.free
    assert statuses[-1] == 429, statuses
    assert "Probeer het over" in r.text


def test_registration_is_throttled_per_client_whatever_address_it_claims(proxied):
    url = proxied
    statuses = []
    for i in range(credentials.REGISTRATION_THROTTLE.free + 1):
        r = request(url, "POST", "/registreren", form(name=f"Nep {i}", email=f"nep{i}@test.nl",
                                                      password="een-lang-wachtwoord"),
                    {"Origin": url, "X-Forwarded-For": f"203.0.113.{i}"})
        statuses.append(r.status)
    assert statuses[:-1] == [200] * credentials.REGISTRATION_THROTTLE.free
    assert statuses[-1] == 429
    assert "net veel accounts gemaakt" in r.text and 0 < int(r.getheader("Retry-After")) <= 60
