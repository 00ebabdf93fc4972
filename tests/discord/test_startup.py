"""Login, command sync only when needed, `policybot sync`, token problems, clean shutdown."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from pathlib import Path

import pytest

from bot.discord import runner
from bot.discord.client import PolicyBot
from bot.discord.sync import STATE_FILE
from bot.settings import Settings
from testkit.emulator import DiscordEmulator

from .conftest import StartBot

# Other cogs may add commands; these are the member-facing ones this suite owns.
COMMANDS = {(1, "ask"), (1, "sources"), (1, "about"), (3, "Check this claim")}


def registered(commands: list[dict]) -> set[tuple[int, str]]:
    return {(c["type"], c["name"]) for c in commands}


async def test_login_and_first_start_syncs_once(
    emu: DiscordEmulator, bot: PolicyBot, tmp_path: Path
) -> None:
    assert bot.user is not None and bot.user.id == emu.bot_user.id
    assert registered(emu.world.global_commands) >= COMMANDS
    home = emu.guild.id
    assert registered(emu.world.guild_commands[home]) == {(1, "kb")}
    assert emu.command_syncs == [(None, len(emu.world.global_commands)), (home, 1)]
    state = json.loads((tmp_path / "data" / STATE_FILE).read_text())
    assert set(state) == {"global", str(home)}


async def test_restart_with_same_commands_does_not_sync(
    emu: DiscordEmulator, start_bot: StartBot
) -> None:
    first = await start_bot()
    await first.close()
    await start_bot()
    assert len(emu.command_syncs) == 2  # global and the home server, once each


async def test_changed_command_set_is_synced_on_start(
    emu: DiscordEmulator, start_bot: StartBot, tmp_path: Path
) -> None:
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    first = await start_bot()
    await first.close()
    state = json.loads((tmp_path / "data" / STATE_FILE).read_text())
    (tmp_path / "data" / STATE_FILE).write_text(json.dumps(state | {"global": "an older set"}))
    emu.command_syncs.clear()
    await start_bot()
    assert emu.command_syncs == [(None, len(emu.world.global_commands))]


def settings_for(tmp_path: Path, knowledge_dir: Path) -> Settings:
    return Settings(database=tmp_path / "data" / "policybot.sqlite3", knowledge_dir=knowledge_dir)


async def test_sync_verb_to_one_guild(
    emu: DiscordEmulator, tmp_path: Path, knowledge_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await runner.sync_now(settings_for(tmp_path, knowledge_dir), emu.token, emu.guild.id)
    assert code == runner.EXIT_OK
    synced = emu.world.guild_commands[emu.guild.id]
    assert registered(synced) >= COMMANDS
    assert emu.world.global_commands == []
    assert f"Synced {len(synced)} commands to server {emu.guild.id}" in capsys.readouterr().out


async def test_sync_verb_registers_kb_in_the_home_servers_only(
    emu: DiscordEmulator, tmp_path: Path, knowledge_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = emu.add_guild("Another server")
    settings = settings_for(tmp_path, knowledge_dir).model_copy(
        update={"home_guild_ids": [emu.guild.id]}
    )
    assert await runner.sync_now(settings, emu.token, None) == runner.EXIT_OK
    assert registered(emu.world.global_commands) == COMMANDS
    assert registered(emu.world.guild_commands[emu.guild.id]) == {(1, "kb")}
    assert other.id not in emu.world.guild_commands
    out = capsys.readouterr().out
    assert "Synced 4 commands to all servers" in out
    assert f"Synced 1 commands to home server {emu.guild.id}" in out


async def test_rejected_token_gives_clear_message_and_exit_code(
    emu: DiscordEmulator, tmp_path: Path, knowledge_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await runner.serve(settings_for(tmp_path, knowledge_dir), "not-the-token")
    assert code == runner.EXIT_CONFIG
    assert "Discord rejected the token" in capsys.readouterr().err


def test_missing_token_gives_clear_message(
    tmp_path: Path, knowledge_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    assert runner.run_bot(settings_for(tmp_path, knowledge_dir)) == runner.EXIT_CONFIG
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


async def test_sigterm_shuts_down_cleanly_after_answering(
    emu: DiscordEmulator, tmp_path: Path, knowledge_dir: Path
) -> None:
    settings = settings_for(tmp_path, knowledge_dir)
    serving = asyncio.create_task(runner.serve(settings, emu.token, guild_ready_timeout=0.05))
    await emu.wait_until_connected()
    handle = await emu.slash(
        "ask", {"question": "how many migrants were enrolled?"}, user=emu.member("ann")
    )
    await handle.answer()
    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(serving, 10) == runner.EXIT_OK
    from bot.core.sqlite_store import SQLiteStore

    async with await SQLiteStore.open(Path(settings.database)) as store:
        logged = await store.question(1)
    assert logged is not None and logged.entry_id == "enrolled-45"


async def test_after_a_test_sync_to_the_home_server_a_start_syncs_nothing(
    emu: DiscordEmulator, start_bot: StartBot, tmp_path: Path, knowledge_dir: Path
) -> None:
    settings = settings_for(tmp_path, knowledge_dir).model_copy(
        update={"home_guild_ids": [emu.guild.id]}
    )
    assert await runner.sync_now(settings, emu.token, emu.guild.id) == runner.EXIT_OK
    assert registered(emu.world.guild_commands[emu.guild.id]) == COMMANDS | {(1, "kb")}
    emu.command_syncs.clear()
    await start_bot()  # the same home server: its copy already carries /kb
    assert emu.command_syncs == []
    assert emu.world.global_commands == []
