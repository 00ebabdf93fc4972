"""Load through the Discord emulator: the real bot on unmodified discord.py answers /ask
interactions dispatched over the gateway on 127.0.0.1, beside the same run with a trivial
discord.py bot (one /ask command answering a fixed text) as the ceiling of the harness.

Each bot runs in its own process (`benchmarks.load_bot`); the emulator and the load it
generates run in this one. Measures, at 1, 8 and 64 interactions in flight: interactions
answered per second, p50/p99 latency from gateway dispatch to the interaction callback
arriving at the emulator, the bot process's CPU time per interaction (read from /proc, so
Linux only), the emulator's own CPU per interaction, and how many were lost (never answered,
or answered after Discord's 3 s deadline).

    python -m benchmarks.load_discord [--per-level 1000] [--rounds 3]

"policybot-uncached" turns the engine's answer cache off so every question is matched: the
benchmark's eight questions repeat, so with the cache on it measures cache hits.
"trivial-embed" (`--bots trivial trivial-embed …`) sends policybot's own reply to one question,
its embed and buttons, to every /ask: what discord.py costs for such a reply, apart from
answering.
`policybot@DIR` runs policybot from the checkout in DIR beside this one: a before and an after
in the same run, under the same machine load.

The machine may be shared, so the bots take turns: each round runs every level for every bot
before the next round starts. Per bot and level the round with the highest throughput is
kept; "lost" counts every round. The ratios to the trivial bot are given both from those best
rounds and as the median of the ratios within each round (the same minute of machine load).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from benchmarks.load_bot import KINDS
from testkit.emulator import DiscordEmulator, InteractionHandle

LEVELS = (1, 8, 64)
QUESTIONS = (
    "How many migrants were enrolled?",
    "who are the sources?",
    "is this confirmed?",
    "what is the ICE Portal?",
    "how many crossers were apprehended under Biden?",
    "what's the capital of France?",
    "is the app on the apple store",
    "what does the executive order say about asylum",
)
ANSWER_WAIT_SECONDS = 30.0
START_SECONDS = 120.0
WARM_UP = (4, 200)  # in flight, interactions: not reported

Row = dict[str, float]


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads (from /proc/<pid>/stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run_level(
    emu: DiscordEmulator,
    in_flight: int,
    total: int,
    bot_cpu: Callable[[], float] = time.process_time,
) -> Row:
    """`total` /ask interactions, `in_flight` at a time; `bot_cpu` reads the bot's CPU
    seconds (by default this process's, for a bot running in it)."""
    members = [emu.member(f"load{in_flight}-{n}-{time.monotonic_ns()}") for n in range(in_flight)]
    gate = asyncio.Semaphore(in_flight)
    handles: list[InteractionHandle] = []

    async def one(number: int) -> None:
        async with gate:
            question = QUESTIONS[number % len(QUESTIONS)]
            handle = await emu.slash(
                "ask", {"question": question}, user=members[number % in_flight]
            )
            handles.append(handle)
            with contextlib.suppress(TimeoutError, AssertionError):  # counted as lost below
                await asyncio.wait_for(handle.callback_body(), ANSWER_WAIT_SECONDS)

    bot_started, own_started = bot_cpu(), time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(one(n) for n in range(total)))
    elapsed = time.perf_counter() - started
    bot_used, own_used = bot_cpu() - bot_started, time.process_time() - own_started
    answered = [h for h in handles if h.callback is not None and h.acts]
    latencies = sorted((h.acts[0].at - (h.dispatched_at or h.acts[0].at)) * 1000 for h in answered)
    count = max(1, len(answered))
    return {
        "in_flight": in_flight,
        "sent": total,
        "answered": len(answered),
        "lost": total - len(answered),  # a callback after the deadline is refused: lost
        "per_second": len(answered) / elapsed,
        "cpu_ms": bot_used * 1000 / count,
        "harness_cpu_ms": own_used * 1000 / count,
        "p50_ms": statistics.median(latencies) if latencies else float("nan"),
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        if latencies
        else float("nan"),
    }


