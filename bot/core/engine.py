"""The engine every front end talks to: ask, browse and curate the knowledge base.

It owns the store and an index built from the store's current entries; front ends (Discord,
the command line, the console) use only its methods, never the store, the knowledge set or the
matcher behind them. Writes are serialised and validated as a whole knowledge set before they
are committed; the index is rebuilt after.

The database is the truth: another process (the command line, a second bot) may change it at
any time. `refresh` (bot.core.engine_live) picks such changes up; it runs before every change
made here and every `REFRESH_SECONDS` in the background, so answers follow within seconds.
Questions are logged behind the answers (bot.core.engine_questions, bot.core.question_log): an
answer never waits for the database.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from bot.core import question_spill
from bot.core.answers import (
    WHERE_THINGS_STAND,
    Answer,
    Suggestion,
    answer_entry,
    suggestion,
)
from bot.core.backends import database_file, open_store
from bot.core.background import running, to_the_end
from bot.core.claims import CheckedClaim
from bot.core.engine_answering import Answering
from bot.core.engine_curation import Curation
from bot.core.engine_questions import QuestionRecords
from bot.core.engine_writes import Writes
from bot.core.events import ModerationEvent
from bot.core.index_cache import IndexCache
from bot.core.knowledge import (
    KnowledgeSet,
    load_directory,
    render_set,
    write_directory,
)
from bot.core.language_detect import Detected, detect_language
from bot.core.languages import SOURCE_LANGUAGE, topic_title
from bot.core.matcher import Thresholds
from bot.core.models import Entry, SourceKind
from bot.core.normalize import clean
from bot.core.semantic import Meaning, RememberingMeaning
from bot.core.store import (
    KnowledgeMark,
    LoggedQuestion,
    Revision,
    Store,
    Upsert,
    Vote,
)

ANSWER_CACHE_SIZE = 4096  # question texts whose answers are remembered
REFRESH_SECONDS = 2.0
WARM_UP_TEXT = "is the check-in app real?"


@dataclass(frozen=True)
class SourceSummary:
    publisher: str
    kind: SourceKind
    entries: int


@dataclass(frozen=True)
class Topic:
    key: str  # the topic file's stem: stable, usable in addresses
    title: str
    entries: tuple[Entry, ...]


class Engine(Writes, Answering, Curation, QuestionRecords):
    """Asking and browsing here; the live knowledge and its refresh (engine_live), the
    moderator write path (engine_writes), matching and building answers (engine_answering),
    curation (engine_curation) and the record of the questions asked (engine_questions) in its
    base classes."""

    def __init__(
        self,
        store: Store,
        knowledge: KnowledgeSet,
        thresholds: Thresholds,
        mark: KnowledgeMark | None = None,
        meaning: Meaning | None = None,
        *,
        spill: Path | None = None,
        index_cache: IndexCache | None = None,
    ) -> None:
        """`spill`: where questions the database will not take are kept (question_log.py);
        `index_cache`: where built indexes are kept between runs (index_cache.py)."""
        self.answer_cache_size = ANSWER_CACHE_SIZE  # 0: match every question afresh
        self._start_records(store, spill)
        self._moderation_listeners: list[Callable[[ModerationEvent], None]] = []
        super().__init__(store, knowledge, thresholds, mark, meaning, index_cache)

    @classmethod
    @asynccontextmanager
    async def open(
        cls,
        database: str | Path,
        knowledge_dir: Path,
        thresholds: Thresholds | None = None,
        *,
        refresh_seconds: float = REFRESH_SECONDS,
        meaning: RememberingMeaning | None = None,
    ) -> AsyncIterator[Engine]:
        """Open the database (a path or URL), seeding it from `knowledge_dir` when it is new.
        `meaning`: the embedding's second opinion (semantic.py); its memory of the entries'
        questions is filled in the background while the engine is open."""
        store = await open_store(database)
        try:
            if await store.is_empty():
                seed = load_directory(knowledge_dir)
                await store.apply(
                    [Upsert(p.entry, p.file, p.position) for p in seed.ordered()],
                    author="seed",
                    reason=f"seeded from {knowledge_dir.name}/",
                    topics=seed.topics,
                    announced=True,  # nothing to tell moderators
                )
            mark = await store.knowledge_mark()  # before reading: a change after it shows
            file = database_file(database)
            on_disk = str(file) != ":memory:"
            spill = question_spill.beside(file) if on_disk else None
            indexes = IndexCache.beside(file) if on_disk else None
            engine = cls(
                store,
                await store.current(),
                thresholds or Thresholds(),
                mark,
                meaning,
                spill=spill,
                index_cache=indexes,
            )
            # Word lists load on first use (seconds on a busy machine): load them now, not
            # on the event loop while the first member's question waits.
            await asyncio.to_thread(engine.language_of, WARM_UP_TEXT)
            await engine._questions.start()
            warming = None
            if meaning is not None:
                warming = threading.Thread(
                    target=meaning.warm,
                    args=(engine.written_questions(),),
                    name="policybot-warm-up",
                    daemon=True,  # a bot that exits without closing does not wait for it
                )
                warming.start()
            try:
                async with running(engine._keep_fresh(refresh_seconds)):
                    yield engine
            finally:
                if meaning is not None:
                    meaning.stop()  # between two steps: at most one more is taken
                closing = threading.Thread(
                    target=engine._close_threads,
                    args=(warming, meaning),
                    name="policybot-closing",
                )
                closing.start()
                # Not cut off by a second cancel (a second Ctrl-C): a question the worker is
                # answering would then be recorded in a log already closed, and lost.
                await to_the_end(engine._close(closing))
        finally:
            await store.close()

    async def _close(self, closing: threading.Thread) -> None:
        """Once the worker stopped and the questions it answered are recorded, write the
        question log and stop it."""
        try:
            await asyncio.to_thread(closing.join)
        finally:
            await self._close_records()

    def _close_threads(
        self, warming: threading.Thread | None, meaning: RememberingMeaning | None
    ) -> None:
        """Once the warm-up (told to stop) has taken its last step, stop the worker after the
        question it is matching, then let the model's memory go (in a thread: both may wait)."""
        if warming is not None:
            warming.join()
        self._stop_worker()
        if meaning is not None:
            meaning.close()

    # -- members ---------------------------------------------------------------------------
    def entries_by_topic(self) -> list[Topic]:
        """The entries grouped by topic file, in file order, each in its place."""
        grouped: dict[str, list[Entry]] = {}
        for placed in self._knowledge.ordered():
            grouped.setdefault(placed.file, []).append(placed.entry)
        return [
            Topic(file, self._knowledge.topics.get(file, file), tuple(entries))
            for file, entries in grouped.items()
        ]

    def answer_for_entry(
        self, entry_id: str, question: str | None = None, language: str = SOURCE_LANGUAGE
    ) -> Answer | None:
        """An entry's answer in `language` (its English words with a note if untranslated)."""
        entry = self.entry(entry_id)
        if entry is None:
            return None
        related = [e for e in map(self.entry, entry.related) if e is not None]
        asked = question or suggestion(entry, language).question
        return answer_entry(
            asked,
            entry,
            100.0,
            related,
            language,
            knowledge_as_of=self.as_of,
            where_things_stand=self.entry(WHERE_THINGS_STAND),
        )

    def language_of(self, text: str, preferred: str | None = None) -> str:
        """The language `text` is in; `preferred` (e.g. the member's locale) when unclear."""
        return self.detect_language(text, preferred).code

    def detect_language(self, text: str, preferred: str | None = None) -> Detected:
        """`language_of`, and whether it was clear: pass it on to `ask`, `answer` or `claim`
        so the same text is not detected again."""
        return detect_language(clean(text), preferred)

    async def ask(
        self,
        question: str,
        *,
        asker: str | None = None,
        channel: str = "cli",
        preferred_language: str | None = None,
        detected: Detected | None = None,
    ) -> Answer:
        """Answer a question and log it for the unanswered queue and usage counts: logged
        once asked, even if the caller stops waiting for the answer (is cancelled)."""

        async def answered() -> Answer:
            answer = await self.answer_off_loop(question, preferred_language, detected=detected)
            return await self._logged(answer, asker, channel)

        return await self._recorded_anyway(answered())

    async def check_claim(
        self,
        text: str,
        *,
        asker: str | None = None,
        channel: str = "cli",
        preferred_language: str | None = None,
        detected: Detected | None = None,
    ) -> CheckedClaim:
        """`claim`, with the winning part logged like a question (as `ask` logs it)."""

        async def checked() -> CheckedClaim:
            found = await self.claim_off_loop(text, preferred_language, detected=detected)
            return replace(found, answer=await self._logged(found.answer, asker, channel))

        return await self._recorded_anyway(checked())

    async def open_entry(
        self,
        entry_id: str,
        *,
        asker: str | None = None,
        channel: str = "cli",
        language: str = SOURCE_LANGUAGE,
    ) -> Answer | None:
        """An entry picked from a list (related, did-you-mean): answered in `language` and
        logged like a question, so it can take a helpful vote. None if the entry is gone."""
        answer = self.answer_for_entry(entry_id, language=language)
        if answer is None:
            return None
        return await self._logged(answer, asker, channel, picked=True)

    def autocomplete(
        self, typed: str, limit: int = 25, preferred_language: str | None = None
    ) -> list[Suggestion]:
        """Known questions for a partly typed one, in its language (or the preferred one)."""
        matcher = self._matchers[self.language_of(typed, preferred_language)]
        return [Suggestion(c.entry_id, c.question) for c in matcher.autocomplete(typed, limit)]

    async def record_feedback(self, question_id: int, voter: str, helpful: bool) -> Vote:
        """One vote per voter per answer; a question never logged (a forged or foreign
        button) takes none."""
        await self._question_written(question_id)
        if await self._store.question(question_id) is None:
            return Vote.UNKNOWN_QUESTION
        counted = await self._store.record_feedback(question_id, voter, helpful)
        return Vote.COUNTED if counted else Vote.REPEATED

    def source_summary(self) -> list[SourceSummary]:
        counts: Counter[tuple[str, SourceKind]] = Counter()
        for entry in self.entries():
            for key in {(s.publisher, s.kind) for s in entry.sources}:
                counts[key] += 1
        return [
            SourceSummary(publisher, kind, n)
            for (publisher, kind), n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
        ]

    def topics(self, language: str = SOURCE_LANGUAGE) -> list[str]:
        """The topic titles in a language (English where a title is not translated), sorted."""
        return sorted(
            topic_title(key, title, language) for key, title in self._knowledge.topics.items()
        )

    @property
    def as_of(self) -> dt.date | None:
        """The knowledge base's own date: the newest as-of date of any entry."""
        return self._as_of

    # -- moderators ------------------------------------------------------------------------

    async def history(self, entry_id: str) -> list[Revision]:
        """Every revision of an entry, oldest first (empty if it never existed)."""
        return await self._store.history(entry_id)

    async def latest_revision(self, entry_id: str) -> int:
        """The newest revision number of an entry, 0 if it never existed."""
        return await self._store.latest_revision(entry_id)

    async def stored_revision(self, entry_id: str) -> Revision | None:
        """The entry's newest revision as stored (what an edit form starts from)."""
        number = await self._store.latest_revision(entry_id)
        return await self._store.revision(entry_id, number) if number else None

    async def unanswered(self, limit: int = 20) -> list[LoggedQuestion]:
        """Open questions that got no confident answer, newest first."""
        await self._questions_written()
        return await self._store.unanswered(limit)

    async def count_unanswered(self) -> int:
        await self._questions_written()
        return await self._store.count_unanswered()

    async def usage(self, limit: int = 10) -> list[tuple[str, int, int, int]]:
        """(entry id, times answered, helpful votes, unhelpful votes), most asked first."""
        await self._questions_written()
        return await self._store.usage(limit)

    def export_files(self) -> dict[str, str]:
        """The live knowledge base as topic files (file name → TOML), as `kb export` writes."""
        return render_set(self._knowledge)

    def export_to(self, directory: Path) -> list[Path]:
        """Write the live knowledge base into `directory`, one file per topic."""
        return write_directory(self._knowledge, directory)
