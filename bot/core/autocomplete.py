"""Entries for a partly typed question (Discord's autocomplete): the words typed so far, and
the tokens the last, maybe unfinished word may become. A base class of the Matcher, kept apart
to keep each file short; it reads the index built by EntryIndex and QuestionReader."""

from __future__ import annotations

import bisect
import heapq

from bot.core.confidence import Candidate
from bot.core.entry_index import COMMON_POSTINGS
from bot.core.question_reading import QuestionReader


class Autocompleting(QuestionReader):
    def autocomplete(self, typed: str, limit: int = 25) -> list[Candidate]:
        """Entries for a partly typed question; the last word may be unfinished."""
        words = self._text.plain_words(typed).split()
        if not words:
            return [self._bare(i) for i in range(min(limit, len(self._ids)))]
        partial = "" if typed.endswith((" ", "?")) else words.pop()
        weights = self._weighted_tokens(" ".join(words))[0]
        for word in words:  # the first words of a phrase not yet typed in full
            for joined in self._phrase_parts.get(word, ()):
                weights.setdefault(joined, self.weight(joined))
        expansions = self._prefix_tokens(partial) if len(partial) >= 2 else []
        expansions += [
            t for t in self._text.content_tokens(partial) if t in self._idf and t not in expansions
        ]
        for token in expansions:
            share = self.weight(token) / len(expansions)
            weights[token] = max(weights.get(token, 0.0), share)
        scores = self._accumulate(weights, scan_limit=COMMON_POSTINGS)
        best = heapq.nlargest(limit, scores.items(), key=lambda item: (item[1], -item[0]))
        return [self._bare(index, score) for index, score in best]

    def _bare(self, index: int, score: float = 0.0) -> Candidate:
        return Candidate(self._ids[index], self._questions[index], score, "")

    def _prefix_tokens(self, prefix: str, most: int = 20) -> list[str]:
        """Tokens starting with `prefix`, and the phrase tokens of words starting with it."""
        found: dict[str, None] = {}
        for word in _starting_with(self._vocabulary, prefix, most):
            found[word] = None
        for word in _starting_with(self._part_words, prefix, most):
            found.update(dict.fromkeys(sorted(self._phrase_parts[word])))
        return list(found)[:most]


def _starting_with(ordered: list[str], prefix: str, most: int) -> list[str]:
    start = bisect.bisect_left(ordered, prefix)
    found = []
    for word in ordered[start : start + most]:
        if not word.startswith(prefix):
            break
        found.append(word)
    return found
