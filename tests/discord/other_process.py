"""Other programs on the bot's database file, as real processes: the command line changing the
knowledge, and a program holding SQLite's write lock (a long import, a backup, a shell)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

HOLD_LOCK = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
db.execute("ROLLBACK")
"""


async def run_cli(database: Path, knowledge_dir: Path, *args: str) -> str:
    """`python -m bot …` in its own process on `database`; its stdout (it must succeed)."""
    env = dict(
        os.environ,
        POLICYBOT_DATABASE=str(database),
        POLICYBOT_KNOWLEDGE_DIR=str(knowledge_dir),
        DISCORD_TOKEN="",
    )
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=database.parent,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@asynccontextmanager
async def write_lock_held(database: Path) -> AsyncIterator[None]:
    """Another process holds the database's write lock until the block ends."""
    holder = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        HOLD_LOCK,
        str(database),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert (await holder.stdout.readline()).strip() == b"locked"
    try:
        yield
    finally:
        holder.stdin.close()
        await holder.wait()