class BotProcess:
    """One bot (`benchmarks.load_bot`) in its own process, connected to `emu`."""

    def __init__(self, name: str, emu: DiscordEmulator) -> None:
        self.name = name
        self.kind, _, source = name.partition("@")
        self.source = source or None  # another checkout to run the bot from (a "before")
        self.emu = emu
        self._process: asyncio.subprocess.Process | None = None
        self.logged: int | None = None  # questions in its database after shutdown

    @property
    def process(self) -> asyncio.subprocess.Process:
        assert self._process is not None, "not started"
        return self._process

    def cpu_seconds(self) -> float:
        return process_cpu_seconds(self.process.pid)

    async def start(self) -> None:
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "benchmarks.load_bot",
            self.kind,
            self.emu.base_url,
            self.emu.gateway_url,
            self.emu.token,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            cwd=self.source,  # `-m` imports from the working directory first
        )
        line = await asyncio.wait_for(self._line(), START_SECONDS)
        if line != "ready":
            raise RuntimeError(f"{self.name} bot did not start (said {line!r})")

    async def _line(self) -> str:
        assert self.process.stdout is not None
        return (await self.process.stdout.readline()).decode().strip()

    async def stop(self) -> None:
        """Close its input: it shuts down as `policybot run` does and says what it logged."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        line = await asyncio.wait_for(self._line(), START_SECONDS)
        await self.process.wait()
        _, _, count = line.partition("logged ")
        self.logged = int(count) if count.isdigit() else None


@contextlib.asynccontextmanager
async def bots_running(kinds: tuple[str, ...]) -> AsyncIterator[dict[str, BotProcess]]:
    """Each bot in its own process, each with its own emulator (in this process)."""
    async with contextlib.AsyncExitStack() as stack:
        running = {}
        for kind in kinds:
            emu = await stack.enter_async_context(DiscordEmulator())
            bot = BotProcess(kind, emu)  # a name: KIND or KIND@DIR
            await bot.start()
            stack.push_async_callback(bot.stop)
            running[kind] = bot
        yield running


def load_average() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


async def measure(
    kinds: tuple[str, ...], per_level: int, rounds: int, levels: tuple[int, ...] = LEVELS
) -> tuple[dict[str, list[list[Row]]], dict[str, Any]]:
    """For each bot, per level, every round's row; the bots take turns level by level."""
    runs: dict[str, list[list[Row]]] = {kind: [[] for _ in levels] for kind in kinds}
    facts: dict[str, Any] = {"load_before": load_average(), "violations": [], "logged": {}}
    async with bots_running(kinds) as bots:
        for bot in bots.values():
            await run_level(bot.emu, *WARM_UP, bot.cpu_seconds)
            bot.emu.forget_history()
        for _ in range(rounds):
            for index, level in enumerate(levels):
                for kind, bot in bots.items():
                    row = await run_level(bot.emu, level, per_level, bot.cpu_seconds)
                    runs[kind][index].append(row)
                    facts["violations"] += bot.emu.violations
                    bot.emu.violations.clear()
                    bot.emu.forget_history()  # the emulator's records do not pile up
    facts["logged"] = {kind: bot.logged for kind, bot in bots.items()}
    facts["load_after"] = load_average()
    facts["expected_logged"] = WARM_UP[1] + len(levels) * rounds * per_level
    return runs, facts


def best(rounds: list[Row]) -> Row:
    kept = dict(max(rounds, key=lambda r: r["per_second"]))
    kept["lost"] = sum(r["lost"] for r in rounds)
    return kept


