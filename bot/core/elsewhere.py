"""Changes made elsewhere — by the command line, or any process that announces nothing —
told to moderators like the bot's own.

A running bot (`Engine.announce_changes_from_elsewhere`) takes the revisions nobody has
announced yet from the store (each once: the store marks them as it hands them over) and turns
them into the same moderation events its own changes make, so the audit channel and the
members waiting for an answer hear of them the same way. A revision does not record which
command made it; the reasons the engine writes say it for an import, a revert and a teach, and
otherwise what changed (added, deleted, edited) does.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bot.core.events import Action, EntryChange, ModerationEvent
from bot.core.store import Revision, Store

IMPORT_REASON = "import from files"
REVERT_REASON = "revert to revision {number}"
TAUGHT_REASON = "taught question {question}"
_REVERT = re.compile(r"revert to revision \d+")
_TAUGHT = re.compile(r"taught question (?P<question>\d+)")


async def events_from(store: Store, revisions: Sequence[Revision]) -> list[ModerationEvent]:
    """One event per change made together (same author, reason and time), oldest first."""
    events = []
    ordered = sorted(revisions, key=lambda r: r.rev)
    for (author, reason, _), group in itertools.groupby(
        ordered, key=lambda r: (r.author, r.reason, r.created_at)
    ):
        changes = tuple([await _change(store, revision) for revision in group])
        taught = _TAUGHT.fullmatch(reason)
        question_id = int(taught["question"]) if taught else None
        logged = await store.question(question_id) if question_id is not None else None
        events.append(
            ModerationEvent(
                _action(reason, changes),
                author,
                reason,
                changes,
                question_id=question_id,
                question=logged.text if logged is not None else None,
                elsewhere=True,
            )
        )
    return events


async def _change(store: Store, revision: Revision) -> EntryChange:
    previous = await store.revision(revision.entry_id, revision.number - 1)
    before = previous.entry if previous is not None else None
    return EntryChange(revision.entry_id, before, revision.entry, revision.number)


def _action(reason: str, changes: Sequence[EntryChange]) -> Action:
    if reason == IMPORT_REASON:
        return Action.IMPORT
    if _REVERT.fullmatch(reason):
        return Action.REVERT
    if _TAUGHT.fullmatch(reason):
        return Action.TEACH
    if all(change.after is None for change in changes):
        return Action.DELETE
    if all(change.before is None for change in changes):
        return Action.ADD
    return Action.EDIT
