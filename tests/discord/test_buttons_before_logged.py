"""A vote or a watch pressed before its question has reached the database. Questions are
written behind their answers, so while another program holds the write lock an answer (and
its buttons) is out before the question is stored: the press waits for the question and is
recorded — never "already voted" or "no longer waiting" — or, if the question cannot be
written in time, the problem is named and nothing is counted."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.core import engine_questions
from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from bot.discord.watch_buttons import WATCHING
from testkit.emulator import DiscordEmulator

from .other_process import write_lock_held
from .test_buttons import ask, feedback_id
from .test_buttons_under_lock import ENROLLED, acknowledged_privately, votes
from .test_watch import not_known, watch_id


async def test_a_vote_and_a_watch_on_a_question_not_yet_written_are_recorded(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine, database: Path
) -> None:
    ann = emu.member("ann")
    async with write_lock_held(database):
        answer = await ask(emu, ENROLLED)  # answered at once; its question waits in the log
        unknown = await not_known(emu, ann)
        vote = await emu.click(answer, feedback_id(answer, ":y"), user=emu.member("bob"))
        watch = await emu.click(unknown, watch_id(unknown), user=ann)
        assert engine._questions.queued(int(feedback_id(answer, ":y").split(":")[2]))
        await vote.callback_body()
        await watch.callback_body()
        await asyncio.sleep(2.5)  # longer than a moderator's read waits for the log (2 s)
    assert "your feedback is recorded" in (await acknowledged_privately(vote))["content"]
    assert (await acknowledged_privately(watch))["content"] == WATCHING
    assert await votes(engine) == (1, 0)


async def test_a_vote_on_a_question_that_cannot_be_written_names_the_problem(
    emu: DiscordEmulator,
    bot: PolicyBot,
    engine: Engine,
    database: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_questions, "QUESTION_WAIT_SECONDS", 0.5)
    async with write_lock_held(database):
        answer = await ask(emu, ENROLLED)
        vote = await emu.click(answer, feedback_id(answer, ":n"), user=emu.member("bob"))
        shown = await acknowledged_privately(vote)
    assert shown["content"].startswith("Sorry, the database")
    assert "already voted" not in shown["content"]
    assert await votes(engine) == (0, 0)
    # Nothing was counted: once the question is written the same press counts.
    assert await engine._questions.flush(timeout=3.0)
    again = await emu.click(answer, feedback_id(answer, ":n"), user=emu.member("bob"))
    assert "your feedback is recorded" in (await again.answer())["content"]
    assert await votes(engine) == (0, 1)
