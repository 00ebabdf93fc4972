"""The buttons under answers: related entries, did-you-mean, helpful votes; after a restart
and after the entry behind a button was removed."""

from __future__ import annotations

import asyncio
import copy

from bot.core.engine import Engine
from bot.core.models import Entry
from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator

from .conftest import StartBot
from .test_ask import buttons

ENROLLED = "How many migrants were enrolled?"


async def ask(emu: DiscordEmulator, question: str, name: str = "ann") -> dict:
    handle = await emu.slash("ask", {"question": question}, user=emu.member(name))
    return await handle.answer()


def feedback_id(message: dict, vote: str) -> str:
    return next(
        i for i in buttons(message) if i.startswith("pb:fb:") and ":" + i.split(":")[3] == vote
    )


async def test_related_button_shows_that_entry_privately(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    answer = await ask(emu, ENROLLED)
    press = await emu.click(answer, "pb:rel:en:apprehended-7m", user=emu.member("bob"))
    shown = await press.answer()
    assert press.ephemeral
    assert "7 million" in shown["embeds"][0]["description"]
    assert any(i.startswith("pb:fb:") for i in buttons(shown))  # the shown entry takes votes


async def test_did_you_mean_button_answers_the_pick(emu: DiscordEmulator, bot: PolicyBot) -> None:
    answer = await ask(emu, "is the app real")
    press = await emu.click(answer, "pb:dym:en:apple-store", user=emu.member("bob"))
    shown = await press.answer()
    assert "Apple store" in shown["embeds"][0]["description"]


async def test_one_vote_per_member_per_answer(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine
) -> None:
    answer = await ask(emu, ENROLLED)
    bob, cat = emu.member("bob"), emu.member("cat")
    first = await (await emu.click(answer, feedback_id(answer, ":y"), user=bob)).answer()
    again = await (await emu.click(answer, feedback_id(answer, ":n"), user=bob)).answer()
    other = await (await emu.click(answer, feedback_id(answer, ":n"), user=cat)).answer()
    assert "recorded" in first["content"] and "recorded" in other["content"]
    assert "already voted" in again["content"]
    usage = {entry: (helpful, unhelpful) for entry, _, helpful, unhelpful in await engine.usage()}
    assert usage["enrolled-45"] == (1, 1)


def with_question_id(message: dict, question_id: int) -> dict:
    """The message as it would be if its vote buttons named another question (a message
    from before a restored backup, or a question lost in a crash before it was logged)."""
    copied = copy.deepcopy(message)
    for row in copied["components"]:
        for component in row["components"]:
            parts = component.get("custom_id", "").split(":")
            if parts[:2] == ["pb", "fb"]:
                component["custom_id"] = ":".join([*parts[:2], str(question_id), *parts[3:]])
    return copied


async def test_a_vote_on_an_unknown_question_says_so_and_changes_nothing(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine
) -> None:
    answered = await ask(emu, ENROLLED)
    spanish = await ask(emu, "¿Cuántos migrantes se inscribieron?")
    for message, vote, said in [
        (answered, ":y", "I don't know the question this button belongs to, so no vote"),
        (spanish, ":n", "No conozco la pregunta a la que pertenece este botón, así que"),
    ]:
        unknown = with_question_id(message, 999_999)
        press = await emu.click(unknown, feedback_id(unknown, vote), user=emu.member("bob"))
        reply = await press.answer()
        assert press.ephemeral and said in reply["content"], reply["content"]
    stats = await engine.period_stats(None)
    assert (stats.helpful, stats.unhelpful) == (0, 0)
    counted = await emu.click(answered, feedback_id(answered, ":y"), user=emu.member("bob"))
    assert "recorded" in (await counted.answer())["content"]  # bob had not voted: nothing kept


async def test_buttons_work_after_a_restart(emu: DiscordEmulator, start_bot: StartBot) -> None:
    first = await start_bot()
    answer = await ask(emu, ENROLLED)
    await first.close()
    await start_bot()
    press = await emu.click(answer, "pb:rel:en:apple-store", user=emu.member("bob"))
    assert "Apple store" in (await press.answer())["embeds"][0]["description"]


async def test_button_for_a_removed_entry_gets_a_polite_note(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine
) -> None:
    answer = await ask(emu, ENROLLED)
    enrolled = engine.entry("enrolled-45")
    assert enrolled is not None
    unlinked = Entry.model_validate(enrolled.to_file_dict() | {"related": ["apprehended-7m"]})
    await engine.save_entry(unlinked, author="mod", reason="unlink")
    await engine.delete_entry("apple-store", author="mod", reason="retracted")
    press = await emu.click(answer, "pb:rel:en:apple-store", user=emu.member("bob"))
    note = await press.answer()
    assert press.ephemeral and "since been removed" in note["content"]


async def test_answers_leave_nothing_in_discords_view_store_and_their_buttons_work(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    """Every button is a dynamic item registered at startup, so no reply's view is kept (or,
    when private, timed) per message: a thousand answers cost no memory and no timers."""
    store = bot._connection._view_store
    before = (len(store._views), len(store._synced_message_views))
    public = await ask(emu, ENROLLED)
    handle = await emu.slash("ask", {"question": ENROLLED, "private": True}, user=emu.member("dee"))
    private = await handle.answer()
    assert handle.ephemeral
    assert (len(store._views), len(store._synced_message_views)) == before
    timers = [t for t in asyncio.all_tasks() if "timeout_task_impl" in repr(t.get_coro())]
    assert timers == []  # a private reply's view is not given discord.py's 15-minute timeout
    for message, member in ((public, "bob"), (private, "dee")):
        press = await emu.click(message, "pb:rel:en:apple-store", user=emu.member(member))
        assert "Apple store" in (await press.answer())["embeds"][0]["description"]
        vote = await emu.click(message, feedback_id(message, ":y"), user=emu.member(member))
        assert "recorded" in (await vote.answer())["content"]
