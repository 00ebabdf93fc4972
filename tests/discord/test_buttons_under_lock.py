"""Members' buttons that write — a helpful/unhelpful vote, "Tell me when this is answered" and
its *Withdraw* — pressed while another program holds the database's write lock: acknowledged
at once (privately), then recorded once the lock goes, or the lock named if it outlasts
SQLite's busy timeout. Never "This interaction failed"."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from bot.discord.watch_buttons import ALREADY_WATCHING, NOT_WATCHING, WATCHING, WITHDRAWN
from testkit.emulator import DiscordEmulator
from testkit.emulator.interactions import CALLBACK_DEFER, InteractionHandle

from .other_process import write_lock_held
from .test_ask import buttons
from .test_buttons import ask, feedback_id
from .test_watch import not_known, press, watch_id

ENROLLED = "How many migrants were enrolled?"
LOCKED = "locked by another program"
ES_ENROLLED = "¿Cuántos migrantes se inscribieron en la aplicación?"


async def logged(engine: Engine) -> None:
    """The question behind the buttons is in the database before the lock is taken."""
    assert await engine._questions.flush(timeout=3.0)


async def votes(engine: Engine) -> tuple[int, int]:
    usage = {entry: (yes, no) for entry, _, yes, no in await engine.usage(limit=100)}
    return usage.get("enrolled-45", (0, 0))


async def acknowledged_privately(handle: InteractionHandle) -> dict[str, Any]:
    """The press was deferred (Discord's 3 s deadline is checked by the emulator fixture),
    and what it finally shows only the member sees."""
    assert (await handle.callback_body())["type"] == CALLBACK_DEFER
    shown = await handle.answer()
    assert handle.ephemeral
    return shown


async def test_a_vote_while_the_lock_is_held_is_acknowledged_then_recorded(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine, database: Path
) -> None:
    answer = await ask(emu, ENROLLED)
    await logged(engine)
    async with write_lock_held(database):
        handle = await emu.click(answer, feedback_id(answer, ":y"), user=emu.member("bob"))
        await asyncio.sleep(3.5)  # past Discord's 3 s: only a deferred interaction survives
    shown = await acknowledged_privately(handle)
    assert "your feedback is recorded" in shown["content"]
    assert await votes(engine) == (1, 0)


async def test_watch_and_withdraw_while_the_lock_is_held_are_acknowledged_then_recorded(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine, database: Path
) -> None:
    ann = emu.member("ann")
    reply = await not_known(emu, ann)
    await logged(engine)
    async with write_lock_held(database):
        watched = await emu.click(reply, watch_id(reply), user=ann)
        await asyncio.sleep(3.5)
    confirmed = await acknowledged_privately(watched)
    assert confirmed["content"] == WATCHING
    again = await press(emu, reply, watch_id(reply), ann)
    assert again["content"] == ALREADY_WATCHING  # the watch was written
    withdraw = next(i for i in buttons(confirmed) if i.startswith("pb:unwatch:"))
    async with write_lock_held(database):
        withdrawn = await emu.click(confirmed, withdraw, user=ann)
        await asyncio.sleep(3.5)
    assert (await acknowledged_privately(withdrawn))["content"] == WITHDRAWN
    assert (await press(emu, confirmed, withdraw, ann))["content"] == NOT_WATCHING


async def test_a_vote_and_a_watch_while_the_lock_stays_held_name_the_problem(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine, database: Path
) -> None:
    answer = await ask(emu, ENROLLED)
    spanish = await ask(emu, ES_ENROLLED, name="ana")
    ann = emu.member("ann")
    unknown = await not_known(emu, ann)
    await logged(engine)
    async with write_lock_held(database):
        vote = await emu.click(answer, feedback_id(answer, ":n"), user=emu.member("bob"))
        watch = await emu.click(unknown, watch_id(unknown), user=ann)
        # A Spanish answer's button: the problem is named in the answer's language.
        voto = await emu.click(spanish, feedback_id(spanish, ":y"), user=emu.member("bea"))
        shown = [await acknowledged_privately(handle) for handle in (vote, watch, voto)]
    for message in shown[:2]:
        assert message["content"].startswith("Sorry, the database") and LOCKED in message["content"]
        assert not message.get("components")  # no Withdraw for a watch that was not written
    assert shown[2]["content"].startswith("Lo siento: la base de datos")
    assert "está bloqueada por otro programa" in shown[2]["content"]
    assert await votes(engine) == (0, 0)
    # Nothing was written: once the lock is gone the same presses count as new.
    assert (await press(emu, unknown, watch_id(unknown), ann))["content"] == WATCHING
