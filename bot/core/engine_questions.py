"""The engine's record of the questions asked: each answer's question goes to the question log
(bot.core.question_log), written behind the answer, and is counted from its matching to its
record so that closing waits for it; a caller that stops waiting does not stop the record.

A base class of `Engine` (bot/core/engine.py), beside engine_answering, engine_writes and
engine_curation; it owns the question log and the count of questions being answered, made by
`_start_records`. Front ends still see one facade: these are Engine methods.
"""

from __future__ import annotations

import copy
from collections.abc import Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from bot.core.answers import Answer
from bot.core.background import InFlight
from bot.core.i18n import N_, Marked
from bot.core.matcher import Tier
from bot.core.question_log import NewQuestion, QuestionLog
from bot.core.semantic import Meaning
from bot.core.store import DatabaseBusy, DatabaseFull, Store, StoreError, utc_now

T = TypeVar("T")

# How long a moderator's view of the question log may wait for questions still being written.
LOG_FLUSH_SECONDS = 2.0
# How long a button press waits for its question to be written: longer than SQLite's busy
# timeout (5 s), so a write held up by another program's lock gets one full try. Closing waits
# as long for the questions being answered.
QUESTION_WAIT_SECONDS = 6.0
NOT_RECORDED_YET = N_(
    "the database is slow: the answer is not recorded yet, so nothing was changed — try again "
    "in a moment"
)
# Why the questions asked are not in the database yet (`write_questions_now`).
DISK_FULL = N_("the disk holding the database is full")
LOCK_HELD = N_("another program holds the database's lock")
SLOW = N_("the database is slow")


class QuestionRecords:
    meaning: Meaning | None
    _questions: QuestionLog
    _answering: InFlight  # questions being answered, not recorded yet

    def _start_records(self, store: Store, spill: Path | None) -> None:
        """`spill`: where questions the database will not take are kept (question_log.py)."""
        self._questions = QuestionLog(store, spill=spill, unavailable=(StoreError, OSError))
        self._answering = InFlight()

    async def _close_records(self) -> None:
        """Once the questions being answered are recorded (a few seconds at most), write the
        question log and stop it."""
        try:
            await self._answering.none_left(QUESTION_WAIT_SECONDS)
        finally:
            await self._questions.close()

    def unsaved_questions(self) -> int:
        """Questions asked that are not in the database yet: being answered, or answered and
        waiting for the question log to write them."""
        return self._answering.count + len(self._questions)

    async def write_questions_now(self) -> str | None:
        """Write the questions asked so far, waiting a few seconds at most: None once they are
        all in the database, else why not yet (locked, full: the log keeps them, keeps trying),
        in English that a front end can say in its reader's language (`said`)."""
        if await self._questions.flush(QUESTION_WAIT_SECONDS):
            return None
        failure = self._questions.failure
        if isinstance(failure, DatabaseFull):
            return Marked(DISK_FULL)
        if isinstance(failure, DatabaseBusy):
            return Marked(LOCK_HELD)
        return str(failure) if failure else Marked(SLOW)

    async def _recorded_anyway(self, asked: Coroutine[Any, Any, T]) -> T:
        """Answer and log a question (`asked`), counted until it is logged, so that closing
        waits for it; if the caller is cancelled meanwhile, it is answered and logged all the
        same. Words-only, answering never leaves the event loop, so nothing can come between
        an answer and its record: no task is needed (the answer is ready in one step)."""
        if self.meaning is None:
            with self._answering.one():
                return await asked
        return await self._answering.carried(asked)

    async def _logged(
        self, answer: Answer, asker: str | None, channel: str, *, picked: bool = False
    ) -> Answer:
        """The answer with the id it will be logged under (None if the log is full, so it takes
        no vote); a refused question is not logged. Never waits for the database."""
        if answer.tier is Tier.REFUSED:
            return answer
        question_id = self._questions.record(
            NewQuestion(
                id=None,
                asked_at=utc_now(),
                asker=asker,
                channel=channel,
                text=answer.question,
                tier=answer.tier,
                entry_id=answer.entry_id,
                score=answer.score,
                picked=picked,
                language=answer.language,
            )
        )
        return replace(answer, question_id=question_id)

    async def _questions_written(self) -> None:
        """Let the question log catch up (briefly) before reading or changing logged questions."""
        await self._questions.flush(LOG_FLUSH_SECONDS)

    async def _question_written(self, question_id: int) -> None:
        """Wait until a question a button refers to is in the database (it is written behind
        its answer, so a quick press can come first); if it cannot be written, say why."""
        if await self._questions.written(question_id, QUESTION_WAIT_SECONDS):
            return
        failure = self._questions.failure
        if isinstance(failure, StoreError):  # locked, full: the same words, a fresh error
            raise copy.copy(failure)
        raise DatabaseBusy(NOT_RECORDED_YET)
