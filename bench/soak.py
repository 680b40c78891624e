"""`python -m bench.soak [--users 50] [--minutes 120] [--every 30]`: memory of one server over hours (`make soak`).

One server process as shipped (``.streamlit/config.toml``, so without Streamlit's full GC after every
run) gets ``--users`` logged-in users answering at 3–6 s a click for ``--minutes``. A user who has
answered all 100 themes closes the tab and starts a new questionnaire in a new tab, so sessions come
and go as they do in real use and their memory has to be given back. Every ``--every`` minutes, and at
the start and the end, it prints the server's resident memory (RSS), its CPU and the clicks since the
last report; at the end it checks the database for every answer sent.

The figure M1 is the RSS at the end divided by the RSS at the first report after the start: with no
leak it stays near 1 (goal ≤ 1.2), and no answer may be lost and no click fail.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

from .common import Figure
from .load import SETUPS
from .load_servers import Cost, cluster, cpu_seconds, machine_busy_seconds, rss_mb, wait_for_quiet
from .load_users import User, accounts, answer, lost_answers, new_session, open_sessions

GOAL = 1.2


def _clock(seconds: float) -> str:
    return f"{int(seconds // 3600)}:{int(seconds % 3600 // 60):02d}"


class Reporter:
    """One line per report: elapsed time, RSS, CPU since the last report, clicks and their p50/p95."""

    def __init__(self, pid: int, users: list[User]):
        self.pid, self.users = pid, users
        self.rss: list[tuple[float, float]] = []
        self._t0 = self._last = time.monotonic()
        self._seen = 0
        self._cpu, self._machine = cpu_seconds(pid), machine_busy_seconds()

    def report(self) -> float:
        now = time.monotonic()
        rss, cpu, machine = rss_mb(self.pid), cpu_seconds(self.pid), machine_busy_seconds()
        span = max(now - self._last, 1e-9)
        clicks = sorted(s for u in self.users for _, s in u.clicks)  # all so far; the new ones below
        recent = sorted(s * 1000 for u in self.users for when, s in u.clicks if when >= time.time() - span)
        p = (lambda q: recent[min(len(recent) - 1, round(q * (len(recent) - 1)))]) if recent else (lambda q: 0.0)
        failed = sum(len(u.failures) for u in self.users)
        print(f"SOAK t={_clock(now - self._t0)} rss={rss:.0f}MB cpu={100 * (cpu - self._cpu) / span:.0f}% "
              f"clicks={len(recent)} p50={p(0.5):.0f}ms p95={p(0.95):.0f}ms total_clicks={len(clicks)} "
              f"questionnaires={sum(len({s for s, _ in u.sent}) for u in self.users)} failed={failed} "
              f"others_cpu={100 * ((machine - self._machine) - (cpu - self._cpu)) / span:.0f}%", flush=True)
        self.rss.append((now - self._t0, rss))
        self._last, self._cpu, self._machine = now, cpu, machine
        return rss


async def _soak(url: str, pid: int, users: list[User], db_path: Path, minutes: float, every: float,
                pause: tuple[float, float]) -> Reporter:
    from wegwijzer.storage import Store

    store = Store(db_path)
    rng = random.Random(50)
    ramp = min(30.0, 0.2 * len(users))
    t0 = time.monotonic()
    stop_at = t0 + ramp + minutes * 60
    tasks = [asyncio.create_task(answer(url, u, start_at=t0 + i * ramp / len(users), stop_at=stop_at,
                                        rng=random.Random(rng.random()), pause=pause,
                                        renew=lambda u: new_session(store, u)))
             for i, u in enumerate(users)]
    await asyncio.sleep(ramp + 5)
    reporter = Reporter(pid, users)
    reporter.report()  # the start: everyone has opened a questionnaire
    while (left := stop_at - time.monotonic()) > 1:
        await asyncio.sleep(min(every * 60, left))
        reporter.report()
    await asyncio.gather(*tasks)
    return reporter


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=120)
    parser.add_argument("--every", type=float, default=30, help="minutes between memory reports")
    parser.add_argument("--pause", default="3,6", help="seconds between one user's clicks (a quick try: 0.3,0.6)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "soak.db"
        users = accounts(db_path, args.users)
        open_sessions(db_path, users)
        wait_for_quiet()
        print(f"soak: {args.users} users for {args.minutes:.0f} min, a report every {args.every:.0f} min", flush=True)
        with cluster(db_path, 1, post_script_gc=SETUPS["ours"].post_script_gc, workdir=Path(tmp)) as target:
            pid = target.servers[0].pid
            cost = Cost([pid])
            cost.start()
            pause = tuple(float(x) for x in args.pause.split(","))
            reporter = asyncio.run(_soak(target.url, pid, users, db_path, args.minutes, args.every, pause))
            cost.stop()
        lost, failed = lost_answers(db_path, users), sum(len(u.failures) for u in users)
        for failure in [f for u in users for f in u.failures][:3]:
            print(f"  failure: {failure}")
        first = reporter.rss[1][1] if len(reporter.rss) > 2 else reporter.rss[0][1]
        end = reporter.rss[-1][1]
        sent = sum(len(u.clicks) for u in users)
        fig = Figure("M1", "soak_rss_end_vs_first_report", "ratio", [end / first], GOAL, ok=lost == 0 and failed == 0,
                     extra=(f"rss_start={reporter.rss[0][1]:.0f}MB rss_first_report={first:.0f}MB rss_end={end:.0f}MB "
                            f"rss_max={max(r for _, r in reporter.rss):.0f}MB users={args.users} "
                            f"minutes={args.minutes:.0f} clicks={sent} lost={lost} failed={failed} "
                            f"cpu={cost.cpu_percent:.0f}%"))
        print(fig.line(), flush=True)
    return 0 if fig.passed else 1


if __name__ == "__main__":
    sys.exit(main())
