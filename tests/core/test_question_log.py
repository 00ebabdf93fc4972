"""The write-behind question log: ids at once, writes later in batches, retried while the
database fails, bounded, and flushed on close."""

from __future__ import annotations

import asyncio
import copy
import itertools
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.matcher import Tier
from bot.core.question_log import ID_BLOCK, NewQuestion, QuestionLog


class FakeSink:
    def __init__(self) -> None:
        self.written: list[NewQuestion] = []
        self.batches: list[int] = []
        self.failing: Exception | None = None
        self.pausing = False
        self.gate = asyncio.Event()
        self.gate.set()
        self._next = itertools.count(1, ID_BLOCK)

    async def reserve_question_ids(self, count: int) -> range:
        if self.failing:
            raise self.failing
        start = next(self._next)
        return range(start, start + count)

    async def log_questions(self, batch: Sequence[NewQuestion]) -> None:
        await self.gate.wait()
        if self.failing:
            raise self.failing
        self.written.extend(batch)
        self.batches.append(len(batch))


def question(n: int) -> NewQuestion:
    return NewQuestion(
        None, "2026-01-01T00:00:00+00:00", "ann", "test", f"q{n}", Tier.NONE, None, 0
    )


async def test_ids_come_at_once_and_writes_come_later_in_batches() -> None:
    sink = FakeSink()
    sink.gate.clear()  # the database is slow
    questions = QuestionLog(sink, batch=100)
    await questions.start()
    ids = [questions.record(question(n)) for n in range(250)]
    assert ids == list(range(1, 251)) and sink.written == []
    sink.gate.set()
    assert await questions.flush()
    assert [q.id for q in sink.written] == ids
    assert max(sink.batches) <= 100 and len(sink.batches) < 250
    await questions.close()


async def test_a_failing_database_loses_nothing_once_it_recovers() -> None:
    sink = FakeSink()
    questions = QuestionLog(sink)
    await questions.start()
    sink.failing = RuntimeError("database is locked")
    ids = [questions.record(question(n)) for n in range(10)]
    assert None not in ids
    assert not await questions.flush(timeout=0.3)
    assert questions.failing == "database is locked"
    sink.failing = None
    assert await questions.flush()
    assert [q.id for q in sink.written] == ids and questions.failing is None
    await questions.close()


async def test_a_full_queue_drops_the_log_row_not_the_answer() -> None:
    sink = FakeSink()
    sink.gate.clear()
    questions = QuestionLog(sink, capacity=5)
    await questions.start()
    ids = [questions.record(question(n)) for n in range(8)]
    assert ids[5:] == [None, None, None] and questions.dropped == 3
    sink.gate.set()
    await questions.close()
    assert len(sink.written) == 5


async def test_close_writes_what_is_queued() -> None:
    sink = FakeSink()
    questions = QuestionLog(sink)
    await questions.start()
    for n in range(3 * ID_BLOCK):  # more than one block of ids
        questions.record(question(n))
        if n % 100 == 0:
            await asyncio.sleep(0)  # the writer reserves the next block while ids are left
    await questions.close()
    ids = [q.id for q in sink.written]
    assert len(ids) == 3 * ID_BLOCK and len(set(ids)) == len(ids) and None not in ids


async def test_without_reserved_ids_questions_are_still_logged() -> None:
    sink = FakeSink()
    sink.failing = RuntimeError("database or disk is full")
    questions = QuestionLog(sink)
    await questions.start()
    assert questions.record(question(1)) is None  # no id: answered without vote buttons
    sink.failing = None
    await questions.close()
    assert [q.text for q in sink.written] == ["q1"] and sink.written[0].id is None


async def test_questions_asked_just_before_shutdown_are_written(tmp_path: Path) -> None:
    from bot.core.engine import Engine
    from bot.core.sqlite_store import SQLiteStore

    from .conftest import ENTRIES, write_knowledge

    knowledge = tmp_path / "knowledge"
    write_knowledge(knowledge, copy.deepcopy(ENTRIES))
    database = tmp_path / "db.sqlite3"
    async with Engine.open(database, knowledge) as engine:
        ids = [(await engine.ask(f"question {n} about the app")).question_id for n in range(50)]
    async with await SQLiteStore.open(database) as store:
        logged = [await store.question(i) for i in ids if i is not None]
    assert len(logged) == 50 and all(q is not None for q in logged)


async def test_waiting_for_one_question_does_not_wait_for_those_after_it() -> None:
    """A button press waits for its own question, not for the whole queue to drain."""

    class OneBatchAtATime(FakeSink):
        async def log_questions(self, batch: Sequence[NewQuestion]) -> None:
            await super().log_questions(batch)
            if self.pausing:
                self.gate.clear()  # slow again after each batch

    sink = OneBatchAtATime()
    sink.pausing = True
    sink.gate.clear()
    questions = QuestionLog(sink, batch=10)
    await questions.start()
    first = questions.record(question(0))
    assert first is not None and questions.queued(first)
    assert not await questions.written(first, 0.1)  # the database is slow: not yet
    later = [questions.record(question(n)) for n in range(1, 50)]
    sink.gate.set()
    assert await questions.written(first, 3.0)
    assert not questions.queued(first) and [q.id for q in sink.written] == [first]
    assert all(n is not None and questions.queued(n) for n in later)
    sink.pausing = False
    sink.gate.set()
    await questions.close()
    assert len(sink.written) == 50


async def test_a_question_that_cannot_be_written_says_why() -> None:
    sink = FakeSink()
    questions = QuestionLog(sink)
    await questions.start()
    sink.failing = OSError("disk full")
    waiting = questions.record(question(0))
    assert waiting is not None
    assert not await questions.written(waiting, 0.3)
    assert isinstance(questions.failure, OSError) and questions.failing == "disk full"
    sink.failing = None
    assert await questions.written(waiting, 3.0)
    assert questions.failure is None
    await questions.close()


