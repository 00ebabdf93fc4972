"""Load through the Discord emulator: the real bot on unmodified discord.py answers /ask
interactions dispatched over the gateway on 127.0.0.1, beside the same run with a trivial
discord.py bot (one /ask command answering a fixed text) as the ceiling of the harness.

Measures, at 1, 8 and 64 interactions in flight: interactions answered per second, p50/p99
latency from gateway dispatch to the interaction callback arriving at the emulator, process
CPU time per interaction, and how many were lost (never answered). Bot and emulator share one
process and event loop, so the figures include the emulator's own cost — the same in both
runs, which is why policybot is reported as ratios to the trivial bot.

    python -m benchmarks.load_discord [--per-level 600] [--rounds 3]

A third run, "policybot-uncached", turns the engine's answer cache off so every question is
matched: the benchmark's eight questions repeat, so with the cache on it measures cache hits.

Each level runs `--rounds` times per bot and the best round is kept (the machine is shared:
other work slows some rounds down); "lost" counts every round.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from benchmarks.discord_setup import unthrottled_bot
from bot.core.engine import Engine
from bot.settings import SHIPPED_KNOWLEDGE
from testkit.emulator import DiscordEmulator, InteractionHandle, discord_py_pointed_at

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
TRIVIAL_ANSWER = "A fixed answer."

Row = dict[str, float]


class TrivialBot(discord.Client):
    """The least a discord.py bot can do per /ask: answer a fixed text."""

    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.none())
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(name="ask", description="Answers a fixed text")
        async def ask(interaction: discord.Interaction[Any], question: str) -> None:
            await interaction.response.send_message(
                TRIVIAL_ANSWER, allowed_mentions=discord.AllowedMentions.none()
            )

    async def setup_hook(self) -> None:
        await self.tree.sync()


async def run_level(emu: DiscordEmulator, in_flight: int, total: int) -> Row:
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

    cpu_started, started = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one(n) for n in range(total)))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    answered = [h for h in handles if h.callback is not None and h.acts]
    latencies = sorted((h.acts[0].at - (h.dispatched_at or h.acts[0].at)) * 1000 for h in answered)
    return {
        "in_flight": in_flight,
        "sent": total,
        "answered": len(answered),
        "lost": total - len(answered),
        "per_second": len(answered) / elapsed,
        "cpu_ms": cpu * 1000 / max(1, len(answered)),
        "p50_ms": statistics.median(latencies) if latencies else float("nan"),
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        if latencies
        else float("nan"),
    }


@contextlib.asynccontextmanager
async def connected(emu: DiscordEmulator, bot: discord.Client) -> AsyncIterator[None]:
    await bot.login(emu.token)
    connection = asyncio.create_task(bot.connect())
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    try:
        yield
    finally:
        await bot.close()
        await connection


async def measure(kind: str, per_level: int, rounds: int) -> tuple[list[Row], list[str]]:
    """Best of `rounds` per level (highest throughput) for one bot, in a fresh emulator."""
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        async with (
            DiscordEmulator() as emu,
            Engine.open(data / "load.sqlite3", SHIPPED_KNOWLEDGE) as engine,
        ):
            if kind == "policybot-uncached":
                engine.answer_cache_size = 0  # every question matched afresh
            with discord_py_pointed_at(emu):
                bot: discord.Client = (
                    TrivialBot() if kind == "trivial" else unthrottled_bot(engine, data)
                )
                async with connected(emu, bot):
                    await run_level(emu, 4, 40)  # warm-up, not reported
                    rows = []
                    for level in LEVELS:
                        tries = [await run_level(emu, level, per_level) for _ in range(rounds)]
                        best = max(tries, key=lambda r: r["per_second"])
                        best["lost"] = sum(t["lost"] for t in tries)
                        rows.append(best)
            return rows, list(emu.violations)


def print_table(title: str, rows: list[Row]) -> None:
    print(title)
    print(
        f"{'in flight':>9} | {'answered':>8} | {'lost':>4} | {'answered/s':>10} | "
        f"{'CPU ms/int':>10} | {'p50 ms':>7} | {'p99 ms':>7}"
    )
    print("-" * 75)
    for row in rows:
        print(
            f"{row['in_flight']:>9.0f} | {row['answered']:>8.0f} | {row['lost']:>4.0f} | "
            f"{row['per_second']:>10.1f} | {row['cpu_ms']:>10.2f} | "
            f"{row['p50_ms']:>7.1f} | {row['p99_ms']:>7.1f}"
        )
    print()


async def main(per_level: int, rounds: int) -> int:
    logging.basicConfig(level=logging.ERROR)
    trivial, problems = await measure("trivial", per_level, rounds)
    runs = {"trivial": trivial}
    for kind in ("policybot", "policybot-uncached"):
        runs[kind], more = await measure(kind, per_level, rounds)
        problems += more
    print(
        f"Discord load: {per_level} /ask interactions per level, best of {rounds}, "
        "bot + emulator in one process\n"
    )
    print_table("Trivial discord.py bot (fixed text): the harness ceiling", trivial)
    print_table("policybot (shipped knowledge)", runs["policybot"])
    print_table("policybot, answer cache off (every question matched)", runs["policybot-uncached"])
    print("policybot as a ratio to the trivial bot (targets: >= 0.8x throughput, <= 2x CPU)")
    print(f"{'in flight':>9} | {'cache':>5} | {'throughput':>10} | {'CPU/interaction':>15}")
    print("-" * 49)
    for kind, cache in (("policybot", "on"), ("policybot-uncached", "off")):
        for ours, ceiling in zip(runs[kind], trivial, strict=True):
            print(
                f"{ours['in_flight']:>9.0f} | {cache:>5} | "
                f"{ours['per_second'] / ceiling['per_second']:>9.2f}x | "
                f"{ours['cpu_ms'] / ceiling['cpu_ms']:>14.2f}x"
            )
    if problems:
        print(f"{len(problems)} payloads Discord would reject, e.g. {problems[0]}")
    lost = sum(int(row["lost"]) for rows in runs.values() for row in rows)
    return 1 if lost or problems else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-level", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    sys.exit(asyncio.run(main(options.per_level, options.rounds)))
