"""Nobody is ever pinged: not by mentions in a member's question, nor by mention syntax in the
knowledge text. The emulator fails any test whose messages lack allowed_mentions or would
notify someone (see testkit/emulator/mentions.py); these tests make sure such text is sent."""

from __future__ import annotations

from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator

from .knowledge import MENTIONS_IN_TEXT


def mentions_for(emu: DiscordEmulator) -> str:
    role = emu.role("moderators")
    victim = emu.member("victim")
    return f"@everyone @here <@&{role.id}> <@{victim.id}> <@!{victim.id}>"


async def test_mentions_in_a_checked_message_are_quoted_without_pinging(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    pings = mentions_for(emu)
    target = await emu.say(f"{pings} only 45 migrants were enrolled", user=emu.member("ann"))
    handle = await emu.message_command("Check this claim", target, user=emu.member("ben"))
    reply = await handle.answer()
    assert "@everyone" in reply["content"] and "<@&" in reply["content"]
    assert emu.violations == []


async def test_mentions_in_questions_never_ping(emu: DiscordEmulator, bot: PolicyBot) -> None:
    pings = mentions_for(emu)
    asker = emu.member("ann")
    slash = await emu.slash("ask", {"question": f"{pings} is the app real"}, user=asker)
    assert (await slash.answer())["embeds"][0]["title"] == "Did you mean…"
    await emu.dm(f"{pings} what's the weather", user=asker)
    await emu.wait_for_bot_message(emu.world.dm_channel(asker))
    await emu.say(f"<@{emu.bot_user.id}> {pings} enrolled?", user=asker, mentions=(emu.bot_user,))
    await emu.wait_for_bot_message(emu.channel)
    assert emu.violations == []


async def test_mentions_in_knowledge_text_never_ping(emu: DiscordEmulator, bot: PolicyBot) -> None:
    asker = emu.member("ann")
    handle = await emu.slash("ask", {"question": "who was the memo addressed to"}, user=asker)
    assert MENTIONS_IN_TEXT in (await handle.answer())["embeds"][0]["description"]
    await emu.dm("who received the memo", user=asker)
    reply = await emu.wait_for_bot_message(emu.world.dm_channel(asker))
    assert MENTIONS_IN_TEXT in reply["embeds"][0]["description"]
    assert emu.violations == []
