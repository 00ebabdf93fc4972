"""Questions the database would not take, kept in a small file beside it until it does.

When the question log cannot write its queue before the program stops (the disk stays full, or
another program holds the database's lock, for the whole bounded wait), or when the database
rejects a row every time, those questions go to this file: one JSON object a line, at most
`MAX_BYTES`. The next start queues them again, with the ids they were answered under, so the
unanswered queue and any vote on them survive. If even the file cannot be written, the count
lost is logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.core.atomic_file import write_whole

log = logging.getLogger("policybot.questions")

MAX_BYTES = 8 * 1024 * 1024  # some 25,000 questions: more than the log's queue holds
SUFFIX = ".unsaved-questions.jsonl"


def beside(database: Path) -> Path:
    """The spill file of a database file."""
    return database.with_name(database.name + SUFFIX)


def save(path: Path, questions: Iterable[dict[str, Any]]) -> int:
    """Replace the file's content with `questions` (all at once: a reader never sees half a
    file), as many as fit in `MAX_BYTES`; how many were kept. Removes it when there are none.
    Raises OSError if the file cannot be written."""
    lines: list[str] = []
    size = 0
    for question in questions:
        line = json.dumps(question, ensure_ascii=False) + "\n"
        size += len(line.encode("utf-8"))
        if size > MAX_BYTES:
            break
        lines.append(line)
    if not lines:
        path.unlink(missing_ok=True)
        return 0
    content = "".join(lines).encode("utf-8")
    write_whole(path, lambda handle: handle.write(content))
    return len(lines)


def load(path: Path) -> list[dict[str, Any]]:
    """The questions in the file (none if there is no file); a line that is not a JSON object
    is logged and skipped."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read(MAX_BYTES + 1).splitlines()
    except FileNotFoundError:
        return []
    questions: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        try:
            fields = json.loads(line)
        except ValueError as error:
            fields = error
        if isinstance(fields, dict):
            questions.append(fields)
        else:
            log.warning("%s line %d is not a question, skipped: %s", path.name, number, line[:80])
    return questions
