"""The figures P1–P8 (P6 in writers.py) and the scale run S1. Each function returns one or more Figure results."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import Figure, timed

ROOT = Path(__file__).resolve().parents[1]
THEMES = ROOT / "thema's"


def c0_machine_reference(runs: int = 30) -> Figure:
    """A fixed pure-Python workload: how fast this machine is right now (no goal; read the others by it).

    It runs first and last. Compare runs by it: when C0 is 1.5 times higher than in another run, the
    other figures of that run are slower by about the same factor, whatever the code did.
    """
    import hashlib

    def work() -> None:
        data = json.dumps([{"n": i, "t": f"thema {i}", "w": [0.1 * i, 0.2]} for i in range(2000)])
        json.loads(data)
        sum(i * i for i in range(60_000))
        hashlib.sha256(data.encode()).hexdigest()

    fig = Figure("C0", "machine_reference", "ms", timed(work, runs, warmup=3), float("inf"))
    return fig


def p1_load_themes(runs: int = 50) -> Figure:
    from wegwijzer.content.library import load_library

    return Figure("P1", "load_validate_themes", "ms", timed(lambda: load_library(THEMES), runs, warmup=3), 15)


def _one_script_cache() -> None:
    """Let every AppTest share one script cache, as the server does (it compiles each page script once)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def p2_chapter_rerun(db_path: Path, session_id: int, runs: int = 45, label: str = "") -> Figure:
    """Rerun of the questionnaire's largest chapter against the bare page with the same widgets.

    The two apps run side by side and are rerun in strict alternation, so each ratio compares two
    reruns made a few milliseconds apart; the figure is the median of those paired ratios. AppTest would
    compile every script again on each run (a fresh script cache per run); the server compiles a script
    once, so here, as there, one cache serves all runs, and a longer page file costs nothing per rerun.
    """
    import statistics

    from streamlit.testing.v1 import AppTest

    from wegwijzer.storage import Store

    _one_script_cache()

    os.environ["WEGWIJZER_DB"] = str(db_path)
    Store(db_path).sessions.set_status(session_id, "open")  # a completed session is read-only in the questionnaire

    ours = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    ours.query_params["sessie"] = str(session_id)
    ours.query_params["hoofdstuk"] = "directeur"
    ours.run()
    ours.switch_page("app_pages/vragenlijst.py")
    ours.run()
    bare = AppTest.from_file(str(ROOT / "bench" / "bare" / "app.py"), default_timeout=60)
    bare.query_params["stap"] = "3"  # the same step as ours: Algemeen directeur, 11 themes
    bare.run()

    def rerun(at, key: str, value: int) -> float:
        at.radio(key=key).set_value(value)
        start = time.perf_counter()
        at.run()
        elapsed = (time.perf_counter() - start) * 1000
        if at.exception:
            raise RuntimeError(at.exception)
        return elapsed

    ratios, ours_ms, bare_ms = [], [], []
    for i in range(runs + 5):
        value = 1 + i % 5
        a = rerun(ours, f"m_{session_id}_{17 + i % 11}", value)
        b = rerun(bare, f"m_3_{i % 11}", value)
        if i >= 5:  # warm-up
            ratios.append(a / b)
            ours_ms.append(a)
            bare_ms.append(b)
    return Figure("P2" + label, "chapter_rerun_vs_bare", "ratio", ratios, 1.3,
                  extra=f"ours_ms={statistics.median(ours_ms):.1f} bare_ms={statistics.median(bare_ms):.1f}")


_CLICK_JS = """([container, label, expected]) => new Promise((resolve) => {
    const target = [...document.querySelectorAll(`${container} label`)].find(l => l.textContent.includes(label));
    const start = performance.now();
    const obs = new MutationObserver(() => {
        if (document.body.innerText.includes(expected)) { obs.disconnect(); resolve(performance.now() - start); }
    });
    obs.observe(document.body, {subtree: true, childList: true, characterData: true});
    target.click();
})"""


def _clicks(page, containers: list[str], first_count: int) -> list[float]:
    """Click '3 · Redelijk' in each container; time until the rerun shows the new progress line."""
    values = []
    for i, container in enumerate(containers):
        page.locator(f"{container} label").filter(has_text="3 · Redelijk").wait_for()
        values.append(page.evaluate(_CLICK_JS, [container, "3 · Redelijk", f"{first_count + i} van 100 thema's"]))
        page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')")
    return values


