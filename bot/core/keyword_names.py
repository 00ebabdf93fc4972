"""How an entry's keywords name it: which words name it alone, which names count only in full.

Read once per entry when an index is built (entry_index.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from sys import intern

from bot.core.analysis import TextAnalysis

# A word of a multi-word keyword less informative than this (commonness.informativeness: Zipf
# 5.5 and commoner, "bajo", "under", "people") is no keyword of its entry alone.
KEYWORD_WORD = 0.5


def keyword_names(
    text: TextAnalysis,
    keywords: Sequence[str],
    asked: set[str],
    read: dict[str, tuple[str, ...]],
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(tokens the entry is named by alone, multi-word names that count only in full);
    `asked`: the tokens of the entry's questions; `read`: keyword -> its tokens, filled as
    keywords are read (each is read once).
    A multi-word keyword whose words the questions do not all use is a name ("deportation
    data project": "project" alone is not it). One whose words they all use names the entry
    by each of its words that says something alone ("biden" of "bajo biden"); a common word
    of it ("bajo", "under", "people") names nothing alone, so the keyword is then kept as a
    name in full. (A phrase of one content word, "cómo funciona", stays that word: it is
    what the entry is asked about.)"""
    single: dict[str, None] = {}
    groups: list[tuple[str, ...]] = []
    for keyword in keywords:
        tokens = read.get(keyword)
        if tokens is None:
            tokens = tuple(map(intern, text.content_tokens(text.normalize(keyword))))
            read[keyword] = tokens
        if len(tokens) > 1 and not asked.issuperset(tokens):
            groups.append(tokens)
        elif len(tokens) > 1 and (common := _common_tokens(text, keyword, tokens)):
            single.update(dict.fromkeys(t for t in tokens if t not in common))
            groups.append(tokens)
        else:
            single.update(dict.fromkeys(tokens))
    return tuple(single), tuple(groups)


def _common_tokens(text: TextAnalysis, keyword: str, tokens: tuple[str, ...]) -> set[str]:
    """The tokens of a multi-word keyword that only common words of it give: words such as
    "bajo", "under", "people" or "año" (informativeness below KEYWORD_WORD) say too little
    to name an entry alone. A token no word of it gives as read (a synonym's) is kept."""
    said: dict[str, float] = {}
    for word, token in text.content_words(text.normalize(keyword)):
        said[token] = max(said.get(token, 0.0), text.informativeness(word))
    return {t for t in tokens if said.get(t, 1.0) < KEYWORD_WORD}
