"""Passwords, login tokens, throttling and codes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from argon2 import PasswordHasher

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
def cheap_hashing(monkeypatch):
    """argon2 with the least work: the throttling tests check hundreds of passwords, the rules stay the same."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(credentials, "_hasher", cheap)
    monkeypatch.setattr(credentials, "DUMMY_HASH", cheap.hash("dummy"))


@pytest.fixture
def account(store: Store) -> int:
    return auth.register(store, "Anna de Vries", " Anna@Gemeente.NL ", "lang-genoeg-wachtwoord")


def test_register_normalises_email_and_refuses_duplicates_and_weak_passwords(store, account):
    assert store.people.account(account).email == "anna@gemeente.nl"
    with pytest.raises(auth.LoginRefused, match="bestaat al"):  # the administrator's and the command line's way
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


def test_a_throttle_delays_progressively_and_never_for_long():
    rule = credentials.Throttle(free=3, first_s=5, most_s=300, window_s=3600)
    assert [rule.delay_after(n) for n in range(8)] == [0, 0, 0, 5, 10, 20, 40, 80]
    assert rule.delay_after(10_000) == 300  # however many failures: a wait of minutes, never a lockout
    assert rule.wait([100.0, 101.0], 102.0) == 0  # still free
    assert rule.wait([100.0, 101.0, 102.0], 103.0) == 4  # 5 s after the last one
    assert rule.wait([100.0, 101.0, 102.0], 107.0) == 0
    assert rule.wait([100.0, 101.0, 102.0], 102.0 + 3600) == 0  # the window passed
    assert credentials.in_words(1) == "1 seconde" and credentials.in_words(40) == "40 seconden"
    assert credentials.in_words(300) == "5 minuten"


def _fail(store, email, client, moment, device=None):
    with pytest.raises(auth.LoginRefused, match="horen niet bij elkaar"):
        auth.login(store, email, "fout-wachtwoord", client, device, moment=moment)


def test_wrong_passwords_slow_logins_down_but_never_lock_the_person_out(cheap_hashing, store, account):
    start = 1_000_000.0
    for i in range(credentials.EMAIL_THROTTLE.free):
        _fail(store, "anna@gemeente.nl", "10.6.6.6", start + i)
    # the next attempt waits a few seconds, from anywhere: refused without checking the password
    with pytest.raises(auth.LoginRefused, match=r"Probeer het over 5 seconden opnieuw") as refused:
        auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", moment=start + 2)
    assert refused.value.throttled and refused.value.retry_after == 5
    # an attacker who keeps going only makes the waits longer, up to five minutes, never a lockout
    moment = start + 10
    for _ in range(30):
        moment += auth.throttle_wait(store, "anna@gemeente.nl", "10.6.6.6", moment=moment)
        _fail(store, "anna@gemeente.nl", "10.6.6.6", moment)
    wait = auth.throttle_wait(store, "anna@gemeente.nl", "10.0.0.1", moment=moment)
    assert wait == credentials.EMAIL_THROTTLE.most_s
    # after that wait, the right password from a new device works, and the success clears the count
    assert auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", moment=moment + wait).person_id == account
    assert auth.throttle_wait(store, "anna@gemeente.nl", "10.0.0.1", moment=moment + wait) == 0


def test_the_right_password_from_a_known_device_works_despite_failures_from_elsewhere(cheap_hashing, store, account):
    start = 3_000_000.0
    device = auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", moment=start).device
    assert device and store.logins.device_person(device) is None  # only its hash is stored
    for i in range(12):  # an attacker guesses as fast as the throttle lets it, from two addresses
        moment = start + 1 + i
        try:
            auth.login(store, "anna@gemeente.nl", "fout-wachtwoord", f"10.6.6.{i % 2}", moment=moment)
        except auth.LoginRefused:
            pass
    assert auth.throttle_wait(store, "anna@gemeente.nl", "10.0.0.1", moment=start + 13) > 0
    again = auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", device, moment=start + 13)
    assert again.person_id == account and again.device == device  # the same device, kept
    # a known device of someone else, or a made-up one, skips nothing
    with pytest.raises(auth.LoginRefused, match="Probeer het over"):
        auth.login(store, "anna@gemeente.nl", "fout-wachtwoord", "10.0.0.1", "verzonnen", moment=start + 14)
    # a device that itself guesses wrong too often loses its head start
    for i in range(12):
        _fail(store, "anna@gemeente.nl", "10.0.0.1", start + 100 + 400 * i, device)
    with pytest.raises(auth.LoginRefused, match="Probeer het over"):
        auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", device, moment=start + 4500)


def test_one_client_trying_many_addresses_slows_down_without_locking_out_its_neighbours(cheap_hashing, store, account):
    start = 2_000_000.0
    device = auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.9.9.9", moment=start).device
    moment = start
    for i in range(40):  # one address (a NAT, a proxy) tries many addresses
        moment += 1 + auth.throttle_wait(store, f"iemand{i}@gemeente.nl", "10.9.9.9", moment=moment)
        _fail(store, f"iemand{i}@gemeente.nl", "10.9.9.9", moment)
    assert 0 < auth.throttle_wait(store, "nieuw@gemeente.nl", "10.9.9.9", moment=moment) <= 300
    assert auth.throttle_wait(store, "nieuw@gemeente.nl", "10.1.1.1", moment=moment) == 0
    # a colleague behind the same address logs in at once from her own computer
    assert auth.login(store, "anna@gemeente.nl", "lang-genoeg-wachtwoord", "10.9.9.9", device,
                      moment=moment).person_id == account


