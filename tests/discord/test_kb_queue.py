"""`/kb queue` grouped by similarity, with counts and last asked, and "Add entry" from a group
opening the /kb add form prefilled; the button refuses non-moderators."""

from __future__ import annotations

from bot.core.engine import Engine
from testkit.emulator import DiscordEmulator
from testkit.emulator.state import User

from .test_ask import buttons
from .test_kb import REFUSED, ask, kb, text_inputs


async def test_queue_groups_similar_questions_and_a_group_opens_kb_add(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    for text in [
        "will the app be offered in Spanish",
        "what's the weather in Paris",
        "Will the app be offered in spanish??",
        "will the app be offered in spanish",
    ]:
        await ask(emu, text)
    queue = await kb(emu, "queue", mod)
    lead = (await engine.unanswered_groups())[0].lead
    lines = queue["content"].splitlines()
    assert lines[1].startswith(f"`{lead.id}` ×3 · last ")
    assert "will the app be offered in spanish" in lines[1]
    assert "weather in Paris" in lines[2] and "×1" in lines[2]
    assert next(iter(buttons(queue))) == f"pb:kbq:add:{lead.id}"
    opened = await emu.click(queue, f"pb:kbq:add:{lead.id}", user=mod)
    form = text_inputs((await opened.callback_body())["data"])
    assert form["Question"] == "will the app be offered in spanish"
    assert form["Other wordings (one per line)"] == "Will the app be offered in spanish??"
    assert form["Id (lower-case words with hyphens)"] == ""


async def test_the_add_entry_button_refuses_a_non_moderator(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    await ask(emu, "will the app be offered in Spanish")
    queue = await kb(emu, "queue", mod)
    (custom_id,) = [i for i in buttons(queue) if i.startswith("pb:kbq:add:")]
    forged = await emu.click(queue, custom_id, user=emu.member("oli"))
    assert REFUSED in (await forged.answer())["content"]


async def test_stats_over_a_chosen_period(emu: DiscordEmulator, engine: Engine, mod: User) -> None:
    await ask(emu, "How many migrants were enrolled?")
    await ask(emu, "what's the weather in Paris")
    week = (await kb(emu, "stats", mod, days=7))["content"]
    assert "Over the last 7 days:" in week
    assert "2 questions; 1 answered, 1 unanswered (50%" in week
    assert "No helpful/not helpful votes." in week
    assert "`enrolled-45` 1 · 0 · 0" in week
    ever = (await kb(emu, "stats", mod))["content"]
    assert "Over all time:" in ever and "By language" not in ever  # one language so far
    await ask(emu, "¿Cuántos migrantes se inscribieron en la aplicación?")
    split = (await kb(emu, "stats", mod, days=7))["content"]
    assert "By language (asked · answered · 👍 · 👎):" in split
    assert "`en` 2 · 1 (50%) · 0 · 0" in split and "`es` 1 · " in split
    refused = await emu.slash("kb stats", {"days": 7}, user=emu.member("oli"), forged=True)
    assert REFUSED in (await refused.answer())["content"]
