"""The answering part of the engine: match a question (or the best part of a message, `claim`)
against the live index and build its answer, in the question's language, with the own-case
notice where it applies; answers are remembered per question text until the knowledge changes.

A base class of `Engine` (bot/core/engine.py), kept apart to keep each file short; it relies on
the live knowledge's index and answer cache (bot.core.engine_live) and on a few engine methods,
declared below for the type checker. Front ends still see one facade: these are Engine methods.
Nothing here logs a question: `Engine.ask` and `Engine.check_claim` do.

With the embedding on (semantic.py), matching a question takes tens of milliseconds (more while
its candidates' texts are not embedded yet), so `answer_off_loop` and `claim_off_loop` match in
the engine's one worker thread while the event loop serves everyone else; a remembered answer
is returned at once. Words-only matching (about 2 ms of CPU, holding the interpreter lock
throughout) stays on the loop: a thread did not shorten the loop's waits consistently
(benchmarks/README.md, "The embedding's cost").
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from bot.core.answers import (
    EMPTY_MESSAGE,
    MAX_QUESTION_CHARS,
    VAGUE_MESSAGE,
    Answer,
    answer_close,
    answer_none,
    message,
    refuse,
    too_long_message,
)
from bot.core.claims import CheckedClaim, best_claim, candidate_parts
from bot.core.language_detect import Detected, detect_language
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import clean, normalize
from bot.core.notices import notice_for
from bot.core.outlet_doubt import framed
from bot.core.own_case import detect as detect_own_case
from bot.core.routing import route
from bot.core.semantic import Meaning

T = TypeVar("T")
AnswerKey = tuple[str, str | None]  # (question as asked, its language or the preferred one)


class Answering:
    answer_cache_size: int  # 0: match every question afresh
    meaning: Meaning | None
    _matchers: dict[str, Matcher]
    _answers: OrderedDict[AnswerKey, Answer]
    # The worker thread and the event loop both use the remembered answers.
    _answers_lock: threading.Lock
    _worker: ThreadPoolExecutor | None = None  # made when first needed
    _worker_stopped = False  # set when the engine closes
    _worker_lock = threading.Lock()  # class-wide: guards only the two lines above, briefly

    if TYPE_CHECKING:

        def answer_for_entry(
            self, entry_id: str, question: str | None = None, language: str = SOURCE_LANGUAGE
        ) -> Answer | None: ...

        def detect_language(self, text: str, preferred: str | None = None) -> Detected: ...

    def answer(
        self,
        question: str,
        preferred_language: str | None = None,
        *,
        detected: Detected | None = None,
    ) -> Answer:
        """Match and build the answer, in the question's language, without logging it.
        `preferred_language`: the asker's language (e.g. their Discord locale), used only when
        the question's own language is unclear; `detected`: the question's language, when the
        caller detected it already (`detect_language`). A question about the asker's own case
        carries the notice, whatever was (or was not) found.

        Answers are remembered per question text until the knowledge changes: members ask the
        same few questions again and again (autocomplete sends the very same text), and
        matching is most of the work of answering.
        """
        key = self._answer_key(question, preferred_language, detected)
        # Taken now: if the knowledge changes while this question is matched, its answer goes
        # to the old set's memory, which is dropped, not to the new one's.
        answers = self._answers
        cached = self._remembered(answers, key)
        if cached is not None:
            return cached
        found = self._match(question, preferred_language, detected)
        answer = self._with_notice(found, found.question)
        with self._answers_lock:
            answers[key] = answer
            while len(answers) > self.answer_cache_size:
                answers.popitem(last=False)
        return answer

    async def answer_off_loop(
        self,
        question: str,
        preferred_language: str | None = None,
        *,
        detected: Detected | None = None,
    ) -> Answer:
        """`answer` for a front end on an event loop: a remembered answer at once; with the
        embedding on, a question to match is matched in the worker thread."""
        key = self._answer_key(question, preferred_language, detected)
        cached = self._remembered(self._answers, key)
        if cached is not None:
            return cached
        return await self._off_loop(
            partial(self.answer, question, preferred_language, detected=detected)
        )

    async def claim_off_loop(
        self,
        text: str,
        preferred_language: str | None = None,
        *,
        detected: Detected | None = None,
    ) -> CheckedClaim:
        """`claim` for a front end on an event loop (each part may need the embedding)."""
        return await self._off_loop(
            partial(self.claim, text, preferred_language, detected=detected)
        )

    async def _off_loop(self, work: Callable[[], T]) -> T:
        if self.meaning is None:
            return work()
        with self._worker_lock:
            if self._worker_stopped:
                return work()  # the engine is closing: no thread to hand it to
            if self._worker is None:
                # One thread: questions are matched one at a time, as on the loop, and the model
                # embeds one text at a time anyway (semantic.py).
                self._worker = ThreadPoolExecutor(1, thread_name_prefix="policybot-matching")
            # Handed over under the lock, so never to a worker being shut down.
            handed = asyncio.get_running_loop().run_in_executor(self._worker, work)
        return await handed

    def _stop_worker(self) -> None:
        """Stop the worker for good, once the questions handed to it are answered."""
        with self._worker_lock:
            self._worker_stopped = True
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.shutdown(wait=True)

    @staticmethod
    def _answer_key(
        question: str, preferred_language: str | None, detected: Detected | None
    ) -> AnswerKey:
        # Detected with a preference, a question is answered as if that language were preferred.
        return (question, detected.code if detected is not None else preferred_language)

    def _remembered(self, answers: OrderedDict[AnswerKey, Answer], key: AnswerKey) -> Answer | None:
        with self._answers_lock:
            cached = answers.get(key)
            if cached is not None:
                answers.move_to_end(key)
            return cached

    @staticmethod
    def _with_notice(answer: Answer, text: str) -> Answer:
        """The own-case notice, in the answer's language."""
        if answer.tier is Tier.REFUSED or answer.notice is not None:
            return answer
        own_case = detect_own_case(text)
        return replace(answer, notice=notice_for(answer.language)) if own_case else answer

    def _match(
        self, question: str, preferred_language: str | None, detected: Detected | None
    ) -> Answer:
        text = clean(question)
        if len(text) > MAX_QUESTION_CHARS:
            head = text[:MAX_QUESTION_CHARS]  # enough to tell the language, and bounded
            fallback = detected.code if detected is not None else preferred_language
            language = detect_language(head, fallback).code
            return refuse(
                question[:MAX_QUESTION_CHARS], too_long_message(len(text), language), language
            )
        if detected is None:
            detected = detect_language(text, preferred_language)
        if not normalize(text):
            return refuse(text, message(EMPTY_MESSAGE, detected.code), detected.code)
        routed = route(self._matchers, text, detected=detected)
        language, matcher, result = routed.language, routed.matcher, routed.result
        # Only a question with no match is checked for having any words to match at all.
        if result.tier is Tier.NONE and not matcher.query_tokens(text):
            return refuse(text, message(VAGUE_MESSAGE, language), language)
        best = result.best
        if result.tier is Tier.CONFIDENT and best is not None:
            found = self.answer_for_entry(best.entry_id, text, language)
            if found is not None:
                found = replace(found, score=best.score, unanswered_parts=result.unanswered)
                return framed(found, matcher.doubts_outlet(text, best.entry_id))
        if result.tier is Tier.CLOSE:
            return answer_close(text, result.candidates, language)
        return answer_none(text, language=language)

    def claim(
        self,
        text: str,
        preferred_language: str | None = None,
        *,
        detected: Detected | None = None,
    ) -> CheckedClaim:
        """The part of a message that matches best (each part matched once), not logged. A
        short part whose language is unclear takes the whole message's language (`detected`,
        when the caller detected it already). If any of the message is about the writer's
        own case, the answer carries the notice."""
        if detected is None:
            detected = self.detect_language(text, preferred_language)
        language, whole = detected.code, text.strip()
        best = best_claim(
            # The whole message is one of the parts: its language is known already.
            (part, self.answer(part, language, detected=detected if part == whole else None))
            for part in candidate_parts(text)
        )
        if best is None:
            refused = refuse(clean(text), message(EMPTY_MESSAGE, language), language)
            return CheckedClaim("", refused)
        return replace(best, answer=self._with_notice(best.answer, text))
