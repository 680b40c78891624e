"""Whose address a request has: X-Forwarded-For counts only when it comes from one of our proxies."""

from __future__ import annotations

import pytest

from wegwijzer.config import LOOPBACK, settings
from wegwijzer.web.base import client_address


def test_forwarded_addresses_from_anyone_but_our_proxy_are_ignored():
    proxies = ("10.0.0.5/32",)
    assert client_address("203.0.113.9", "1.2.3.4", proxies) == "203.0.113.9"  # a client writing its own header
    assert client_address("203.0.113.9", "1.2.3.4", ()) == "203.0.113.9"  # no proxy configured
    assert client_address("10.0.0.5", "198.51.100.7", proxies) == "198.51.100.7"
    # what the client wrote itself comes first; the proxy appends what it saw: the last one counts
    assert client_address("10.0.0.5", "1.2.3.4, 198.51.100.7", proxies) == "198.51.100.7"
    # a chain of our own proxies is skipped, a network counts as a list of proxies
    assert client_address("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.6", ("10.0.0.0/24",)) == "198.51.100.7"
    # garbage where the address should be: counted on the proxy, not on whatever the text says
    assert client_address("10.0.0.5", "<script>, nonsense", proxies) == "10.0.0.5"
    assert client_address("10.0.0.5", "", proxies) == "10.0.0.5"
    assert client_address("::1", "2001:db8::7", LOOPBACK) == "2001:db8::7"


def test_the_proxy_setting(monkeypatch):
    monkeypatch.delenv("WEGWIJZER_PROXY", raising=False)
    monkeypatch.delenv("WEGWIJZER_BEHIND_PROXY", raising=False)
    assert settings().proxies == () and not settings().behind_proxy
    monkeypatch.setenv("WEGWIJZER_BEHIND_PROXY", "1")  # a proxy on this machine
    assert settings().proxies == LOOPBACK
    monkeypatch.setenv("WEGWIJZER_PROXY", "10.0.0.5, 10.1.0.0/16")
    assert settings().proxies == ("10.0.0.5/32", "10.1.0.0/16")
    monkeypatch.setenv("WEGWIJZER_PROXY", "proxy.gemeente.nl")
    with pytest.raises(SystemExit, match="geen IP-adres of netwerk"):
        settings()
