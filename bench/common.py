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

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        ordered = sorted(self.values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def passed(self) -> bool:
        return self.median >= self.goal if self.higher_is_better else self.median <= self.goal

    def line(self) -> str:
        if self.goal == float("inf"):  # a reference figure, not a goal
            return f"{self.id} {self.name}_{self.unit} median={self.median:.1f} p95={self.p95:.1f} runs={len(self.values)} INFO"
        fmt = (lambda v: f"{v:.2f}") if self.unit in ("ratio", "s") else (lambda v: f"{v:.1f}" if v < 10 else f"{v:.0f}")
        goal = f"goal>={fmt(self.goal)}" if self.higher_is_better else f"goal<={fmt(self.goal)}"
        extra = f" {self.extra}" if self.extra else ""
        return (f"{self.id} {self.name}_{self.unit} median={fmt(self.median)} p95={fmt(self.p95)} "
                f"runs={len(self.values)}{extra} {goal} {'PASS' if self.passed else 'FAIL'}")


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