def p3_click_to_update(rounds: int = 12) -> list[Figure]:
    """Real Chromium: click a rating, wait until the server's rerun shows it (and the database has it).

    Each round clicks every theme of one of our chapters on a fresh page, then every theme of the bare
    page's largest step (bench/bare/) on a fresh page, so the two are measured alternately in the same run.
    The first two clicks of each page are warm-up. The figure is the per-round ratio of the medians.
    """
    import statistics

    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, free_port, streamlit_server, wait_for_app
    from wegwijzer.content.library import load_library
    from wegwijzer.storage import Store

    library = load_library(THEMES)
    chapters = ["directeur", "adviseur", "samenwerking", "persoonlijke-bagage"]
    ratios, ours_all, bare_all = [], [], []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        db_path = Path(tmp) / "p3.db"
        store = Store(db_path)
        port = free_port()
        bare_server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "bench" / "bare" / "app.py"), "--server.port",
             str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_health(port)
            with streamlit_server(db_path) as (url, _):
                for r in range(rounds + 1):  # round 0 warms both servers up
                    chapter = chapters[r % len(chapters)]
                    sid = store.sessions.create(store.people.local_person(), label=f"P3 {r}", scope_kind="alle",
                                               scope_key="", perspective="zittend",
                                               themes=[t.number for t in library.themes])
                    page = browser.new_page(viewport={"width": 1300, "height": 1000})
                    page.goto(f"{url}/vragenlijst?sessie={sid}&hoofdstuk={chapter}")
                    wait_for_app(page)
                    numbers = library.chapters[chapter].numbers
                    ours = _clicks(page, [f".st-key-theme_{n}" for n in numbers], 1)[2:]
                    page.close()
                    if {n for n, a in store.sessions.answers(sid).items() if a.mastery == 3} != set(numbers):
                        raise RuntimeError("P3: a click the page showed was not stored")
                    page = browser.new_page(viewport={"width": 1300, "height": 1000})
                    page.goto(f"http://127.0.0.1:{port}/?stap=3")
                    wait_for_app(page)
                    bare = _clicks(page, [f".st-key-theme_3_{n}" for n in range(11)], 1)[2:]
                    page.close()
                    if r > 0:
                        ratios.append(statistics.median(ours) / statistics.median(bare))
                        ours_all += ours
                        bare_all += bare
        finally:
            bare_server.kill()
            browser.close()
    return [Figure("P3", "click_to_update_vs_bare", "ratio", ratios, 1.1,
                   extra=f"ours_ms={statistics.median(ours_all):.0f} bare_ms={statistics.median(bare_all):.0f}")]


def _wait_health(port: int) -> None:
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("bare page did not start")


def _completed_session(store, library, people: int = 1) -> list[int]:
    from wegwijzer.demo import populate

    return populate(store, library, people=people, sessions_per_person=1, seed=7)


def p4_dashboard(store, library, session_id: int, runs: int = 30, label: str = "") -> Figure:
    """What the dashboard computes and draws: the overview from the service, its figures from render."""
    from wegwijzer.render.figures import session_figures

    service = _owner_service(store, library, session_id)
    return Figure("P4" + label, "dashboard_all_figures", "ms",
                  timed(lambda: session_figures(library, service.sessions.overview(session_id)), runs), 60)


def _owner_service(store, library, session_id: int):
    """The service as the session's owner sees it (access checks included, as in the app)."""
    from wegwijzer.service import Service
    from wegwijzer.service.access import Actor

    return Service(store, library, Actor(store.sessions.get(session_id).person_id))


def group_of(store, library, session_ids: list[int], members: int = 12) -> tuple[int, int]:
    """A group of ``members`` people, each sharing one completed session; returns (group id, a member's id)."""
    from wegwijzer.domain.credentials import new_code

    owners = []
    for sid in session_ids:
        owner = store.sessions.get(sid).person_id
        if owner not in [o for o, _ in owners]:
            owners.append((owner, sid))
        if len(owners) == members:
            break
    group = store.groups.create("Bench", owners[0][0], new_code(), "deelnemers")
    for person, sid in owners:
        store.groups.add_member(group, person)
        store.groups.set_shared_session(group, person, sid)
    return group, owners[0][0]


def p5_group_dashboard(store, library, group_id: int, member: int, runs: int = 30, label: str = "") -> Figure:
    """Everything the group page computes for a member: access checks, shared scores, spreads, figures, agenda."""
    from wegwijzer.render.figures import group_figures
    from wegwijzer.service import Service
    from wegwijzer.service.access import Actor

    service = Service(store, library, Actor(member))
    members = len(store.groups.members(group_id))
    fig = Figure("P5" + label, f"group_dashboard_{members}_members", "ms",
                 timed(lambda: group_figures(library, service.groups.dashboard(group_id).view), runs), 100)
    return fig


