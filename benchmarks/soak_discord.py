"""Soak: a long run of /ask interactions through the Discord emulator, checking that memory
stays flat and nothing is lost.

The real bot (unmodified discord.py) answers `--total` interactions, 64 in flight, in chunks;
after each chunk the emulator forgets its own records and the process's resident memory is
read. Memory counts as flat when no later chunk exceeds the reading after the warm-up chunks
by more than 10%.

    python -m benchmarks.soak_discord [--total 100000] [--chunk 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.discord_setup import unthrottled_bot
from benchmarks.load_bot import connected
from benchmarks.load_discord import run_level
from bot.core.engine import Engine
from bot.settings import SHIPPED_KNOWLEDGE
from testkit.emulator import DiscordEmulator, discord_py_pointed_at

IN_FLIGHT = 64
WARM_UP_CHUNKS = 2
FLAT_WITHIN = 0.10


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


async def soak(total: int, chunk: int) -> int:
    logging.basicConfig(level=logging.ERROR)
    readings: list[tuple[int, float, float, int]] = []  # (done, MB, per second, lost)
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        async with (
            DiscordEmulator() as emu,
            Engine.open(data / "soak.sqlite3", SHIPPED_KNOWLEDGE) as engine,
        ):
            with discord_py_pointed_at(emu):
                async with connected(unthrottled_bot(engine, data), emu.token):
                    done = 0
                    while done < total:
                        row = await run_level(emu, IN_FLIGHT, min(chunk, total - done))
                        done += int(row["sent"])
                        emu.forget_history()
                        gc.collect()
                        readings.append((done, resident_mb(), row["per_second"], int(row["lost"])))
                        print(
                            f"{done:>8} interactions | {readings[-1][1]:7.1f} MB | "
                            f"{row['per_second']:7.1f}/s | lost {int(row['lost'])}",
                            flush=True,
                        )
            violations = list(emu.violations)
    if len(readings) <= WARM_UP_CHUNKS:
        print(f"\nSoak: too short to judge memory (needs more than {WARM_UP_CHUNKS} chunks)")
        return 2
    baseline = readings[WARM_UP_CHUNKS - 1][1]
    peak = max(mb for _, mb, _, _ in readings[WARM_UP_CHUNKS:])
    lost = sum(r[3] for r in readings)
    growth = peak / baseline - 1
    print(
        f"\nSoak: {total} /ask interactions, {IN_FLIGHT} in flight. Memory after warm-up "
        f"{baseline:.1f} MB, peak after {peak:.1f} MB ({growth:+.1%}; flat means within "
        f"{FLAT_WITHIN:.0%}); lost {lost}; payloads Discord would reject {len(violations)}"
    )
    return 0 if growth <= FLAT_WITHIN and not lost and not violations else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=5_000)
    options = parser.parse_args()
    started = time.perf_counter()
    code = asyncio.run(soak(options.total, options.chunk))
    print(f"took {time.perf_counter() - started:.0f} s")
    sys.exit(code)
