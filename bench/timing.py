"""Small timing helpers shared by the measurements."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Result:
    """One measurement at one size: a median over runs, or why there is none."""

    median: float | None = None
    runs: list[float] = field(default_factory=list)
    unit: str = "s"
    note: str = ""

    @classmethod
    def of(cls, runs: list[float], unit: str = "s", note: str = "") -> Result:
        return cls(statistics.median(runs) if runs else None, runs, unit, note)

    @classmethod
    def missing(cls, note: str = "n/a (not built yet)") -> Result:
        return cls(None, [], "", note)

    def to_json(self) -> dict:
        return {"median": self.median, "runs": self.runs, "unit": self.unit, "note": self.note}


def time_calls(call: Callable[[], object], repeats: int, warmup: int = 1) -> list[float]:
    """Seconds per call, after `warmup` untimed calls (caches, prepared statements)."""
    for _ in range(warmup):
        call()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out