def print_table(title: str, levels: list[list[Row]]) -> None:
    print(title)
    print(
        f"{'in flight':>9} | {'answered/s':>10} | {'bot CPU ms/int':>14} | "
        f"{'emulator CPU ms/int':>19} | {'p50 ms':>7} | {'p99 ms':>7} | {'lost':>4}"
    )
    print("-" * 86)
    for row in map(best, levels):
        print(
            f"{row['in_flight']:>9.0f} | {row['per_second']:>10.1f} | {row['cpu_ms']:>14.2f} | "
            f"{row['harness_cpu_ms']:>19.2f} | {row['p50_ms']:>7.1f} | {row['p99_ms']:>7.1f} | "
            f"{row['lost']:>4.0f}"
        )
    print()


def print_ratios(ours: list[list[Row]], ceiling: list[list[Row]], label: str) -> None:
    for mine, theirs in zip(ours, ceiling, strict=True):
        top, top_ceiling = best(mine), best(theirs)
        paired = [
            (m["per_second"] / t["per_second"], m["cpu_ms"] / t["cpu_ms"])
            for m, t in zip(mine, theirs, strict=True)
        ]
        print(
            f"{label:>18} | {top['in_flight']:>9.0f} | "
            f"{top['per_second'] / top_ceiling['per_second']:>9.2f}x | "
            f"{statistics.median(p[0] for p in paired):>9.2f}x | "
            f"{top['cpu_ms'] / top_ceiling['cpu_ms']:>9.2f}x | "
            f"{statistics.median(p[1] for p in paired):>9.2f}x"
        )


async def main(
    per_level: int, rounds: int, kinds: tuple[str, ...], levels: tuple[int, ...] = LEVELS
) -> int:
    runs, facts = await measure(kinds, per_level, rounds, levels)
    print(
        f"Discord load: {per_level} /ask interactions per level, best of {rounds} rounds, "
        f"each bot in its own process; load average {facts['load_before']} before, "
        f"{facts['load_after']} after\n"
    )
    titles = {
        "trivial": "Trivial discord.py bot (fixed text): the harness ceiling",
        "trivial-embed": "Trivial bot sending policybot's reply to one question (embed, buttons)",
        "policybot": "policybot (shipped knowledge)",
        "policybot-uncached": "policybot, answer cache off (every question matched)",
    }
    for name in kinds:
        kind, _, source = name.partition("@")
        print_table(titles[kind] + (f" — from {source}" if source else ""), runs[name])
    if "trivial" in runs:
        print("policybot as a ratio to the trivial bot (targets: >= 0.8x throughput, <= 2x CPU)")
        print(
            f"{'bot':>18} | {'in flight':>9} | {'rate, best':>10} | {'rate, med':>10} | "
            f"{'CPU, best':>10} | {'CPU, med':>10}"
        )
        print("-" * 80)
        for kind in kinds:
            if kind != "trivial":
                print_ratios(runs[kind], runs["trivial"], kind)
        print()
    lost = sum(int(r["lost"]) for levels in runs.values() for rows in levels for r in rows)
    unlogged = {
        kind: facts["expected_logged"] - count
        for kind, count in facts["logged"].items()
        if count is not None and count != facts["expected_logged"]
    }
    print(f"lost (unanswered or late): {lost}")
    print(
        f"questions logged: {facts['logged']} of {facts['expected_logged']} asked"
        + (f"; MISSING {unlogged}" if unlogged else "")
    )
    problems = facts["violations"]
    if problems:
        print(f"{len(problems)} payloads Discord would reject, e.g. {problems[0]}")
    return 1 if lost or problems or unlogged else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-level", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--levels", type=int, nargs="+", default=list(LEVELS))
    parser.add_argument(
        "--bots",
        nargs="+",
        default=["trivial", "policybot", "policybot-uncached"],
        help=f"of {', '.join(KINDS)}; KIND@DIR runs it from the checkout in DIR (e.g. a before)",
    )
    options = parser.parse_args()
    unknown = [b for b in options.bots if b.partition("@")[0] not in KINDS]
    if unknown or "trivial" not in options.bots:
        parser.error(f"--bots: include trivial; unknown: {unknown}")
    sys.exit(
        asyncio.run(
            main(options.per_level, options.rounds, tuple(options.bots), tuple(options.levels))
        )
    )
