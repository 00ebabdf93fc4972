"""DMs and mentions are questions; other messages and all bots, itself included, are ignored."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator

from .conftest import StartBot

QUESTION = "How many migrants were enrolled?"


async def test_dm_is_answered(emu: DiscordEmulator, bot: PolicyBot) -> None:
    ann = emu.member("ann")
    await emu.dm(QUESTION, user=ann)
    reply = await emu.wait_for_bot_message(emu.world.dm_channel(ann))
    assert "45 migrants" in reply["embeds"][0]["description"]


async def test_mention_in_a_channel_is_answered_as_a_reply(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    asked = await emu.say(
        f"<@{emu.bot_user.id}> {QUESTION}", user=emu.member("ann"), mentions=(emu.bot_user,)
    )
    reply = await emu.wait_for_bot_message(emu.channel)
    assert "45 migrants" in reply["embeds"][0]["description"]
    assert reply["message_reference"]["message_id"] == asked["id"]


async def test_other_messages_and_bots_are_ignored(emu: DiscordEmulator, bot: PolicyBot) -> None:
    other_bot = emu.member("helperbot", bot=True)
    await emu.say(QUESTION, user=emu.member("ann"))  # not addressed to the bot
    await emu.say(f"@everyone {QUESTION}", user=emu.member("ben"))  # @everyone is no mention
    await emu.say(f"<@{emu.bot_user.id}> {QUESTION}", user=other_bot, mentions=(emu.bot_user,))
    # A question the bot does answer; events are handled in order, so by the time this is
    # answered, the ignored ones above have been seen and dropped.
    await emu.say(
        f"<@{emu.bot_user.id}> {QUESTION}", user=emu.member("cy"), mentions=(emu.bot_user,)
    )
    await emu.wait_for_bot_message(emu.channel)
    # The bot's own answer came back over the gateway too; a DM round trip flushes it.
    dm_user = emu.member("dee")
    await emu.dm(QUESTION, user=dm_user)
    await emu.wait_for_bot_message(emu.world.dm_channel(dm_user))
    assert len(emu.bot_messages_in(emu.channel)) == 1


async def test_check_this_claim_quotes_the_matched_part(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    target = await emu.say(
        "Big news today. Apparently only 45 migrants were enrolled in the app! Crazy times.",
        user=emu.member("ann"),
    )
    handle = await emu.message_command("Check this claim", target, user=emu.member("ben"))
    reply = await handle.answer()
    assert handle.ephemeral
    assert "> Apparently only 45 migrants were enrolled in the app!" in reply["content"]
    assert "45 migrants" in reply["embeds"][0]["description"]


async def test_check_this_claim_on_a_message_without_text(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    target = await emu.say("   ", user=emu.member("ann"))
    handle = await emu.message_command("Check this claim", target, user=emu.member("ben"))
    assert "no text" in (await handle.answer())["content"]


async def test_check_this_claim_over_the_rate_limit_matches_nothing(
    emu: DiscordEmulator, start_bot: StartBot, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await start_bot(rate_limit_count=1, rate_limit_seconds=600)
    target = await emu.say("Only 45 migrants were enrolled in the app.", user=emu.member("ann"))
    ben = emu.member("ben")
    first = await emu.message_command("Check this claim", target, user=ben)
    assert "45 migrants" in (await first.answer())["embeds"][0]["description"]

    def no_matching(question: str) -> None:
        raise AssertionError("matched although the member must wait")

    monkeypatch.setattr(engine, "answer", no_matching)
    limited = await emu.message_command("Check this claim", target, user=ben)
    assert "please wait" in (await limited.answer())["content"] and limited.ephemeral
