"""An entry's revisions told for the public: dates and what changed, never who or why.

Moderators' names and their free-text reasons stay out: a reason may name someone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.core.i18n import N_, Texts, texts
from bot.core.languages import topic_title
from bot.core.models import STATUS_LABELS, Entry, Source
from bot.core.store import Revision


@dataclass(frozen=True)
class PublicChange:
    day: dt.date
    changes: tuple[str, ...]


def revision_day(revision: Revision) -> dt.date:
    return dt.datetime.fromisoformat(revision.created_at).date()


def public_history(
    revisions: Sequence[Revision], topics: Mapping[str, str], words: Texts | None = None
) -> list[PublicChange]:
    """Oldest first, in `words`' language; revisions that changed nothing a reader sees (e.g.
    order) are left out."""
    words = words or texts()
    told: list[PublicChange] = []
    before: Revision | None = None
    for revision in revisions:
        titles = {key: topic_title(key, title, words.code) for key, title in topics.items()}
        changes = [_say(words, *change) for change in _describe(before, revision, titles)]
        if changes:
            told.append(PublicChange(revision_day(revision), tuple(changes)))
        before = revision
    return told


# A change is an English message and the values for its placeholders, said in a language.
Change = tuple[str, dict[str, str]]


def _say(words: Texts, message: str, values: dict[str, str]) -> str:
    labels = STATUS_LABELS.values()  # status labels are the bot's words; names and titles not
    said = {key: words.gettext(v) if v in labels else v for key, v in values.items()}
    return words.gettext(message).format(**said)


def _describe(before: Revision | None, after: Revision, topics: Mapping[str, str]) -> list[Change]:
    if after.entry is None:
        return [(N_("Withdrawn from the knowledge base"), {})]
    if before is None:
        return [(N_("First published"), {})]
    if before.entry is None:
        return [(N_("Restored to the knowledge base"), {})]
    changes = _entry_changes(before.entry, after.entry)
    if after.file != before.file:
        topic = topics.get(after.file, after.file)
        changes.append((N_("Moved to the topic “{topic}”"), {"topic": topic}))
    return changes


def _entry_changes(old: Entry, new: Entry) -> list[Change]:
    changes: list[Change] = []
    if old.question != new.question:
        changes.append((N_("Question reworded"), {}))
    if old.claim != new.claim:
        changes.append((N_("Summary of the claim reworded"), {}))
    if old.answer != new.answer:
        changes.append((N_("Answer revised"), {}))
    if old.translations != new.translations:
        changes.append((N_("Translations revised"), {}))
    if old.status != new.status:
        changes.append(
            (
                N_("Status changed from “{old}” to “{new}”"),
                {"old": STATUS_LABELS[old.status], "new": STATUS_LABELS[new.status]},
            )
        )
    if old.as_of != new.as_of:
        changes.append(
            (
                N_("As-of date changed from {old} to {new}"),
                {"old": f"{old.as_of:%Y-%m-%d}", "new": f"{new.as_of:%Y-%m-%d}"},
            )
        )
    changes.extend(_source_changes(old.sources, new.sources))
    if old.related != new.related:
        changes.append((N_("Related entries changed"), {}))
    if (old.paraphrases, old.keywords) != (new.paraphrases, new.keywords):
        changes.append((N_("Wordings the bot recognises updated"), {}))
    if old.tags != new.tags:
        changes.append((N_("Tags changed"), {}))
    return changes


def _source_changes(old: Sequence[Source], new: Sequence[Source]) -> list[Change]:
    def key(source: Source) -> tuple[str, str]:
        return (source.publisher, source.title)

    old_keys, new_keys = [key(s) for s in old], [key(s) for s in new]
    added, removed = (
        N_("Source added: {publisher}, “{title}”"),
        N_("Source removed: {publisher}, “{title}”"),
    )
    changes: list[Change] = [
        (added, {"publisher": p, "title": t}) for p, t in new_keys if (p, t) not in old_keys
    ]
    changes += [
        (removed, {"publisher": p, "title": t}) for p, t in old_keys if (p, t) not in new_keys
    ]
    if not changes and list(old) != list(new):
        changes.append((N_("Source details corrected"), {}))
    return changes
