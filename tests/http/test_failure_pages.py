"""A database that cannot be used gives a Dutch page on every route, never "500 Internal Server Error"."""

from __future__ import annotations

import urllib.error
import urllib.request

from tests.support.browser import WITHOUT_ROOT_OVERRIDE, streamlit_server
from wegwijzer.storage import Store


def get(url: str, method: str = "GET", body: bytes | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, method=method, headers={"Origin": url.split("/", 3)[0] + "//"
                                                                                       + url.split("/")[2]})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def assert_dutch_page_on_every_route(url: str, title: str, todo: str) -> None:
    for method, path, body in [("GET", "/", None), ("GET", "/dashboard?sessie=1", None), ("GET", "/inloggen", None),
                               ("POST", "/inloggen", b"email=a%40b.nl&password=x"),
                               ("POST", "/registreren", b"name=A&email=a%40b.nl&password=een-lang-wachtwoord"),
                               ("GET", "/feedback/abc", None)]:
        status, page = get(url + path, method, body)
        assert status == 503, (method, path, status, page[:300])
        assert title in page and todo in page, (method, path)
        assert "Internal Server Error" not in page and "Traceback" not in page and ".db" not in page


def server_log(proc) -> str:
    proc.terminate()
    proc.wait(10)
    return proc.stderr.read().decode(errors="replace")


def test_a_read_only_database_at_start_gives_a_dutch_page_saying_what_to_do(tmp_path):
    db_path = tmp_path / "data" / "wegwijzer.db"
    db_path.parent.mkdir()
    Store(db_path).close()
    db_path.chmod(0o444)
    db_path.parent.chmod(0o555)
    try:
        with streamlit_server(db_path, {"WEGWIJZER_MODE": "server"}, prefix=WITHOUT_ROOT_OVERRIDE) as (url, proc):
            assert_dutch_page_on_every_route(url, "Wegwijzer kan nu niets bewaren", "schrijfrechten")
            log = server_log(proc)
    finally:
        db_path.parent.chmod(0o755)
    assert "readonly" in log and str(db_path) in log and "Traceback" in log  # the detail is for the administrator


def test_a_damaged_database_gives_a_dutch_page_and_is_left_as_it_was(tmp_path):
    db_path = tmp_path / "wegwijzer.db"
    db_path.write_bytes(b"this is no database" * 100)
    with streamlit_server(db_path, {"WEGWIJZER_MODE": "server"}) as (url, proc):
        assert_dutch_page_on_every_route(url, "De database is beschadigd", "back-up terug")
        log = server_log(proc)
    assert "corrupt" in log and str(db_path) in log
    assert db_path.read_bytes() == b"this is no database" * 100
