"""Indexes loaded from an index cache file (bot/core/index_cache.py), as a restarted bot's are,
for checking that a loaded index answers as a built one (benchmarks.wrong_answers --loaded-index,
tests/core/test_index_cache.py)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.core.entry_index import EntryIndex
from bot.core.index_cache import IndexCache
from bot.core.languages import languages
from bot.core.models import Entry


class LoadedOnly(IndexCache):
    """An index cache every index must be loaded from: a build (which would save) raises, so
    answers through it are a loaded index's, never those of one built after a load failed."""

    def save(self, key: bytes, language: str, state: dict[str, Any]) -> None:
        raise RuntimeError(f"index cache {self.path(language)} was not loaded: the index was built")


@contextmanager
def loaded_indexes(entries: Sequence[Entry]) -> Iterator[IndexCache]:
    """An index cache in a fresh folder, holding the index of `entries` in every language (built
    and saved here), from which every index is then loaded (LoadedOnly)."""
    with tempfile.TemporaryDirectory(prefix="policybot-index-") as folder:
        stem = Path(folder) / "tuning.index"
        for code in languages():
            EntryIndex(entries, code, index_cache=IndexCache(stem))
        yield LoadedOnly(stem)