async def test_a_question_recorded_after_close_gets_no_id_and_is_reported(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sink = FakeSink()
    questions = QuestionLog(sink)
    await questions.start()
    await questions.close()
    assert questions.record(question(1)) is None  # no id: no vote buttons for a lost record
    assert questions.dropped == 1 and "after the question log closed" in caplog.text


async def test_a_question_recorded_while_close_writes_the_last_batch_is_written_too() -> None:
    """Between the writer emptying the queue and `close` noticing, another task may record a
    question (it gets an id, so vote buttons): close writes it too, not just the batch before."""
    sink = FakeSink()
    questions = QuestionLog(sink)
    await questions.start()
    first = questions.record(question(1))
    late: list[int | None] = []
    write = sink.log_questions

    async def log_then_answer_another(batch: Sequence[NewQuestion]) -> None:
        await write(batch)
        if not late:  # runs before close hears the queue is empty
            asyncio.get_running_loop().call_soon(lambda: late.append(questions.record(question(2))))

    sink.log_questions = log_then_answer_another  # type: ignore[method-assign]
    await questions.close()
    assert late and late[0] is not None
    assert [q.id for q in sink.written] == [first, late[0]]


class RejectsOne(FakeSink):
    """A database that rejects one row every time (as a constraint would), whatever else is
    in its batch; an error of the row's own, not a locked or full database."""

    async def log_questions(self, batch: Sequence[NewQuestion]) -> None:
        if any(q.text == "bad" for q in batch):
            raise ValueError("the database rejects this row")
        await super().log_questions(batch)


async def test_questions_not_written_by_shutdown_are_kept_for_the_next_start(
    tmp_path: Path,
) -> None:
    spill = tmp_path / "db.sqlite3.unsaved-questions.jsonl"
    sink = FakeSink()
    questions = QuestionLog(sink, spill=spill)
    await questions.start()
    sink.failing = OSError("database or disk is full")  # for the whole of close's wait
    ids = [questions.record(question(n)) for n in range(3)]
    await questions.close(timeout=0.3)
    assert sink.written == [] and spill.exists()

    sink.failing = None  # the next start, with room on the disk again
    again = QuestionLog(sink, spill=spill)
    await again.start()
    assert await again.flush(timeout=3.0)
    assert [(q.id, q.text) for q in sink.written] == [(i, f"q{n}") for n, i in enumerate(ids)]
    assert not spill.exists()  # written: nothing left to keep
    await again.close()


async def test_without_room_for_the_spill_file_the_loss_is_counted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sink = FakeSink()
    questions = QuestionLog(sink, spill=tmp_path / "no such folder" / "spill.jsonl")
    await questions.start()
    sink.failing = OSError("database or disk is full")
    for n in range(3):
        questions.record(question(n))
    await questions.close(timeout=0.2)
    assert "3 questions not logged" in caplog.text


async def test_a_row_the_database_always_rejects_is_set_aside_and_the_rest_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.core.question_log.RETRY_SECONDS", (0.01,))
    spill = tmp_path / "spill.jsonl"
    sink = RejectsOne()
    questions = QuestionLog(sink, spill=spill)
    await questions.start()
    bad = questions.record(replace(question(0), text="bad"))
    good = [questions.record(question(n)) for n in range(1, 5)]
    assert await questions.flush(timeout=3.0)  # not held up for ever by the bad row
    assert [q.id for q in sink.written] == good
    later = questions.record(question(5))
    assert await questions.flush(timeout=3.0)
    assert sink.written[-1].id == later
    await questions.close()
    kept = QuestionLog(FakeSink(), spill=spill)  # set aside, in the spill file
    await kept.start()
    assert [q.id for q in kept._queue] == [bad]
    await kept.close()


async def test_a_locked_or_full_database_is_waited_for_not_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.core.question_log.RETRY_SECONDS", (0.01,))
    sink = FakeSink()
    questions = QuestionLog(sink, spill=tmp_path / "spill.jsonl")
    await questions.start()
    sink.failing = OSError("database or disk is full")
    ids = [questions.record(question(n)) for n in range(3)]
    assert not await questions.flush(timeout=0.5)  # many more tries than SET_ASIDE_AFTER
    sink.failing = None
    assert await questions.flush(timeout=3.0)
    assert [q.id for q in sink.written] == ids
    await questions.close()
    assert not (tmp_path / "spill.jsonl").exists()


async def test_the_spill_file_keeps_what_another_process_put_there(tmp_path: Path) -> None:
    """A command run beside the bot stops with questions it could not write: the bot, having
    written the ones it read at its start, leaves that command's in the file."""
    spill = tmp_path / "spill.jsonl"
    stopped = FakeSink()
    stopped.failing = OSError("database or disk is full")
    before = QuestionLog(stopped, spill=spill)
    await before.start()
    before.record(question(1))
    await before.close(timeout=0.1)  # the last run's question, kept

    sink = FakeSink()
    sink.gate.clear()  # the bot's database is slow for a while
    bot = QuestionLog(sink, spill=spill)
    await bot.start()
    command = QuestionLog(stopped, spill=spill)  # started meanwhile, on the full disk
    await command.start()
    ours = command.record(question(2))
    await command.close(timeout=0.1)
    sink.gate.set()
    assert await bot.flush(timeout=3.0)
    assert [q.text for q in sink.written] == ["q1"]
    kept = QuestionLog(FakeSink(), spill=spill)
    await kept.start()
    assert [q.id for q in kept._queue] == [ours]
    await kept.close()
