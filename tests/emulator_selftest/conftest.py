"""Fixtures for testing the emulator itself with a bare discord.Client."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest

from testkit.emulator import DiscordEmulator, discord_py_pointed_at


class RecordingClient(discord.Client):
    """A bare client that remembers the messages it receives."""

    def __init__(self, *, intents: discord.Intents | None = None) -> None:
        super().__init__(
            intents=intents or discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.05,
        )
        self.tree = discord.app_commands.CommandTree(self)
        self.received: asyncio.Queue[discord.Message] = asyncio.Queue()
        self.resumes = 0

    async def on_message(self, message: discord.Message) -> None:
        await self.received.put(message)

    async def on_resumed(self) -> None:
        self.resumes += 1

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Skip discord.py's 5-second pause before a re-IDENTIFY; the tests need no politeness."""

    async def next_message(self) -> discord.Message:
        return await asyncio.wait_for(self.received.get(), 10)


@pytest.fixture
async def emu() -> AsyncIterator[DiscordEmulator]:
    async with DiscordEmulator(heartbeat_interval=0.5) as emulator:
        with discord_py_pointed_at(emulator):
            yield emulator


async def start(client: discord.Client, emu: DiscordEmulator) -> asyncio.Task[None]:
    await client.login(emu.token)
    task = asyncio.create_task(client.connect())
    await asyncio.wait_for(client.wait_until_ready(), 10)
    return task


@pytest.fixture
async def client(emu: DiscordEmulator) -> AsyncIterator[RecordingClient]:
    bare = RecordingClient()
    task = await start(bare, emu)
    yield bare
    await bare.close()
    await asyncio.wait_for(task, 10)
