"""A question that takes long to match (the embedding, while its candidates' texts are not
embedded yet) is matched off the event loop: the bot defers the interaction in time and edits
the answer in, instead of missing Discord's 3 s while the loop waits for the model."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.discord import respond
from testkit.emulator import DiscordEmulator
from tests.core.test_off_loop import HELD_AT_MOST, Slow

from .conftest import StartBot

DEFERRED = 5  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE


async def test_a_slow_question_is_deferred_then_answered(
    emu: DiscordEmulator,
    start_bot: StartBot,
    tmp_path: Path,
    knowledge_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(respond, "DEFER_AFTER_SECONDS", 0.0)  # as if the 1.5 s had passed
    slow = Slow()
    async with Engine.open(tmp_path / "slow.sqlite3", knowledge_dir, meaning=slow) as engine:
        await start_bot(engine=engine)
        question = {"question": "How many migrants were enrolled?"}
        handle = await emu.slash("ask", question, user=emu.member("ann"))
        deferred = await handle.callback_body()
        assert await asyncio.to_thread(slow.embedding.wait, HELD_AT_MOST)
        assert deferred["type"] == DEFERRED and slow.released == []  # "thinking…" came first
        slow.release.set()
        message = await handle.answer()
    assert "45 migrants" in message["embeds"][0]["description"]
    assert slow.released == [True]