def l1_login(store, runs: int = 20) -> Figure:
    """A login as the /inloggen route does it: throttle check, argon2id verify, token issued and stored."""
    from wegwijzer.service import auth

    auth.register(store, "Bench Login", "login@bench.nl", "een-lang-wachtwoord")
    return Figure("L1", "login_argon2_verify_and_token", "ms",
                  timed(lambda: auth.login(store, "login@bench.nl", "een-lang-wachtwoord", "127.0.0.1"), runs),
                  float("inf"))


def p7_pdf(store, library, session_id: int, runs: int = 5) -> Figure:
    from wegwijzer.render.report import render_pdf, report_input

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    view = _owner_service(store, library, session_id).sessions.overview(session_id)
    return Figure("P7", "pdf_report_warm", "s",
                  timed(lambda: render_pdf(report_input(library, view, include_notes=False)), runs, warmup=1,
                        scale=1.0), 1.5)


def plan_person(store, library, actions: int = 100, sessions: int = 4,
                person: int | None = None) -> tuple[int, list[int]]:
    """A person (new, or ``person``) with ``sessions`` completed sessions of 100 answers and ``actions`` plan actions
    spread over them (every status, dates around today); returns (person id, session ids, oldest first)."""
    import datetime as dt

    from wegwijzer.demo import populate
    from wegwijzer.domain.records import ActionDraft

    person = person if person is not None else store.people.create("Bench Plan")
    ids = populate(store, library, people=1, sessions_per_person=sessions, seed=8, person_id=person)
    statuses = ("gepland", "bezig", "gedaan", "losgelaten")
    for i in range(len(store.plan.of_person(person)), actions):  # the demo's one-line actions count too
        draft = ActionDraft(theme=1 + (i * 37) % 100, what=f"Actie {i + 1}: een gesprek voeren en vastleggen",
                            due=dt.date.today() + dt.timedelta(days=i * 3 - 120), support="Met de coach" * (i % 2),
                            status=statuses[i % 4], look_back="Terugblik." * (i % 4 >= 2))
        store.plan.add(person, ids[i * sessions // actions], draft)
    return person, ids


def p8_plan(library, db_path: Path, runs: int = 30) -> list[Figure]:
    """A person with 100 actions over 4 sessions, in the app as it runs on the server (one script cache):
    a rerun of "Mijn ontwikkelplan" (P8, its 20 nearest actions drawn, the rest one click away) and of the
    dashboard of the newest session with its plan part: an action form per priority and what moved since the
    actions began (P8d). Server time of the whole script (navigation included); goal 60 ms each."""
    from streamlit.testing.v1 import AppTest

    from wegwijzer.storage import Store

    _one_script_cache()
    os.environ["WEGWIJZER_DB"] = str(db_path)
    store = Store(db_path)
    _person, ids = plan_person(store, library, person=store.people.local_person())

    def opened(page: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["sessie"] = str(ids[-1])
        at.run()
        at.switch_page(page)
        at.run()
        if at.exception:
            raise RuntimeError(at.exception)
        return at

    def rerun(at: AppTest) -> None:
        at.run()
        if at.exception:
            raise RuntimeError(at.exception)

    plan_page, dashboard = opened("app_pages/ontwikkelplan.py"), opened("app_pages/dashboard.py")
    drawn = sum(1 for m in plan_page.markdown if m.value.startswith("**") and " · " in m.value)
    return [Figure("P8", "plan_page_rerun_100_actions_4_sessions", "ms", timed(lambda: rerun(plan_page), runs), 60,
                   extra=f"cards_drawn={drawn}"),
            Figure("P8d", "dashboard_with_plan_rerun_100_actions", "ms", timed(lambda: rerun(dashboard), runs), 60)]


def s1_scale(library, sizes=(10, 100, 1000)):
    """P2, P4 and P5 on databases of 10, 100 and 1,000 people × 4 sessions × 100 answers (yields as it goes)."""
    from wegwijzer.demo import populate
    from wegwijzer.storage import Store

    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"s1-{size}.db"
            store = Store(path)
            start = time.perf_counter()
            ids = populate(store, library, people=size, sessions_per_person=4, seed=size)
            build_s = time.perf_counter() - start
            answers = store.counts()["answers"]
            p4 = p4_dashboard(store, library, ids[len(ids) // 2], runs=20, label=f"@{size}")
            p4.extra = f"people={size} answers={answers} build_s={build_s:.0f}"
            yield p4
            group, member = group_of(store, library, ids[::4][:12] if size >= 12 else ids)
            p5 = p5_group_dashboard(store, library, group, member, runs=20, label=f"@{size}")
            p5.extra = f"people={size}"
            yield p5
            # the questionnaire runs as the local person, who is the first person in the database
            yield p2_chapter_rerun(path, ids[0], runs=20, label=f"@{size}")
            store.close()


def dump(figures: list[Figure], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([f.__dict__ | {"median": f.median, "passed": f.passed} for f in figures], indent=1))
