"""The own-case notice in Discord: message text above the answer, in the asker's language, with
official links that show no preview cards, and never a ping."""

from __future__ import annotations

from bot.core.notices import EOIR_PRO_BONO_URL, ICE_CHECK_IN_URL
from bot.discord.client import PolicyBot
from tests.emulator import DiscordEmulator


async def test_an_own_case_question_gets_the_notice_above_the_answer(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    handle = await emu.slash(
        "ask",
        {"question": "I have a check-in, how many migrants were enrolled?"},
        user=emu.member("a"),
    )
    message = await handle.answer()
    assert message["content"].startswith("⚠️ **About your own case: this is not legal advice**")
    assert f"<{EOIR_PRO_BONO_URL}>" in message["content"]
    assert f"<{ICE_CHECK_IN_URL}>" in message["content"]
    assert "45 migrants" in message["embeds"][0]["description"]
    assert emu.violations == []


async def test_a_news_question_gets_no_notice(emu: DiscordEmulator, bot: PolicyBot) -> None:
    handle = await emu.slash(
        "ask", {"question": "I heard 45 migrants were enrolled, true?"}, user=emu.member("b")
    )
    message = await handle.answer()
    assert not message.get("content")
    assert "45 migrants" in message["embeds"][0]["description"]


async def test_a_spanish_own_case_dm_gets_the_notice_in_spanish_even_without_an_answer(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    asker = emu.member("c")
    await emu.dm("tengo cita con ICE en Denver el martes, ¿qué hago?", user=asker)
    reply = await emu.wait_for_bot_message(emu.world.dm_channel(asker))
    assert "esto no es asesoría legal" in reply["content"]
    assert f"<{EOIR_PRO_BONO_URL}>" in reply["content"]
    assert reply["embeds"]
    assert emu.violations == []
