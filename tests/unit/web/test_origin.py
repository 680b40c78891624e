"""The one rule for "from our own pages": the request's own host and port, or WEGWIJZER_ORIGIN behind a proxy."""

from __future__ import annotations

from wegwijzer.web.base import own_origin


def test_without_configuration_only_the_requests_own_host_and_port(monkeypatch):
    monkeypatch.delenv("WEGWIJZER_ORIGIN", raising=False)
    assert own_origin("http://127.0.0.1:8501", "127.0.0.1:8501")
    assert own_origin("https://Wegwijzer.Gemeente.nl", "wegwijzer.gemeente.nl")
    assert not own_origin("http://127.0.0.1:8502", "127.0.0.1:8501")  # another port is another site
    assert not own_origin("http://localhost:8501", "127.0.0.1:8501")
    assert not own_origin(None, "127.0.0.1:8501") and not own_origin("null", "127.0.0.1:8501")
    assert not own_origin("file://127.0.0.1:8501", "127.0.0.1:8501")


def test_behind_a_proxy_the_configured_origins_and_nothing_else(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_ORIGIN", "https://wegwijzer.gemeente.nl/, https://intern.gemeente.nl")
    assert own_origin("https://wegwijzer.gemeente.nl", "127.0.0.1:8501")  # the proxy passed its own Host
    assert own_origin("https://intern.gemeente.nl", "intern.gemeente.nl")
    assert not own_origin("http://wegwijzer.gemeente.nl", "wegwijzer.gemeente.nl")  # plain HTTP is another origin
    assert not own_origin("http://127.0.0.1:8501", "127.0.0.1:8501")
