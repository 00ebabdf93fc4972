"""Finding the knowledge entry a question is about, or deciding that none is.

Candidates come from an inverted index of normalised tokens; each candidate entry is then
scored against each of its questions: how much of the question's weight (rare words count
more, like tf-idf) the entry covers, how much of the entry's question the member's question
covers, and rapidfuzz similarity of the two texts. The best entry's score and its lead over
the runner-up decide the tier.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from bot.core.models import Entry
from bot.core.normalize import WEAK_TOKENS, content_tokens, normalize

WEAK_FACTOR = 0.35  # weight of chatter-like tokens relative to their idf
UNKNOWN_FACTOR = 0.8  # an unknown word weighs this much of the rarest known word
TYPO_MIN_LENGTH = 4
TYPO_CUTOFF = 80.0
CANDIDATE_ENTRIES = 40
QUERY_COVER, PHRASE_COVER, FUZZY = 0.60, 0.25, 0.15


class Tier(StrEnum):
    CONFIDENT = "confident"
    CLOSE = "close"
    NONE = "none"


@dataclass(frozen=True)
class Thresholds:
    confident: float = 72.0
    suggest: float = 50.0
    margin: float = 4.0


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    question: str  # the entry's canonical question
    score: float  # 0-100
    matched: str  # which of the entry's questions scored best


@dataclass(frozen=True)
class MatchResult:
    tier: Tier
    candidates: tuple[Candidate, ...]  # best first, at most the requested limit

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class _Phrase:
    text: str
    tokens: frozenset[str]
    weight: float  # sum of the idf of its tokens


@dataclass(frozen=True)
class _IndexedEntry:
    entry_id: str
    question: str
    phrases: tuple[_Phrase, ...]
    keywords: frozenset[str]


class Matcher:
    """An immutable index over a set of entries; build a new one when the entries change."""

    def __init__(self, entries: Sequence[Entry], thresholds: Thresholds | None = None) -> None:
        self.thresholds = thresholds or Thresholds()
        document_tokens = [_entry_token_set(entry) for entry in entries]
        frequency: dict[str, int] = {}
        for tokens in document_tokens:
            for token in tokens:
                frequency[token] = frequency.get(token, 0) + 1
        total = max(len(entries), 1)
        self._idf = {token: math.log(1 + total / df) for token, df in frequency.items()}
        self._unknown_weight = math.log(1 + total) * UNKNOWN_FACTOR
        self._vocabulary = sorted(self._idf)
        self._postings: dict[str, list[int]] = {}
        for index, tokens in enumerate(document_tokens):
            for token in tokens:
                self._postings.setdefault(token, []).append(index)
        self._entries = [self._index_entry(entry) for entry in entries]
        self._by_id = {item.entry_id: item for item in self._entries}
        self._corrections: dict[str, str | None] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def _index_entry(self, entry: Entry) -> _IndexedEntry:
        phrases = []
        for text in entry.all_questions:
            normalized = normalize(text)
            tokens = frozenset(content_tokens(normalized))
            phrases.append(_Phrase(normalized, tokens, sum(self._idf[t] for t in tokens)))
        keywords = frozenset(t for k in entry.keywords for t in content_tokens(normalize(k)))
        return _IndexedEntry(entry.id, entry.question, tuple(phrases), keywords)

    def weight(self, token: str) -> float:
        idf = self._idf.get(token, self._unknown_weight)
        return idf * WEAK_FACTOR if token in WEAK_TOKENS else idf

    def _resolve(self, token: str) -> str:
        """The vocabulary token a query token stands for; typos are corrected once, then cached."""
        if token in self._idf or len(token) < TYPO_MIN_LENGTH or not token.isalpha():
            return token
        if token not in self._corrections:
            found = process.extractOne(
                token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF
            )
            self._corrections[token] = found[0] if found is not None else None
        return self._corrections[token] or token

    def query_tokens(self, question: str) -> list[str]:
        seen: dict[str, None] = {}
        for token in content_tokens(normalize(question)):
            seen.setdefault(self._resolve(token), None)
        return list(seen)

    def rank(self, question: str, limit: int = 3) -> list[Candidate]:
        """Entries ordered by score, best first; empty when the question shares nothing."""
        normalized = normalize(question)
        tokens = self.query_tokens(question)
        if not tokens:
            return []
        weights = {token: self.weight(token) for token in tokens}
        total = sum(weights.values())
        scored = [
            self._score_entry(self._entries[index], normalized, weights, total)
            for index in self._candidate_indices(weights)
        ]
        return sorted(scored, key=lambda c: (-c.score, c.entry_id))[:limit]

    def _candidate_indices(self, weights: dict[str, float]) -> list[int]:
        accumulated: dict[int, float] = {}
        for token, weight in weights.items():
            for index in self._postings.get(token, ()):
                accumulated[index] = accumulated.get(index, 0.0) + weight
        if len(accumulated) <= CANDIDATE_ENTRIES:
            return list(accumulated)
        return heapq.nlargest(CANDIDATE_ENTRIES, accumulated, key=accumulated.__getitem__)

    def _score_entry(
        self, item: _IndexedEntry, normalized: str, weights: dict[str, float], total: float
    ) -> Candidate:
        query_set = weights.keys()
        best_score, best_text = 0.0, item.question
        for phrase in item.phrases:
            if phrase.text == normalized:
                return Candidate(item.entry_id, item.question, 100.0, phrase.text)
            covered = sum(w for t, w in weights.items() if t in phrase.tokens or t in item.keywords)
            shared = phrase.tokens & query_set
            phrase_cover = (
                sum(self._idf[t] for t in shared) / phrase.weight if phrase.weight else 0.0
            )
            similarity = fuzz.token_sort_ratio(normalized, phrase.text) / 100
            score = 100 * (
                QUERY_COVER * covered / total + PHRASE_COVER * phrase_cover + FUZZY * similarity
            )
            if score > best_score:
                best_score, best_text = score, phrase.text
        return Candidate(item.entry_id, item.question, round(best_score, 1), best_text)

    def match(self, question: str, limit: int = 3) -> MatchResult:
        candidates = self.rank(question, limit=max(limit, 2))
        limits = self.thresholds
        if not candidates or candidates[0].score < limits.suggest:
            return MatchResult(Tier.NONE, ())
        best = candidates[0]
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        if best.score >= limits.confident and best.score - runner_up >= limits.margin:
            return MatchResult(Tier.CONFIDENT, tuple(candidates[:limit]))
        close = tuple(c for c in candidates[:limit] if c.score >= limits.suggest)
        return MatchResult(Tier.CLOSE, close)

    def autocomplete(self, typed: str, limit: int = 25) -> list[Candidate]:
        """Entries for a partly typed question; the last word may be unfinished."""
        words = normalize(typed).split()
        if not words:
            return [
                Candidate(e.entry_id, e.question, 0.0, e.question) for e in self._entries[:limit]
            ]
        partial = "" if typed.endswith((" ", "?")) else words.pop()
        scores: dict[int, float] = {}
        for token in {self._resolve(t) for t in content_tokens(" ".join(words))}:
            for index in self._postings.get(token, ()):
                scores[index] = scores.get(index, 0.0) + self.weight(token)
        expansions = self._prefix_tokens(partial) if len(partial) >= 2 else []
        expansions += [t for t in content_tokens(partial) if t in self._idf and t not in expansions]
        for token in expansions:
            share = self.weight(token) / len(expansions)
            for index in self._postings.get(token, ()):
                scores[index] = scores.get(index, 0.0) + share
        best = heapq.nlargest(limit, scores, key=lambda i: (scores[i], -i))
        return [
            Candidate(self._entries[i].entry_id, self._entries[i].question, scores[i], "")
            for i in best
        ]

    def _prefix_tokens(self, prefix: str, most: int = 20) -> list[str]:
        start = bisect.bisect_left(self._vocabulary, prefix)
        found = []
        for token in self._vocabulary[start : start + most]:
            if not token.startswith(prefix):
                break
            found.append(token)
        return found


def _entry_token_set(entry: Entry) -> set[str]:
    tokens: set[str] = set()
    for text in (*entry.all_questions, *entry.keywords):
        tokens.update(content_tokens(normalize(text)))
    return tokens
