"""Correcting a mistyped word to a word the knowledge base uses, without scanning them all.

Words are bucketed by first letter and length. A typo rarely touches the first letter, and a
dropped, doubled or swapped first letter puts the intended first letter second, so looking in
the buckets of the typed word's first two letters, at lengths within the allowed edits, finds
nearly every typo while comparing against a small share of the vocabulary. Edits are counted
as optimal string alignment distance, so a swap of two neighbours is one edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LENGTH = 4
LONG_WORD = 8  # from this length on, two edits are allowed; below it, one
CACHE_SIZE = 50_000
_UNSEEN = object()  # a word not looked up yet (None is a remembered "no correction")


def allowed_edits(word: str) -> int:
    return 2 if len(word) >= LONG_WORD else 1


class TypoCorrector:
    def __init__(self, frequency: Mapping[str, int]) -> None:
        """`frequency`: each known word and how often the knowledge base uses it."""
        self._known = frequency
        buckets: dict[tuple[str, int], list[str]] = {}
        for word in sorted(frequency, key=lambda w: (-frequency[w], w)):
            if len(word) >= MIN_LENGTH - 1 and word.isalpha():
                buckets.setdefault((word[0], len(word)), []).append(word)
        self._buckets = buckets  # most used words first, so ties go to the common word
        self._cache: dict[str, str | None] = {}

    def knows(self, word: str) -> bool:
        """Whether `word` is one of the known words, as written."""
        return word in self._known

    def correct(self, word: str) -> str | None:
        """The known word `word` was probably meant to be, or None."""
        if word in self._known or len(word) < MIN_LENGTH or not word.isalpha():
            return None
        # One lookup, never `in` then `[]`: autocomplete on the event loop and a match in the
        # worker thread (engine_answering.py) may use the cache at once, and either may clear it.
        hit = self._cache.get(word, _UNSEEN)
        if hit is not _UNSEEN:
            return cast(str | None, hit)
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        edits = allowed_edits(word)
        best: tuple[float, int, str] | None = None  # (edits, -frequency, word)
        for first in dict.fromkeys(word[:2]):
            for length in range(len(word) - edits, len(word) + edits + 1):
                bucket = self._buckets.get((first, length))
                if not bucket:
                    continue
                found = process.extractOne(word, bucket, scorer=OSA.distance, score_cutoff=edits)
                if found is None:
                    continue
                key = (found[1], -self._known[found[0]], found[0])
                if best is None or key < best:
                    best = key
        found_word = best[2] if best else None
        self._cache[word] = found_word
        return found_word
