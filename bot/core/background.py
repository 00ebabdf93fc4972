"""Work that runs beside a block of code: started when the block starts, cancelled when it ends
(the heartbeat, scheduled backups, the engine's refresh); and work that must not be cut off
half way (closing the engine)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


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


async def to_the_end(work: Awaitable[T]) -> T:
    """Await `work` to its end even when cancelled meanwhile (a second Ctrl-C while the engine
    closes); the cancellation is raised after it."""
    task = asyncio.ensure_future(work)
    cancelled = False
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            cancelled = True
    if cancelled:
        raise asyncio.CancelledError
    return task.result()
