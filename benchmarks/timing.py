"""Small timing and memory helpers for the speed benchmark."""

from __future__ import annotations

import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Latency:
    p50_ms: float
    p99_ms: float
    count: int


def latency(call: Callable[[str], object], inputs: Sequence[str]) -> Latency:
    times = []
    for text in inputs:
        started = time.perf_counter()
        call(text)
        times.append(time.perf_counter() - started)
    times.sort()
    return Latency(
        p50_ms=1000 * statistics.median(times),
        p99_ms=1000 * times[min(len(times) - 1, round(0.99 * (len(times) - 1)))],
        count=len(times),
    )


def timed(build: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = build()
    return result, time.perf_counter() - started


def traced_peak_mb(build: Callable[[], object]) -> tuple[float, float]:
    """(peak, retained) MB of Python allocations while `build` runs, by tracemalloc."""
    tracemalloc.start()
    kept = build()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return peak / 2**20, retained / 2**20


def max_rss_mb() -> float:
    """The process's peak resident set so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
