"""Two real processes on one database file: the bot, and the command line changing the
knowledge while it runs. The database is the truth: the bot's answers follow within seconds,
an edit form shows what is stored, and a save never undoes the other process's change."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator
from testkit.emulator.state import User

from .knowledge import ENTRIES, write_knowledge
from .other_process import run_cli
from .steps import ANSWER, REASON, asked_answer, text_inputs

PARAPHRASES = "Paraphrases (one per line)"
CLI_ANSWER = (
    "The New York Post reported, citing unnamed sources, that 45 migrants were enrolled "
    "(changed from the command line)."
)


async def change_from_the_command_line(database: Path, tmp_path: Path) -> None:
    changed: list[dict[str, Any]] = [
        {**e, "answer": CLI_ANSWER} if e["id"] == "enrolled-45" else e for e in ENTRIES
    ]
    files = write_knowledge(tmp_path / "cli-files", changed)
    out = await run_cli(database, files, "kb", "import", str(files / "discord-test.toml"))
    assert "enrolled-45" in out


async def test_answers_follow_a_command_line_change_within_seconds(
    emu: DiscordEmulator, bot: PolicyBot, database: Path, tmp_path: Path
) -> None:
    assert "(changed from the command line)" not in await asked_answer(emu, "how many enrolled")
    await change_from_the_command_line(database, tmp_path)
    deadline = time.monotonic() + 8
    while "(changed from the command line)" not in await asked_answer(emu, "how many enrolled"):
        assert time.monotonic() < deadline, "the bot still serves the old text"
        await asyncio.sleep(0.25)


async def test_an_edit_after_a_command_line_change_starts_from_it_and_keeps_it(
    emu: DiscordEmulator, engine: Engine, mod: User, database: Path, tmp_path: Path
) -> None:
    await change_from_the_command_line(database, tmp_path)  # no waiting for the refresh
    opened = await emu.slash("kb edit", {"entry": "enrolled-45"}, user=mod)
    shown = text_inputs((await opened.callback_body())["data"])
    assert shown[ANSWER] == CLI_ANSWER
    submitted = await emu.fill_modal(
        opened, {PARAPHRASES: "how many got enrolled", REASON: "add a paraphrase"}, user=mod
    )
    assert "Saved" in (await submitted.answer())["content"]
    stored = await engine.stored_revision("enrolled-45")
    assert stored is not None and stored.entry is not None
    assert stored.entry.answer == CLI_ANSWER  # the command line's change survived
    assert stored.entry.paraphrases == ["how many got enrolled"]


async def test_a_form_opened_before_a_command_line_change_is_refused_on_save(
    emu: DiscordEmulator, engine: Engine, mod: User, database: Path, tmp_path: Path
) -> None:
    opened = await emu.slash("kb edit", {"entry": "enrolled-45"}, user=mod)
    await opened.callback_body()
    await change_from_the_command_line(database, tmp_path)
    submitted = await emu.fill_modal(
        opened,
        {
            ANSWER: "The New York Post reported, citing unnamed sources, that 45 migrants "
            "were enrolled (a moderator's version).",
            REASON: "reword",
        },
        user=mod,
    )
    reply = (await submitted.answer())["content"]
    assert "Not saved" in reply and "changed by someone else" in reply
    stored = await engine.stored_revision("enrolled-45")
    assert stored is not None and stored.entry is not None and stored.entry.answer == CLI_ANSWER


async def test_a_delete_checks_the_database_not_a_stale_copy(
    emu: DiscordEmulator, engine: Engine, mod: User, database: Path, knowledge_dir: Path
) -> None:
    await run_cli(database, knowledge_dir, "kb", "delete", "memo-recipients", "--reason", "gone")
    handle = await emu.slash("kb show", {"entry": "memo-recipients"}, user=mod)
    assert "No entry" in (await handle.answer())["content"]
