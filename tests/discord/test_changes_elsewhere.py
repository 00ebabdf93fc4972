"""Changes made from the command line, in another process, while the bot runs (or while it is
down): posted to the audit channel like /kb's own — who, what, a compact diff, the reason, no
pings — once each, however often the bot restarts; and members waiting for an answer are told
as when a moderator answers in Discord."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator
from testkit.emulator.state import Channel

from .conftest import StartBot
from .knowledge import ENTRIES, write_knowledge
from .other_process import run_cli
from .test_audit import fields, posted
from .test_watch import not_known, press, watch_id

CHANGED = "(changed from the command line)"
PINGS = "@everyone <@131313131313131313>"


@pytest.fixture
def audit(emu: DiscordEmulator) -> Channel:
    return emu.guild.channels[1]  # #random


def import_files(tmp_path: Path) -> Path:
    changed: list[dict[str, Any]] = [
        {**e, "answer": e["answer"] + " " + CHANGED} if e["id"] == "enrolled-45" else e
        for e in ENTRIES
    ]
    return write_knowledge(tmp_path / "cli-files", changed)


async def settled(bot: PolicyBot, engine: Engine) -> None:
    """Whatever the bot would post about changes it has seen, posted."""
    await engine.refresh()
    await bot.audit.drain()


async def test_a_command_line_change_is_posted_like_a_kb_change_once(
    emu: DiscordEmulator,
    start_bot: StartBot,
    engine: Engine,
    audit: Channel,
    database: Path,
    knowledge_dir: Path,
    tmp_path: Path,
) -> None:
    bot = await start_bot(audit_channel_id=audit.id)
    files = import_files(tmp_path)
    await run_cli(database, files, "kb", "import", str(files), "--author", f"alice {PINGS}")
    embed = await posted(emu, audit, 0)  # noticed by the bot's own refresh, within seconds
    assert embed["title"] == "policybot kb import · enrolled-45"
    assert "**answer**:" in embed["description"] and CHANGED in embed["description"]
    assert "revision 2" in embed["description"]
    shown = fields(embed)
    assert shown["Who"].startswith("alice") and shown["Reason"] == "import from files"

    await run_cli(
        database, knowledge_dir, "kb", "delete", "memo-recipients", "--reason", f"off {PINGS}"
    )
    deleted = await posted(emu, audit, 1)
    assert deleted["title"] == "policybot kb delete · memo-recipients"
    assert "off" in fields(deleted)["Reason"] and fields(deleted)["Who"].startswith("cli:")

    await engine.revert("enrolled-45", 1, author="mia")  # the bot's own change: posted as /kb
    assert (await posted(emu, audit, 2))["title"] == "/kb revert · enrolled-45"
    await bot.close()
    # Made while the bot is down: posted when it is back, and nothing before it again.
    await run_cli(database, knowledge_dir, "kb", "revert", "enrolled-45", "2")
    bot = await start_bot(audit_channel_id=audit.id)
    back = await posted(emu, audit, 3)
    assert back["title"] == "policybot kb revert · enrolled-45"
    assert fields(back)["Reason"] == "revert to revision 2"
    await settled(bot, engine)
    assert len(emu.bot_messages_in(audit)) == 4


async def test_two_bots_on_one_database_post_a_command_line_change_once(
    emu: DiscordEmulator,
    start_bot: StartBot,
    engine: Engine,
    audit: Channel,
    database: Path,
    knowledge_dir: Path,
) -> None:
    first = await start_bot(audit_channel_id=audit.id)
    async with Engine.open(database, knowledge_dir) as other_engine:
        second = await start_bot(audit_channel_id=audit.id, engine=other_engine)
        await run_cli(database, knowledge_dir, "kb", "delete", "memo-recipients", "--reason", "x")
        await posted(emu, audit, 0)
        await settled(first, engine)
        await settled(second, other_engine)
        assert len(emu.bot_messages_in(audit)) == 1
        await second.close()


async def test_a_question_taught_from_the_command_line_tells_the_member_waiting(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine, database: Path, knowledge_dir: Path
) -> None:
    ann = emu.member("ann")
    reply = await not_known(emu, ann)
    await press(emu, reply, watch_id(reply), ann)
    question_id = watch_id(reply).split(":")[2]
    await run_cli(database, knowledge_dir, "kb", "teach", question_id, "apple-store")
    told = await emu.wait_for_bot_message(emu.world.dm_channel(ann))
    assert told["content"].startswith("A moderator has answered a question you asked me")
    assert "Apple store" in told["embeds"][0]["description"]
    await settled(bot, engine)
    assert len(emu.bot_messages_in(emu.world.dm_channel(ann))) == 1


async def test_the_command_line_alone_announces_nothing_and_leaves_it_for_the_bot(
    engine: Engine, database: Path, knowledge_dir: Path
) -> None:
    heard: list[Any] = []
    engine.on_moderation(heard.append)
    await run_cli(database, knowledge_dir, "kb", "delete", "memo-recipients", "--reason", "x")
    await engine.refresh()
    assert heard == []  # no bot runs on this engine: nobody to tell, nothing taken
    stop = await engine.announce_changes_from_elsewhere()
    (event,) = heard
    assert event.elsewhere and event.action.value == "delete" and event.reason == "x"
    stop()