def test_sign_up_says_nothing_about_existing_addresses_and_is_throttled_per_client(cheap_hashing, store, account):
    hashed_before = store.people.password_hash(account)
    assert auth.sign_up(store, "Ander", "ANNA@gemeente.nl", "ander-lang-wachtwoord", "10.0.0.1", moment=10.0) is None
    assert len(store.people.accounts()) == 1 and store.people.password_hash(account) == hashed_before
    assert auth.sign_up(store, "Nieuw", "nieuw@gemeente.nl", "nieuw-lang-wachtwoord", "10.0.0.1", moment=11.0) is None
    assert auth.login(store, "nieuw@gemeente.nl", "nieuw-lang-wachtwoord", moment=12.0).person_id
    with pytest.raises(auth.LoginRefused, match="geldig e-mailadres"):  # input to correct still gets its reason
        auth.sign_up(store, "Geen", "geen-adres", "lang-genoeg-wachtwoord", "10.0.0.1", moment=13.0)
    for i in range(credentials.REGISTRATION_THROTTLE.free - 2):
        auth.sign_up(store, "Veel", f"veel{i}@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", moment=20.0 + i)
    with pytest.raises(auth.LoginRefused, match="net veel accounts gemaakt. Probeer het over 5 seconden") as refused:
        auth.sign_up(store, "Te veel", "teveel@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", moment=27.0)
    assert refused.value.retry_after == 5
    auth.sign_up(store, "Elders", "elders@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.2", moment=29.0)
    auth.sign_up(store, "Later", "later@gemeente.nl", "lang-genoeg-wachtwoord", "10.0.0.1", moment=32.0)
    assert store.people.account_by_email("teveel@gemeente.nl") is None
    assert store.people.account_by_email("later@gemeente.nl") is not None


def test_password_hashing_has_a_bound_and_says_busy_instead_of_queueing(monkeypatch):
    monkeypatch.setattr(credentials, "HASH_WAIT_S", 0.2)
    taken = 0
    while credentials._slots.acquire(blocking=False):  # every slot busy with someone else's hash
        taken += 1
    try:
        assert taken == credentials.HASH_SLOTS
        with pytest.raises(credentials.HashingBusy) as busy:
            credentials.verify_password(credentials.DUMMY_HASH, "x")
        assert busy.value.message == "Het is even te druk; probeer het over een minuut opnieuw."
    finally:
        for _ in range(taken):
            credentials._slots.release()
    assert not credentials.verify_password(credentials.DUMMY_HASH, "x")


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
    free = credentials.EMAIL_THROTTLE.free
    for i in range(free):
        with pytest.raises(auth.LoginRefused):
            auth.reset_with_code(store, "anna@gemeente.nl", "AAAA-BBBB-CCCC-DDDD", "een-nieuw-wachtwoord",
                                 moment=start + i)
    with pytest.raises(auth.LoginRefused) as refused:  # one second after the last wrong code: wait first
        auth.reset_with_code(store, "anna@gemeente.nl", "AAAA-BBBB-CCCC-DDDD", "een-nieuw-wachtwoord",
                             moment=start + free)
    assert refused.value.throttled
    store.audit.issue_reset(account, credentials.token_hash("EEEE-FFFF-GGGG-HHHH"), "2020-01-01T00:00:00+00:00", "Bea")
    with pytest.raises(auth.LoginRefused, match="verlopen"):
        auth.reset_with_code(store, "anna@gemeente.nl", "EEEE-FFFF-GGGG-HHHH", "een-nieuw-wachtwoord", client="x",
                             moment=start + 100)
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


def test_two_server_processes_starting_with_the_admin_environment_both_start(tmp_path, monkeypatch):
    """Behind a proxy, two processes on one database start at once: both may see no administrator yet;
    the one that comes second finds the account made by the first and starts, instead of stopping."""
    from wegwijzer import web
    from wegwijzer.storage.people import People

    monkeypatch.setenv("WEGWIJZER_DB", str(tmp_path / "d.db"))
    monkeypatch.setenv("WEGWIJZER_MODE", "server")
    monkeypatch.setenv("WEGWIJZER_ADMIN_EMAIL", "Env@Gemeente.nl")
    monkeypatch.setenv("WEGWIJZER_ADMIN_PASSWORD", "beheer-wachtwoord")
    assert web.create_admin_from_environment() == "Beheerder Env@Gemeente.nl aangemaakt."
    monkeypatch.setattr(People, "has_admin", lambda self: False)  # it looked before the other wrote
    assert web.create_admin_from_environment() is None
    # an account with that address that is not an administrator is still a reason to stop
    monkeypatch.setenv("WEGWIJZER_ADMIN_EMAIL", "gewoon@gemeente.nl")
    auth.register(web.store(), "Gewoon", "gewoon@gemeente.nl", "een-lang-wachtwoord")
    with pytest.raises(SystemExit, match="bestaat al"):
        web.create_admin_from_environment()
