"""L2: how many people answering the questionnaire at once one server setup holds.

A step puts N users (:mod:`bench.load_users`) on a fresh server setup (:mod:`bench.load_servers`): they
open their questionnaire one after another during the ramp, then answer for ``seconds``; every click in
that window is timed from the widget-change message to the run's ``script_finished``. A step passes
when p95 ≤ 1 s, no click failed and the database holds every answer sent. L2 is the largest N that
passes: the steps 10, 25, 50, 100, 150, then upwards by 50 while they pass, then halving the gap
between the last pass and the first failure down to 10 users.
"""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .common import Figure
from .load_servers import Cluster, Cost, cluster, wait_for_quiet
from .load_users import User, accounts, answer, lost_answers, open_sessions

P95_GOAL_MS = 1000.0
STEPS = (10, 25, 50, 100, 150)
UP_TO = 400  # the search stops here
RESOLUTION = 10
BUSY_PERCENT = 50.0  # other work on the machine above this (% of a core) during a step: measure it again
RETRIES = 2


@dataclass(frozen=True)
class Setup:
    id: str
    processes: int
    post_script_gc: bool | None  # None: as .streamlit/config.toml says
    about: str
    goal: float = 100  # users; inf: a reference, no goal


SETUPS = {
    "default": Setup("L2d", 1, True, "1 process, Streamlit's default full GC after every run", float("inf")),
    "ours": Setup("L2", 1, None, "1 process, as shipped (.streamlit/config.toml)"),
    "multi": Setup("L2x2", 2, None, "2 processes behind nginx (deploy/nginx.conf), one database"),
}


@dataclass
class Step:
    users: int
    latencies_ms: list[float]
    pages_ms: list[float]
    sent: int
    lost: int
    failed: int
    failures: list[str]
    cpu_percent: float
    rss_max_mb: float
    rss_end_mb: float
    generator_cpu_percent: float
    others_cpu_percent: float
    seconds: float
    spread: str = ""  # users per process behind the proxy

    @property
    def p95(self) -> float:
        return _p95(self.latencies_ms) if self.latencies_ms else float("inf")

    @property
    def passed(self) -> bool:
        return bool(self.latencies_ms) and self.p95 <= P95_GOAL_MS and self.lost == 0 and self.failed == 0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def _drive(target: Cluster, users: list[User], ramp: float, seconds: float, seed: int,
                 cost: Cost) -> tuple[float, float, float]:
    """Run the users; returns the measured window (wall-clock start, end) and the generator's CPU %."""
    rng = random.Random(seed)
    t0 = time.monotonic()
    window_start = t0 + ramp + 3.0
    stop_at = window_start + seconds
    gap = ramp / max(1, len(users))
    tasks = [asyncio.create_task(answer(target.url, u, start_at=t0 + i * gap, stop_at=stop_at,
                                        rng=random.Random(rng.random())))
             for i, u in enumerate(users)]
    await asyncio.sleep(max(0.0, window_start - time.monotonic()))
    wall_start, cpu_start = time.time(), time.process_time()
    cost.start()
    await asyncio.sleep(max(0.0, stop_at - time.monotonic()))
    cost.stop()
    wall_end, generator = time.time(), 100 * (time.process_time() - cpu_start) / seconds
    await asyncio.gather(*tasks)
    return wall_start, wall_end, generator


