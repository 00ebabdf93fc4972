"""The engine every front end talks to: ask, browse and curate the knowledge base.

It owns the store and an index built from the store's current entries; front ends (Discord,
the command line, the console) use only its methods, never the store, the knowledge set or the
matcher behind them. Writes are serialised and validated as a whole knowledge set before they
are committed; the index is rebuilt after.

The database is the truth: another process (the command line, a second bot) may change it at
any time. `refresh` picks such changes up; it runs before every change made here and every
`REFRESH_SECONDS` in the background, so answers follow within seconds. Questions are logged
behind the answers (bot.core.question_log): an answer never waits for the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Callable, Sequence
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
from bot.core.backends import open_store
from bot.core.claims import CheckedClaim, best_claim, candidate_parts
from bot.core.knowledge import (
    KnowledgeError,
    KnowledgeSet,
    PlacedEntry,
    dangling_related,
    load_directory,
    parse_entry,
    render_set,
    write_directory,
)
from bot.core.matcher import Matcher, Thresholds, Tier
from bot.core.models import Entry, SourceKind
from bot.core.normalize import clean, normalize
from bot.core.notices import notice_for
from bot.core.own_case import detect as detect_own_case
from bot.core.question_log import NewQuestion, QuestionLog
from bot.core.store import (
    Change,
    Delete,
    KnowledgeMark,
    LoggedQuestion,
    QuestionState,
    Revision,
    Store,
    Upsert,
    utc_now,
)

MODERATOR_FILE = "moderator-added"
ANSWER_CACHE_SIZE = 4096  # question texts whose answers are remembered
REFRESH_SECONDS = 2.0
# How long a moderator's view of the question log may wait for questions still being written.
LOG_FLUSH_SECONDS = 2.0

log = logging.getLogger("policybot.engine")


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


class Engine:
    def __init__(
        self,
        store: Store,
        knowledge: KnowledgeSet,
        thresholds: Thresholds,
        mark: KnowledgeMark | None = None,
    ) -> None:
        self._store = store
        self.thresholds = thresholds
        self._write_lock = asyncio.Lock()
        self.answer_cache_size = ANSWER_CACHE_SIZE  # 0: match every question afresh
        self._questions = QuestionLog(store)
        self._mark = mark  # the store's knowledge mark when `knowledge` was read
        self._listeners: list[Callable[[], None]] = []
        self._install(knowledge)

    @classmethod
    @asynccontextmanager
    async def open(
        cls,
        database: str | Path,
        knowledge_dir: Path,
        thresholds: Thresholds | None = None,
        *,
        refresh_seconds: float = REFRESH_SECONDS,
    ) -> AsyncIterator[Engine]:
        """Open the database (a path or URL), seeding it from `knowledge_dir` when it is new."""
        store = await open_store(database)
        try:
            if await store.is_empty():
                seed = load_directory(knowledge_dir)
                await store.apply(
                    [Upsert(p.entry, p.file, p.position) for p in seed.ordered()],
                    author="seed",
                    reason=f"seeded from {knowledge_dir.name}/",
                    topics=seed.topics,
                )
            mark = await store.knowledge_mark()  # before reading: a change after it shows
            engine = cls(store, await store.current(), thresholds or Thresholds(), mark)
            await engine._questions.start()
            refresher = asyncio.create_task(engine._keep_fresh(refresh_seconds))
            try:
                yield engine
            finally:
                refresher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await refresher
                await engine._questions.close()
        finally:
            await store.close()

    def _install(self, knowledge: KnowledgeSet, matcher: Matcher | None = None) -> None:
        self._knowledge = knowledge
        ordered = knowledge.ordered()
        self._matcher = matcher or Matcher([p.entry for p in ordered], self.thresholds)
        self._as_of = max((p.entry.as_of for p in ordered), default=None)
        self._answers: OrderedDict[str, Answer] = OrderedDict()

    async def refresh(self) -> bool:
        """Pick up changes another process made to the knowledge; True if there were any."""
        async with self._write_lock:
            return await self._refresh_locked()

    async def _refresh_locked(self) -> bool:
        mark = await self._store.knowledge_mark()
        if mark == self._mark:
            return False
        knowledge = await self._store.current()
        # Built in a thread: members keep getting answers from the old index meanwhile.
        entries = [p.entry for p in knowledge.ordered()]
        matcher = await asyncio.to_thread(Matcher, entries, self.thresholds)
        self._mark = mark
        self._install(knowledge, matcher)
        log.info("knowledge changed in the database: %d entries now", len(knowledge.entries))
        self._changed()
        return True

    async def _keep_fresh(self, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await self.refresh()
            except Exception as error:  # a locked or missing database: keep the last known
                log.warning("could not check the database for changes: %s", error)

    # -- members ---------------------------------------------------------------------------

    def entry(self, entry_id: str) -> Entry | None:
        placed = self._knowledge.entries.get(entry_id)
        return placed.entry if placed else None

    def entries(self) -> list[Entry]:
        return [p.entry for p in self._knowledge.ordered()]

    def entries_by_topic(self) -> list[Topic]:
        """The entries grouped by topic file, in file order, each in its place."""
        grouped: dict[str, list[Entry]] = {}
        for placed in self._knowledge.ordered():
            grouped.setdefault(placed.file, []).append(placed.entry)
        return [
            Topic(file, self._knowledge.topics.get(file, file), tuple(entries))
            for file, entries in grouped.items()
        ]

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call `listener` after every committed change to the knowledge (it must not block)."""
        self._listeners.append(listener)

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
        carries the notice, whatever was (or was not) found.

        Answers are remembered per question text until the knowledge changes: members ask the
        same few questions again and again (autocomplete sends the very same text), and
        matching is most of the work of answering.
        """
        cached = self._answers.get(question)
        if cached is not None:
            self._answers.move_to_end(question)
            return cached
        found = self._match(question)
        answer = self._with_notice(found, found.question)
        self._answers[question] = answer
        if len(self._answers) > self.answer_cache_size:
            self._answers.popitem(last=False)
        return answer

    @staticmethod
    def _with_notice(answer: Answer, text: str) -> Answer:
        if answer.tier is Tier.REFUSED or answer.notice is not None:
            return answer
        own_case = detect_own_case(text)
        return replace(answer, notice=notice_for(own_case.language)) if own_case else answer

    def _match(self, question: str) -> Answer:
        text = clean(question)
        if len(text) > MAX_QUESTION_CHARS:
            return refuse(question[:MAX_QUESTION_CHARS], TOO_LONG_MESSAGE.format(length=len(text)))
        if not normalize(text):
            return refuse(text, EMPTY_MESSAGE)
        result = self._matcher.match(text)
        # Only a question with no match is checked for having any words to match at all.
        if result.tier is Tier.NONE and not self._matcher.query_tokens(text):
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
        return await self._logged(self.answer(question), asker, channel)

    def claim(self, text: str) -> CheckedClaim:
        """The part of a message that matches best (each part matched once), not logged. If any
        of the message is about the writer's own case, the answer carries the notice."""
        best = best_claim((part, self.answer(part)) for part in candidate_parts(text))
        if best is None:
            return CheckedClaim("", refuse(clean(text), EMPTY_MESSAGE))
        return replace(best, answer=self._with_notice(best.answer, text))

    async def check_claim(
        self, text: str, *, asker: str | None = None, channel: str = "cli"
    ) -> CheckedClaim:
        """`claim`, with the winning part logged like a question."""
        checked = self.claim(text)
        return replace(checked, answer=await self._logged(checked.answer, asker, channel))

    async def open_entry(
        self, entry_id: str, *, asker: str | None = None, channel: str = "cli"
    ) -> Answer | None:
        """An entry picked from a list (related, did-you-mean): answered and logged like a
        question, so it can take a helpful vote. None if the entry no longer exists."""
        answer = self.answer_for_entry(entry_id)
        if answer is None:
            return None
        return await self._logged(answer, asker, channel, picked=True)

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
            )
        )
        return replace(answer, question_id=question_id)

    async def _questions_written(self) -> None:
        """Let the question log catch up (briefly) before reading or changing logged questions."""
        await self._questions.flush(LOG_FLUSH_SECONDS)

    def autocomplete(self, typed: str, limit: int = 25) -> list[Suggestion]:
        return [
            Suggestion(c.entry_id, c.question) for c in self._matcher.autocomplete(typed, limit)
        ]

    async def record_feedback(self, question_id: int, voter: str, helpful: bool) -> bool:
        await self._questions_written()
        if await self._store.question(question_id) is None:
            return False
        return await self._store.record_feedback(question_id, voter, helpful)

    def source_summary(self) -> list[SourceSummary]:
        counts: Counter[tuple[str, SourceKind]] = Counter()
        for entry in self.entries():
            for key in {(s.publisher, s.kind) for s in entry.sources}:
                counts[key] += 1
        return [
            SourceSummary(publisher, kind, n)
            for (publisher, kind), n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
        ]

    def topics(self) -> list[str]:
        """The topic titles, sorted."""
        return sorted(self._knowledge.topics.values())

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

    async def save_entry(
        self, entry: Entry, *, author: str, reason: str, file: str | None = None
    ) -> Revision:
        """Add or change one entry (a new revision); related ids must exist."""
        placed = self._knowledge.entries.get(entry.id)
        if placed is not None:
            target = PlacedEntry(entry, file or placed.file, placed.position)
        else:
            target_file = file or MODERATOR_FILE
            position = 1 + max(
                (p.position for p in self._knowledge.entries.values() if p.file == target_file),
                default=-1,
            )
            target = PlacedEntry(entry, target_file, position)
        topics = {} if target.file in self._knowledge.topics else {target.file: target.file}
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

        With `base_revision`, the changes apply to that stored revision (the one the form was
        built from), and the edit is refused if the entry has moved on since (someone else
        saved in between, in any process), so nobody's edit is silently undone.
        """
        await self.refresh()
        entry = self.entry(entry_id)
        if entry is not None and base_revision is not None:
            stored = await self._store.revision(entry_id, base_revision)
            entry = stored.entry if stored is not None else None
        if entry is None:
            raise KnowledgeError([f"entry '{entry_id}': no such entry"])
        if changes.get("id", entry_id) != entry_id:
            raise KnowledgeError([f"entry '{entry_id}': field 'id': an id cannot be changed"])
        edited = parse_entry({**entry.to_file_dict(), **changes}, f"entry '{entry_id}'")
        if edited == entry:
            raise KnowledgeError([f"entry '{entry_id}': nothing changed"])
        placed = self._knowledge.entries[entry_id]
        expected = {entry_id: base_revision} if base_revision is not None else {}
        target = PlacedEntry(edited, placed.file, placed.position)
        return (await self._commit([target], [], author, reason, {}, expected))[0]

    async def delete_entry(self, entry_id: str, *, author: str, reason: str) -> Revision:
        if entry_id not in self._knowledge.entries:
            raise KnowledgeError([f"entry '{entry_id}': no such entry"])
        referrers = [
            p.entry.id for p in self._knowledge.entries.values() if entry_id in p.entry.related
        ]
        if referrers:
            raise KnowledgeError(
                [f"entry '{entry_id}': still listed in 'related' of {', '.join(sorted(referrers))}"]
            )
        return (await self._commit([], [entry_id], author, reason, {}))[0]

    async def revert(self, entry_id: str, number: int, *, author: str) -> Revision:
        """Restore an entry as it was at revision `number`, as a new revision."""
        old = await self._store.revision(entry_id, number)
        if old is None:
            raise KnowledgeError([f"entry '{entry_id}': no revision {number}"])
        reason = f"revert to revision {number}"
        if old.entry is None:
            return await self.delete_entry(entry_id, author=author, reason=reason)
        placed = PlacedEntry(old.entry, old.file, old.position)
        return (await self._commit([placed], [], author, reason, {}))[0]

    async def teach(self, question_id: int, entry_id: str, *, author: str) -> Revision:
        """Answer a queued question by adding its text to an entry's paraphrases."""
        await self._questions_written()
        logged = await self._store.question(question_id)
        if logged is None:
            raise KnowledgeError([f"question {question_id}: no such question"])
        if not logged.unanswered:
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
        await self._store.close_question(question_id, state=QuestionState.ANSWERED, by=author)
        return revision

    async def dismiss(self, question_id: int, *, author: str) -> bool:
        """Take a question off the unanswered queue without changing the knowledge."""
        await self._questions_written()
        return await self._store.close_question(
            question_id, state=QuestionState.DISMISSED, by=author
        )

    async def import_knowledge(
        self, incoming: KnowledgeSet, *, author: str, prune: bool = False
    ) -> list[Revision]:
        """Bring files into the live base: changed and new entries get revisions, all or none."""
        upserts = [p for p in incoming.ordered() if self._knowledge.entries.get(p.entry.id) != p]
        removed = sorted(set(self._knowledge.entries) - set(incoming.entries)) if prune else []
        topics = {
            file: title
            for file, title in incoming.topics.items()
            if self._knowledge.topics.get(file) != title
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
            await self._refresh_locked()  # validate against the database, not a stale copy
            for entry_id, number in (expected or {}).items():
                latest = await self._store.latest_revision(entry_id)
                if latest != number:
                    raise KnowledgeError(
                        [
                            f"entry '{entry_id}': changed by someone else since revision "
                            f"{number} (now {latest}); open it again to see their change"
                        ]
                    )
            after = KnowledgeSet(
                dict(self._knowledge.entries), {**self._knowledge.topics, **topics}
            )
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
            revisions = await self._store.apply(
                changes, author=author, reason=reason, topics=topics
            )
            self._install(after)
            # Ours is the newest revision unless another process wrote meanwhile: then read all.
            # It is saved either way, so a failure here only leaves it to the next refresh.
            newest = max((r.rev for r in revisions), default=None)
            try:
                mark = await self._store.knowledge_mark()
                if newest is not None and mark.newest_rev == newest:
                    self._mark = mark
                else:
                    await self._refresh_locked()
            except Exception as error:
                log.warning("saved, but could not re-read the database yet: %s", error)
        self._changed()
        return revisions

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()
