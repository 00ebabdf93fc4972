"""Chatter spelt by ear: "kiero saber de la app" is "quiero saber de la app", and the chatter
that drops "quiero saber" (chatter.py) must drop it as typed too.

Chatter is dropped before misspelt words are read as meant (misspellings.py), so a greeting or
hedge spelt as it sounds ("kiero saber", "kisiera preguntar", "grasias") used to stay, and its
words, read as meant later, counted as the question's. Here a string that is no word of the
language (nor of English, which questions mix in) and sounds just like a common word of the
language that is a function word or a word of the chatter patterns is read as that word, but
only where the chatter then drops it: every other word is left as typed for the misspelling
reader, which knows the knowledge base's words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from bot.core.chatter import chatter_spans
from bot.core.languages import languages


class _Hearing(Protocol):
    stopwords: frozenset[str]

    def is_word(self, word: str) -> bool: ...
    def sounds_like(self, word: str) -> str | None: ...


@lru_cache(maxsize=8)
def _chatter_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """The literal words of a language's chatter patterns ("quiero", "saber", "disculpen")."""
    return frozenset(word for phrase in phrases for word in re.findall(r"[a-z]{2,}", phrase))


def read_heard_chatter(plain: str, language: str, hearing: _Hearing) -> str:
    """`plain` (plain words) with each chatter word spelt by ear read as the word it sounds
    like, where the language's chatter patterns then cover it; otherwise `plain` unchanged."""
    data = languages().get(language)
    if data is None or not data.chatter:
        return plain
    vocabulary = _chatter_words(data.chatter) | hearing.stopwords
    words = plain.split()
    heard: dict[int, str] = {}
    for position, word in enumerate(words):
        if not word.isalpha() or word in vocabulary or hearing.is_word(word):
            continue
        meant = hearing.sounds_like(word)
        if meant is not None and meant in vocabulary:
            heard[position] = meant
    if not heard:
        return plain
    trial = [heard.get(position, word) for position, word in enumerate(words)]
    starts, offset = [], 0
    for word in trial:
        starts.append(offset)
        offset += len(word) + 1
    spans = chatter_spans(" ".join(trial), language)
    covered = {
        position
        for position in heard
        if any(start <= starts[position] < end for start, end in spans)
    }
    if not covered:
        return plain
    return " ".join(trial[p] if p in covered else word for p, word in enumerate(words))
