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
    VAGUE_MESSAGE,
    WHERE_THINGS_STAND,
    Answer,
    Suggestion,
    answer_close,
    answer_entry,
    answer_none,
    message,
    refuse,
    suggestion,
    too_long_message,
)
from bot.core.backends import open_store
from bot.core.claims import CheckedClaim, best_claim, candidate_parts
from bot.core.engine_curation import MODERATOR_FILE, Curation
from bot.core.events import Action, EntryChange, ModerationEvent
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
from bot.core.language_detect import detect_language
from bot.core.languages import SOURCE_LANGUAGE, languages
from bot.core.matcher import Matcher, Thresholds, Tier
from bot.core.models import Entry, SourceKind
from bot.core.normalize import clean, normalize
from bot.core.notices import notice_for
from bot.core.own_case import detect as detect_own_case
from bot.core.question_log import NewQuestion, QuestionLog
from bot.core.routing import route
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


class Engine(Curation):
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
        self._moderation_listeners: list[Callable[[ModerationEvent], None]] = []
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

    def _install(self, knowledge: KnowledgeSet, matchers: dict[str, Matcher] | None = None) -> None:
        self._knowledge = knowledge
        entries = [p.entry for p in knowledge.ordered()]
        # One index per language: each reads the entries' words in its language.
        self._matchers = matchers or self._index(entries, self.thresholds)
        self._as_of = max((entry.as_of for entry in entries), default=None)
        self._answers: OrderedDict[tuple[str, str | None], Answer] = OrderedDict()

    @staticmethod
    def _index(entries: list[Entry], thresholds: Thresholds) -> dict[str, Matcher]:
        return {code: Matcher(entries, thresholds, language=code) for code in languages()}

    async def refresh(self) -> bool:
        """Pick up changes another process made to the knowledge; True if there were any."""
        async with self._write_lock:
            return await self._refresh_locked()

    async def _refresh_locked(self) -> bool:
        mark = await self._store.knowledge_mark()
        if mark == self._mark:
            return False
        knowledge = await self._store.current()
        # Indexed in a thread: members keep getting answers from the old index meanwhile.
        entries = [p.entry for p in knowledge.ordered()]
        matchers = await asyncio.to_thread(self._index, entries, self.thresholds)
        self._mark = mark
        self._install(knowledge, matchers)
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
        return detect_language(clean(text), preferred).code

    def answer(self, question: str, preferred_language: str | None = None) -> Answer:
        """Match and build the answer, in the question's language, without logging it.
        `preferred_language`: the asker's language (e.g. their Discord locale), used only when
        the question's own language is unclear. A question about the asker's own case carries
        the notice, whatever was (or was not) found.

        Answers are remembered per question text until the knowledge changes: members ask the
        same few questions again and again (autocomplete sends the very same text), and
        matching is most of the work of answering.
        """
        key = (question, preferred_language)
        cached = self._answers.get(key)
        if cached is not None:
            self._answers.move_to_end(key)
            return cached
        found = self._match(question, preferred_language)
        answer = self._with_notice(found, found.question)
        self._answers[key] = answer
        if len(self._answers) > self.answer_cache_size:
            self._answers.popitem(last=False)
        return answer

    @staticmethod
    def _with_notice(answer: Answer, text: str) -> Answer:
        """The own-case notice, in the answer's language."""
        if answer.tier is Tier.REFUSED or answer.notice is not None:
            return answer
        own_case = detect_own_case(text)
        return replace(answer, notice=notice_for(answer.language)) if own_case else answer

    def _match(self, question: str, preferred_language: str | None) -> Answer:
        text = clean(question)
        if len(text) > MAX_QUESTION_CHARS:
            head = text[:MAX_QUESTION_CHARS]  # enough to tell the language, and bounded
            language = detect_language(head, preferred_language).code
            return refuse(
                question[:MAX_QUESTION_CHARS], too_long_message(len(text), language), language
            )
        if not normalize(text):
            language = detect_language(text, preferred_language).code
            return refuse(text, message(EMPTY_MESSAGE, language), language)
        routed = route(self._matchers, text, preferred_language)
        language, matcher, result = routed.language, routed.matcher, routed.result
        # Only a question with no match is checked for having any words to match at all.
        if result.tier is Tier.NONE and not matcher.query_tokens(text):
            return refuse(text, message(VAGUE_MESSAGE, language), language)
        best = result.best
        if result.tier is Tier.CONFIDENT and best is not None:
            found = self.answer_for_entry(best.entry_id, text, language)
            if found is not None:
                return replace(found, score=best.score)
        if result.tier is Tier.CLOSE:
            return answer_close(text, result.candidates, language)
        return answer_none(text, language=language)

    async def ask(
        self,
        question: str,
        *,
        asker: str | None = None,
        channel: str = "cli",
        preferred_language: str | None = None,
    ) -> Answer:
        """Answer a question and log it for the unanswered queue and usage counts."""
        return await self._logged(self.answer(question, preferred_language), asker, channel)

    def claim(self, text: str, preferred_language: str | None = None) -> CheckedClaim:
        """The part of a message that matches best (each part matched once), not logged. A
        short part whose language is unclear takes the whole message's language. If any of
        the message is about the writer's own case, the answer carries the notice."""
        language = self.language_of(text, preferred_language)
        best = best_claim((part, self.answer(part, language)) for part in candidate_parts(text))
        if best is None:
            refused = refuse(clean(text), message(EMPTY_MESSAGE, language), language)
            return CheckedClaim("", refused)
        return replace(best, answer=self._with_notice(best.answer, text))

    async def check_claim(
        self,
        text: str,
        *,
        asker: str | None = None,
        channel: str = "cli",
        preferred_language: str | None = None,
    ) -> CheckedClaim:
        """`claim`, with the winning part logged like a question."""
        checked = self.claim(text, preferred_language)
        return replace(checked, answer=await self._logged(checked.answer, asker, channel))

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

    def autocomplete(
        self, typed: str, limit: int = 25, preferred_language: str | None = None
    ) -> list[Suggestion]:
        """Known questions for a partly typed one, in its language (or the preferred one)."""
        matcher = self._matchers[self.language_of(typed, preferred_language)]
        return [Suggestion(c.entry_id, c.question) for c in matcher.autocomplete(typed, limit)]

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
        return await self._change_one(Action.EDIT, target, author, reason, expected)

    async def delete_entry(self, entry_id: str, *, author: str, reason: str) -> Revision:
        return await self._delete(entry_id, author, reason, Action.DELETE)

    async def _delete(self, entry_id: str, author: str, reason: str, action: Action) -> Revision:
        if entry_id not in self._knowledge.entries:
            raise KnowledgeError([f"entry '{entry_id}': no such entry"])
        referrers = [
            p.entry.id for p in self._knowledge.entries.values() if entry_id in p.entry.related
        ]
        if referrers:
            raise KnowledgeError(
                [f"entry '{entry_id}': still listed in 'related' of {', '.join(sorted(referrers))}"]
            )
        before = self.entry(entry_id)
        revision = (await self._commit([], [entry_id], author, reason, {}))[0]
        change = EntryChange(entry_id, before, None, revision.number)
        self._announce(ModerationEvent(action, author, reason, (change,)))
        return revision

    async def revert(self, entry_id: str, number: int, *, author: str) -> Revision:
        """Restore an entry as it was at revision `number`, as a new revision."""
        old = await self._store.revision(entry_id, number)
        if old is None:
            raise KnowledgeError([f"entry '{entry_id}': no revision {number}"])
        reason = f"revert to revision {number}"
        if old.entry is None:
            return await self._delete(entry_id, author, reason, Action.REVERT)
        placed = PlacedEntry(old.entry, old.file, old.position)
        return await self._change_one(Action.REVERT, placed, author, reason)

    async def teach(self, question_id: int, entry_id: str, *, author: str) -> Revision:
        """Answer a queued question by adding its text to an entry's paraphrases in the
        question's language (a question in a language the entry is not translated into yet is
        refused: translate the entry first)."""
        await self._questions_written()
        logged = await self._store.question(question_id)
        if logged is None:
            raise KnowledgeError([f"question {question_id}: no such question"])
        if not logged.unanswered:
            raise KnowledgeError([f"question {question_id}: not on the unanswered queue"])
        entry = self.entry(entry_id)
        if entry is None:
            raise KnowledgeError([f"entry '{entry_id}': no such entry"])
        words = entry.in_language(logged.language)
        if words is None:
            raise KnowledgeError(
                [
                    f"entry '{entry_id}': question {question_id} is in '{logged.language}' and "
                    f"the entry has no '{logged.language}' translation yet; add one first"
                ]
            )
        paraphrase = " ".join(clean(logged.text).split())[:300]
        if paraphrase.casefold() in {q.casefold() for q in [words.question, *words.paraphrases]}:
            raise KnowledgeError([f"entry '{entry_id}': already has that question"])
        data = entry.to_file_dict()
        if logged.language == SOURCE_LANGUAGE:
            data["paraphrases"] = [*entry.paraphrases, paraphrase]
        else:
            translated = words.model_dump()
            translated["paraphrases"] = [*words.paraphrases, paraphrase]
            others = {code: t.model_dump() for code, t in entry.translations.items()}
            data["translations"] = {**others, logged.language: translated}
        changed = Entry.model_validate(data)
        placed = self._knowledge.entries[entry_id]
        target = PlacedEntry(changed, placed.file, placed.position)
        reason = f"taught question {question_id}"
        revision = (await self._commit([target], [], author, reason, {}))[0]
        await self._store.close_question(question_id, state=QuestionState.ANSWERED, by=author)
        change = EntryChange(entry_id, entry, changed, revision.number)
        self._announce(
            ModerationEvent(Action.TEACH, author, reason, (change,), question_id, logged.text)
        )
        return revision

    async def dismiss(self, question_id: int, *, author: str) -> bool:
        """Take a question off the unanswered queue without changing the knowledge."""
        await self._questions_written()
        logged = await self._store.question(question_id)
        closed = await self._store.close_question(
            question_id, state=QuestionState.DISMISSED, by=author
        )
        if closed and logged is not None:
            event = ModerationEvent(
                Action.DISMISS, author, "", question_id=question_id, question=logged.text
            )
            self._announce(event)
        return closed

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
        before = {p.entry.id: self.entry(p.entry.id) for p in upserts}
        before |= {entry_id: self.entry(entry_id) for entry_id in removed}
        reason = "import from files"
        revisions = await self._commit(upserts, removed, author, reason, topics)
        if revisions:
            changes = tuple(
                EntryChange(r.entry_id, before.get(r.entry_id), r.entry, r.number)
                for r in revisions
            )
            self._announce(ModerationEvent(Action.IMPORT, author, reason, changes))
        return revisions

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
                if latest != number and number == 0:
                    raise KnowledgeError(
                        [
                            f"entry '{entry_id}': field 'id': already exists (someone else added "
                            "it a moment ago)"
                        ]
                    )
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
