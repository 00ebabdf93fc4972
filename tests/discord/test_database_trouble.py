"""A slow, locked or full database: members' answers never wait for it, a moderator's change
is acknowledged at once and then either saved (and said so) or refused with the problem named,
and the questions asked meanwhile are logged once the database can take them."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bot.core.engine import Engine
from bot.core.sqlite_store import SQLiteStore
from bot.discord.client import PolicyBot
from bot.discord.errors import SORRY
from testkit.emulator import DiscordEmulator
from testkit.emulator.state import User

from .other_process import write_lock_held
from .steps import ENROLLED, NEW_ENTRY, REASON, toml_file
from .test_kb_add import SOURCE as ADD_SOURCE
from .test_kb_add import open_source, pick, write_text
from .test_kb_status import ICE


def writer_of(engine: Engine) -> SQLiteStore:
    store = engine._store  # the test reaches behind the facade to fill the disk
    assert isinstance(store, SQLiteStore)
    return store


async def disk_full(engine: Engine) -> SQLiteStore:
    """The database's file may not grow any more: the next write that needs a page fails as
    SQLITE_FULL would on a full disk (`PRAGMA max_page_count = 1073741823` frees it)."""
    store = writer_of(engine)
    async with store._db.execute("PRAGMA page_count") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    await store._db.execute(f"PRAGMA max_page_count = {row[0]}")
    return store


async def asked(engine: Engine) -> int:
    return sum(count for _, count, _, _ in await engine.usage(limit=100))


async def test_answers_do_not_wait_for_a_locked_database(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine, database: Path
) -> None:
    async with write_lock_held(database):
        handles = [
            await emu.slash("ask", {"question": ENROLLED}, user=emu.member(f"m{n}"))
            for n in range(5)
        ]
        for handle in handles:
            message = await handle.answer()
            assert "45 migrants" in message["embeds"][0]["description"]
            assert (await handle.callback_body())["type"] == 4  # answered at once, not deferred
    await asyncio.sleep(0)
    assert await asked(engine) == 5  # logged once the lock was gone


async def test_reads_do_not_queue_behind_a_write_waiting_for_the_lock(
    emu: DiscordEmulator, mod: User, database: Path
) -> None:
    async with write_lock_held(database):
        # The question log's writer now waits for the lock (up to SQLite's 5 s busy timeout).
        await (await emu.slash("ask", {"question": ENROLLED}, user=emu.member("ann"))).answer()
        await asyncio.sleep(0.2)
        started = time.monotonic()
        handle = await emu.slash("kb history", {"entry": "enrolled-45"}, user=mod)
        reply = await handle.answer()
        waited = time.monotonic() - started
    assert "#1" in reply["content"] or "revision" in reply["content"].lower()
    assert waited < 2.5  # a read behind the waiting write would take the whole 5 s


async def test_a_change_that_waits_on_a_lock_is_acknowledged_and_reported_saved(
    emu: DiscordEmulator, mod: User, database: Path
) -> None:
    async with write_lock_held(database):
        handle = await emu.slash(
            "kb delete", {"entry": "memo-recipients", "reason": "gone"}, user=mod
        )
        await asyncio.sleep(3.5)  # past Discord's 3 s: only a deferred interaction survives
    reply = await handle.answer()
    assert (await handle.callback_body())["type"] == 5
    assert "deleted (revision 2)" in reply["content"]
    # The emulator fixture fails the test if the callback came after Discord's deadline.


async def test_form_saves_that_wait_on_a_lock_are_acknowledged_and_reported_saved(
    emu: DiscordEmulator, engine: Engine, mod: User, database: Path
) -> None:
    """The /kb add and /kb source add forms save on submit: acknowledged before the save, so
    a save held up past Discord's 3 s by another program's lock still reports itself saved."""
    _, step = await write_text(emu, mod)
    await pick(emu, step, mod, status="public_record", kind="agency_data")
    add_form = await open_source(emu, step, mod)
    source_form = await emu.slash(
        "kb source add", {"entry": "apprehended-7m", "kind": "official_record"}, user=mod
    )
    async with write_lock_held(database):
        added = await emu.fill_modal(add_form, ADD_SOURCE, user=mod)
        sourced = await emu.fill_modal(source_form, ICE | {REASON: "a second source"}, user=mod)
        await asyncio.sleep(3.5)  # past Discord's 3 s: only a deferred interaction survives
    for handle in (added, sourced):
        assert (await handle.callback_body())["type"] == 5
    assert "Added `app-languages` (revision 1)" in (await added.answer())["content"]
    assert "revision 2" in (await sourced.answer())["content"]
    assert await engine.latest_revision("app-languages") == 1
    assert await engine.latest_revision("apprehended-7m") == 2


async def test_removing_a_source_while_the_lock_is_held_is_acknowledged_then_saved(
    emu: DiscordEmulator, engine: Engine, mod: User, database: Path
) -> None:
    form = await emu.slash(
        "kb source add", {"entry": "apprehended-7m", "kind": "official_record"}, user=mod
    )
    await (await emu.fill_modal(form, ICE | {REASON: "a second source"}, user=mod)).answer()
    async with write_lock_held(database):
        handle = await emu.slash(
            "kb source remove",
            {"entry": "apprehended-7m", "source": 1, "reason": "superseded"},
            user=mod,
        )
        await asyncio.sleep(3.5)
    assert (await handle.callback_body())["type"] == 5
    assert "Removed source 1" in (await handle.answer())["content"]
    assert await engine.latest_revision("apprehended-7m") == 3


async def test_an_added_entry_while_the_lock_stays_held_names_the_problem_and_keeps_the_draft(
    emu: DiscordEmulator, engine: Engine, mod: User, database: Path
) -> None:
    _, step = await write_text(emu, mod)
    await pick(emu, step, mod, status="public_record", kind="agency_data")
    add_form = await open_source(emu, step, mod)
    async with write_lock_held(database):
        reply = await (await emu.fill_modal(add_form, ADD_SOURCE, user=mod)).answer()
    assert (
        reply["content"].startswith("Not saved") and "locked by another program" in reply["content"]
    )
    assert "draft — not saved" in reply["content"]  # the draft and its controls stay
    assert await engine.latest_revision("app-languages") == 0


async def test_a_change_while_the_lock_stays_held_names_the_problem(
    emu: DiscordEmulator, engine: Engine, mod: User, database: Path
) -> None:
    async with write_lock_held(database):
        handle = await emu.slash(
            "kb delete", {"entry": "memo-recipients", "reason": "gone"}, user=mod
        )
        reply = await handle.answer()
    assert (
        reply["content"].startswith("Not changed")
        and "locked by another program" in reply["content"]
    )
    assert await engine.latest_revision("memo-recipients") == 1


async def logged_questions(store: SQLiteStore) -> int:
    async with store._reader.execute("SELECT COUNT(*) FROM questions") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def test_a_full_disk_still_answers_and_names_the_problem_to_moderators(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    store = await disk_full(engine)
    long_question = ENROLLED + " Please tell me." * 28  # ~480 characters: pages fill quickly
    for n in range(30):
        handle = await emu.slash("ask", {"question": long_question}, user=emu.member(f"f{n}"))
        message = await handle.answer()
        assert message.get("content") != SORRY and message["embeds"]
    assert not await engine_log_caught_up(engine)  # the log could not be written
    detail = NEW_ENTRY["answer"] + " More detail." * 250
    big = [{**NEW_ENTRY, "id": f"spanish-app-{n}", "answer": detail} for n in range(8)]
    upload = emu.attachment("extra.toml", toml_file("Extra", big))
    reply = await (await emu.slash("kb import", {"file": upload}, user=mod)).answer()
    assert reply["content"].startswith("Not changed") and "is full" in reply["content"]
    assert await engine.latest_revision("spanish-app-0") == 0
    await store._db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    assert await engine_log_caught_up(engine)
    assert await logged_questions(store) == 30  # nothing lost


async def engine_log_caught_up(engine: Engine) -> bool:
    return await engine._questions.flush(timeout=3.0)
