"""The long-lived heap frozen out of the garbage collector's passes (bot/heap.py): once the
bot has started, again after each change of the knowledge, and only when asked (a running
bot's own process; a test's process is not frozen)."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator

import pytest

from bot import heap
from bot.core.engine import Engine
from bot.discord import client as client_module

from .conftest import StartBot


@pytest.fixture
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of the test run collects as usual


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_freezing_collects_the_dead_and_freezes_the_living(unfrozen: None) -> None:
    gc.disable()  # no collection of its own may happen between the steps below
    try:
        dead, alive = Cycle(), Cycle()
        gone = weakref.ref(dead)
        del dead
        assert gone() is not None  # a cycle: only a collection frees it
        frozen = heap.freeze_long_lived()
        assert gone() is None
        assert frozen == gc.get_freeze_count() > 0
        assert all(o is not alive for o in gc.get_objects())  # frozen: no pass looks at it
    finally:
        gc.enable()


async def test_a_bot_freezes_after_startup_and_after_each_knowledge_change(
    start_bot: StartBot, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(client_module, "freeze_long_lived", lambda: calls.append("froze") or 0)
    await start_bot()
    assert calls == []  # not asked to: a test process is never frozen
    await start_bot(freeze_heap=True)
    assert calls == ["froze"]
    await engine.edit_entry("apple-store", {"keywords": ["apple"]}, author="mod", reason="x")
    await asyncio.sleep(0)  # the refreeze is scheduled, not run inside the change
    await asyncio.sleep(0)
    assert calls == ["froze", "froze"]


async def test_a_closed_bot_no_longer_refreezes_on_knowledge_changes(
    start_bot: StartBot, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(client_module, "freeze_long_lived", lambda: calls.append("froze") or 0)
    bot = await start_bot(freeze_heap=True)
    await bot.close()
    await engine.edit_entry("apple-store", {"keywords": ["apple"]}, author="cli", reason="x")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert calls == ["froze"]  # at startup only: the closed bot stopped listening
