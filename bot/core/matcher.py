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
questions in one are answered through the first one asked that an entry fully covers, even
when the second's words outweigh it in the whole message. Doubt is read first (doubt.py):
about the whole report ("is this just propaganda") it is answered by the entry asked whether
the report is confirmed, about one claim ("is the NYC launch real") by that claim's entry.
Weights and thresholds were chosen on the tuning sets (benchmarks/README.md).
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
from bot.core.doubt import Doubt, asks_whole_doubt, doubt_words, read_doubt
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
# A token this unspecific (entry_index._specific) is the topic's, used across the knowledge base:
# "ice", "app", "migrants", "check-in", "border" (0.4-0.6 on the shipped entries), not "pilot",
# "biden", "phone" (0.98): doubt said beside topic words only doubts the whole report.
TOPICAL = 0.7
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
        self._doubt_words = doubt_words(self._text)
        self._whole_doubt = self._asked_whole_doubt()
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
        result = self._match_doubting(question, limit)
        parts = self._text.clauses(question)
        # "What is X and what is Y": no entry that only compares X and Y answers both.
        several = len(parts) > 1 and all(self._text.definition_subject(p) for p in parts)
        if result.tier is Tier.CONFIDENT and not several:
            return self._first_asked(parts, result, limit)
        if len(parts) < 2:
            return result
        return self._one_of_several(parts, result, limit)

    def _match_doubting(self, question: str, limit: int) -> MatchResult:
        """One question, its doubt read first (doubt.py): doubt about the whole report is
        answered by the entry asked whether it is confirmed, doubt about one claim by that
        claim's entry when the question does not answer otherwise."""
        reading, named = self._doubt(question)
        if reading is Doubt.WHOLE:
            whole = self._whole_doubt_answer(question, limit)
            if whole is not None:
                return whole
        result = self._match_one(question, limit)
        if result.tier is Tier.CONFIDENT or reading is not Doubt.CLAIM:
            return result
        return self._doubted_claim(question, named, limit) or result

    def _first_asked(self, parts: list[str], result: MatchResult, limit: int) -> MatchResult:
        """The answer to a message of several questions is the first one's (close8's rule),
        also when the words of a later one outweigh it in the whole message ("what's ATD and
        how many people are in it" answered by the ATD figures): when the first question alone
        is answered through another entry, and a later one alone ranks the message's entry, the
        first question's answer is the message's."""
        if len(parts) < 2 or result.best is None:
            return result
        asked = [p for p in parts if self._own_question(p)]
        if len(asked) < 2:
            return result
        first = self._match_doubting(asked[0], limit)
        if first.tier is not Tier.CONFIDENT or first.best is None or first.best.coverage < 1.0:
            return result  # "quién dijo todo eso": an entry covering part of it is a guess
        if not self._asks_something(asked[0], first.best):
            return result  # "idk if you can answer this, but do you lean left"
        chosen = result.best.entry_id
        if first.best.entry_id == chosen:
            return result
        later = [self._match_doubting(p, limit) for p in asked[1:]]
        if not any(chosen in {c.entry_id for c in one.candidates} for one in later):
            return result
        return first

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
        # The first question, answered whole, is the message's answer even when the whole
        # message ranks only a later one's entry ("how many enrolled? also does it work on
        # android": the second part's words outweigh the first's one word).
        first = full[0] if full else None
        if (
            first is not None
            and not first[2]
            and first[1].best is not None
            and first[1].best.coverage >= 1.0
            and any(one.best and one.best.entry_id in ranked for _, one, _ in full[1:])
        ):
            answered = [(first[0], first[1])]
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

    def _asks_something(self, part: str, answer: Candidate) -> bool:
        """Whether a part asks a question of its own, not only frames the next one: its entry
        is asked its kind of question ("who reported this", "how many enrolled") or what its
        subject is ("what's ATD"), it doubts the report ("is this fake"), or it names
        OWN_SUBJECT words of substance (not "are those numbers real people")."""
        text = self._text
        if answer.alike or text.definition_subject(text.plain_words(part)) is not None:
            return True
        if answer.entry_id in self._whole_doubt:
            return True  # "¿esto es falso?": doubt about the report, answered as such
        aside = text.never_missing | text.weak_tokens
        said = [t for t in self.query_tokens(part) if t not in aside and not self._topical(t)]
        return len(said) >= OWN_SUBJECT

    def _own_question(self, part: str) -> bool:
        """Whether a part of a message asks a question of its own: words beyond weak ones, a
        kind of question ("who reported this") or doubt about the report ("¿esto es falso?")."""
        text = self._text
        if not text.weak_tokens.issuperset(self.query_tokens(part)):
            return True
        if self._doubt(part)[0] is Doubt.WHOLE:
            return True
        return bool(KIND_BITS.get(text.question_kind(text.plain_words(part).split()), 0))

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

    def _asked_whole_doubt(self) -> frozenset[str]:
        """The entries asked whether the report as a whole is true ("is this confirmed", "is
        the story legit"): those with the most such questions."""
        words, topical = self._doubt_words, self._topical
        asked = {
            self._ids[index]: sum(
                asks_whole_doubt([t for t in self._tokens[p] if not topical(t)], words)
                for p in range(self._starts[index], self._starts[index + 1])
            )
            for index in range(len(self._ids))
        }
        most = max(asked.values(), default=0)
        return frozenset(i for i, n in asked.items() if n == most and n > 0)

    def _topical(self, token: str) -> bool:
        """A word of the topic that most entries use ("ice", "app"): it names no claim."""
        return token in self._idf and self._specific(token) < TOPICAL

    def _doubt(self, question: str) -> tuple[Doubt, frozenset[str]]:
        text = self._text
        aside = text.weak_tokens | text.never_missing
        pointing = not text.reference_words.isdisjoint(text.plain_words(question).split())
        tokens = self.query_tokens(question)
        return read_doubt(tokens, self._doubt_words, aside, self._topical, pointing)

    def _doubted(self, question: str) -> frozenset[str]:
        """The entries asked the question's doubt: when it doubts anything ("se lo inventó el
        Post", "¿no será pura propaganda eso del check-in por celular?"), the entries asked
        whether the report is confirmed (not every entry one of whose questions says "true")."""
        return frozenset() if self._doubt(question)[0] is Doubt.NONE else self._whole_doubt

    def _whole_doubt_answer(self, question: str, limit: int) -> MatchResult | None:
        """Doubt about the whole report ("is this just propaganda", "is there anything official
        backing it"), answered by the entry asked whether it is confirmed, when that entry is
        among the question's candidates above the suggestion bar."""
        ranked = self.rank(question, limit=max(limit, WIDE))
        for candidate in ranked:
            if (
                candidate.entry_id in self._whole_doubt
                and candidate.score >= self.thresholds.suggest
            ):
                rest = tuple(c for c in ranked if c is not candidate)
                return MatchResult(Tier.CONFIDENT, (candidate, *rest)[:limit])
        return None

    def _doubted_claim(
        self, question: str, named: frozenset[str], limit: int
    ) -> MatchResult | None:
        """Doubt about one claim ("is the NYC launch real or just a rumor", "45 enrolled sounds
        made up"): the entry on that claim says how it is sourced, so when the question without
        its doubt words is answered confidently, that entry answers it. `named`: the words
        naming the claim (doubt.py)."""
        # What else a doubting question says in words the knowledge base never uses ("seems
        # way inflated", "gossip from insiders") judges the claim; numbers still count.
        tokens = set(self.query_tokens(question))
        judging = {t for t in tokens if t not in self._idf and not any(c.isdigit() for c in t)}
        # Only a claim said in more than one word ("is this right wing propaganda" names a
        # leaning, not a claim), one of them specific and among the words naming it.
        claimed = tokens - self._text.doubt_tokens - judging - self._text.weak_tokens
        if len(claimed) < 2 or all(self._specific(t) < 1.0 for t in claimed & named):
            return None
        doubt = self._doubt_words.marks
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
                doubted = frozenset() if leave_out else self._doubted(question)
                chosen = second_opinion(candidates, cosines, chosen, limits, doubted)
        if chosen is not None:
            rest = tuple(c for c in shown if c is not chosen)
            return MatchResult(Tier.CONFIDENT, (chosen, *rest)[:limit])
        close = tuple(c for c in shown[:limit] if c.score >= limits.suggest)
        return MatchResult(Tier.CLOSE if close else Tier.NONE, close)
