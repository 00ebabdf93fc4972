"""Work that runs beside a block of code: started when the block starts, cancelled when it ends
(the heartbeat, scheduled backups, the engine's refresh)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Coroutine
from typing import Any


@contextlib.asynccontextmanager
async def running(work: Coroutine[Any, Any, object]) -> AsyncIterator[None]:
    """Run `work` as a task while the block runs; at its end the task is cancelled and awaited
    (so an error it stopped with is raised there, not lost)."""
    task = asyncio.create_task(work)
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
