"""Speed and memory of our matcher against brute-force rapidfuzz, on synthetic knowledge bases,
and the cold start of `policybot ask --json` on the shipped knowledge.

    python -m benchmarks.speed                  # 1k, 10k, 100k and cold start
    python -m benchmarks.speed --sizes 1000 10000 --cold-runs 0

Each size runs in its own process, single-threaded, so peak memory is that size's alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median
from typing import Any

from rapidfuzz import fuzz, process, utils

from benchmarks.synthetic import generate
from benchmarks.timing import in_fresh_process, latency, max_rss_mb, timed, traced_peak_mb
from bot.core.matcher import Candidate, Matcher
from bot.progress import Progress
from testkit.perturb import perturb

ASK_QUERIES = 1000
TYPED_QUERIES = 200
BRUTE_QUERIES = {1000: 200, 10000: 100, 100000: 20}
COLD_QUESTION = "how many migrants were enrolled?"


def keystrokes(questions: list[str]) -> list[str]:
    return [q[:end] for q in questions for end in range(1, len(q) + 1)]


def measure(size: int) -> dict[str, object]:
    base = generate(size)
    sample = random.Random(size).sample(base.queries, min(ASK_QUERIES, len(base.queries)))
    # Half the queries as a hurried member types them (typos, markup, chatter).
    queries = [(perturb(q) if i % 4 < 2 else q, want) for i, (q, want) in enumerate(sample)]
    texts = [q for q, _ in queries]
    rss_before = max_rss_mb()
    matcher, build_s = timed(lambda: Matcher(base.entries))
    ask = latency(matcher.match, texts)
    complete = latency(lambda t: matcher.autocomplete(t, 25), keystrokes(texts[:TYPED_QUERIES]))
    ours_hits = [_top_id(matcher.rank(q, 1)) == want for q, want in queries]
    rss_after = max_rss_mb()
    peak_mb, kept_mb = traced_peak_mb(lambda: Matcher(base.entries))

    choices = [t for e in base.entries for t in e.all_questions]
    owners = [e.id for e in base.entries for _ in e.all_questions]
    brute_n = BRUTE_QUERIES.get(size, 20)

    def brute_ask(text: str) -> tuple[str, float, int] | None:
        return process.extractOne(
            text, choices, scorer=fuzz.WRatio, processor=utils.default_process
        )

    brute = latency(brute_ask, texts[:brute_n])
    brute_complete = latency(
        lambda t: process.extract(
            t, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=25
        ),
        keystrokes(texts[:5])[::4],
    )
    brute_hits = [
        (found := brute_ask(q)) is not None and owners[found[2]] == want
        for q, want in queries[:brute_n]
    ]
    return {
        "size": size,
        "questions": len(choices),
        "build_s": build_s,
        "ask": ask.__dict__,
        "autocomplete": complete.__dict__,
        "top1": sum(ours_hits) / len(ours_hits),
        "top1_subset": sum(ours_hits[:brute_n]) / brute_n,
        "rss_before_mb": rss_before,
        "rss_after_mb": rss_after,
        "traced_peak_mb": peak_mb,
        "traced_kept_mb": kept_mb,
        "brute_ask": brute.__dict__,
        "brute_autocomplete": brute_complete.__dict__,
        "brute_top1": sum(brute_hits) / brute_n,
        "brute_queries": brute_n,
    }


def _top_id(ranked: list[Candidate]) -> str | None:
    return ranked[0].entry_id if ranked else None


def run_size(size: int) -> dict[str, object]:
    """Measure one size in a fresh single-threaded process."""
    return in_fresh_process("benchmarks.speed", "--one", str(size))


def cold_start(runs: int) -> tuple[float, list[float]]:
    """Seconds for a whole `policybot ask --json` process: first run (seeds a new database),
    then the median of `runs` further runs."""
    script = Path(sys.executable).with_name("policybot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "POLICYBOT_DB": str(Path(folder) / "cold.sqlite3")}
        times = []
        for _ in range(runs + 1):
            _, seconds = timed(
                lambda: subprocess.run(
                    [*command, "ask", "--json", COLD_QUESTION],
                    check=True,
                    capture_output=True,
                    env=env,
                    cwd=folder,
                )
            )
            times.append(seconds)
    return times[0], times[1:]


def speed_table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| entries (questions) | method | build s | ask p50 ms | ask p99 ms | "
        "autocomplete p50 ms | autocomplete p99 ms | top-1 | memory MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        size = f"{r['size']:,} ({r['questions']:,})"
        a, c = r["ask"], r["autocomplete"]
        lines.append(
            f"| {size} | ours | {r['build_s']:.2f} | {a['p50_ms']:.3f} | {a['p99_ms']:.3f} "
            f"| {c['p50_ms']:.3f} | {c['p99_ms']:.3f} | {r['top1']:.1%} "
            f"({r['top1_subset']:.0%} on the brute-force subset) "
            f"| {r['traced_kept_mb']:.0f} kept / {r['traced_peak_mb']:.0f} peak (tracemalloc); "
            f"RSS {r['rss_before_mb']:.0f} → {r['rss_after_mb']:.0f} |"
        )
        b, bc = r["brute_ask"], r["brute_autocomplete"]
        lines.append(
            f"| {size} | brute-force rapidfuzz | – | {b['p50_ms']:.1f} | {b['p99_ms']:.1f} "
            f"| {bc['p50_ms']:.1f} | {bc['p99_ms']:.1f} | {r['brute_top1']:.0%} "
            f"(of {r['brute_queries']}) | – |"
        )
        lines.append(
            f"| | ours vs brute force | | {b['p50_ms'] / a['p50_ms']:.0f}× | "
            f"{b['p99_ms'] / a['p99_ms']:.0f}× | {bc['p50_ms'] / c['p50_ms']:.0f}× | "
            f"{bc['p99_ms'] / c['p99_ms']:.0f}× | | |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--cold-runs", type=int, default=7, help="0 to skip the cold start")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure(args.one)))
        return 0
    results = []
    with Progress("measuring", len(args.sizes)) as progress:
        for size in args.sizes:
            progress.advance(0, note=f"({size:,} entries)")
            results.append(run_size(size))
            progress.advance()
    if results:
        print(speed_table(results) + "\n")
    if args.cold_runs:
        first, rest = cold_start(args.cold_runs)
        print(
            f"cold start of `policybot ask --json`: first run (seeds a new database) "
            f"{first:.2f} s; median of {len(rest)} further runs {median(rest):.2f} s "
            f"(min {min(rest):.2f}, max {max(rest):.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
