""" "Tell me when this is answered": the button under "not in my knowledge base", one direct
message when a moderator teaches the question or adds an entry that answers it, nothing for a
member who did not ask or withdrew, and nothing (quietly) when direct messages are closed."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from bot.discord.watch_buttons import (
    ALREADY_WATCHING,
    NOT_WAITING,
    NOT_WATCHING,
    WATCHING,
    WITHDRAWN,
)
from testkit.emulator import DiscordEmulator
from testkit.emulator.state import Role, User

from .knowledge import CBP
from .test_ask import buttons
from .test_kb import kb

UNKNOWN = "will the app be offered in Spanish"
NEW = {
    "id": "spanish-app",
    "question": "Will the check-in app be offered in Spanish?",
    "paraphrases": ["is the app in spanish"],
    "answer": "U.S. Customs and Border Protection lists the app in English and Spanish.",
    "sources": [CBP],
    "status": "public_record",
    "as_of": "2024-07-12",
}


async def not_known(emu: DiscordEmulator, user: User, question: str = UNKNOWN) -> dict[str, Any]:
    handle = await emu.slash("ask", {"question": question}, user=user)
    reply = await handle.answer()
    assert reply["embeds"][0]["title"] == "That is not in my knowledge base yet"
    return reply


def watch_id(reply: dict[str, Any]) -> str:
    return next(i for i in buttons(reply) if i.startswith("pb:watch:"))


async def press(emu: DiscordEmulator, message: dict[str, Any], custom_id: str, user: User) -> Any:
    return await (await emu.click(message, custom_id, user=user)).answer()


async def dms(emu: DiscordEmulator, user: User) -> list[dict[str, Any]]:
    return emu.bot_messages_in(emu.world.dm_channel(user))


async def test_a_watcher_gets_one_dm_when_the_question_is_taught(
    emu: DiscordEmulator, engine: Engine, bot: PolicyBot, mod_role: Role
) -> None:
    emu.permit_command("kb", role=mod_role)
    mod = emu.member("mia", roles=(mod_role,))
    ann, bob = emu.member("ann"), emu.member("bob")
    reply = await not_known(emu, ann)
    confirmed = await press(emu, reply, watch_id(reply), ann)
    assert confirmed["content"] == WATCHING and confirmed["flags"] & 64
    again = await press(emu, reply, watch_id(reply), ann)
    assert again["content"] == ALREADY_WATCHING
    question_id = int(watch_id(reply).split(":")[2])
    taught = await kb(emu, "teach", mod, question_id=question_id, entry="apple-store")
    assert "Added question" in taught["content"]
    told = await emu.wait_for_bot_message(emu.world.dm_channel(ann))
    assert told["content"].startswith("A moderator has answered a question you asked me")
    assert UNKNOWN in told["content"]
    assert "Apple store" in told["embeds"][0]["description"]
    await engine.edit_entry("apple-store", {"keywords": ["apple"]}, author="mod", reason="x")
    await engine.revert("apple-store", 1, author="mod")
    assert len(await dms(emu, ann)) == 1  # one DM, never again
    assert await dms(emu, bob) == []  # bob never asked to be told
    late = await press(emu, reply, watch_id(reply), bob)
    assert late["content"] == NOT_WAITING  # answered now: nothing left to wait for


async def test_a_new_entry_that_answers_it_confidently_tells_the_watcher(
    emu: DiscordEmulator, engine: Engine, bot: PolicyBot
) -> None:
    ann, cat = emu.member("ann"), emu.member("cat")
    reply = await not_known(emu, ann)
    weather = await not_known(emu, cat, "what's the weather in Paris")
    await press(emu, reply, watch_id(reply), ann)
    await press(emu, weather, watch_id(weather), cat)
    await engine.add_entry(dict(NEW), author="mod", reason="asked")
    told = await emu.wait_for_bot_message(emu.world.dm_channel(ann))
    assert "English and Spanish" in told["embeds"][0]["description"]
    await engine.add_entry(
        NEW | {"id": "other-entry", "question": "Other?"}, author="m", reason="x"
    )
    assert await dms(emu, cat) == []  # the new entries do not answer cat's question


async def test_withdrawn_means_no_dm(emu: DiscordEmulator, engine: Engine, bot: PolicyBot) -> None:
    ann = emu.member("ann")
    reply = await not_known(emu, ann)
    confirmed = await (await emu.click(reply, watch_id(reply), user=ann)).answer()
    withdraw = next(i for i in buttons(confirmed) if i.startswith("pb:unwatch:"))
    assert (await press(emu, confirmed, withdraw, ann))["content"] == WITHDRAWN
    assert (await press(emu, confirmed, withdraw, ann))["content"] == NOT_WATCHING
    await engine.add_entry(dict(NEW), author="mod", reason="asked")
    await engine.add_entry(
        NEW | {"id": "other-entry", "question": "Other?"}, author="m", reason="x"
    )
    assert await dms(emu, ann) == []


async def test_closed_dms_are_handled_quietly(
    emu: DiscordEmulator, engine: Engine, bot: PolicyBot, caplog: pytest.LogCaptureFixture
) -> None:
    ann = emu.member("ann")
    ann.dms_open = False
    reply = await not_known(emu, ann)
    await press(emu, reply, watch_id(reply), ann)
    question_id = int(watch_id(reply).split(":")[2])
    with caplog.at_level(logging.INFO, logger="policybot.discord"):
        await engine.teach(question_id, "apple-store", author="mod")
        await bot.notifier.drain()
    assert await dms(emu, ann) == []
    assert any("closed their direct messages" in r.getMessage() for r in caplog.records)


async def test_answered_and_refused_replies_offer_no_watch_button(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    answered = await (
        await emu.slash(
            "ask", {"question": "How many migrants were enrolled?"}, user=emu.member("a")
        )
    ).answer()
    assert not any(i.startswith("pb:watch:") for i in buttons(answered))
    refused = await (await emu.slash("ask", {"question": "???"}, user=emu.member("b"))).answer()
    assert refused.get("components") in (None, [])


async def test_the_button_and_its_replies_speak_the_questions_language(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    ana = emu.member("ana")
    reply = await (
        await emu.slash("ask", {"question": "¿Qué tiempo hace hoy en París?"}, user=ana)
    ).answer()
    (custom_id,) = [i for i in buttons(reply) if i.startswith("pb:watch:")]
    assert (
        custom_id.endswith(":es") and buttons(reply)[custom_id] == "Avisarme cuando tenga respuesta"
    )
    confirmed = await press(emu, reply, custom_id, ana)
    assert confirmed["content"].startswith("Le enviaré un único mensaje directo")
