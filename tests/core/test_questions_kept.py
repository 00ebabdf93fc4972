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


async def test_questions_the_database_would_not_take_at_shutdown_wait_for_the_next_start(
    tmp_path: Path, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the database's lock for the whole of the question log's bounded
    wait at shutdown: the questions go to a file beside the database, and the next start
    writes them, under the ids their answers (and vote buttons) carry."""
    monkeypatch.setattr("bot.core.question_log.CLOSE_SECONDS", 0.3)
    database = tmp_path / "db.sqlite3"
    async with Engine.open(database, knowledge_dir):
        pass  # created and seeded
    other = sqlite3.connect(database, timeout=0)
    with contextlib.closing(other):
        async with Engine.open(database, knowledge_dir) as engine:
            other.execute("BEGIN IMMEDIATE")  # held until the engine has closed
            ids = [(await engine.ask(text)).question_id for text in ("how do I renew", QUESTION)]
        other.rollback()
    assert logged(database) == []
    spill = tmp_path / "db.sqlite3.unsaved-questions.jsonl"
    assert spill.exists()
    async with Engine.open(database, knowledge_dir) as engine:
        assert await engine.write_questions_now() is None
        assert [q.text for q in await engine.unanswered()] == ["how do I renew"]
    assert [text for text, _ in logged(database)] == ["how do I renew", QUESTION]
    with contextlib.closing(sqlite3.connect(database)) as db:
        assert [i for (i,) in db.execute("SELECT id FROM questions ORDER BY id")] == ids
    assert not spill.exists()
