"""`policybot doctor` against the Discord emulator: every misconfiguration is named, with what
to do, and any failure makes the exit code non-zero."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.core.migrations import MIGRATIONS
from bot.discord import runner
from bot.discord.doctor import Targets, discord_checks
from bot.discord.permissions import EMBED_LINKS, VIEW_CHANNEL
from bot.doctor import Check, Status
from bot.settings import Settings
from tests.discord.knowledge import write_knowledge
from tests.emulator import DiscordEmulator, discord_py_pointed_at

MESSAGE_CONTENT_FLAG = 1 << 19


@pytest.fixture
async def emu() -> AsyncIterator[DiscordEmulator]:
    async with DiscordEmulator() as emulator:
        with discord_py_pointed_at(emulator):
            yield emulator
    assert emulator.violations == []


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    knowledge = write_knowledge(tmp_path / "knowledge")
    return Settings(db=tmp_path / "data" / "policybot.sqlite3", knowledge_dir=knowledge)


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {check.name: check for check in checks}


def failures(checks: list[Check]) -> dict[str, str]:
    return {c.name: c.detail for c in checks if c.status is Status.FAIL}


async def synced(emu: DiscordEmulator, settings: Settings) -> None:
    assert await runner.sync_now(settings, emu.token, None) == runner.EXIT_OK


async def test_a_healthy_setup_passes_every_check(emu: DiscordEmulator, settings: Settings) -> None:
    await synced(emu, settings)
    mods = emu.role("Moderators")
    targets = Targets((emu.guild.id,), (mods.id,), emu.channel.id)
    checks = await discord_checks(settings, emu.token, targets)
    assert failures(checks) == {}
    names = by_name(checks)
    assert {
        "token",
        "intents",
        f"home server {emu.guild.id}",
        "permissions in Test Guild",
        f"moderator role {mods.id}",
        f"audit channel {emu.channel.id}",
        "commands (global)",
    } <= set(names)
    assert all(check.status is Status.PASS for check in checks)
    assert "Moderators in Test Guild" in names[f"moderator role {mods.id}"].detail
    # Read only: the doctor synced nothing and sent nothing.
    assert len(emu.command_syncs) == 1 and emu.bot_messages == []


async def test_a_rejected_token(emu: DiscordEmulator, settings: Settings) -> None:
    checks = await discord_checks(settings, "not-the-token", Targets())
    (check,) = checks
    assert check.name == "token" and check.status is Status.FAIL
    assert "rejected" in check.detail and "Reset Token" in check.fix


async def test_a_privileged_intent_the_application_has_off(
    emu: DiscordEmulator, settings: Settings
) -> None:
    await synced(emu, settings)
    checks = await discord_checks(settings, emu.token, Targets(), message_content=True)
    assert "Message Content" in failures(checks)["intents"]
    assert "Privileged Gateway Intents" in by_name(checks)["intents"].fix
    emu.application_flags = MESSAGE_CONTENT_FLAG
    checks = await discord_checks(settings, emu.token, Targets(), message_content=True)
    assert by_name(checks)["intents"].status is Status.PASS


async def test_home_servers_the_bot_is_not_in(emu: DiscordEmulator, settings: Settings) -> None:
    await synced(emu, settings)
    elsewhere = emu.world.add_guild("Elsewhere")
    del elsewhere.members[emu.bot_user.id]
    nowhere = 4242424242424242
    checks = await discord_checks(
        settings, emu.token, Targets((emu.guild.id, elsewhere.id, nowhere), ())
    )
    failed = failures(checks)
    assert set(failed) == {f"home server {elsewhere.id}", f"home server {nowhere}"}
    assert "not in this server" in failed[f"home server {elsewhere.id}"]
    assert "POLICYBOT_HOME_GUILD_IDS" in by_name(checks)[f"home server {nowhere}"].fix


async def test_moderator_role_ids_that_exist_in_no_home_server(
    emu: DiscordEmulator, settings: Settings
) -> None:
    await synced(emu, settings)
    other = emu.world.add_guild("Other")
    foreign = emu.world.add_role(other, "Their mods")
    mods = emu.role("Moderators")
    checks = await discord_checks(
        settings, emu.token, Targets((emu.guild.id,), (mods.id, foreign.id, 99))
    )
    failed = failures(checks)
    assert set(failed) == {f"moderator role {foreign.id}", "moderator role 99"}
    assert "POLICYBOT_MODERATOR_ROLE_IDS" in by_name(checks)["moderator role 99"].fix


async def test_a_bot_that_cannot_send_messages_or_embeds(
    emu: DiscordEmulator, settings: Settings
) -> None:
    await synced(emu, settings)
    emu.guild.everyone.permissions = VIEW_CHANNEL
    checks = await discord_checks(settings, emu.token, Targets((emu.guild.id,), ()))
    detail = failures(checks)["permissions in Test Guild"]
    assert "Send Messages" in detail and "Embed Links" in detail


async def test_an_audit_channel_the_bot_cannot_post_embeds_in(
    emu: DiscordEmulator, settings: Settings
) -> None:
    await synced(emu, settings)
    audit = emu.guild.channels[1]
    audit.overwrites = [
        {"id": str(emu.guild.id), "type": 0, "allow": "0", "deny": str(EMBED_LINKS)}
    ]
    checks = await discord_checks(settings, emu.token, Targets(audit_channel_id=audit.id))
    detail = failures(checks)[f"audit channel {audit.id}"]
    assert "Embed Links" in detail and "Send Messages" not in detail
    # An allow for the bot itself puts it right.
    audit.overwrites.append(
        {"id": str(emu.bot_user.id), "type": 1, "allow": str(EMBED_LINKS), "deny": "0"}
    )
    checks = await discord_checks(settings, emu.token, Targets(audit_channel_id=audit.id))
    assert failures(checks) == {}
    checks = await discord_checks(settings, emu.token, Targets(audit_channel_id=12345))
    assert "cannot see this channel" in failures(checks)["audit channel 12345"]


async def test_commands_never_synced_or_out_of_date(
    emu: DiscordEmulator, settings: Settings
) -> None:
    checks = await discord_checks(settings, emu.token, Targets())
    assert "no commands are registered" in failures(checks)["commands (global)"]
    assert "policybot sync" in by_name(checks)["commands (global)"].fix

    await synced(emu, settings)
    ask = next(c for c in emu.world.global_commands if c["name"] == "ask")
    ask["description"] = "an older description"
    emu.world.global_commands.append(ask | {"name": "retired", "id": "1"})
    emu.world.global_commands[:] = [c for c in emu.world.global_commands if c["name"] != "about"]
    detail = failures(await discord_checks(settings, emu.token, Targets()))["commands (global)"]
    assert "not registered: /about" in detail
    assert "no longer in the code: /retired" in detail
    assert "changed since the sync: /ask" in detail


async def test_a_guild_sync_is_checked_in_that_guild(
    emu: DiscordEmulator, settings: Settings
) -> None:
    assert await runner.sync_now(settings, emu.token, emu.guild.id) == runner.EXIT_OK
    checks = await discord_checks(settings, emu.token, Targets())
    assert by_name(checks)[f"commands (server {emu.guild.id})"].status is Status.PASS
    emu.world.guild_commands[emu.guild.id].pop()
    checks = await discord_checks(settings, emu.token, Targets())
    assert f"commands (server {emu.guild.id})" in failures(checks)


# -- the verb, end to end --------------------------------------------------------------------


@pytest.fixture
def doctor_env(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("POLICYBOT_DB", str(settings.db))
    monkeypatch.setenv("POLICYBOT_KNOWLEDGE_DIR", str(settings.knowledge_dir))
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    return settings


def test_the_verb_without_a_token(doctor_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "hello"]) == 0  # makes the database
    capsys.readouterr()
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "ok    database:" in out and "integrity ok" in out
    assert f"ok    schema: current (schema {len(MIGRATIONS)})" in out
    assert "ok    knowledge: 4 entries in 1 file validate" in out
    assert "skip  discord: DISCORD_TOKEN is not set" in out
    assert "0 problems found." in out


def test_bad_settings_fail(
    doctor_env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POLICYBOT_CONFIDENT_SCORE", "lots")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  settings: POLICYBOT_CONFIDENT_SCORE:" in out and ".env.example" in out


def test_a_damaged_database_and_invalid_knowledge_fail(
    doctor_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    doctor_env.db.parent.mkdir(parents=True)
    doctor_env.db.write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    bad = doctor_env.knowledge_dir / "broken.toml"
    bad.write_text('topic = "x"\n[[entry]]\nid = "Not An Id"\n', encoding="utf-8")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  database:" in out and "policybot restore FILE" in out
    assert "FAIL  knowledge:" in out and "broken.toml" in out
    assert "2 problems found." in out


def test_a_database_from_a_newer_version_fails(
    doctor_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "--json", "hello"]) == 0
    connection = sqlite3.connect(doctor_env.db)
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    connection.close()
    capsys.readouterr()
    assert main(["doctor"]) == 1
    assert "FAIL  schema: schema" in capsys.readouterr().out


async def test_the_verb_with_a_token_exits_non_zero_on_a_discord_problem(
    emu: DiscordEmulator,
    doctor_env: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", emu.token)
    # The verb runs its own event loop, so it runs in a thread beside the emulator's loop.
    assert await asyncio.to_thread(main, ["doctor"]) == 1
    out = capsys.readouterr().out
    assert "ok    token: logs in as" in out
    assert "FAIL  commands (global): no commands are registered" in out
    await synced(emu, doctor_env)
    assert await asyncio.to_thread(main, ["doctor"]) == 0
    assert "0 problems found." in capsys.readouterr().out
