"""The engine's live knowledge: the entries it answers from, their index, and keeping both in
step with the database.

The database is the truth: another process (the command line, a second bot) may change it at
any time. `refresh` notices through the store's knowledge mark and re-reads and re-indexes; it
runs before every change made here and every few seconds in the background. A base class of
`Engine` (bot/core/engine.py), which front ends talk to.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.core.answers import Answer
from bot.core.elsewhere import events_from
from bot.core.events import ModerationEvent
from bot.core.index_cache import IndexCache
from bot.core.knowledge import KnowledgeSet
from bot.core.languages import languages
from bot.core.matcher import Matcher, Thresholds
from bot.core.models import Entry
from bot.core.semantic import Meaning
from bot.core.store import KnowledgeMark, Store

log = logging.getLogger("policybot.engine")


class LiveKnowledge:
    if TYPE_CHECKING:

        def _announce(self, event: ModerationEvent) -> None: ...

    def __init__(
        self,
        store: Store,
        knowledge: KnowledgeSet,
        thresholds: Thresholds,
        mark: KnowledgeMark | None = None,
        meaning: Meaning | None = None,
        index_cache: IndexCache | None = None,
    ) -> None:
        """`index_cache`: where built indexes are kept between runs (index_cache.py), if
        anywhere."""
        self._store = store
        self._index_cache = index_cache
        self.thresholds = thresholds
        self.meaning = meaning  # the embedding's second opinion (semantic.py), if any
        # Serialises refreshes and changes, so each change is validated against the newest set.
        self._write_lock = asyncio.Lock()
        self._mark = mark  # the store's knowledge mark when `knowledge` was read
        self._listeners: list[Callable[[], None]] = []
        # A running bot tells moderators of changes made elsewhere too (bot.core.elsewhere).
        self._announcing = 0  # how many running bots on this engine want that
        self._announce_pending = False  # the last try failed (a locked database): try again
        self._answers_lock = threading.Lock()  # the answers below are used from two threads
        self._install(knowledge)

    def _install(self, knowledge: KnowledgeSet, matchers: dict[str, Matcher] | None = None) -> None:
        self._knowledge = knowledge
        entries = [p.entry for p in knowledge.ordered()]
        # One index per language: each reads the entries' words in its language.
        self._matchers = matchers or self._index(entries)
        self._as_of = max((entry.as_of for entry in entries), default=None)
        # Answers remembered per (question, language) by Engine.answer; a new set forgets them.
        self._answers: OrderedDict[tuple[str, str | None], Answer] = OrderedDict()

    def _index(self, entries: list[Entry]) -> dict[str, Matcher]:
        return {
            code: Matcher(
                entries,
                self.thresholds,
                language=code,
                meaning=self.meaning,
                index_cache=self._index_cache,
            )
            for code in languages()
        }

    def written_questions(self) -> list[str]:
        """Every entry's questions in every language, as the embedding compares them: for
        warming its memory (semantic.py) before members ask."""
        texts: list[str] = []
        for placed in self._knowledge.ordered():
            for code in languages():
                own = placed.entry.in_language(code) or placed.entry
                texts += [own.question, *own.paraphrases]
        return list(dict.fromkeys(texts))

    async def refresh(self) -> bool:
        """Pick up changes another process made to the knowledge; True if there were any."""
        async with self._write_lock:
            return await self._refresh_locked()

    async def _refresh_locked(self) -> bool:
        mark = await self._store.knowledge_mark()
        if mark == self._mark:
            if self._announce_pending:
                await self._announce_elsewhere()
            return False
        knowledge = await self._store.current()
        # Indexed in a thread: members keep getting answers from the old index meanwhile.
        entries = [p.entry for p in knowledge.ordered()]
        matchers = await asyncio.to_thread(self._index, entries)
        self._mark = mark
        self._install(knowledge, matchers)
        log.info("knowledge changed in the database: %d entries now", len(knowledge.entries))
        await self._announce_elsewhere()
        self._changed()
        return True

    async def announce_changes_from_elsewhere(self) -> Callable[[], None]:
        """From now on, announce (`on_moderation`) the changes other processes make, like this
        engine's own, once each across restarts and bots; those made meanwhile first. Also
        marks this engine's own changes announced. Returns the function that stops it."""
        self._announcing += 1
        async with self._write_lock:
            await self._announce_elsewhere()
        stopped = False

        def stop() -> None:
            nonlocal stopped
            if not stopped:
                stopped, self._announcing = True, self._announcing - 1

        return stop

    async def _announce_elsewhere(self) -> None:
        """Announce the revisions nobody has announced yet (called under the write lock)."""
        if not self._announcing:
            return
        try:
            taken = await self._store.take_unannounced()
            events = await events_from(self._store, taken)
        except Exception as error:  # locked: they stay unannounced, tried at the next refresh
            log.warning("could not announce changes made elsewhere yet: %s", error)
            self._announce_pending = True
            return
        self._announce_pending = False
        for event in events:
            self._announce(event)

    async def _keep_fresh(self, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await self.refresh()
            except Exception as error:  # a locked or missing database: keep the last known
                log.warning("could not check the database for changes: %s", error)

    def entry(self, entry_id: str) -> Entry | None:
        placed = self._knowledge.entries.get(entry_id)
        return placed.entry if placed else None

    def entries(self) -> list[Entry]:
        return [p.entry for p in self._knowledge.ordered()]

    def on_change(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` after every committed change to the knowledge (it must not block);
        returns the function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()
