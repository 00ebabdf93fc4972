"""An entry's revisions told for the public: dates and what changed, never who or why.

Moderators' names and their free-text reasons stay out: a reason may name someone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.core.models import STATUS_LABELS, Entry, Source
from bot.core.store import Revision


@dataclass(frozen=True)
class PublicChange:
    day: dt.date
    changes: tuple[str, ...]


def revision_day(revision: Revision) -> dt.date:
    return dt.datetime.fromisoformat(revision.created_at).date()


def public_history(revisions: Sequence[Revision], topics: Mapping[str, str]) -> list[PublicChange]:
    """Oldest first; revisions that changed nothing a reader sees (e.g. order) are left out."""
    told: list[PublicChange] = []
    before: Revision | None = None
    for revision in revisions:
        changes = _describe(before, revision, topics)
        if changes:
            told.append(PublicChange(revision_day(revision), tuple(changes)))
        before = revision
    return told


def _describe(before: Revision | None, after: Revision, topics: Mapping[str, str]) -> list[str]:
    if after.entry is None:
        return ["Withdrawn from the knowledge base"]
    if before is None:
        return ["First published"]
    if before.entry is None:
        return ["Restored to the knowledge base"]
    changes = _entry_changes(before.entry, after.entry)
    if after.file != before.file:
        changes.append(f"Moved to the topic “{topics.get(after.file, after.file)}”")
    return changes


def _entry_changes(old: Entry, new: Entry) -> list[str]:
    changes = []
    if old.question != new.question:
        changes.append("Question reworded")
    if old.claim != new.claim:
        changes.append("Summary of the claim reworded")
    if old.answer != new.answer:
        changes.append("Answer revised")
    if old.status != new.status:
        changes.append(
            f"Status changed from “{STATUS_LABELS[old.status]}” to “{STATUS_LABELS[new.status]}”"
        )
    if old.as_of != new.as_of:
        changes.append(f"As-of date changed from {old.as_of:%Y-%m-%d} to {new.as_of:%Y-%m-%d}")
    changes.extend(_source_changes(old.sources, new.sources))
    if old.related != new.related:
        changes.append("Related entries changed")
    if (old.paraphrases, old.keywords) != (new.paraphrases, new.keywords):
        changes.append("Wordings the bot recognises updated")
    if old.tags != new.tags:
        changes.append("Tags changed")
    return changes


def _source_changes(old: Sequence[Source], new: Sequence[Source]) -> list[str]:
    def key(source: Source) -> tuple[str, str]:
        return (source.publisher, source.title)

    old_keys, new_keys = [key(s) for s in old], [key(s) for s in new]
    changes = [f"Source added: {p}, “{t}”" for p, t in new_keys if (p, t) not in old_keys]
    changes += [f"Source removed: {p}, “{t}”" for p, t in old_keys if (p, t) not in new_keys]
    if not changes and list(old) != list(new):
        changes.append("Source details corrected")
    return changes
