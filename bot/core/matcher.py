"""Finding the knowledge entry a question is about, or deciding that none is.

Conversation around the question (greetings, thanks, hedges, shorthand: chatter.py) is
dropped first. Strings that are not words are corrected to words the knowledge base uses
(typos.py); real words never are (commonness.py). Candidates come from the inverted index of
normalised tokens (entry_index.py), rare tokens first; each candidate entry is then scored on
four things, each 0..1:
- entry cover: how much of the question's weight the entry's words cover (rare words weigh
  more, like tf-idf; a word the knowledge base never uses weighs more than the rarest one, which
  is what turns away questions about other things, unless it is a common word of the language
  such as "whole" or "hope"; a word found only in the entry's answer counts for ANSWER_FACTOR
  of its weight);
- question cover: the same against the entry's single best question plus its keywords;
- phrase cover: how much of that best question the member's question covers;
- similarity: rapidfuzz token-sort similarity to the entry's closest question.
For the best few, two more measures decide whether one may be answered (confidence.py): the
share of the question's weight its questions and keywords cover, and how much informative
content (by general-language word frequency) the whole entry leaves unexplained: an entry
that lacks "population" or "2019" from the question does not answer it (a topic word most
entries use, "migrants", counts for less); a "what is X" question needs an entry asked what X
is; a "who"/"when"/"which"/"how many"/"how do I" question an entry asked that kind of
question. The close call weighs every candidate near the best, not only the first three. Two
questions in one are answered through the first part an entry fully covers, and doubt
about one claim ("is the NYC launch real") through the entry on that claim. Weights and
thresholds were chosen on the tuning sets (benchmarks/README.md).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from bot.core.autocomplete import Autocompleting
from bot.core.confidence import (
    CLOSE_CALL,
    Candidate,
    MatchResult,
    Thresholds,
    Tier,
    confident_choice,
)
from bot.core.entry_index import ANSWER_FACTOR, KIND_BITS
from bot.core.models import Entry
from bot.core.semantic import RULED, WIDE, Meaning, safe_cosines, second_opinion
from bot.core.vocabulary import HOW_MANY

# The decision types live in confidence.py; they are re-exported here for the matcher's users.
__all__ = ["Candidate", "MatchResult", "Matcher", "Thresholds", "Tier", "confident_choice"]

NAMED, KEYWORD_NAMED = 2, 1  # how an entry is asked what something is
CANDIDATE_ENTRIES = 24
# A part of a message with this many words of substance names its own subject ("did it launch
# in NYC"); fewer ("when does it end") leave "it" to another part.
OWN_SUBJECT = 2
ENTRY_COVER, QUESTION_COVER, PHRASE_COVER, SIMILARITY = 0.20, 0.40, 0.10, 0.30


class Matcher(Autocompleting):
    """Ranks an index's entries for a question and decides the tier; immutable, like the index."""

    def __init__(
        self,
        entries: Sequence[Entry],
        thresholds: Thresholds | None = None,
        language: str = "en",
        meaning: Meaning | None = None,
    ) -> None:
        """The rules (confidence.py) decide whether to answer with one of the ranked
        candidates; `meaning`, when given, may overrule that decision (semantic.py)."""
        super().__init__(entries, language)
        self.thresholds = thresholds or Thresholds()
        self.meaning = meaning
        # Each entry's questions as written in this index's language, for `meaning` to compare.
        self._written: dict[str, tuple[str, ...]] = {}
        if meaning is not None:
            for entry in entries:
                own = entry.in_language(language) or entry
                self._written[entry.id] = (own.question, *own.paraphrases)

    # -- ranking ---------------------------------------------------------------------------

    def rank(
        self, question: str, limit: int = 3, leave_out: frozenset[str] = frozenset()
    ) -> list[Candidate]:
        """Entries ordered by score, best first; empty when the question shares nothing.

        Greetings, thanks and other chatter around the question are dropped first, and so are
        the tokens in `leave_out`.
        """
        plain, context = self._read(question)
        normalized = self._text.join_phrases(plain)
        weights, typed, read = self._weighted_tokens(plain, context)
        for token in leave_out.intersection(weights):
            del weights[token]
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
        asked_kind = self._text.question_kind(read.split())  # "cuantso" asks how many
        kind = KIND_BITS.get(asked_kind, 0)
        # Only candidates within CLOSE_CALL of the best can be answered with: what the others
        # leave unexplained is not measured (it needs word frequencies, slow to load).
        floor = scored[0][0] - CLOSE_CALL if scored else 0.0
        measured = [
            (score, text, index, *self._coverage(index, weights, typed, total, score > floor))
            for score, text, index in scored[:limit]
        ]
        # "que signifiica ice" asks what X is, read from the question, not the backstory
        # around it ("what's atd, my neighbor is on it")
        asked = " ".join(word for word in read.split() if word not in context) or read
        subject = self._subject(asked, weights, typed)
        informative = 0.0
        if any(missing for *_, missing in measured):
            informative = round(sum(self._informativeness(typed[t], t) for t in weights), 3)
        # Nothing but one word, and a common one: "time?", "source?" (not "smartlink?"; doubt,
        # "real?", "hoax?", asks whether the story is true).
        one_common_word = len(plain.split()) == len(weights) == 1 and all(
            self._informativeness(typed[t], t) < 1.0 and t not in self._text.doubt_tokens
            for t in weights
        )
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
                defines=bool(level := self._defines_subject(index, subject, weights)),
                named=level == NAMED,
                asks_kind=bool(kind) and asked_kind != HOW_MANY,
                one_common_word=one_common_word,
            )
            for score, text, index, coverage, missing in measured
        ]

    def _subject(self, plain: str, weights: dict[str, float], typed: dict[str, str]) -> list[str]:
        """The tokens of what a "what is X" question asks about; empty for other questions."""
        subject = self._text.definition_subject(plain)
        if subject is None:
            return []
        frame = set(plain.split()).difference(subject.split()) | self._text.framing_words
        return [token for token in weights if typed[token] not in frame]

    def _defines_subject(self, index: int, subject: list[str], weights: dict[str, float]) -> int:
        """Whether the entry is asked what the subject is: one of the things its "what is"
        questions ask about and the subject mostly overlap, each way ("ice" is not the ICE
        Portal; "atd program" is ATD). 0: no; 1: through one of its keywords (its names);
        2: through one of its questions, or when there is no subject."""
        if not subject:
            return NAMED
        asked = sum(weights[token] for token in subject)
        idf = self._idf
        for position, name in enumerate(self._defines.get(index, ())):
            shared = [token for token in name if token in weights]
            if sum(weights[token] for token in shared if token in subject) >= 0.5 * asked and sum(
                idf.get(t, 0.0) for t in shared
            ) >= 0.5 * sum(idf.get(t, 0.0) for t in name):
                return NAMED if position < self._asked_names[index] else KEYWORD_NAMED
        return 0

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
        framed = {token for token in weights if self._frames(typed[token], token)}
        framing = sum(weights[token] for token in framed)
        if total <= framing:
            return 0.0, 0.0
        asked = set(self._keywords[index]) | self._named(index, weights)
        for position in range(self._starts[index], self._starts[index + 1]):
            asked.update(self._tokens[position])
        unasked = [token for token in weights if token not in asked]
        if not unasked:
            return 1.0, 0.0
        lacking = sum(weights[t] for t in unasked if t not in framed)
        coverage = 1 - lacking / (total - framing)
        if not measure_missing:
            return round(coverage, 3), 0.0
        answer = self._answers[index]
        missing = sum(
            self._informativeness(typed[t], t) * self._specific(t)
            for t in unasked
            if t not in answer
        )
        return round(coverage, 3), round(missing, 3)

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
        known.update((t, weights[t]) for t in self._named(index, weights))
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
        above the suggestion bar are offered as "did you mean".

        Two questions in one ("how many enrolled, and did it have glitches?") rarely fit one
        entry: when the whole is not answered, each part is matched on its own and the first
        part answered is answered, if its entry covers all of that part or every part is
        answered. The result counts the other parts no entry answers, for the answer to say so."""
        result = self._match_one(question, limit)
        parts = self._text.clauses(question)
        # "What is X and what is Y": no entry that only compares X and Y answers both.
        several = len(parts) > 1 and all(self._text.definition_subject(p) for p in parts)
        if result.tier is Tier.CONFIDENT and not several:
            return result
        claim = self._doubted_claim(question, limit)
        if claim is not None:
            return claim
        if len(parts) < 2:
            return result
        return self._one_of_several(parts, result, limit)

    def _one_of_several(self, parts: list[str], result: MatchResult, limit: int) -> MatchResult:
        """The answer to a message of several questions (`parts`) through the one an entry
        answers fully, or `result`, the whole message's own."""
        weak = self._text.weak_tokens
        ranked = {candidate.entry_id for candidate in result.candidates}
        matched = [(part, self._match_one(part, limit)) for part in parts]
        # Parts that match nothing at all ("I volunteer at a shelter.") are context, not a
        # question: the one question beside them is judged as if asked alone.
        openers = self._text.question_openers
        context = [
            one.tier is Tier.NONE and part.partition(" ")[0] not in openers for part, one in matched
        ]
        alone = bool(openers) and sum(context) == len(parts) - 1
        # Each question in turn; a part of weak words only ("or is that fake") speaks of the
        # other part.
        full: list[tuple[str, MatchResult, bool]] = []  # …and whether one unanswered came first
        unanswered: list[str] = []
        confident = close = 0
        for part, one in (m for m, aside in zip(matched, context, strict=True) if not aside):
            if weak.issuperset(self.query_tokens(part)):
                continue
            if one.tier is not Tier.CONFIDENT:
                unanswered.append(part)
                close += one.tier is Tier.CLOSE
                continue
            confident += 1
            if one.best:
                full.append((part, one, bool(unanswered)))
        # A part is answered through an entry that covers all of it, unless every part is
        # answered (each as surely as if asked alone) or the others are context.
        if unanswered and not alone:
            full = [f for f in full if f[1].best and f[1].best.coverage >= 1.0]
        # A part answered is one the whole question ranks among its best ("1.8 million a year?
        # source?" asks for the figure's source, not who the story's sources are), unless it
        # is the one part answered, every other asks what no entry answers, and none of those
        # comes first: a later question may lean on an earlier one for its subject ("what is
        # TPS and when does it expire" does not ask when the border order ends).
        answered = [
            (part, one) for part, one, _ in full if one.best and one.best.entry_id in ranked
        ]
        if not answered and unanswered and confident == 1:
            answered = [(part, one) for part, one, after_unanswered in full if not after_unanswered]
        # "When does it end? is the student loan pause over?": "it" is what the other part
        # names, which the entry that answers "when does it end" does not speak of.
        answered = [
            (part, one)
            for part, one in answered
            if one.best and not self._leans_on_other(part, one.best.entry_id, unanswered)
        ]
        if not answered:
            return result
        # Several parts answered: the first asked, not whichever scores higher (the order a
        # member asks in says what they want to know first).
        best = answered[0][1]
        # The note says the rest is not in the knowledge base: only when it is true of every
        # other part (a CLOSE part has entries to offer) and one part alone is answered.
        nothing = len(unanswered) - close
        return (
            replace(best, unanswered=nothing) if confident == 1 and not close and nothing else best
        )

    def _leans_on_other(self, part: str, entry_id: str, others: list[str]) -> bool:
        """Whether `part` names no subject of its own, only a word pointing elsewhere ("when
        does it end", not "did it launch in NYC"), and another part names something entry
        `entry_id` never speaks of, and nothing it does: then "it" is that something."""
        text = self._text
        if text.reference_words.isdisjoint(text.plain_words(part).split()):
            return False
        aside = text.never_missing | text.doubt_tokens
        if len([t for t in self.query_tokens(part) if t not in aside]) >= OWN_SUBJECT:
            return False
        named = self._entry_tokens(self._ids.index(entry_id))
        for other in others:
            said = {
                t for t in self.query_tokens(other) if t not in aside and self._specific(t) >= 1
            }
            if said and said.isdisjoint(named):
                return True
        return False

    def _doubted(self, question: str, leave_out: frozenset[str]) -> frozenset[str]:
        """The entries whose questions or keywords say the question's words of doubt."""
        doubt = self._text.doubt_tokens.intersection(self.query_tokens(question)) - leave_out
        return frozenset(self._ids[i] for t in doubt for i in self._postings.get(t, ()))

    def _doubted_claim(self, question: str, limit: int) -> MatchResult | None:
        """Doubt about one claim ("is the NYC launch real or just a rumor", "45 enrolled sounds
        made up"): the entry on that claim says how it is sourced, so when the question without
        its doubt words is answered confidently, that entry answers it."""
        doubt = self._text.doubt_tokens
        tokens = set(self.query_tokens(question))
        if doubt.isdisjoint(tokens):
            return None
        # What else a doubting question says in words the knowledge base never uses ("seems
        # way inflated", "gossip from insiders") judges the claim; numbers still count.
        judging = {t for t in tokens if t not in self._idf and not any(c.isdigit() for c in t)}
        claimed = tokens - doubt - judging - self._text.weak_tokens
        # Only a claim of its own, said in more than one word: "is the ice app thing real"
        # (topic words only) asks whether the story is true, "is Newsmax legit" whether an
        # outlet can be trusted.
        if len(claimed) < 2 or all(self._specific(t) < 1.0 for t in claimed):
            return None
        claim = self._match_one(question, limit, leave_out=doubt | judging)
        return claim if claim.tier is Tier.CONFIDENT else None

    def _match_one(
        self, question: str, limit: int, leave_out: frozenset[str] = frozenset()
    ) -> MatchResult:
        meaning = self.meaning
        candidates = self.rank(question, limit=max(limit, RULED, WIDE), leave_out=leave_out)
        if not candidates:
            return MatchResult(Tier.NONE, ())
        limits = self.thresholds
        shown = candidates[: max(limit, RULED)]
        # The rules weigh every candidate within the close call, not only the first few: a
        # fifth entry as close and covering as much makes the first a guess.
        ruled = [
            *shown,
            *(c for c in candidates[len(shown) :] if c.score > shown[0].score - CLOSE_CALL),
        ]
        chosen = confident_choice(ruled, limits) if candidates[0].score >= limits.suggest else None
        if meaning is not None:
            written = [self._written[c.entry_id] for c in candidates]
            cosines = safe_cosines(meaning, question, written)
            if cosines is not None:
                doubted = self._doubted(question, leave_out)
                chosen = second_opinion(candidates, cosines, chosen, limits, doubted)
        if chosen is not None:
            rest = tuple(c for c in shown if c is not chosen)
            return MatchResult(Tier.CONFIDENT, (chosen, *rest)[:limit])
        close = tuple(c for c in shown[:limit] if c.score >= limits.suggest)
        return MatchResult(Tier.CLOSE if close else Tier.NONE, close)
