"""The own-case notice in Discord: message text above the answer, in the asker's language, with
official links that show no preview cards, and never a ping."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.answers import WHERE_THINGS_STAND, answer_entry
from bot.core.knowledge import load_directory
from bot.core.languages import languages
from bot.core.notices import EOIR_PRO_BONO_URL, ICE_CHECK_IN_URL, notice_for
from bot.discord.client import PolicyBot
from bot.discord.render import NEWER_TITLE, answer_embed, notice_text
from bot.discord.views import answer_view
from bot.settings import SHIPPED_KNOWLEDGE
from testkit.emulator import DiscordEmulator
from testkit.emulator.validation import message_problems


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


@pytest.mark.parametrize("language", list(languages()))
def test_every_shipped_answer_with_notice_and_date_note_fits_discord(language: str) -> None:
    knowledge = load_directory(SHIPPED_KNOWLEDGE)
    entries = {p.entry.id: p.entry for p in knowledge.ordered()}
    as_of = max(entry.as_of for entry in entries.values())
    noted = 0
    for entry in entries.values():
        related = [entries[r] for r in entry.related if r in entries]
        answer = answer_entry(
            entry.question,
            entry,
            88.0,
            related,
            knowledge_as_of=as_of,
            where_things_stand=entries.get(WHERE_THINGS_STAND),
        )
        answer = dataclasses.replace(answer, question_id=123456789, notice=notice_for(language))
        noted += answer.newer_developments is not None
        embed = answer_embed(answer)
        view = answer_view(answer)
        body = {
            "content": notice_text(answer),
            "embeds": [embed.to_dict()],
            "components": view.to_components() if view else [],
            "allowed_mentions": {"parse": []},
        }
        assert message_problems(body, creating=True, interaction=True) == [], entry.id
        if answer.newer_developments:
            assert any(f.name == NEWER_TITLE for f in embed.fields), entry.id
    assert noted > 0
