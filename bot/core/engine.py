"""The engine every front end talks to: ask, browse and curate the knowledge base.

It owns the store and an index built from the store's current entries. Writes are serialised
and validated as a whole knowledge set before they are committed; the index is rebuilt after.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from bot.core.answers import (
    EMPTY_MESSAGE,
    MAX_QUESTION_CHARS,
    TOO_LONG_MESSAGE,
    VAGUE_MESSAGE,
    WHERE_THINGS_STAND,
    Answer,
    Suggestion,
    answer_close,
    answer_entry,
    answer_none,
    refuse,
)
from bot.core.knowledge import (
    KnowledgeError,
    KnowledgeSet,
    PlacedEntry,
    dangling_related,
    load_directory,
    parse_entry,
)
from bot.core.matcher import Matcher, Thresholds, Tier
from bot.core.models import Entry, SourceKind
from bot.core.normalize import clean, normalize
from bot.core.notices import notice_for
from bot.core.own_case import detect as detect_own_case
from bot.core.store import Change, Delete, Revision, Store, Upsert

MODERATOR_FILE = "moderator-added"


@dataclass(frozen=True)
class SourceSummary:
    publisher: str
    kind: SourceKind
    entries: int


class Engine:
    def __init__(self, store: Store, knowledge: KnowledgeSet, thresholds: Thresholds) -> None:
        self.store = store
        self.thresholds = thresholds
        self._write_lock = asyncio.Lock()
        self._install(knowledge)

    @classmethod
    @asynccontextmanager
    async def open(
        cls, db: Path, knowledge_dir: Path, thresholds: Thresholds | None = None
    ) -> AsyncIterator[Engine]:
        """Open the database, seeding it from `knowledge_dir` when it is new."""
        store = await Store.open(db)
        try:
            if await store.is_empty():
                seed = load_directory(knowledge_dir)
                await store.apply(
                    [Upsert(p.entry, p.file, p.position) for p in seed.ordered()],
                    author="seed",
                    reason=f"seeded from {knowledge_dir.name}/",
                    topics=seed.topics,
                )
            engine = cls(store, await store.current(), thresholds or Thresholds())
            yield engine
        finally:
            await store.close()

    def _install(self, knowledge: KnowledgeSet) -> None:
        self.knowledge = knowledge
        ordered = knowledge.ordered()
        self.matcher = Matcher([p.entry for p in ordered], self.thresholds)
        self._as_of = max((p.entry.as_of for p in ordered), default=None)

    # -- members ---------------------------------------------------------------------------

    def entry(self, entry_id: str) -> Entry | None:
        placed = self.knowledge.entries.get(entry_id)
        return placed.entry if placed else None

    def entries(self) -> list[Entry]:
        return [p.entry for p in self.knowledge.ordered()]

    def answer_for_entry(self, entry_id: str, question: str | None = None) -> Answer | None:
        entry = self.entry(entry_id)
        if entry is None:
            return None
        related = [e for e in map(self.entry, entry.related) if e is not None]
        return answer_entry(
            question or entry.question,
            entry,
            100.0,
            related,
            knowledge_as_of=self.as_of,
            where_things_stand=self.entry(WHERE_THINGS_STAND),
        )

    def answer(self, question: str) -> Answer:
        """Match and build the answer without logging it. A question about the asker's own case
        carries the notice, whatever was (or was not) found."""
        answer = self._match(question)
        if answer.tier is None:
            return answer
        own_case = detect_own_case(answer.question)
        return replace(answer, notice=notice_for(own_case.language)) if own_case else answer

    def _match(self, question: str) -> Answer:
        text = clean(question)
        if len(text) > MAX_QUESTION_CHARS:
            return refuse(question[:MAX_QUESTION_CHARS], TOO_LONG_MESSAGE.format(length=len(text)))
        if not normalize(text):
            return refuse(text, EMPTY_MESSAGE)
        result = self.matcher.match(text)
        # Only a question with no match is checked for having any words to match at all.
        if result.tier is Tier.NONE and not self.matcher.query_tokens(text):
            return refuse(text, VAGUE_MESSAGE)
        best = result.best
        if result.tier is Tier.CONFIDENT and best is not None:
            found = self.answer_for_entry(best.entry_id, text)
            if found is not None:
                return replace(found, score=best.score)
        if result.tier is Tier.CLOSE:
            return answer_close(text, result.candidates)
        return answer_none(text)

    async def ask(self, question: str, *, asker: str | None = None, channel: str = "cli") -> Answer:
        """Answer a question and log it for the unanswered queue and usage counts."""
        answer = self.answer(question)
        if answer.tier is None:
            return answer
        question_id = await self.store.log_question(
            text=answer.question,
            tier=answer.tier.value,
            entry_id=answer.entry_id,
            score=answer.score,
            asker=asker,
            channel=channel,
        )
        return replace(answer, question_id=question_id)

    async def open_entry(
        self, entry_id: str, *, asker: str | None = None, channel: str = "cli"
    ) -> Answer | None:
        """An entry picked from a list (related, did-you-mean): answered and logged like a
        question, so it can take a helpful vote. None if the entry no longer exists."""
        answer = self.answer_for_entry(entry_id)
        if answer is None:
            return None
        question_id = await self.store.log_question(
            text=answer.question,
            tier=Tier.CONFIDENT.value,
            entry_id=entry_id,
            score=answer.score,
            asker=asker,
            channel=channel,
        )
        return replace(answer, question_id=question_id)

    def autocomplete(self, typed: str, limit: int = 25) -> list[Suggestion]:
        return [Suggestion(c.entry_id, c.question) for c in self.matcher.autocomplete(typed, limit)]

    async def record_feedback(self, question_id: int, voter: str, helpful: bool) -> bool:
        if await self.store.question(question_id) is None:
            return False
        return await self.store.record_feedback(question_id, voter, helpful)

    def source_summary(self) -> list[SourceSummary]:
        counts: Counter[tuple[str, SourceKind]] = Counter()
        for entry in self.entries():
            for key in {(s.publisher, s.kind) for s in entry.sources}:
                counts[key] += 1
        return [
            SourceSummary(publisher, kind, n)
            for (publisher, kind), n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
        ]

    @property
    def as_of(self) -> dt.date | None:
        """The knowledge base's own date: the newest as-of date of any entry."""
        return self._as_of

    # -- moderators ------------------------------------------------------------------------

    async def save_entry(
        self, entry: Entry, *, author: str, reason: str, file: str | None = None
    ) -> Revision:
        """Add or change one entry (a new revision); related ids must exist."""
        placed = self.knowledge.entries.get(entry.id)
        if placed is not None:
            target = PlacedEntry(entry, file or placed.file, placed.position)
        else:
            target_file = file or MODERATOR_FILE
            position = 1 + max(
                (p.position for p in self.knowledge.entries.values() if p.file == target_file),
                default=-1,
            )
            target = PlacedEntry(entry, target_file, position)
        topics = {} if target.file in self.knowledge.topics else {target.file: target.file}
        revisions = await self._commit([target], [], author, reason, topics)
        return revisions[0]

    async def edit_entry(
        self,
        entry_id: str,
        changes: dict[str, object],
        *,
        author: str,
        reason: str,
        base_revision: int | None = None,
    ) -> Revision:
        """Change some fields of an entry; the result is validated like a file entry.

        With `base_revision`, the edit is refused if the entry has moved on since that revision
        (someone else saved in between), so nobody's edit is silently undone.
        """
        entry = self.entry(entry_id)
        if entry is None:
            raise KnowledgeError([f"entry '{entry_id}': no such entry"])
        if changes.get("id", entry_id) != entry_id:
            raise KnowledgeError([f"entry '{entry_id}': field 'id': an id cannot be changed"])
        edited = parse_entry({**entry.to_file_dict(), **changes}, f"entry '{entry_id}'")
        if edited == entry:
            raise KnowledgeError([f"entry '{entry_id}': nothing changed"])
        placed = self.knowledge.entries[entry_id]
        expected = {entry_id: base_revision} if base_revision is not None else {}
        target = PlacedEntry(edited, placed.file, placed.position)
        return (await self._commit([target], [], author, reason, {}, expected))[0]

    async def delete_entry(self, entry_id: str, *, author: str, reason: str) -> Revision:
        if entry_id not in self.knowledge.entries:
            raise KnowledgeError([f"entry '{entry_id}': no such entry"])
        referrers = [
            p.entry.id for p in self.knowledge.entries.values() if entry_id in p.entry.related
        ]
        if referrers:
            raise KnowledgeError(
                [f"entry '{entry_id}': still listed in 'related' of {', '.join(sorted(referrers))}"]
            )
        return (await self._commit([], [entry_id], author, reason, {}))[0]

    async def revert(self, entry_id: str, number: int, *, author: str) -> Revision:
        """Restore an entry as it was at revision `number`, as a new revision."""
        old = await self.store.revision(entry_id, number)
        if old is None:
            raise KnowledgeError([f"entry '{entry_id}': no revision {number}"])
        reason = f"revert to revision {number}"
        if old.entry is None:
            return await self.delete_entry(entry_id, author=author, reason=reason)
        placed = PlacedEntry(old.entry, old.file, old.position)
        return (await self._commit([placed], [], author, reason, {}))[0]

    async def teach(self, question_id: int, entry_id: str, *, author: str) -> Revision:
        """Answer a queued question by adding its text to an entry's paraphrases."""
        logged = await self.store.question(question_id)
        if logged is None:
            raise KnowledgeError([f"question {question_id}: no such question"])
        if logged.state != "open" or logged.tier == Tier.CONFIDENT.value:
            raise KnowledgeError([f"question {question_id}: not on the unanswered queue"])
        entry = self.entry(entry_id)
        if entry is None:
            raise KnowledgeError([f"entry '{entry_id}': no such entry"])
        paraphrase = " ".join(clean(logged.text).split())[:300]
        if paraphrase.casefold() in {q.casefold() for q in entry.all_questions}:
            raise KnowledgeError([f"entry '{entry_id}': already has that question"])
        changed = Entry.model_validate(
            {**entry.to_file_dict(), "paraphrases": [*entry.paraphrases, paraphrase]}
        )
        revision = await self.save_entry(
            changed, author=author, reason=f"taught question {question_id}"
        )
        await self.store.close_question(question_id, state="answered", by=author)
        return revision

    async def dismiss(self, question_id: int, *, author: str) -> bool:
        """Take a question off the unanswered queue without changing the knowledge."""
        return await self.store.close_question(question_id, state="dismissed", by=author)

    async def import_knowledge(
        self, incoming: KnowledgeSet, *, author: str, prune: bool = False
    ) -> list[Revision]:
        """Bring files into the live base: changed and new entries get revisions, all or none."""
        upserts = [p for p in incoming.ordered() if self.knowledge.entries.get(p.entry.id) != p]
        removed = sorted(set(self.knowledge.entries) - set(incoming.entries)) if prune else []
        topics = {
            file: title
            for file, title in incoming.topics.items()
            if self.knowledge.topics.get(file) != title
        }
        return await self._commit(upserts, removed, author, "import from files", topics)

    async def _commit(
        self,
        upserts: Sequence[PlacedEntry],
        deletions: Sequence[str],
        author: str,
        reason: str,
        topics: dict[str, str],
        expected: dict[str, int] | None = None,
    ) -> list[Revision]:
        async with self._write_lock:
            for entry_id, number in (expected or {}).items():
                latest = await self.store.latest_revision(entry_id)
                if latest != number:
                    raise KnowledgeError(
                        [
                            f"entry '{entry_id}': changed by someone else since revision "
                            f"{number} (now {latest}); open it again to see their change"
                        ]
                    )
            after = KnowledgeSet(dict(self.knowledge.entries), {**self.knowledge.topics, **topics})
            for placed in upserts:
                after.entries[placed.entry.id] = placed
            for entry_id in deletions:
                after.entries.pop(entry_id, None)
            problems = dangling_related(after.entries)
            if problems:
                raise KnowledgeError(problems)
            changes: list[Change] = [Upsert(p.entry, p.file, p.position) for p in upserts]
            changes += [Delete(entry_id) for entry_id in deletions]
            if not changes and topics == {}:
                return []
            revisions = await self.store.apply(changes, author=author, reason=reason, topics=topics)
            self._install(after)
            return revisions
