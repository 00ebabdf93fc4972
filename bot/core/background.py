"""Work that runs beside a block of code: started when the block starts, cancelled when it ends
(the heartbeat, scheduled backups, the engine's refresh); work that must not be cut off half
way (closing the engine); and work under way that closing waits for (`InFlight`)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Coroutine, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


async def wait_at_most(event: asyncio.Event, seconds: float) -> bool:
    """Wait for `event`, at most `seconds`; True if it is set. (Not `asyncio.wait_for`: on
    Python 3.11 it can swallow a cancellation that arrives as the event is set, and then the
    question log's writer would never stop.)"""
    waiter = asyncio.ensure_future(event.wait())
    try:
        await asyncio.wait({waiter}, timeout=seconds)
    finally:
        waiter.cancel()
    return event.is_set()


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


class InFlight:
    """Work under way (questions being answered, votes being recorded) that closing waits for:
    a count, and whether it is zero."""

    def __init__(self) -> None:
        self.count = 0
        self._none = asyncio.Event()
        self._none.set()
        self._carried: set[asyncio.Task[Any]] = set()  # kept from the garbage collector

    @contextlib.contextmanager
    def one(self) -> Iterator[None]:
        """Count the block while it runs."""
        self._begin()
        try:
            yield
        finally:
            self._end()

    async def carried(self, work: Coroutine[Any, Any, T]) -> T:
        """Await `work`, counted from now to its end, which cancelling the caller does not
        stop: the caller is cancelled at once, and `work` goes on in the background (a
        question whose asker stopped waiting is still recorded)."""
        self._begin()
        task = asyncio.ensure_future(work)
        self._carried.add(task)
        task.add_done_callback(self._ended)
        return await asyncio.shield(task)

    def _ended(self, task: asyncio.Task[Any]) -> None:
        self._carried.discard(task)
        self._end()

    def _begin(self) -> None:
        self.count += 1
        self._none.clear()

    def _end(self) -> None:
        self.count -= 1
        if not self.count:
            self._none.set()

    async def none_left(self, seconds: float) -> bool:
        """Wait (at most `seconds`) until no work is under way; True if none is."""
        return await wait_at_most(self._none, seconds)
