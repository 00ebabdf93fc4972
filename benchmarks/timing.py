"""Small timing and memory helpers for the speed benchmark."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Latency:
    p50_ms: float
    p99_ms: float
    count: int
    max_ms: float = 0.0


def latency(call: Callable[[str], object], inputs: Sequence[str]) -> Latency:
    times = []
    for text in inputs:
        started = time.perf_counter()
        call(text)
        times.append(time.perf_counter() - started)
    return summary(times)


def summary(seconds: Sequence[float]) -> Latency:
    """Median, 99th percentile and maximum of durations given in seconds, in ms."""
    times = sorted(seconds)
    return Latency(
        p50_ms=1000 * statistics.median(times),
        p99_ms=1000 * times[min(len(times) - 1, round(0.99 * (len(times) - 1)))],
        count=len(times),
        max_ms=1000 * times[-1],
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


def in_fresh_process(module: str, *args: str) -> dict[str, Any]:
    """Run `python -m module args` single-threaded from the repository root and return the
    JSON object it prints last: a measurement whose peak memory is its own."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
    output = subprocess.run(
        [sys.executable, "-m", module, *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result
