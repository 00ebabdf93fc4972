"""Finding the knowledge entry a question is about, or deciding that none is.

Conversation around the question (greetings, thanks, hedges, shorthand: chatter.py) is
dropped first. Strings that are not words are corrected to words the knowledge base uses
(typos.py); real words never are (commonness.py). Candidates come from an inverted index of
normalised tokens, rare tokens first; each candidate entry is then scored on four things,
each 0..1:
- entry cover: how much of the question's weight the entry's words cover (rare words weigh
  more, like tf-idf; a word the knowledge base never uses weighs more than the rarest one, which
  is what turns away questions about other things; a word found only in the entry's answer
  counts for ANSWER_FACTOR of its weight);
- question cover: the same against the entry's single best question plus its keywords;
- phrase cover: how much of that best question the member's question covers;
- similarity: rapidfuzz token-sort similarity to the entry's closest question.
For the best few, two more measures decide whether one may be answered (confidence.py): the
share of the question's weight its questions and keywords cover, and how much informative
content (by general-language word frequency) the whole entry leaves unexplained: an entry
that lacks "population" or "2019" from the question does not answer it. Weights and
thresholds were chosen on the tuning sets (benchmarks/README.md).
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections.abc import Sequence
from sys import intern

from rapidfuzz import fuzz

from bot.core.analysis import TextAnalysis, analysis
from bot.core.confidence import (
    CLOSE_CALL,
    Candidate,
    MatchResult,
    Thresholds,
    Tier,
    confident_choice,
)
from bot.core.models import Entry
from bot.core.typos import TypoCorrector
from bot.core.vocabulary import HOW_MANY, QUESTION_KINDS

# The decision types live in confidence.py; they are re-exported here for the matcher's users.
__all__ = ["Candidate", "MatchResult", "Matcher", "Thresholds", "Tier", "confident_choice"]

WEAK_FACTOR = 0.35  # weight of chatter-like tokens relative to their idf
UNKNOWN_FACTOR = 1.3  # an unknown word weighs this much more than the rarest known word
CORRECTED_FACTOR = 0.8  # a typo-corrected word counts a little less than a typed one
CANDIDATE_ENTRIES = 24
# Tokens an entry may lack and still answer the question: chatter-like and framing words.
# Postings longer than this are not walked for a query; such common words only add to
# entries already found through rarer ones. This bounds per-query work at any size.
COMMON_POSTINGS = 2000
# A query word found only in an entry's answer counts this much of a word in its questions.
ANSWER_FACTOR = 0.7
ENTRY_COVER, QUESTION_COVER, PHRASE_COVER, SIMILARITY = 0.20, 0.40, 0.10, 0.30
# One bit per kind of question ("who", "how many", …): which kinds an entry's questions ask.
KIND_BITS = {
    kind: 1 << bit for bit, kind in enumerate(sorted({*QUESTION_KINDS.values(), HOW_MANY}))
}


class Matcher:
    """An immutable index over a set of entries; build a new one when the entries change."""

    def __init__(
        self,
        entries: Sequence[Entry],
        thresholds: Thresholds | None = None,
        language: str = "en",
    ) -> None:
        """`language`: the index reads each entry's words in that language (its translation,
        or the English text while it has none) and reads questions with that language's rules."""
        self.thresholds = thresholds or Thresholds()
        self.language = language
        self._text: TextAnalysis = analysis(language)
        self._ids = [entry.id for entry in entries]
        self._questions = [(entry.in_language(language) or entry).question for entry in entries]
        # Questions of entry i are _texts[_starts[i]:_starts[i + 1]], flat to keep 100k small.
        self._texts: list[str] = []
        self._tokens: list[tuple[str, ...]] = []
        self._starts = [0]
        # Few words each: tuples are a quarter the size of frozensets and as fast to search.
        self._keywords: list[tuple[str, ...]] = []
        self._answers: list[tuple[str, ...]] = []  # answer words not in the entry's questions
        self._kinds = array("H")  # per entry: the KIND_BITS of the kinds its questions ask
        self._exact: dict[str, int] = {}  # questions with no content word, e.g. "who are you"
        self._postings: dict[str, list[int]] = {}
        self._phrase_parts: dict[str, set[str]] = {}  # "apple" -> {"appstore"}, for autocomplete
        answer_postings: dict[str, list[int]] = {}
        surface: set[str] = set()  # every word as written, for typo correction
        # Each text is seen once, so the normaliser's cache is skipped (word_list); tokens are
        # interned so that entries share one string object per token.
        for index, entry in enumerate(entries):
            union: set[str] = set()
            kinds = 0
            own = entry.in_language(language) or entry
            for text in [own.question, *own.paraphrases]:
                words = self._text.word_list(text)
                kinds |= KIND_BITS.get(self._text.question_kind(words), 0)
                surface.update(words)
                normalized = " ".join(words)
                if self._text.has_phrase_words(words):
                    for word, joined in self._text.phrase_parts(normalized):
                        self._phrase_parts.setdefault(word, set()).add(joined)
                    normalized = self._text.join_phrases(normalized)
                    words = normalized.split()
                tokens = tuple(map(intern, dict.fromkeys(self._text.tokens_of(words))))
                if not tokens:
                    self._exact.setdefault(normalized, index)
                self._texts.append(normalized)
                self._tokens.append(tokens)
                union.update(tokens)
            self._starts.append(len(self._texts))
            self._kinds.append(kinds)
            keywords = tuple(
                dict.fromkeys(
                    intern(t)
                    for k in own.keywords
                    for t in self._text.content_tokens(self._text.normalize(k))
                )
            )
            self._keywords.append(keywords)
            union.update(keywords)
            for token in union:
                self._postings.setdefault(token, []).append(index)
            answer_words = self._text.word_list(own.answer)
            surface.update(answer_words)
            answer = tuple(
                dict.fromkeys(
                    intern(t)
                    for t in self._text.content_tokens(
                        self._text.join_phrases(" ".join(answer_words))
                    )
                    if t not in union
                )
            )
            self._answers.append(answer)
            for token in answer:
                answer_postings.setdefault(token, []).append(index)
        total = max(len(entries), 1)
        frequency = {token: len(postings) for token, postings in self._postings.items()}
        self._idf = {token: math.log(1 + total / df) for token, df in frequency.items()}
        # Words only answers use are known, but weigh by how many answers use them.
        for token, postings in answer_postings.items():
            if token not in self._idf:
                self._idf[token] = math.log(1 + total / len(postings))
                frequency[token] = len(postings)
        self._answer_postings = answer_postings
        self._unknown_weight = math.log(1 + total) * UNKNOWN_FACTOR
        idf = self._idf
        self._text_weight = array("d", [sum(map(idf.__getitem__, t)) for t in self._tokens])
        self._common = _common_members(self._postings)
        self._common_answers = _common_members(answer_postings)
        self._vocabulary = sorted(self._postings)
        self._part_words = sorted(self._phrase_parts)
        # A written word is as common as its token; function words are known too (and most
        # common), so "wolud" is read as "would", not as a rare word.
        usage = {
            word: len(self._postings.get(token, ())) + len(answer_postings.get(token, ()))
            for word in surface
            if (token := self._text.stem(word))
        }
        usage.update(dict.fromkeys(self._text.stopwords, total + 1))
        self._typos = TypoCorrector(usage)

    def __len__(self) -> int:
        return len(self._ids)

    # -- query side ------------------------------------------------------------------------

    def weight(self, token: str) -> float:
        idf = self._idf.get(token, self._unknown_weight)
        return idf * WEAK_FACTOR if token in self._text.weak_tokens else idf

    def _weighted_tokens(self, plain: str) -> tuple[dict[str, float], dict[str, str]]:
        """Each distinct query token with its weight, and the word typed for it; `plain` is
        the output of plain_words().

        Unknown strings that are not words are corrected first, so a corrected word can still
        join its phrase ("appel store" -> "appstore"); failing a knowledge-base word, to a common
        word of the language ("puxhed" -> "pushed"), whose meaning then counts. A real word is
        never corrected into a knowledge-base word ("daca" is not "data"), unless the correction
        completes one of the domain's names ("pres confrence" -> "press conference"); a rare one
        may be read as a function word ("herd" as "heard", "tis" as "this"; "wall" is not "all").
        """
        corrected: set[str] = set()
        words = plain.split()
        real: list[tuple[int, str]] = []
        for position, word in enumerate(words):
            text = self._text
            if word not in text.stopwords and text.stem(word) not in self._idf:
                fixed = self._typos.correct(word)
                if fixed is None:
                    if not text.is_word(word) and (fixed := text.spelling(word)) is not None:
                        words[position] = fixed  # a typo of a word the knowledge base lacks
                        corrected.add(fixed)
                elif not text.is_word(word) or (fixed in text.stopwords and text.is_rare(word)):
                    words[position] = fixed
                    corrected.add(fixed)
                elif fixed not in text.stopwords and text.has_phrase_words([fixed]):
                    real.append((position, fixed))
        for position, fixed in real:
            before = self._text.join_phrases(" ".join(words))
            trial = [*words[:position], fixed, *words[position + 1 :]]
            if len(self._text.join_phrases(" ".join(trial)).split()) < len(before.split()):
                words = trial
                corrected.add(fixed)
        joined = self._text.join_phrases(" ".join(words) if corrected else plain)
        weights: dict[str, float] = {}
        typed: dict[str, str] = {}
        for word, token in self._text.content_words(joined):
            factor = CORRECTED_FACTOR if word in corrected else 1.0
            if token not in weights:
                weights[token] = self.weight(token) * factor
                typed[token] = word
        return weights, typed

    def query_tokens(self, question: str) -> list[str]:
        """The tokens a question is matched on; empty when it has nothing to match."""
        plain = self._text.strip_chatter(self._text.plain_words(question))
        tokens = list(self._weighted_tokens(plain)[0])
        normalized = self._text.join_phrases(plain)
        if not tokens and normalized in self._exact:
            return normalized.split()
        return tokens

    # -- ranking ---------------------------------------------------------------------------

    def rank(self, question: str, limit: int = 3) -> list[Candidate]:
        """Entries ordered by score, best first; empty when the question shares nothing.

        Greetings, thanks and other chatter around the question are dropped first.
        """
        plain = self._text.strip_chatter(self._text.plain_words(question))
        normalized = self._text.join_phrases(plain)
        weights, typed = self._weighted_tokens(plain)
        if not weights:
            index = self._exact.get(normalized)
            if index is None:
                return []
            return [Candidate(self._ids[index], self._questions[index], 100.0, normalized)]
        total = sum(weights.values())
        found = self._accumulate(weights, scan_limit=None)
        best = heapq.nlargest(CANDIDATE_ENTRIES, found.items(), key=lambda item: item[1])
        scored = [
            (*self._score(index, covered / total, normalized, weights, total), index)
            for index, covered in best
        ]
        scored.sort(key=lambda item: (-item[0], self._ids[item[2]]))
        asked_kind = self._text.question_kind(plain.split())
        kind = KIND_BITS.get(asked_kind, 0)
        # Only candidates within CLOSE_CALL of the best can be answered with: what the others
        # leave unexplained is not measured (it needs word frequencies, slow to load).
        floor = scored[0][0] - CLOSE_CALL if scored else 0.0
        measured = [
            (score, text, index, *self._coverage(index, weights, typed, total, score > floor))
            for score, text, index in scored[:limit]
        ]
        informative = 0.0
        if any(missing for *_, missing in measured):
            informative = round(sum(self._informativeness(typed[t], t) for t in weights), 3)
        return [
            Candidate(
                self._ids[index],
                self._questions[index],
                score,
                text,
                coverage=coverage,
                missing=missing,
                informative=informative,
                alike=bool(self._kinds[index] & kind),
                counting=asked_kind == HOW_MANY,
            )
            for score, text, index, coverage, missing in measured
        ]

    def _coverage(
        self,
        index: int,
        weights: dict[str, float],
        typed: dict[str, str],
        total: float,
        measure_missing: bool,
    ) -> tuple[float, float]:
        """(share of the question's weight the entry's questions cover, informativeness of the
        question's words the whole entry, answer included, lacks: 0 unless measure_missing)."""
        # Framing words ("what happens if", "how is it calculated") say how the question is
        # asked, not what about: they count for neither side, and a question of framing words
        # only ("what did it turn into") has nothing to cover.
        framing_words = self._text.framing_words
        framing = sum(w for token, w in weights.items() if typed[token] in framing_words)
        if total <= framing:
            return 0.0, 0.0
        asked = set(self._keywords[index])
        for position in range(self._starts[index], self._starts[index + 1]):
            asked.update(self._tokens[position])
        unasked = [token for token in weights if token not in asked]
        if not unasked:
            return 1.0, 0.0
        lacking = sum(weights[t] for t in unasked if typed[t] not in framing_words)
        coverage = 1 - lacking / (total - framing)
        if not measure_missing:
            return round(coverage, 3), 0.0
        answer = self._answers[index]
        missing = sum(self._informativeness(typed[t], t) for t in unasked if t not in answer)
        return round(coverage, 3), round(missing, 3)

    def _informativeness(self, word: str, token: str) -> float:
        """How much a question word the entry lacks says; the more common of the word as typed
        and its token decides ("phones" counts as "phone")."""
        if token in self._text.weak_tokens or word in self._text.framing_words:
            return 0.0
        said = self._text.informativeness
        if token == word or not token.isalpha():
            return said(word)
        return min(said(word), said(token))

    def _accumulate(self, weights: dict[str, float], scan_limit: int | None) -> dict[int, float]:
        """Entry index -> summed weight of the query tokens it contains.

        Rare tokens walk their postings; common ones only add to entries already found, unless
        nothing was found, when the rarest walks its postings (at most `scan_limit` of them).
        """
        lists = [
            (postings, weight * factor, common.get(token))
            for token, weight in weights.items()
            for source, common, factor in (
                (self._postings, self._common, 1.0),
                (self._answer_postings, self._common_answers, ANSWER_FACTOR),
            )
            if (postings := source.get(token)) is not None
        ]
        lists.sort(key=lambda item: len(item[0]))
        found: dict[int, float] = {}
        for postings, weight, members in lists:
            if members is not None and found:
                for index in found:
                    if index in members:
                        found[index] += weight
                continue
            for index in postings[:scan_limit] if members is not None else postings:
                found[index] = found.get(index, 0.0) + weight
        return found

    def _score(
        self,
        index: int,
        entry_cover: float,
        normalized: str,
        weights: dict[str, float],
        total: float,
    ) -> tuple[float, str]:
        """(score, the entry's question that matched best)."""
        keywords, answer = self._keywords[index], self._answers[index]
        known = {t: w * ANSWER_FACTOR for t, w in weights.items() if t in answer}
        known.update((t, w) for t, w in weights.items() if t in keywords)
        best_lexical, best_text, best_similarity = -1.0, "", 0.0
        for position in range(self._starts[index], self._starts[index + 1]):
            text = self._texts[position]
            if text == normalized:
                return 100.0, text
            covered = dict(known)
            shared_idf = 0.0
            for token in self._tokens[position]:
                weight = weights.get(token)
                if weight is not None:
                    covered[token] = weight
                    shared_idf += self._idf[token]
            phrase_weight = self._text_weight[position]
            lexical = QUESTION_COVER * sum(covered.values()) / total + PHRASE_COVER * (
                shared_idf / phrase_weight if phrase_weight else 0.0
            )
            if lexical > best_lexical:
                best_lexical, best_text = lexical, text
            similarity = fuzz.token_sort_ratio(normalized, text)
            if similarity > best_similarity:
                best_similarity = similarity
        score = 100 * (ENTRY_COVER * entry_cover + best_lexical) + SIMILARITY * best_similarity
        return round(score, 1), best_text

    def match(self, question: str, limit: int = 3) -> MatchResult:
        """Confident when one entry scores high enough, explains every informative word of the
        question, and no entry within the margin covers as much of it; otherwise the entries
        above the suggestion bar are offered as "did you mean"."""
        candidates = self.rank(question, limit=max(limit, 3))
        limits = self.thresholds
        if not candidates or candidates[0].score < limits.suggest:
            return MatchResult(Tier.NONE, ())
        chosen = confident_choice(candidates, limits)
        if chosen is not None:
            rest = tuple(c for c in candidates if c is not chosen)
            return MatchResult(Tier.CONFIDENT, (chosen, *rest)[:limit])
        close = tuple(c for c in candidates[:limit] if c.score >= limits.suggest)
        return MatchResult(Tier.CLOSE, close)

    # -- autocomplete ----------------------------------------------------------------------

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


def _common_members(postings: dict[str, list[int]]) -> dict[str, frozenset[int]]:
    """Token -> the entries using it, for tokens too common to walk per query."""
    return {
        token: frozenset(indices)
        for token, indices in postings.items()
        if len(indices) > COMMON_POSTINGS
    }
