"""A heartbeat file for container and service health checks.

The running bot rewrites `health.json` beside the database every few seconds with whether it is
connected; `policybot health` (the image's HEALTHCHECK) reads it. Nothing is asked of Discord,
so a health check every minute costs nothing and cannot be rate limited.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from bot.core.background import running

HEALTH_FILE = "health.json"
WRITE_EVERY = 20.0
STALE_AFTER = 90.0


def write_health(folder: Path, connected: bool, now: dt.datetime | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    temporary = folder / f".{HEALTH_FILE}.{os.getpid()}"
    temporary.write_text(json.dumps({"at": stamp, "connected": connected}), encoding="utf-8")
    temporary.replace(folder / HEALTH_FILE)


def health_problem(folder: Path, now: dt.datetime | None = None) -> str | None:
    """Why the bot is not healthy, or None when it reported itself connected recently."""
    path = folder / HEALTH_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        at = dt.datetime.fromisoformat(data["at"])
        connected = bool(data["connected"])
        if at.tzinfo is None:
            raise ValueError(f"{data['at']!r} has no time zone")
    except FileNotFoundError:
        return f"no heartbeat at {path}: the bot has not started (or not with this database)"
    except (OSError, ValueError, KeyError, TypeError) as error:
        return f"unreadable heartbeat at {path}: {error}"
    age = ((now or dt.datetime.now(dt.UTC)) - at).total_seconds()
    if age > STALE_AFTER:
        return f"last heartbeat {age:.0f} s ago: the bot is stuck or stopped"
    if age < -STALE_AFTER:  # the clock was set back: this heartbeat proves nothing
        return f"last heartbeat {-age:.0f} s in the future: check the system clock"
    if not connected:
        return "the bot is running but not connected to Discord"
    return None


@contextlib.asynccontextmanager
async def heartbeat(
    folder: Path, connected: Callable[[], bool], every: float | None = None
) -> AsyncIterator[None]:
    async def beat() -> None:
        while True:
            await asyncio.to_thread(write_health, folder, connected())
            await asyncio.sleep(every or WRITE_EVERY)

    try:
        async with running(beat()):
            yield
    finally:
        with contextlib.suppress(OSError):
            write_health(folder, False)
