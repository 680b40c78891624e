"""Measuring helpers shared by the figures."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    id: str
    name: str
    unit: str
    values: list[float]
    goal: float
    higher_is_better: bool = False
    extra: str = ""
    judge: str = "median"  # or "p95": the statistic held against the goal
    ok: bool = True  # False: a check beside the goal failed (an answer lost, an error), whatever the times

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        ordered = sorted(self.values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def passed(self) -> bool:
        if not self.ok:
            return False
        if self.goal == float("inf"):  # a reference figure, not a goal
            return True
        value = self.p95 if self.judge == "p95" else self.median
        return value >= self.goal if self.higher_is_better else value <= self.goal

    def line(self) -> str:
        fmt = (lambda v: f"{v:.2f}") if self.unit in ("ratio", "s") else (lambda v: f"{v:.1f}" if v < 10 else f"{v:.0f}")
        if len(self.values) == 1:
            stats = f"value={fmt(self.values[0])}"
        else:
            stats = f"median={fmt(self.median)} p95={fmt(self.p95)} runs={len(self.values)}"
        extra = f" {self.extra}" if self.extra else ""
        if self.goal == float("inf"):
            if self.unit != "users":  # the older reference figures keep their one-decimal format
                stats = f"median={self.median:.1f} p95={self.p95:.1f} runs={len(self.values)}"
            return f"{self.id} {self.name}_{self.unit} {stats}{extra} INFO"
        goal = f"goal>={fmt(self.goal)}" if self.higher_is_better else f"goal<={fmt(self.goal)}"
        if self.judge == "p95":
            goal = goal.replace("goal", "goal_p95")
        return f"{self.id} {self.name}_{self.unit} {stats}{extra} {goal} {'PASS' if self.passed else 'FAIL'}"


def timed(fn: Callable[[], object], runs: int, warmup: int = 2, scale: float = 1000.0) -> list[float]:
    """Run ``fn`` ``warmup`` times, then ``runs`` times; return each duration (ms by default)."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * scale)
    return out
