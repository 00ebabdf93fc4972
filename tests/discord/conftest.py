"""End-to-end fixtures: the emulator on 127.0.0.1, a fresh database, and the real bot
(bot.discord.client.PolicyBot on unmodified discord.py) connected to the emulator."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from bot.discord.trust import Trust
from testkit.emulator import DiscordEmulator, discord_py_pointed_at
from testkit.emulator.state import Role, User

from .knowledge import write_knowledge

StartBot = Callable[..., Awaitable[PolicyBot]]


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    return write_knowledge(tmp_path / "knowledge")


@pytest.fixture
async def emu() -> AsyncIterator[DiscordEmulator]:
    async with DiscordEmulator(heartbeat_interval=0.5) as emulator:
        with discord_py_pointed_at(emulator):
            yield emulator
    # Anything Discord would have rejected, or any message that could ping, fails the test.
    assert emulator.violations == []


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """The bot's database file (tests that hold its lock or fill its disk reach it here)."""
    return tmp_path / "data" / "policybot.sqlite3"


@pytest.fixture
async def engine(database: Path, knowledge_dir: Path) -> AsyncIterator[Engine]:
    async with Engine.open(database, knowledge_dir) as opened:
        yield opened


MOD_ROLE = "Policybot Moderator"


@pytest.fixture
def mod_role(emu: DiscordEmulator) -> Role:
    """The moderator role of the home server (the emulator's test guild), known by its id."""
    return emu.role(MOD_ROLE)


@pytest.fixture
async def start_bot(
    emu: DiscordEmulator,
    engine: Engine,
    mod_role: Role,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> AsyncIterator[StartBot]:
    """Start a bot (several may be started in turn, e.g. to test a restart). The emulator's
    test guild is its home server unless `trust` says otherwise."""
    running: list[tuple[PolicyBot, asyncio.Task[None]]] = []

    async def start(**overrides: Any) -> PolicyBot:
        on = overrides.pop("engine", engine)  # another engine, e.g. a second bot's
        options: dict[str, Any] = {
            "rate_limit_count": 1000,
            "rate_limit_seconds": 60.0,
            "state_dir": tmp_path / "data",
            "guild_ready_timeout": 0.05,
            "trust": Trust.of([emu.guild.id], [mod_role.id]),
        } | overrides
        bot = PolicyBot(on, **options)
        await bot.login(emu.token)
        task = asyncio.create_task(bot.connect())
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        running.append((bot, task))
        return bot

    yield start
    for bot, task in running:
        await bot.close()
        await asyncio.wait_for(task, 10)
    # discord.py logs handler exceptions instead of raising them: surface them here.
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []


@pytest.fixture
async def bot(start_bot: StartBot) -> PolicyBot:
    return await start_bot()


@pytest.fixture
def mod(emu: DiscordEmulator, bot: PolicyBot, mod_role: Role) -> User:
    """A moderator by the home server's configured role, allowed to use /kb."""
    emu.permit_command("kb", role=mod_role)
    return emu.member("mia", roles=(mod_role,))
