"""The moderator side of the engine that came with moderation in Discord: events for every
change, adding entries, status and sources, the watch list, the grouped queue and period stats.

A base class of `Engine` (bot/core/engine.py), kept apart to keep each file short; it relies on
the engine's store, knowledge and `_commit` (declared below for the type checker). Front ends
still see one facade: these are Engine methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from bot.core.curation import new_entry, with_source, with_status, without_source
from bot.core.events import Action, EntryChange, ModerationEvent
from bot.core.i18n import N_, Marked
from bot.core.knowledge import KnowledgeError, KnowledgeSet, PlacedEntry
from bot.core.models import Entry, Source, Status
from bot.core.queue_groups import QuestionGroup, group_questions
from bot.core.store import LoggedQuestion, PeriodStats, Revision, Store
from bot.core.watches import Notice, answered_watches

if TYPE_CHECKING:
    from bot.core.answers import Answer

MODERATOR_FILE = "moderator-added"
# Refusals a moderator reads, in their language (bot.core.i18n.Marked).
NO_SUCH_ENTRY = N_("entry '{entry}': no such entry")
NOT_QUEUED = N_("question {question}: not on the unanswered queue")


def appended(knowledge: KnowledgeSet, entry: Entry, file: str | None) -> PlacedEntry:
    """A new `entry` placed after the last entry of `file` (the moderators' file if None)."""
    target_file = file or MODERATOR_FILE
    position = 1 + max(
        (p.position for p in knowledge.entries.values() if p.file == target_file), default=-1
    )
    return PlacedEntry(entry, target_file, position)


def new_topics(knowledge: KnowledgeSet, file: str) -> dict[str, str]:
    """A topic titled by its file's name, for a file that has no topic yet."""
    return {} if file in knowledge.topics else {file: file}


def in_place(knowledge: KnowledgeSet, changed: Entry) -> PlacedEntry:
    """A changed entry where its current version stands."""
    placed = knowledge.entries[changed.id]
    return PlacedEntry(changed, placed.file, placed.position)


class Curation:
    _store: Store
    _knowledge: KnowledgeSet
    _moderation_listeners: list[Callable[[ModerationEvent], None]]

    if TYPE_CHECKING:

        def entry(self, entry_id: str) -> Entry | None: ...

        def answer(self, question: str) -> Answer: ...

        async def _questions_written(self) -> None: ...

        async def _question_written(self, question_id: int) -> None: ...

        async def _commit(
            self,
            upserts: Sequence[PlacedEntry],
            deletions: Sequence[str],
            author: str,
            reason: str,
            topics: dict[str, str],
            expected: dict[str, int] | None = None,
        ) -> list[Revision]: ...

    def on_moderation(self, listener: Callable[[ModerationEvent], None]) -> Callable[[], None]:
        """Call `listener` with every moderator action once it is committed (it must not block);
        returns the function that unsubscribes it."""
        self._moderation_listeners.append(listener)
        return lambda: self._moderation_listeners.remove(listener)

    def _announce(self, event: ModerationEvent) -> None:
        for listener in list(self._moderation_listeners):
            listener(event)

    async def period_stats(self, days: int | None = None, limit: int = 10) -> PeriodStats:
        """Usage over the last `days` days (None: since the start)."""
        await self._questions_written()  # questions still being logged count too
        since = None
        if days is not None:
            start = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
            since = start.isoformat(timespec="seconds")
        return await self._store.period_stats(since, limit)

    async def unanswered_groups(self, scan: int = 1000) -> list[QuestionGroup]:
        """The newest `scan` unanswered questions grouped by similarity, biggest group first."""
        await self._questions_written()  # questions still being logged count too
        return group_questions(await self._store.unanswered(scan))

    async def queued_question(self, question_id: int) -> LoggedQuestion | None:
        """A logged question, if it is still on the unanswered queue."""
        await self._questions_written()  # questions still being logged count too
        logged = await self._store.question(question_id)
        return logged if logged is not None and logged.unanswered else None

    # -- "tell me when this is answered" (bot.core.watches) ----------------------------------

    async def watch(self, question_id: int, member: str) -> bool:
        """Ask to be told once when an unanswered question is answered; False if already
        asked. Refused for a question that is not on the unanswered queue."""
        await self._question_written(question_id)  # a question still being logged counts too
        logged = await self._store.question(question_id)
        if logged is None or not logged.unanswered:
            raise KnowledgeError([Marked(NOT_QUEUED, question=question_id)])
        return await self._store.add_watch(question_id, member)

    async def unwatch(self, question_id: int, member: str) -> bool:
        return await self._store.drop_watch(question_id, member)

    async def answered_watches(self, event: ModerationEvent) -> list[Notice]:
        """The members to tell about `event` (each told once: the watch is taken)."""
        return await answered_watches(self._store, event, self.answer)

    # -- moderators: adding, status and sources (bot.core.curation builds the entries) -----

    async def add_entry(
        self, raw: dict[str, object], *, author: str, reason: str, file: str | None = None
    ) -> Revision:
        """A new entry, validated like a file's (provenance rule included). Refused if the id
        is taken, even by someone who added it a moment ago: an add never overwrites."""
        entry = new_entry(raw)
        if self.entry(entry.id) is not None:
            raise KnowledgeError(
                [Marked(N_("entry '{entry}': field 'id': already exists"), entry=entry.id)]
            )
        placed = appended(self._knowledge, entry, file)
        topics = new_topics(self._knowledge, placed.file)
        expected = {entry.id: await self._store.latest_revision(entry.id)}
        return await self._change_one(Action.ADD, placed, author, reason, expected, topics)

    async def set_status(
        self,
        entry_id: str,
        status: Status,
        source: Source | Mapping[str, Any],
        note: str,
        *,
        author: str,
        base_revision: int | None = None,
        today: dt.date | None = None,
    ) -> Revision:
        """Change an entry's status with the source that justifies it; answers then say what
        changed and when. History keeps the old status."""
        entry = self._existing(entry_id)
        changed = with_status(entry, status, source, note, today or dt.date.today())
        return await self._change_entry(Action.STATUS, changed, author, note, base_revision)

    async def add_source(
        self,
        entry_id: str,
        source: Source | Mapping[str, Any],
        *,
        author: str,
        reason: str,
        base_revision: int | None = None,
    ) -> Revision:
        changed = with_source(self._existing(entry_id), source)
        return await self._change_entry(Action.SOURCES, changed, author, reason, base_revision)

    async def remove_source(
        self,
        entry_id: str,
        index: int,
        *,
        author: str,
        reason: str,
        base_revision: int | None = None,
    ) -> Revision:
        """Remove source number `index` (0-based); an entry keeps at least one."""
        changed = without_source(self._existing(entry_id), index)
        return await self._change_entry(Action.SOURCES, changed, author, reason, base_revision)

    def _existing(self, entry_id: str) -> Entry:
        entry = self.entry(entry_id)
        if entry is None:
            raise KnowledgeError([Marked(NO_SUCH_ENTRY, entry=entry_id)])
        return entry

    async def _change_entry(
        self, action: Action, changed: Entry, author: str, reason: str, base: int | None
    ) -> Revision:
        """Save a changed entry in its place; refused if it moved on since `base` (or, with
        no `base`, since this change was read)."""
        if base is None:
            base = await self._store.latest_revision(changed.id)
        target = in_place(self._knowledge, changed)
        return await self._change_one(action, target, author, reason, {changed.id: base})

    async def _change_one(
        self,
        action: Action,
        target: PlacedEntry,
        author: str,
        reason: str,
        expected: dict[str, int] | None = None,
        topics: dict[str, str] | None = None,
    ) -> Revision:
        before = self.entry(target.entry.id)
        revision = (await self._commit([target], [], author, reason, topics or {}, expected))[0]
        change = EntryChange(target.entry.id, before, target.entry, revision.number)
        self._announce(ModerationEvent(action, author, reason, (change,)))
        return revision
