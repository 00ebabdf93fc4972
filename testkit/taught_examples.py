"""The taught questions (bot/core/taught.py) as they should ship: every labelled question set in
benchmarks/questions except the own-case ones, each set named by its file, its rows in order,
labelled with the entries that exist (a row whose every entry is missing is left out)."""

from __future__ import annotations

from pathlib import Path

from bot.core.taught import Example
from testkit.labelled import QUESTIONS, load_set, shipped_entries, split_unknown


def labelled_files() -> list[Path]:
    return sorted(p for p in QUESTIONS.glob("*.tsv") if not p.stem.startswith("own-case"))


def taught_examples() -> list[Example]:
    entries = shipped_entries()
    found = []
    for path in labelled_files():
        measured, _missing = split_unknown(load_set(path), entries)
        found += [Example(path.stem, item.question, item.expected) for item in measured]
    return found
