"""The operators' promise for the question log: no member's question is lost. A question whose
asker stops waiting (a Discord interaction timing out, Ctrl-C in the console) is still logged,
once."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path

import pytest

from bot.core.engine import Engine

from .test_off_loop import HELD_AT_MOST, QUESTION, Slow

pytest.importorskip("numpy")  # the stand-in model is handed questions in the worker thread


def logged(database: Path) -> list[tuple[str, str]]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return db.execute("SELECT text, channel FROM questions ORDER BY id").fetchall()


@pytest.mark.parametrize("how", ["ask", "check_claim"])
async def test_a_question_whose_asker_stopped_waiting_is_logged_once(
    tmp_path: Path, knowledge_dir: Path, how: str
) -> None:
    slow = Slow()
    database = tmp_path / "db.sqlite3"
    async with Engine.open(database, knowledge_dir, meaning=slow) as engine:
        asking = asyncio.create_task(getattr(engine, how)(QUESTION, channel="test"))
        await asyncio.to_thread(slow.embedding.wait, HELD_AT_MOST)
        asking.cancel()  # the asker gives up while the question is being matched
        with pytest.raises(asyncio.CancelledError):
            await asking
        assert engine.unsaved_questions() == 1  # being answered still: closing waits for it
        slow.release.set()
    assert logged(database) == [(QUESTION, "test")]
