"""What a moderator did, as the engine reports it after the change is committed.

Front ends subscribe (`Engine.on_moderation`) to show the change somewhere, e.g. Discord's audit
channel. An event says who, what, to which entry, why, and how the entry looked before and after;
`field_changes` turns the two versions into a compact, field-by-field diff.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bot.core.models import Entry, Source


class Action(StrEnum):
    ADD = "add"
    EDIT = "edit"
    STATUS = "status"
    SOURCES = "sources"
    REVERT = "revert"
    DELETE = "delete"
    IMPORT = "import"
    TEACH = "teach"
    DISMISS = "dismiss"


@dataclass(frozen=True)
class EntryChange:
    """One entry's part in an action: its state before and after (None: absent)."""

    entry_id: str
    before: Entry | None
    after: Entry | None
    revision: int | None = None


@dataclass(frozen=True)
class ModerationEvent:
    action: Action
    author: str
    reason: str
    changes: tuple[EntryChange, ...] = ()
    question_id: int | None = None
    question: str | None = None  # the queued question's text (teach, dismiss)
    extra: dict[str, str] = field(default_factory=dict)
    # Made by another process (the command line) and found in the database (bot.core.elsewhere)
    elsewhere: bool = False


def _source_line(source: Source) -> str:
    when = source.date.isoformat() if source.date else "undated"
    return f"{source.publisher}, “{source.title}”, {when} ({source.kind})"


def field_changes(before: Entry | None, after: Entry | None) -> list[tuple[str, str, str]]:
    """(field, old, new) for every field that differs; lists as their added/removed items."""
    if before is None or after is None:
        return []
    old, new = before.to_file_dict(), after.to_file_dict()
    changes: list[tuple[str, str, str]] = []
    for name in dict.fromkeys([*old, *new]):
        was, now = old.get(name), new.get(name)
        if was == now:
            continue
        if name == "sources":
            was_lines = [_source_line(s) for s in before.sources]
            now_lines = [_source_line(s) for s in after.sources]
            was, now = _list_diff(was_lines, now_lines)
        elif isinstance(was, list | None) and isinstance(now, list | None):
            was, now = _list_diff(was or [], now or [])
        elif isinstance(was, str) and isinstance(now, str):
            was, now = changed_span(was, now)
        changes.append((name, _text(was), _text(now)))
    return changes


def changed_span(old: str, new: str, context: int = 4) -> tuple[str, str]:
    """The part of a text that changed, in both versions, with a few words either side:
    a one-word fix in a long answer reads "… enroll only 45 migrants …" → "… enroll only 46
    migrants …", not two long texts that look the same where they are clipped."""
    old_words, new_words = old.split(), new.split()
    blocks = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False).get_opcodes()
    changed = [b for b in blocks if b[0] != "equal"]
    if not changed:
        return old, new
    start_a, start_b = changed[0][1], changed[0][3]
    end_a, end_b = changed[-1][2], changed[-1][4]

    def excerpt(words: list[str], start: int, end: int) -> str:
        low, high = max(0, start - context), min(len(words), end + context)
        text = " ".join(words[low:high])
        return ("… " if low > 0 else "") + text + (" …" if high < len(words) else "")

    return excerpt(old_words, start_a, end_a), excerpt(new_words, start_b, end_b)


def _list_diff(old: Sequence[object], new: Sequence[object]) -> tuple[str, str]:
    removed = [str(item) for item in old if item not in new]
    added = [str(item) for item in new if item not in old]
    if not removed and not added:
        return "(same items, other order)", ""
    return "; ".join(f"− {item}" for item in removed), "; ".join(f"+ {item}" for item in added)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)
