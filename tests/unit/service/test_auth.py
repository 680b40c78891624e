"""Passwords, login tokens, throttling and codes."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wegwijzer.domain import credentials
from wegwijzer.service import Service, auth
from wegwijzer.service.access import Actor
from wegwijzer.storage import Store


def test_passwords_are_argon2id_hashes_that_verify_only_the_right_password():
    hashed = credentials.hash_password("correct paard batterij")
    assert hashed.startswith("$argon2id$")
    assert "correct paard batterij" not in hashed
    assert credentials.verify_password(hashed, "correct paard batterij")
    assert not credentials.verify_password(hashed, "correct paard batterij ")
    assert not credentials.verify_password("geen-hash", "x")
    assert credentials.hash_password("zelfde") != credentials.hash_password("zelfde")  # salted


@pytest.fixture
def account(store: Store) -> int:
    return auth.register(store, "Anna de Vries", " Anna@Gemeente.NL ", "lang-genoeg-wachtwoord")


def test_register_normalises_email_and_refuses_duplicates_and_weak_passwords(store, account):
    assert store.people.account(account).email == "anna@gemeente.nl"
    with pytest.raises(auth.LoginRefused, match="bestaat al"):
        auth.register(store, "Ander", "ANNA@gemeente.nl", "ander-lang-wachtwoord")
    with pytest.raises(auth.LoginRefused, match="minstens 10 tekens"):
        auth.register(store, "Kort", "kort@gemeente.nl", "kort")
    with pytest.raises(auth.LoginRefused, match="geldig e-mailadres"):
        auth.register(store, "Geen", "geen-adres", "lang-genoeg-wachtwoord")
    assert len(store.people.accounts()) == 1


def test_token_life_cycle_issue_use_expire_logout_replay(store, account):
    login = auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord")
    assert len(login.token) >= 43  # 32 random bytes, base64url
    assert auth.person_for_token(store, login.token) == account
    # only the hash is stored
    assert store.logins.person_for_token(login.token, "2000-01-01") is None
    assert store.logins.person_for_token(credentials.token_hash(login.token), "2000-01-01") == account
    # expiry
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=credentials.TOKEN_DAYS, minutes=1)
    assert auth.person_for_token(store, login.token, now=later) is None
    # a second device; logout on one ends both, and the old token cannot be replayed
    other = auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord")
    Service(store, None, Actor(auth.person_for_token(store, login.token))).account.logout_everywhere()
    assert auth.person_for_token(store, login.token) is None
    assert auth.person_for_token(store, other.token) is None
    assert auth.person_for_token(store, "") is None and auth.person_for_token(store, "x" * 500) is None


def test_wrong_password_and_unknown_address_get_the_same_message(store, account):
    messages = []
    for email, password in (("anna@gemeente.nl", "fout-wachtwoord"), ("niemand@gemeente.nl", "fout-wachtwoord")):
        with pytest.raises(auth.LoginRefused) as refused:
            auth.login(store, email, password)
        messages.append(refused.value.message)
    assert messages[0] == messages[1]


def test_failed_logins_are_throttled_per_address_and_the_window_passes(store, account):
    start = 1_000_000.0
    for i in range(credentials.MAX_FAILURES_PER_EMAIL):
        with pytest.raises(auth.LoginRefused, match="horen niet bij elkaar"):
            auth.login(store, "anna@gemeente.nl", "fout", "10.0.0.1", moment=start + i)
    # now even the right password is refused, without checking it
    with pytest.raises(auth.LoginRefused, match=r"Te veel mislukte pogingen\. Probeer het over 15 minuten"):
        auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", moment=start + 10)
    # another address from the same client is not locked out
    auth.register(store, "Bert", "bert@gemeente.nl", "ook-lang-genoeg")
    auth.login(store, "bert@gemeente.nl", "ook-lang-genoeg", "10.0.0.1", moment=start + 11)
    # after the window the right password works again, and a success clears the count
    after = start + credentials.THROTTLE_WINDOW_S + 5
    assert auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", moment=after).person_id == account
    assert auth.throttle_wait(store, "anna@gemeente.nl", "10.0.0.1", moment=after) == 0


def test_one_client_trying_many_addresses_is_throttled_too(store):
    start = 2_000_000.0
    for i in range(credentials.MAX_FAILURES_PER_CLIENT):
        with pytest.raises(auth.LoginRefused):
            auth.login(store, f"iemand{i}@gemeente.nl", "fout", "10.9.9.9", moment=start + i)
    assert auth.throttle_wait(store, "nieuw@gemeente.nl", "10.9.9.9", moment=start + 60) > 0
    assert auth.throttle_wait(store, "nieuw@gemeente.nl", "10.1.1.1", moment=start + 60) == 0


def test_an_admin_reset_only_hands_out_a_code_and_never_logs_the_admin_in(store, account, library):
    admin = auth.register(store, "Bea Beheer", "beheer@gemeente.nl", "beheer-wachtwoord", is_admin=True)
    anna_login = auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord")
    code = Service(store, library, Actor(admin)).admin.issue_reset(account)
    # the code changes nothing by itself: the old password and the existing login still work
    assert auth.person_for_token(store, anna_login.token) == account
    assert auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord").person_id == account
    assert not store.people.account(account).must_change_password
    # it is no password either
    with pytest.raises(auth.LoginRefused):
        auth.login(store, "anna@gemeente.nl", code)
    # the person is told, with the administrator's name, before anything else happens
    anna = Service(store, library, Actor(account))
    [issued] = anna.account.events()
    assert (issued.kind, issued.admin_name) == ("reset_issued", "Bea Beheer")


def test_a_reset_code_works_once_for_its_own_address_and_is_recorded(store, account, library):
    admin = auth.register(store, "Bea Beheer", "beheer@gemeente.nl", "beheer-wachtwoord", is_admin=True)
    old_login = auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord")
    code = Service(store, library, Actor(admin)).admin.issue_reset(account)
    with pytest.raises(auth.LoginRefused, match="hoort niet bij dit e-mailadres"):
        auth.reset_with_code(store, "beheer@gemeente.nl", code, "een-nieuw-wachtwoord")  # not the admin's own
    with pytest.raises(auth.LoginRefused, match="minstens 10 tekens"):
        auth.reset_with_code(store, "anna@gemeente.nl", code, "kort")
    login = auth.reset_with_code(store, "anna@gemeente.nl", code.lower().replace("-", " "), "een-nieuw-wachtwoord")
    assert login.person_id == account
    assert auth.person_for_token(store, old_login.token) is None  # every other login ended
    assert auth.login(store, "anna@gemeente.nl", "een-nieuw-wachtwoord").person_id == account
    with pytest.raises(auth.LoginRefused, match="al gebruikt"):
        auth.reset_with_code(store, "anna@gemeente.nl", code, "nog-een-ander-wachtwoord")
    assert [e.kind for e in Service(store, library, Actor(account)).account.events()] == ["reset_used", "reset_issued"]
    assert Service(store, library, Actor(admin)).account.events() == []  # only the person's own events


def test_wrong_reset_codes_count_as_failed_logins_and_an_expired_code_is_refused(store, account):
    start = 3_000_000.0
    for i in range(credentials.MAX_FAILURES_PER_EMAIL):
        with pytest.raises(auth.LoginRefused):
            auth.reset_with_code(store, "anna@gemeente.nl", "AAAA-BBBB-CCCC-DDDD", "een-nieuw-wachtwoord",
                                 moment=start + i)
    with pytest.raises(auth.LoginRefused) as refused:
        auth.reset_with_code(store, "anna@gemeente.nl", "AAAA-BBBB-CCCC-DDDD", "een-nieuw-wachtwoord", moment=start + 9)
    assert refused.value.throttled
    store.audit.issue_reset(account, credentials.token_hash("EEEE-FFFF-GGGG-HHHH"), "2020-01-01T00:00:00+00:00", "Bea")
    with pytest.raises(auth.LoginRefused, match="verlopen"):
        auth.reset_with_code(store, "anna@gemeente.nl", "EEEE-FFFF-GGGG-HHHH", "een-nieuw-wachtwoord", client="x")
    assert auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", moment=start + 10**6).person_id == account


def test_codes_are_unguessable_readable_and_forgiving_when_typed():
    codes = {credentials.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}", c) for c in codes)
    assert credentials.normalise_code(" k7qm 2xpa-9rtd w4hn ") == "K7QM-2XPA-9RTD-W4HN"
    # 31 symbols, 16 places: about 79 bits
    assert 16 * __import__("math").log2(31) > 79


def test_create_admin_command_once_and_from_the_environment(tmp_path, monkeypatch, capsys):
    from wegwijzer import web
    from wegwijzer.cli import main

    db = tmp_path / "a.db"
    monkeypatch.setenv("WEGWIJZER_ADMIN_PASSWORD", "beheer-wachtwoord")
    assert main(["create-admin", "--email", "Baas@Gemeente.nl", "--db", str(db)]) == 0
    assert "beheerder aangemaakt: baas@gemeente.nl" in capsys.readouterr().out
    assert main(["create-admin", "--email", "twee@gemeente.nl", "--db", str(db)]) == 1
    assert "Er is al een beheerder" in capsys.readouterr().err
    store = Store(db)
    assert [a.email for a in store.people.accounts() if a.is_admin] == ["baas@gemeente.nl"]
    # the environment route: only in server mode, only while there is no administrator
    other = tmp_path / "b.db"
    monkeypatch.setenv("WEGWIJZER_DB", str(other))
    monkeypatch.setenv("WEGWIJZER_ADMIN_EMAIL", "env@gemeente.nl")
    assert web.create_admin_from_environment() is None  # local mode
    monkeypatch.setenv("WEGWIJZER_MODE", "server")
    assert web.create_admin_from_environment() == "Beheerder env@gemeente.nl aangemaakt."
    assert web.create_admin_from_environment() is None
    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "c.db"))
    monkeypatch.setenv("WEGWIJZER_ADMIN_PASSWORD", "kort")
    with pytest.raises(SystemExit, match="minstens 10 tekens"):
        web.create_admin_from_environment()
