"""Floods: over-limit mentions and DMs get one cooldown notice per member per cooldown, not one
each; button presses share the members' rate limit, and opening an entry from a button is not
counted as a question asked."""

from __future__ import annotations

import asyncio

from bot.core.engine import Engine
from testkit.emulator import DiscordEmulator
from testkit.emulator.state import User

from .conftest import StartBot

ENROLLED = "How many migrants were enrolled?"


async def mention(emu: DiscordEmulator, user: User, text: str = ENROLLED) -> None:
    await emu.say(f"<@{emu.bot_user.id}> {text}", user=user, mentions=(emu.bot_user,))


async def settle(emu: DiscordEmulator) -> None:
    """Wait until the bot has handled everything sent so far: a probe question from a member
    with no limit trouble is answered after them (one gateway, in order), then a little more."""
    probe = emu.member(f"probe{len(emu.bot_messages)}")
    handle = await emu.slash("ask", {"question": ENROLLED}, user=probe)
    await handle.answer()
    await asyncio.sleep(0.3)


async def test_a_hundred_mentions_over_the_limit_get_one_public_notice(
    emu: DiscordEmulator, start_bot: StartBot
) -> None:
    await start_bot(rate_limit_count=2, rate_limit_seconds=600)
    ann = emu.member("ann")
    for _ in range(102):
        await mention(emu, ann)
    await settle(emu)
    posted = emu.bot_messages_in(emu.channel)
    notices = [m for m in posted if "please wait" in (m.get("content") or "")]
    answers = [m for m in posted if m.get("embeds")]
    assert len(answers) == 2 and len(notices) == 1


async def test_a_flood_of_dms_gets_one_notice(emu: DiscordEmulator, start_bot: StartBot) -> None:
    await start_bot(rate_limit_count=1, rate_limit_seconds=600)
    ann = emu.member("ann")
    for _ in range(30):
        await emu.dm(ENROLLED, user=ann)
    await settle(emu)
    posted = emu.bot_messages_in(emu.world.dm_channel(ann))
    assert len(posted) == 2 and "please wait" in posted[1]["content"]


async def test_a_new_cooldown_earns_a_new_notice(emu: DiscordEmulator, start_bot: StartBot) -> None:
    await start_bot(rate_limit_count=1, rate_limit_seconds=0.5)
    ann = emu.member("ann")
    for _ in range(2):
        for _ in range(5):
            await mention(emu, ann)
        await settle(emu)
        await asyncio.sleep(0.6)  # the window passes
    posted = emu.bot_messages_in(emu.channel)
    assert sum("please wait" in (m.get("content") or "") for m in posted) == 2


async def test_button_presses_share_the_rate_limit(
    emu: DiscordEmulator, start_bot: StartBot
) -> None:
    await start_bot(rate_limit_count=3, rate_limit_seconds=600)
    ann = emu.member("ann")
    answer = await (await emu.slash("ask", {"question": ENROLLED}, user=ann)).answer()
    for _ in range(2):
        shown = await (await emu.click(answer, "pb:rel:en:apprehended-7m", user=ann)).answer()
        assert "7 million" in shown["embeds"][0]["description"]
    press = await emu.click(answer, "pb:rel:en:apprehended-7m", user=ann)
    limited = await press.answer()
    assert press.ephemeral and "please wait" in limited["content"]
    vote = next(
        c["custom_id"]
        for row in answer["components"]
        for c in row["components"]
        if c["custom_id"].startswith("pb:fb:")
    )
    voted = await (await emu.click(answer, vote, user=ann)).answer()
    assert "please wait" in voted["content"]


async def test_entries_opened_from_buttons_are_not_counted_as_questions(
    emu: DiscordEmulator, start_bot: StartBot, engine: Engine
) -> None:
    await start_bot()
    answer = await (await emu.slash("ask", {"question": ENROLLED}, user=emu.member("a"))).answer()
    for n in range(5):
        press = await emu.click(answer, "pb:rel:en:apprehended-7m", user=emu.member(f"b{n}"))
        await press.answer()
    asked = {entry: count for entry, count, _, _ in await engine.usage()}
    assert asked == {"enrolled-45": 1}
