"""The engine's write path: every moderator change to the knowledge (save, edit, delete,
revert, teach, dismiss, import) and `_commit`, which validates the changed set as a whole
against the database and writes it as new revisions, all or none.

A base class of `Engine` (bot/core/engine.py); it relies on the live knowledge it extends and
on a few engine methods declared below for the type checker. Front ends still see one facade.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.elsewhere import IMPORT_REASON, REVERT_REASON, TAUGHT_REASON
from bot.core.engine_curation import (
    NO_SUCH_ENTRY,
    NOT_QUEUED,
    appended,
    in_place,
    new_topics,
)
from bot.core.engine_live import LiveKnowledge, log
from bot.core.events import Action, EntryChange, ModerationEvent
from bot.core.i18n import N_, Marked
from bot.core.knowledge import (
    KnowledgeError,
    KnowledgeSet,
    PlacedEntry,
    dangling_related,
    parse_entry,
)
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.models import Entry
from bot.core.normalize import clean
from bot.core.store import (
    Change,
    Delete,
    QuestionState,
    Revision,
    RevisionConflict,
    Upsert,
)


class Writes(LiveKnowledge):
    if TYPE_CHECKING:

        async def _questions_written(self) -> None: ...

        def _announce(self, event: ModerationEvent) -> None: ...

        async def _change_one(
            self,
            action: Action,
            target: PlacedEntry,
            author: str,
            reason: str,
            expected: dict[str, int] | None = None,
            topics: dict[str, str] | None = None,
        ) -> Revision: ...

    async def save_entry(
        self, entry: Entry, *, author: str, reason: str, file: str | None = None
    ) -> Revision:
        """Add or change one entry (a new revision); related ids must exist."""
        placed = self._knowledge.entries.get(entry.id)
        if placed is not None:
            target = PlacedEntry(entry, file or placed.file, placed.position)
        else:
            target = appended(self._knowledge, entry, file)
        topics = new_topics(self._knowledge, target.file)
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
            raise KnowledgeError([Marked(NO_SUCH_ENTRY, entry=entry_id)])
        if changes.get("id", entry_id) != entry_id:
            raise KnowledgeError(
                [Marked(N_("entry '{entry}': field 'id': an id cannot be changed"), entry=entry_id)]
            )
        edited = parse_entry({**entry.to_file_dict(), **changes}, f"entry '{entry_id}'")
        if edited == entry:
            raise KnowledgeError([Marked(N_("entry '{entry}': nothing changed"), entry=entry_id)])
        expected = {entry_id: base_revision} if base_revision is not None else {}
        target = in_place(self._knowledge, edited)
        return await self._change_one(Action.EDIT, target, author, reason, expected)

    async def delete_entry(self, entry_id: str, *, author: str, reason: str) -> Revision:
        return await self._delete(entry_id, author, reason, Action.DELETE)

    async def _delete(self, entry_id: str, author: str, reason: str, action: Action) -> Revision:
        if entry_id not in self._knowledge.entries:
            raise KnowledgeError([Marked(NO_SUCH_ENTRY, entry=entry_id)])
        referrers = [
            p.entry.id for p in self._knowledge.entries.values() if entry_id in p.entry.related
        ]
        if referrers:
            listed = ", ".join(sorted(referrers))
            raise KnowledgeError(
                [
                    Marked(
                        N_("entry '{entry}': still listed in 'related' of {entries}"),
                        entry=entry_id,
                        entries=listed,
                    )
                ]
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
            raise KnowledgeError(
                [Marked(N_("entry '{entry}': no revision {number}"), entry=entry_id, number=number)]
            )
        reason = REVERT_REASON.format(number=number)
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
            raise KnowledgeError(
                [Marked(N_("question {question}: no such question"), question=question_id)]
            )
        if not logged.unanswered:
            raise KnowledgeError([Marked(NOT_QUEUED, question=question_id)])
        entry = self.entry(entry_id)
        if entry is None:
            raise KnowledgeError([Marked(NO_SUCH_ENTRY, entry=entry_id)])
        words = entry.in_language(logged.language)
        if words is None:
            raise KnowledgeError(
                [
                    Marked(
                        N_(
                            "entry '{entry}': question {question} is in '{language}' and the "
                            "entry has no '{language}' translation yet; add one first"
                        ),
                        entry=entry_id,
                        question=question_id,
                        language=logged.language,
                    )
                ]
            )
        paraphrase = " ".join(clean(logged.text).split())[:300]
        if paraphrase.casefold() in {q.casefold() for q in [words.question, *words.paraphrases]}:
            raise KnowledgeError(
                [Marked(N_("entry '{entry}': already has that question"), entry=entry_id)]
            )
        data = entry.to_file_dict()
        if logged.language == SOURCE_LANGUAGE:
            data["paraphrases"] = [*entry.paraphrases, paraphrase]
        else:
            translated = words.model_dump()
            translated["paraphrases"] = [*words.paraphrases, paraphrase]
            others = {code: t.model_dump() for code, t in entry.translations.items()}
            data["translations"] = {**others, logged.language: translated}
        changed = Entry.model_validate(data)
        target = in_place(self._knowledge, changed)
        reason = TAUGHT_REASON.format(question=question_id)
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
        reason = IMPORT_REASON
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
                if latest != number:
                    raise _conflict(RevisionConflict(entry_id, number, latest))
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
            try:
                # Checked again in the write transaction: another process may have saved since.
                revisions = await self._store.apply(
                    changes,
                    author=author,
                    reason=reason,
                    topics=topics,
                    announced=self._announcing > 0,
                    expected=expected,
                )
            except RevisionConflict as conflict:
                raise _conflict(conflict) from None
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
            await self._announce_elsewhere()  # one written meanwhile by another process
        self._changed()
        return revisions


def _conflict(conflict: RevisionConflict) -> KnowledgeError:
    """What a moderator is told when someone else saved first."""
    if conflict.expected == 0:
        text = N_(
            "entry '{entry}': field 'id': already exists (someone else added it a moment ago)"
        )
        return KnowledgeError([Marked(text, entry=conflict.entry_id)])
    text = N_(
        "entry '{entry}': changed by someone else since revision {number} (now {latest}); "
        "open it again to see their change"
    )
    return KnowledgeError(
        [Marked(text, entry=conflict.entry_id, number=conflict.expected, latest=conflict.latest)]
    )
