"""The taught questions (bot/core/taught.py) as they should ship: the labelled question sets named
in TAUGHT_SETS, each set named by its file, its rows in order, labelled with the entries that exist
(a row whose every entry is missing is left out)."""

from __future__ import annotations

from pathlib import Path

from bot.core.entry_digest import asks_digest
from bot.core.models import Entry
from bot.core.taught import Example
from testkit.labelled import QUESTIONS, load_set, shipped_entries, split_unknown

# Named, not globbed: a round's fresh blind sets join benchmarks/questions after its "after" run
# and must stay out of the examples until a later round adds them here deliberately (and
# regenerates the data with `python -m benchmarks.taught --write`).
TAUGHT_SETS = (
    *("tune", "heldout", "extra", "extra2", "blind-2026", "blind-es", "tune-es"),
    *(f"blind{n}-{lang}" for n in range(2, 12) for lang in ("en", "es")),
    "blind11b-en",
)


def labelled_files() -> list[Path]:
    return sorted(QUESTIONS / f"{name}.tsv" for name in TAUGHT_SETS)


def known_entries() -> dict[str, str]:
    """What each shipped entry asks (entry_digest.py), as e5.json records it."""
    return {entry.id: asks_digest(entry) for entry in sorted(shipped_entries(), key=_id)}


def _id(entry: Entry) -> str:
    return entry.id


def taught_examples() -> list[Example]:
    entries = shipped_entries()
    found = []
    for path in labelled_files():
        measured, _missing = split_unknown(load_set(path), entries)
        found += [Example(path.stem, item.question, item.expected) for item in measured]
    return found
