"""Speed a person feels, in a real browser, each against the bare app (bench/bare/) in the same run.

- B1 the dashboard of a completed 100-theme session, from navigation until every chart is drawn;
- B2 a step change in the questionnaire, from the click until the next step's heading is there and the
  rerun has finished;
- B3 "Sessie afronden" on the last step until the dashboard is fully drawn.

Each figure is the median of our times; ``ratio`` divides it by the median of the bare app's times for the
same action, measured alternately in the same run (so the machine's speed cancels out).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import Figure

ROOT = Path(__file__).resolve().parents[1]

_DRAWN = """(charts) => !document.querySelector('[data-testid=stStatusWidget]')
    && document.querySelectorAll('.js-plotly-plot .main-svg').length >= charts"""


def _drawn(page, charts: int) -> None:
    page.wait_for_function(_DRAWN, arg=charts * 2, timeout=60_000)  # plotly draws two svg layers per chart


def _time(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _bare_server():
    from tests.support.browser import free_port

    from .figures import _wait_health

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "bench" / "bare" / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_health(port)
    return proc, f"http://127.0.0.1:{port}"


def _one_round(page, url: str, bare: str, store, library, me: int, done_id: int, seed: int) -> dict[str, float]:
    """One alternate measurement of B1–B3: ours, then the bare app, for each action."""
    from tests.support.browser import wait_for_app
    from wegwijzer.demo import populate

    out: dict[str, float] = {}
    out["B1"] = _time(lambda: (page.goto(f"{url}/dashboard?sessie={done_id}"), _drawn(page, 5)))
    out["B1 bare"] = _time(lambda: (page.goto(f"{bare}/dashboard"), _drawn(page, 5)))

    # a fresh open session per round: every step is unanswered, as for a person
    [open_id] = populate(store, library, person_id=me, sessions_per_person=1, seed=seed)
    store.sessions.set_status(open_id, "open")
    page.goto(f"{url}/vragenlijst?sessie={open_id}")
    wait_for_app(page)
    out["B2"] = _time(lambda: (page.get_by_role("button", name="Volgende stap →").click(),
                               page.get_by_role("heading", name="Stap 2 van 18").wait_for(),
                               wait_for_app(page)))
    page.goto(f"{bare}/?stap=1")
    wait_for_app(page)
    out["B2 bare"] = _time(lambda: (page.get_by_role("button", name="Volgende stap →").click(),
                                    page.get_by_role("heading", name="Stap 2 van 18").wait_for(),
                                    wait_for_app(page)))

    last = "aanstaande-secretaris"
    page.goto(f"{url}/vragenlijst?sessie={open_id}&hoofdstuk={last}")
    wait_for_app(page)
    out["B3"] = _time(lambda: (page.get_by_role("button", name="Sessie afronden").click(),
                               page.wait_for_url("**/dashboard**"), _drawn(page, 5)))
    page.goto(f"{bare}/?stap=18")
    wait_for_app(page)
    out["B3 bare"] = _time(lambda: (page.get_by_role("button", name="Sessie afronden").click(),
                                    page.wait_for_url("**/dashboard**"), _drawn(page, 5)))
    return out


def browser_flows(runs: int = 8) -> list[Figure]:
    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server
    from wegwijzer.content.library import load_library
    from wegwijzer.demo import populate
    from wegwijzer.storage import Store

    library = load_library(ROOT / "thema's")
    times: dict[str, list[float]] = {k: [] for k in ("B1", "B1 bare", "B2", "B2 bare", "B3", "B3 bare")}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        db_path = Path(tmp) / "flows.db"
        store = Store(db_path)
        me = store.people.local_person()
        done = populate(store, library, person_id=me, sessions_per_person=2, seed=3)
        bare_proc, bare = _bare_server()
        try:
            with streamlit_server(db_path) as (url, _):
                for i in range(runs + 1):  # the first round warms both servers up
                    page = browser.new_page(viewport={"width": 1366, "height": 900})
                    measured = _one_round(page, url, bare, store, library, me, done[1], seed=100 + i)
                    page.close()
                    if i > 0:
                        for key, value in measured.items():
                            times[key].append(value)
        finally:
            bare_proc.kill()
            browser.close()

    def figure(fid: str, name: str, goal: float) -> Figure:
        ours, floor = statistics.median(times[fid]), statistics.median(times[f"{fid} bare"])
        return Figure(fid, name, "ratio", [t / floor for t in times[fid]], goal,
                      extra=f"ours_ms={ours:.0f} bare_ms={floor:.0f} ratio_of_medians={ours / floor:.2f}")

    return [figure("B1", "dashboard_drawn_vs_bare", 1.3), figure("B2", "step_change_vs_bare", 1.3),
            figure("B3", "finish_to_dashboard_vs_bare", float("inf"))]
