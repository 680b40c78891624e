"""`python -m bench [--skip-scale] [--only P1,P4]`: print one line per figure, PASS or FAIL against its goal.

L2 (the load run, about half an hour) runs only when named: `python -m bench --only L2` (`make bench-load`);
its results go to `bench/results/load.json`, the others' to `bench/results/latest.json`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from . import figures as F
from . import writers


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--skip-scale", action="store_true", help="leave out S1 (the 1,000-person scale run)")
    parser.add_argument("--only", default="", help="comma-separated figure ids, e.g. P1,P4 (L2 runs only alone: --only L2)")
    parser.add_argument("--load-setups", default="default,ours,multi",
                        help="L2: which setups (default: 1 process with Streamlit's GC; ours: 1 process as "
                             "shipped; multi: 2 processes behind nginx)")
    parser.add_argument("--load-users", default="10,25,50,100,150", help="L2: the user counts always measured")
    parser.add_argument("--load-seconds", type=float, default=60, help="L2: measured seconds per step")
    args = parser.parse_args()
    only = {x.strip().upper() for x in args.only.split(",") if x.strip()}
    def want(fid):
        return (not only or fid in only)

    from wegwijzer.content.library import load_library
    from wegwijzer.storage import Store

    library = load_library(F.THEMES)
    results = []

    def show(fig):
        results.append(fig)
        print(fig.line(), flush=True)

    if only == {"L2"}:
        from .load import l2_figures

        show(F.c0_machine_reference())
        l2_figures(args.load_setups.split(","), seconds=args.load_seconds,
                   steps=tuple(int(n) for n in args.load_users.split(",")), show=show)
        show(F.c0_machine_reference())
        F.dump(results, Path(__file__).parent / "results" / "load.json")
        return 0 if all(f.passed for f in results if not f.id.count("@")) else 1

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        store = Store(db_path)
        [sid] = F._completed_session(store, library)
        show(F.c0_machine_reference())
        if want("P1"):
            show(F.p1_load_themes())
        if want("P2"):
            show(F.p2_chapter_rerun(db_path, sid))
        if want("P3"):
            for fig in F.p3_click_to_update():
                show(fig)
        if want("B"):
            from .flows import browser_flows

            for fig in browser_flows():
                show(fig)
        if want("P4"):
            show(F.p4_dashboard(store, library, sid))
        if want("P5"):
            from wegwijzer.demo import populate

            shared = populate(store, library, people=12, sessions_per_person=1, seed=12)
            show(F.p5_group_dashboard(store, library, *F.group_of(store, library, shared)))
        if want("L1"):
            show(F.l1_login(store))
        if want("P6"):
            show(writers.p6_threads())
            show(writers.p6_processes())
        if want("P8"):
            for fig in F.p8_plan(library, Path(tmp) / "plan.db"):
                show(fig)
        if want("P7"):
            show(F.p7_pdf(store, library, sid))
    if not args.skip_scale and want("S1"):
        for fig in F.s1_scale(library):
            show(fig)
    show(F.c0_machine_reference())
    F.dump(results, Path(__file__).parent / "results" / "latest.json")
    return 0 if all(f.passed for f in results) else 1


if __name__ == "__main__":
    sys.exit(main())
