"""Every path a Spanish-speaking member meets answers in Spanish, whatever their Discord client's
language: the answer and its follow-ups (did you mean, related, votes, watching), a mention,
the cooldown notices, an error, "Check this claim" on a message without text. A reply's own
words (titles, field names, footers, buttons, plain text) hold no English frame words; quoted
knowledge (an untranslated entry's question on a button, a source's English title) may."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator

from .conftest import StartBot
from .steps import failing
from .test_ask import buttons
from .test_floods import mention, settle

ES_QUESTION = "¿Cuántos migrantes se inscribieron en la aplicación?"
SPANISH_ANSWER = "El New York Post informó, citando fuentes anónimas"
# Words of the bot's English frame that no Spanish reply's own words should hold.
ENGLISH_WORDS = re.compile(
    r"\b(the|you|your|please|wait|mean|helpful|sources|source|status|related|answered|tell|"
    r"when|knowledge|this|what|yet|sorry|vote|voted|recorded|already|again|asked|matched|"
    r"score|translated|anonymous|reported|confirmed|check|checking|message|try)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\[[^\]]*\]\([^)]*\)")  # knowledge, quoted as printed
KNOWLEDGE_BUTTONS = ("pb:rel:", "pb:dym:")  # labelled with an entry's question


def own_words(message: dict[str, Any]) -> list[str]:
    """What the bot says in its own words: everything but the answer text and entry titles."""
    said = [message.get("content") or ""]
    for embed in message.get("embeds", []):
        said.append(embed.get("footer", {}).get("text", ""))
        said += [field["name"] for field in embed.get("fields", [])]
        said += [field["value"] for field in embed.get("fields", [])]
    for custom_id, label in buttons(message).items():
        if not custom_id.startswith(KNOWLEDGE_BUTTONS):
            said.append(label)
    return [QUOTED.sub("", text) for text in said if text]


def assert_spanish(message: dict[str, Any]) -> None:
    english = [t for t in own_words(message) if ENGLISH_WORDS.search(t)]
    assert english == [], f"English in a Spanish reply: {english}"
    assert any(re.search(r"[áéíóúñ¿]", t) for t in own_words(message)), own_words(message)


def embed_title(message: dict[str, Any]) -> str:
    return str(message["embeds"][0]["title"])


def test_the_english_frame_is_caught() -> None:
    english = {"content": "You're asking quickly — please wait 5 s and try again."}
    with pytest.raises(AssertionError):
        assert_spanish(english)
    quoted = {"content": "citando a «sources familiar with the app» (2), según él"}
    assert_spanish(quoted)


async def test_an_answer_and_each_of_its_buttons_speak_spanish(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    ann, bea = emu.member("ann"), emu.member("bea")  # English Discord clients
    answer = await (await emu.slash("ask", {"question": ES_QUESTION}, user=ann)).answer()
    assert answer["embeds"][0]["description"].startswith(SPANISH_ANSWER)
    assert_spanish(answer)
    fields = {f["name"] for f in answer["embeds"][0]["fields"]}
    assert {"⚠️ Fuentes anónimas — sin confirmación oficial", "Fuentes", "Estado"} <= fields
    sources = next(f["value"] for f in answer["embeds"][0]["fields"] if f["name"] == "Fuentes")
    assert "12 de julio de 2024 — «Report on the ICE check-in app»" in sources  # Spanish marks
    vote = next(i for i in buttons(answer) if i.startswith("pb:fb:") and ":y" in i)
    for _ in range(2):  # recorded, then already voted
        assert_spanish(await (await emu.click(answer, vote, user=bea)).answer())
    related = await (await emu.click(answer, "pb:rel:es:apple-store", user=bea)).answer()
    assert related["embeds"][0]["fields"][0]["name"] == "🌐 Aún sin traducir"
    assert_spanish(related)


async def test_did_you_mean_and_its_picks_speak_spanish(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    ann = emu.member("ann")
    close = await (await emu.slash("ask", {"question": "¿la app es real?"}, user=ann)).answer()
    assert embed_title(close) == "¿Quiso decir…?"
    assert {"pb:dym:es:enrolled-45", "pb:dym:es:apple-store"} <= set(buttons(close))
    assert_spanish(close)
    for pick in ("pb:dym:es:enrolled-45", "pb:dym:es:apple-store"):
        assert_spanish(await (await emu.click(close, pick, user=ann)).answer())


async def test_not_known_vague_and_watching_speak_spanish(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    ann = emu.member("ann")
    unknown = await (
        await emu.slash("ask", {"question": "¿qué tiempo hace en París?"}, user=ann)
    ).answer()
    assert embed_title(unknown) == "Eso todavía no está en mi base de conocimientos"
    assert_spanish(unknown)
    watch = next(i for i in buttons(unknown) if i.startswith("pb:watch:"))
    watching = await (await emu.click(unknown, watch, user=ann)).answer()
    assert_spanish(watching)
    assert_spanish(await (await emu.click(unknown, watch, user=ann)).answer())  # already
    unwatch = next(i for i in buttons(watching) if i.startswith("pb:unwatch:"))
    assert_spanish(await (await emu.click(watching, unwatch, user=ann)).answer())
    vague = await (await emu.slash("ask", {"question": "¿cuántos?"}, user=ann)).answer()
    assert vague["embeds"] == []
    assert_spanish(vague)


@pytest.mark.parametrize("locale", ["es-ES", "es-419"])
async def test_a_spanish_discord_client_gets_spanish_for_an_unclear_question(
    emu: DiscordEmulator, bot: PolicyBot, locale: str
) -> None:
    member = emu.member("lupe", locale=locale)
    answer = await (await emu.slash("ask", {"question": "45?"}, user=member)).answer()
    assert answer["embeds"][0]["description"].startswith(SPANISH_ANSWER)
    assert_spanish(answer)
    # The question's own language wins over the client's.
    english = await (
        await emu.slash("ask", {"question": "How many migrants were enrolled?"}, user=member)
    ).answer()
    assert english["embeds"][0]["description"].startswith("The New York Post")


async def test_a_spanish_mention_is_answered_in_spanish(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    await mention(emu, emu.member("ann"), "oye, cuántos migrantes se inscribieron en la app?")
    reply = await emu.wait_for_bot_message(emu.channel)
    assert reply["embeds"][0]["description"].startswith(SPANISH_ANSWER)
    assert {"Útil", "No útil"} <= set(buttons(reply).values())
    assert_spanish(reply)


async def test_cooldown_notices_speak_spanish(emu: DiscordEmulator, start_bot: StartBot) -> None:
    await start_bot(rate_limit_count=1, rate_limit_seconds=600)
    ann = emu.member("ann")
    answer = await (await emu.slash("ask", {"question": ES_QUESTION}, user=ann)).answer()
    press = await emu.click(answer, "pb:rel:es:apple-store", user=ann)
    limited_button = await press.answer()
    assert press.ephemeral and "espere" in limited_button["content"]
    assert_spanish(limited_button)
    handle = await emu.slash("ask", {"question": ES_QUESTION}, user=ann)
    limited = await handle.answer()
    assert handle.ephemeral and "espere" in limited["content"]
    assert_spanish(limited)
    ben = emu.member("ben")
    for _ in range(5):
        await mention(emu, ben, "cuántos migrantes se inscribieron en la app?")
    await settle(emu)
    notices = [m for m in emu.bot_messages_in(emu.channel) if "espere" in (m["content"] or "")]
    assert len(notices) == 1
    assert_spanish(notices[0])


async def test_a_failed_spanish_question_is_apologised_for_in_spanish(
    emu: DiscordEmulator,
    bot: PolicyBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(bot.service, "ask", failing(RuntimeError("boom")))
    ann = emu.member("ann")  # an English client: the question's language decides
    handle = await emu.slash("ask", {"question": ES_QUESTION}, user=ann)
    sorry = await handle.answer()
    assert handle.ephemeral and sorry["content"].startswith("Lo siento")
    assert_spanish(sorry)
    await emu.dm("oye, cuántos migrantes se inscribieron en la app?", user=ann)
    dm = await emu.wait_for_bot_message(emu.world.dm_channel(ann))
    assert_spanish(dm)
    english = await (await emu.slash("ask", {"question": "is it real?"}, user=ann)).answer()
    assert english["content"].startswith("Sorry")
    caplog.clear()


async def test_check_this_claim_on_a_message_without_text_says_so_in_spanish(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    target = await emu.say("", user=emu.member("ann"))
    handle = await emu.message_command(
        "Check this claim", target, user=emu.member("beto", locale="es-419")
    )
    reply = await handle.answer()
    assert (
        handle.ephemeral
        and reply["content"] == "Ese mensaje no tiene texto que yo pueda verificar."
    )


async def test_the_direct_message_to_a_spanish_watcher_is_spanish(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine
) -> None:
    ann = emu.member("ann")
    question = "¿cuánta gente se apuntó al piloto de reportarse?"
    unknown = await (await emu.slash("ask", {"question": question}, user=ann)).answer()
    watch = next(i for i in buttons(unknown) if i.startswith("pb:watch:"))
    await emu.click(unknown, watch, user=ann)
    await engine.teach(int(watch.split(":")[2]), "enrolled-45", author="mod")
    told = await emu.wait_for_bot_message(emu.world.dm_channel(ann))
    assert told["content"].startswith("Un moderador")
    assert told["embeds"][0]["description"].startswith(SPANISH_ANSWER)
    assert_spanish(told)