def run_step(setup: Setup, db_path: Path, users: list[User], *, seconds: float, workdir: Path,
             seed: int = 1) -> Step:
    """One measured run of ``len(users)`` users on a freshly started ``setup``."""
    wait_for_quiet()
    open_sessions(db_path, users)
    ramp = min(30.0, 0.2 * len(users))
    with cluster(db_path, setup.processes, post_script_gc=setup.post_script_gc, workdir=workdir) as target:
        cost = Cost(target.pids())
        start, end, generator = asyncio.run(_drive(target, users, ramp, seconds, seed, cost))
    in_window = [ms * 1000 for u in users for sent_at, ms in u.clicks if start <= sent_at <= end]
    failures = [f for u in users for f in u.failures]
    per_backend = Counter(u.backend for u in users if u.backend)
    return Step(users=len(users), latencies_ms=in_window, pages_ms=[s * 1000 for u in users for s in u.pages],
                sent=sum(len(u.clicks) for u in users), lost=lost_answers(db_path, users), failed=len(failures),
                failures=failures[:3], cpu_percent=cost.cpu_percent, rss_max_mb=cost.rss_max,
                rss_end_mb=cost.rss[-1], generator_cpu_percent=generator,
                others_cpu_percent=cost.others_percent, seconds=seconds,
                spread="/".join(str(n) for _, n in sorted(per_backend.items())))


def step_figure(setup: Setup, step: Step) -> Figure:
    values = step.latencies_ms or [float("inf")]
    return Figure(f"{setup.id}@{step.users}", "click_to_update", "ms", values, P95_GOAL_MS, judge="p95",
                  ok=step.lost == 0 and step.failed == 0,
                  extra=(f"users={step.users} sent={step.sent} lost={step.lost} failed={step.failed} "
                         f"cpu={step.cpu_percent:.0f}% rss={step.rss_max_mb:.0f}MB "
                         f"generator_cpu={step.generator_cpu_percent:.0f}% others_cpu={step.others_cpu_percent:.0f}%"
                         + (f" users_per_process={step.spread}" if step.spread else "")))


def search(setup: Setup, db_path: Path, people: list[User], *, seconds: float, steps=STEPS, workdir: Path,
           show=print) -> tuple[list[Step], int]:
    """The steps, then up while they pass, then bisect; returns every step run and the largest passing N."""
    done: dict[int, Step] = {}

    def measure(n: int) -> Step:
        if n > len(people):
            people.extend(accounts(db_path, n)[len(people):])
        for attempt in range(RETRIES + 1):
            step = run_step(setup, db_path, people[:n], seconds=seconds, workdir=workdir / f"{setup.id}-{n}", seed=n)
            if step.others_cpu_percent <= BUSY_PERCENT or attempt == RETRIES:
                break
            print(f"  {setup.id}@{n}: other processes used {step.others_cpu_percent:.0f}% of a core; again",
                  flush=True)
        done[n] = step
        show(step_figure(setup, step))
        for failure in step.failures:
            print(f"  {setup.id}@{n} failure: {failure}", flush=True)
        return step

    for n in steps:
        measure(n)
    n = max(steps)
    while done[n].passed and n + 50 <= UP_TO:
        n += 50
        measure(n)
    passing = [k for k, s in done.items() if s.passed]
    best = max(passing, default=0)
    failing = [k for k in done if k > best]
    if failing:
        low, high = best, min(failing)
        while high - low > RESOLUTION:
            mid = (low + high) // 2
            if measure(mid).passed:
                low = mid
            else:
                high = mid
        best = low
    return [done[k] for k in sorted(done)], best


def l2_figures(which=("default", "ours", "multi"), *, seconds: float = 60.0, steps=STEPS, show=print) -> list[Figure]:
    """L2 for each setup: one line per step, then the largest N as the setup's figure."""
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "load.db"
        people = accounts(db_path, max(steps))
        for name in which:
            setup = SETUPS[name]
            runs, best = search(setup, db_path, people, seconds=seconds, steps=steps, workdir=Path(tmp), show=show)
            at = {s.users: s for s in runs}
            summary = " ".join(f"p95@{n}={at[n].p95:.0f}" for n in steps if n in at)
            fig = Figure(setup.id, "max_users_p95_1s_nothing_lost", "users", [best], setup.goal, higher_is_better=True,
                         extra=f"{summary} setup='{setup.about}' seconds={seconds:.0f}")
            show(fig)
            figures.append(fig)
    return figures
