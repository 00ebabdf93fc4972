"""The question log, written behind the answers: answer first, record afterwards.

An answer never waits for the database: `record` gives the question its id at once (from a
block of ids reserved in advance) and queues it; a background task writes the queue in
batches, one transaction each, retrying while the database is locked or full. The queue is
bounded: when it is full the question is not logged (and gets no id, so no vote buttons), and
the loss is counted and logged, never the answer. `close` writes what is left.

What cannot be written goes to a spill file beside the database (bot.core.question_spill),
queued again at the next start: what is still queued when `close` has waited its while, and
the rows of a batch that fails `SET_ASIDE_AFTER` times with an error of its own (not the
database being locked or full), which is then written row by row so that one row the database
rejects every time does not hold up the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from bot.core import question_spill
from bot.core.background import wait_at_most
from bot.core.matcher import Tier

log = logging.getLogger("policybot.questions")

CAPACITY = 20_000
BATCH = 500
ID_BLOCK = 1_000
RETRY_SECONDS = (0.05, 0.2, 1.0, 5.0)
# Failures of one batch, with an error that is not the database being unavailable, before its
# rows are written one by one and those rejected are set aside (some 11 s of tries).
SET_ASIDE_AFTER = 6
CLOSE_SECONDS = 10.0  # how long `close` tries to write what is queued before spilling it
# After the first question of a quiet spell, wait this long for more to write with it: one
# transaction (and one trip to the database thread) per batch, not per question.
LINGER_SECONDS = 0.05


@dataclass(frozen=True)
class NewQuestion:
    id: int | None  # None: the store numbers it (no reserved id was left)
    asked_at: str
    asker: str | None
    channel: str
    text: str
    tier: Tier
    entry_id: str | None
    score: float
    picked: bool = False  # an entry opened from a button, not a question typed
    language: str = "en"  # the language it was asked in

    def as_fields(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"tier": self.tier.value}

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> NewQuestion:
        return cls(**(fields | {"tier": Tier(fields["tier"])}))


class QuestionSink(Protocol):
    async def reserve_question_ids(self, count: int) -> range:
        """`count` question ids no other writer of this database will use."""
        ...

    async def log_questions(self, batch: Sequence[NewQuestion]) -> None:
        """Insert the batch in one transaction, all or nothing; a question whose id is logged
        already is skipped (it was spilled as it was being written)."""
        ...


class QuestionLog:
    def __init__(
        self,
        sink: QuestionSink,
        *,
        capacity: int = CAPACITY,
        batch: int = BATCH,
        spill: Path | None = None,
        unavailable: tuple[type[Exception], ...] = (OSError,),
    ) -> None:
        """`spill`: the file for questions that cannot be written (None: they are counted
        and logged); `unavailable`: the errors that mean the database cannot be written at
        all for now (locked, full), retried for as long as they last."""
        self._sink = sink
        self._spill = spill
        self._unavailable = unavailable
        self._set_aside: list[NewQuestion] = []  # rejected rows, kept in the spill file
        self._spill_stale = False  # the spill file holds questions written since
        # Every question this log read from the spill file or put there: any other question
        # in it is another process's (a command run beside the bot), and stays.
        self._known: set[NewQuestion] = set()
        self.capacity = capacity
        self.batch = batch
        self._queue: deque[NewQuestion] = deque()
        self._ids: deque[range] = deque()
        self._wake = asyncio.Event()
        self._retry_now = asyncio.Event()  # a flush cuts the wait between retries short
        self._urgent = asyncio.Event()  # write now: a flush, a full batch, or ids running low
        self._drained = asyncio.Event()
        self._drained.set()
        self._batch_written = asyncio.Event()  # set (and replaced) after each batch written
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        self.dropped = 0
        self.failing: str | None = None  # why the last write failed, while it keeps failing
        self.failure: Exception | None = None  # and the error itself

    def __len__(self) -> int:
        return len(self._queue)

    async def start(self) -> None:
        """Queue the questions spilled at the last stop first, then start writing."""
        self._queue.extend(self._spilled())
        if self._queue:
            self._spill_stale = True
            self._drained.clear()
            self._wake.set()
        with contextlib.suppress(Exception):  # no ids yet: the writer keeps trying
            await self._reserve()
        self._task = asyncio.create_task(self._run(), name="question-log writer")

    def record(self, question: NewQuestion) -> int | None:
        """Queue a question; its id, or None if it could not be kept (the queue is full, or
        the log closed: nothing would write it)."""
        if self._closed:
            self.dropped += 1
            log.error("a question was answered after the question log closed: not logged")
            return None
        if len(self._queue) >= self.capacity:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 1000 == 0:
                log.warning(
                    "question log queue full (%d waiting; %s): %d questions not logged",
                    len(self._queue),
                    self.failing or "database slow",
                    self.dropped,
                )
            return None
        question_id = self._next_id()
        self._queue.append(replace(question, id=question_id))
        self._drained.clear()
        self._wake.set()
        if len(self._queue) >= self.batch or self._ids_left() < ID_BLOCK // 2:
            self._urgent.set()
        return question_id

    def _next_id(self) -> int | None:
        while self._ids:
            block = self._ids[0]
            if block:
                self._ids[0] = block[1:]
                return block[0]
            self._ids.popleft()
        return None

    def _ids_left(self) -> int:
        return sum(len(block) for block in self._ids)

    async def _reserve(self) -> None:
        self._ids.append(await self._sink.reserve_question_ids(ID_BLOCK))

    async def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued so far is written; False if that took too long."""
        self._wake.set()
        self._retry_now.set()
        self._urgent.set()
        return await wait_at_most(self._drained, timeout)

    def queued(self, question_id: int) -> bool:
        """Whether the question with this id is still waiting to be written."""
        return any(question.id == question_id for question in self._queue)

    async def written(self, question_id: int, timeout: float) -> bool:
        """Wait (at most `timeout` seconds, writing now) until the question with this id is
        in the database; False if it is still queued then. Unlike `flush`, this does not wait
        for questions queued after it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.queued(question_id):
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            self._wake.set()
            self._retry_now.set()
            self._urgent.set()
            await wait_at_most(self._batch_written, remaining)
        return True

    async def close(self, timeout: float | None = None) -> None:
        """Write what is queued (for up to `timeout`, CLOSE_SECONDS by default), then stop;
        what is still queued then goes to the spill file."""
        if self._task is None:
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (CLOSE_SECONDS if timeout is None else timeout)
        # Again while questions remain: one may be recorded as the writer empties the queue.
        while self._queue and loop.time() < deadline:
            await self.flush(deadline - loop.time())
        self._closed = True  # what is recorded from now on would never be written
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        if self._queue:
            log.error(
                "shutting down with %d questions not written to the database (%s)",
                len(self._queue),
                self.failing or "database slow",
            )
        if self._queue or self._spill_stale:
            self._save_spill()
            self._queue.clear()

    async def _run(self) -> None:
        failures = 0
        rejections = 0  # of those, failures that were not the database being unavailable
        while True:
            if not self._queue:
                if self._spill_stale:
                    self._save_spill()  # what was spilled is written now: only the rejected
                self._drained.set()
                self._wake.clear()
                await self._wake.wait()
                await wait_at_most(self._urgent, LINGER_SECONDS)  # gather a batch
                continue
            self._urgent.clear()
            if self._ids_left() < ID_BLOCK // 2:
                with contextlib.suppress(Exception):  # questions without an id still log
                    await self._reserve()
            try:
                batch = [self._queue[i] for i in range(min(self.batch, len(self._queue)))]
                await self._sink.log_questions(batch)
            except Exception as error:  # locked, full, gone: keep the queue, try again
                failures += 1
                if not isinstance(error, self._unavailable):
                    rejections += 1
                if rejections >= SET_ASIDE_AFTER:
                    await self._one_by_one(batch)
                    failures = rejections = 0
                    continue
                if self.failing is None:
                    log.warning("cannot write the question log yet, will retry: %s", error)
                self.failing, self.failure = str(error), error
                self._retry_now.clear()
                pause = RETRY_SECONDS[min(failures, len(RETRY_SECONDS)) - 1]
                await wait_at_most(self._retry_now, pause)
                continue
            for _ in batch:
                self._queue.popleft()
            self._one_written()
            if self.failing is not None:
                log.warning("question log written again after: %s", self.failing)
            failures = rejections = 0
            self.failing, self.failure = None, None

    def _one_written(self) -> None:
        written, self._batch_written = self._batch_written, asyncio.Event()
        written.set()

    async def _one_by_one(self, batch: Sequence[NewQuestion]) -> None:
        """Write a batch that keeps failing row by row, setting aside the rows the database
        rejects; stop (the rest stays queued) if it turns out to be unavailable after all."""
        rejected: list[NewQuestion] = []
        for question in batch:
            try:
                await self._sink.log_questions([question])
            except self._unavailable:
                break
            except Exception as error:
                log.error("the database rejects a question, set aside: %s", error)
                rejected.append(question)
            self._queue.popleft()
        self._one_written()
        if rejected:
            self._set_aside += rejected
            self._save_spill()

    def _spilled(self) -> list[NewQuestion]:
        """The questions in the spill file, to queue again."""
        questions = self._read_spill()
        self._known.update(questions)
        if questions:
            log.warning("%d questions not saved at the last stop: writing them now", len(questions))
        return questions

    def _read_spill(self) -> list[NewQuestion]:
        if self._spill is None:
            return []
        try:
            spilled = question_spill.load(self._spill)
        except OSError as error:
            log.error("cannot read the unsaved questions in %s: %s", self._spill, error)
            return []
        questions: list[NewQuestion] = []
        for fields in spilled:
            try:
                questions.append(NewQuestion.from_fields(fields))
            except (TypeError, ValueError, KeyError) as error:
                log.warning("%s: a line is not a question, skipped: %s", self._spill.name, error)
        return questions

    def _save_spill(self) -> None:
        """Keep the rejected rows and those still queued in the spill file, with any another
        process put there meanwhile (or count the loss)."""
        ours = [*self._set_aside, *self._queue]
        self._spill_stale = bool(self._queue)
        if self._spill is None:
            if ours:
                log.error("%d questions not logged (no file to keep them in)", len(ours))
            return
        others = [q for q in self._read_spill() if q not in self._known]
        self._known.update(ours)
        count = len(others) + len(ours)
        try:
            kept = question_spill.save(self._spill, (q.as_fields() for q in [*others, *ours]))
        except OSError as error:
            log.error("%d questions not logged: cannot write %s: %s", count, self._spill, error)
            return
        if kept < count:
            log.error("%d questions not logged: %s is full", count - kept, self._spill.name)
        if ours:
            log.warning("%d questions kept in %s, to write at the next start", kept, self._spill)
