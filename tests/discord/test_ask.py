"""`/ask` end to end: known, close and unknown questions, privacy, refusals, autocomplete."""

from __future__ import annotations

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator


def buttons(message: dict) -> dict[str, str]:
    """custom_id → label of every button on a message."""
    return {
        c["custom_id"]: c["label"]
        for row in message.get("components", [])
        for c in row["components"]
        if c.get("custom_id")
    }


async def test_known_question_gets_sourced_answer_with_buttons(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    handle = await emu.slash(
        "ask", {"question": "How many migrants were enrolled?"}, user=emu.member("ann")
    )
    message = await handle.answer()
    embed = message["embeds"][0]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "45 migrants" in embed["description"]
    warning = next(name for name in fields if "Anonymous sources" in name)
    assert "not been confirmed on the record" in fields[warning]
    assert (
        "New York Post" in fields["Sources"]
        and "sources familiar with the app" in fields["Sources"]
    )
    assert "as of 12 July 2024" in fields["Status"]
    assert "How many migrants were enrolled in the app?" in embed["footer"]["text"]
    assert "/100" in embed["footer"]["text"]
    ids = buttons(message)
    assert {"pb:rel:en:apprehended-7m", "pb:rel:en:apple-store"} <= set(ids)
    assert any(i.startswith("pb:fb:") and i.endswith(":y:en") for i in ids)
    assert not handle.ephemeral


async def test_named_data_source_has_no_anonymity_warning(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    handle = await emu.slash(
        "ask", {"question": "how many crossers were apprehended under biden"}, user=emu.member("b")
    )
    embed = (await handle.answer())["embeds"][0]
    assert not any("Anonymous" in f["name"] for f in embed["fields"])
    assert "cbp.gov" in next(f["value"] for f in embed["fields"] if f["name"] == "Sources")


async def test_private_flag_makes_the_answer_ephemeral(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    handle = await emu.slash(
        "ask",
        {"question": "is the ice app on the app store", "private": True},
        user=emu.member("c"),
    )
    await handle.answer()
    assert handle.ephemeral


async def test_close_question_offers_did_you_mean(emu: DiscordEmulator, bot: PolicyBot) -> None:
    handle = await emu.slash("ask", {"question": "is the app real"}, user=emu.member("d"))
    message = await handle.answer()
    assert message["embeds"][0]["title"] == "Did you mean…"
    assert {"pb:dym:en:apple-store", "pb:dym:en:enrolled-45"} <= set(buttons(message))


async def test_unknown_question_is_declined_and_queued(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine
) -> None:
    handle = await emu.slash(
        "ask", {"question": "what's the weather in Paris"}, user=emu.member("e")
    )
    message = await handle.answer()
    embed = message["embeds"][0]
    assert embed["title"] == "That is not in my knowledge base yet"
    assert "Discord test topic" in embed["fields"][0]["value"]
    queued = await engine.unanswered()
    assert [q.text for q in queued] == ["what's the weather in Paris"]
    # The one button: opting in to a message when it is answered (test_watch.py).
    assert buttons(message) == {f"pb:watch:{queued[0].id}:en": "Tell me when this is answered"}


async def test_vague_question_gets_a_plain_refusal(emu: DiscordEmulator, bot: PolicyBot) -> None:
    handle = await emu.slash("ask", {"question": "how many"}, user=emu.member("f"))
    message = await handle.answer()
    assert message["embeds"] == [] and "say a little more" in message["content"]


async def test_autocomplete_offers_matching_questions(emu: DiscordEmulator, bot: PolicyBot) -> None:
    handle = await emu.autocomplete("ask", "question", "apple sto", user=emu.member("g"))
    choices = await handle.choices()
    assert choices[0]["value"] == "Is the check-in app approved by the Apple store?"
    assert 1 <= len(choices) <= 25


async def test_sources_and_about(emu: DiscordEmulator, bot: PolicyBot) -> None:
    member = emu.member("h")
    sources = (await (await emu.slash("sources", user=member)).answer())["embeds"][0]
    about = (await (await emu.slash("about", user=member)).answer())["embeds"][0]
    by_name = {f["name"]: f["value"] for f in sources["fields"]}
    assert "New York Post: 2 entries" in by_name["Anonymous sources (1)"]
    assert "U.S. Customs and Border Protection" in by_name["Agency data (1)"]
    assert "Not legal advice" in next(f["value"] for f in about["fields"] if f["name"] == "Limits")
    assert "as of 12 July 2024" in about["footer"]["text"]
