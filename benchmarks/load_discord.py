"""Load through the Discord emulator: the real bot on unmodified discord.py answers /ask
interactions dispatched over the gateway on 127.0.0.1.

Measures, at 1, 8 and 64 interactions in flight: interactions answered per second, p50/p99
latency from gateway dispatch to the interaction callback arriving at the emulator, and how
many were lost (never answered). Bot and emulator share one process and event loop, so the
figures include the emulator's own cost.

    python -m benchmarks.load_discord [--per-level 600]
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
from pathlib import Path

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
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


async def run_level(emu: DiscordEmulator, in_flight: int, total: int) -> dict[str, float]:
    members = [emu.member(f"load{in_flight}-{n}") for n in range(in_flight)]
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

    started = time.perf_counter()
    await asyncio.gather(*(one(n) for n in range(total)))
    elapsed = time.perf_counter() - started
    answered = [h for h in handles if h.callback is not None and h.acts]
    latencies = sorted((h.acts[0].at - (h.dispatched_at or h.acts[0].at)) * 1000 for h in answered)
    return {
        "in_flight": in_flight,
        "sent": total,
        "answered": len(answered),
        "lost": total - len(answered),
        "per_second": len(answered) / elapsed,
        "p50_ms": statistics.median(latencies) if latencies else float("nan"),
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        if latencies
        else float("nan"),
    }


async def main(per_level: int) -> int:
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        async with (
            DiscordEmulator() as emu,
            Engine.open(data / "load.sqlite3", SHIPPED_KNOWLEDGE) as engine,
        ):
            with discord_py_pointed_at(emu):
                bot = PolicyBot(
                    engine,
                    rate_limit_count=10**9,
                    rate_limit_seconds=1.0,
                    state_dir=data,
                    guild_ready_timeout=0.05,
                )
                await bot.login(emu.token)
                connection = asyncio.create_task(bot.connect())
                await asyncio.wait_for(bot.wait_until_ready(), 10)
                await run_level(emu, 4, 40)  # warm-up, not reported
                rows = [await run_level(emu, level, per_level) for level in LEVELS]
                await bot.close()
                await connection
            violations = list(emu.violations)
    print(
        f"Discord load: {per_level} /ask interactions per level, shipped knowledge, "
        "bot + emulator in one process"
    )
    print(
        f"{'in flight':>9} | {'answered':>8} | {'lost':>4} | {'answered/s':>10} | "
        f"{'p50 ms':>7} | {'p99 ms':>7}"
    )
    print("-" * 62)
    for row in rows:
        print(
            f"{row['in_flight']:>9.0f} | {row['answered']:>8.0f} | {row['lost']:>4.0f} | "
            f"{row['per_second']:>10.1f} | {row['p50_ms']:>7.1f} | {row['p99_ms']:>7.1f}"
        )
    if violations:
        print(f"{len(violations)} payloads Discord would reject, e.g. {violations[0]}")
    lost = sum(int(row["lost"]) for row in rows)
    return 1 if lost or violations else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-level", type=int, default=600)
    sys.exit(asyncio.run(main(parser.parse_args().per_level)))
