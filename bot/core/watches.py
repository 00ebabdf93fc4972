"""Which waiting members a moderator's change has answered ("tell me when this is answered").

A member who got "not in my knowledge base" may ask to be told, once, when that question is
answered: when a moderator teaches it to an entry, or adds an entry that now answers it
confidently. Each watch is taken (deleted) as it is reported, so a member is told once even if
two changes answer the question at the same moment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.answers import Answer
from bot.core.events import Action, ModerationEvent
from bot.core.store import Store, Watch


@dataclass(frozen=True)
class Notice:
    member: str
    question: str
    answer: Answer


async def answered_watches(
    store: Store, event: ModerationEvent, answer: Callable[[str], Answer]
) -> list[Notice]:
    """The watches `event` answers, each taken off the store as it is returned."""
    if event.action is Action.TEACH and event.question_id is not None:
        candidates = await store.watches(event.question_id)
        added = {c.entry_id for c in event.changes}
    elif event.action in (Action.ADD, Action.IMPORT):
        added = {c.entry_id for c in event.changes if c.before is None and c.after is not None}
        candidates = await store.watches() if added else []
    else:
        return []
    notices = []
    for watch in candidates:
        found = answer(watch.text)
        if found.matched and found.entry_id in added and await _take(store, watch):
            notices.append(Notice(watch.member, watch.text, found))
    return notices


async def _take(store: Store, watch: Watch) -> bool:
    return await store.drop_watch(watch.question_id, watch.member)
