"""Ranking a knowledge base's entries for a question: a base class of the Matcher, kept apart
to keep each file short (one_question.py decides from the ranked candidates).

Candidates come from the inverted index of normalised tokens (entry_index.py), rare tokens
first; each candidate entry is then scored on four things, each 0..1:
- entry cover: how much of the question's weight the entry's words cover (rare words weigh
  more, like tf-idf; a word the knowledge base never uses weighs more than the rarest one, which
  is what turns away questions about other things, unless it is a common word of the language
  such as "whole" or "hope"; a word found only in the entry's answer counts for ANSWER_FACTOR
  of its weight);
- question cover: the same against the entry's single best question plus its keywords;
- phrase cover: how much of that best question the member's question covers;
- similarity: rapidfuzz token-sort similarity of the question as read (its misspelt words as
  meant) to the entry's closest question.
For the best few, two more measures decide whether one may be answered (confidence.py): the
share of the question's weight its questions and keywords cover, and how much informative
content (by general-language word frequency) the whole entry leaves unexplained: an entry
that lacks "population" or "2019" from the question does not answer it (a topic word most
entries use, "migrants", counts for less); a "what is X" question needs an entry asked what X
is (X may be named before a "what is it", "what's that site", "¿qué es?"), and the one entry
whose own questions ask what X is answers it; a "who"/"when"/"which"/"how many"/"how do I"
question an entry asked that kind of question. A word members ask an entry with (its taught
questions: taught_words.py), and a word of general language that says what one of the entry's
words says ("handle" of an entry asked what the bot can answer: equivalents.py), count for those
two measures, never for the score.
"""

from __future__ import annotations

import heapq
from operator import itemgetter

from rapidfuzz import fuzz, process

from bot.core.autocomplete import Autocompleting
from bot.core.confidence import CLOSE_CALL, EARLIER_CALL, MISSING_LIMIT, Candidate
from bot.core.entry_index import ANSWER_FACTOR, KIND_BITS
from bot.core.equivalents import EQUIVALENT_FACTOR
from bot.core.question_form import WHO, asks_who, question_form
from bot.core.question_shapes import HOW_MANY
from bot.core.taught_words import TAUGHT_FACTOR

NAMED, KEYWORD_NAMED = 2, 1  # how an entry is asked what something is
NOTHING: frozenset[str] = frozenset()  # Candidate.lacks of an entry that lacks nothing
CANDIDATE_ENTRIES = 24
NAMED_BEFORE = 4  # the words before "what is it" that may name what it asks about
ENTRY_COVER, QUESTION_COVER, PHRASE_COVER, SIMILARITY = 0.20, 0.40, 0.10, 0.30


class Ranking(Autocompleting):
    """An index that ranks its entries for a question and measures how well each covers it."""

    # Per entry: the words members ask it with (taught_words.py; one_question.py sets them).
    _taught_words: list[frozenset[str]]
    # Token -> the tokens of general language said the same (equivalents.py; one_question.py).
    _equivalents: dict[str, frozenset[str]]

    def rank(
        self, question: str, limit: int = 3, leave_out: frozenset[str] = frozenset()
    ) -> list[Candidate]:
        """Entries ordered by score, best first; empty when the question shares nothing.

        Greetings, thanks and other chatter around the question are dropped first, and so are
        the tokens in `leave_out`.
        """
        plain, context = self._read(question)
        weights, typed, read = self._weighted_tokens(plain, context)
        # Compared with the entries' questions as read, its misspelt words as meant: "que
        # siudades…" is as like "¿En qué ciudades…?" as "que ciudades…" is.
        normalized = self._text.join_phrases(read)
        for token in leave_out.intersection(weights):
            del weights[token]
        if not weights:
            index = self._exact.get(normalized)
            if index is None:
                return []
            return [Candidate(self._ids[index], self._questions[index], 100.0, normalized)]
        total = sum(weights.values())
        found = self._accumulate(weights, scan_limit=None, keep=CANDIDATE_ENTRIES)
        best = heapq.nlargest(CANDIDATE_ENTRIES, found.items(), key=itemgetter(1))
        similar = self._similarities(normalized, [index for index, _ in best])
        scored = [
            (*self._score(index, covered / total, normalized, weights, total, alike), index)
            for (index, covered), alike in zip(best, similar, strict=True)
        ]
        scored.sort(key=lambda item: (-item[0], self._ids[item[2]]))
        # "que signifiica ice" asks what X is, read from the question, not the backstory
        # around it ("what's atd, my neighbor is on it")
        asked = " ".join(word for word in read.split() if word not in context) or read
        # …and so is the kind it asks ("cuantso" asks how many): a kind read in the message's
        # first words that only its backstory says is none ("asking for my brother who has an
        # iphone, can he…" asks no "who"); one said past them is not read, as before
        asked_kind = self._text.question_kind(read.split()) and self._text.question_kind(
            asked.split()
        )
        kind = KIND_BITS.get(asked_kind, 0)
        # Only candidates within CLOSE_CALL of the best (EARLIER_CALL, for an entry named by a
        # word the best lacks: confidence.py) can be answered with: what the others leave
        # unexplained is not measured (it needs word frequencies, slow to load).
        floor = scored[0][0] - CLOSE_CALL if scored else 0.0
        wider = scored[0][0] - EARLIER_CALL if scored else 0.0
        measured = [
            (score, text, index, *self._coverage(index, weights, typed, total, score > wider))
            for score, text, index in scored[:limit]
        ]
        # "which groups are exempt" asks who, when no candidate is asked "which …" itself.
        if asks_who(self._text, asked.split(), asked_kind) and not any(
            self._kinds[index] & kind for _, _, index, *_ in measured
        ):
            kind |= KIND_BITS[WHO]
        subject = self._subject(asked, read, weights, typed)
        form = question_form(self._text, asked.split())
        informative = 0.0
        if any(missing for *_, missing, _ in measured):
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
                taught_coverage=taught_coverage,
                missing=missing if score > floor else 0.0,
                missing_beyond=0.0 if score > floor else missing,
                informative=informative,
                alike=bool(self._kinds[index] & kind),
                alike_about=self._asked_alike(index, kind, weights),
                counting=asked_kind == HOW_MANY,
                defines=bool(level := self._defines_subject(index, subject, weights)),
                named=level == NAMED,
                asks_what=bool(subject),
                asks_kind=bool(kind) and asked_kind != HOW_MANY,
                one_common_word=one_common_word,
                form=form,
                matched_form=question_form(self._text, text.split()) if form else "",
                lacks=lacks,
                keyed=frozenset(t for t in weights if t in self._keywords[index]),
            )
            for score, text, index, coverage, taught_coverage, missing, lacks in measured
        ]

    def _asked_alike(self, index: int, kind: int, weights: dict[str, float]) -> bool:
        """Whether the entry is asked the question's kind ("who …", "how many …") about
        something the question names: one of its questions of that kind shares a word with it
        ("who won the election" and "who says immigration is a burden on cities" do not)."""
        if not self._kinds[index] & kind:
            return False
        tokens, kinds = self._tokens, self._text_kinds
        return any(
            kinds[position] & kind and not weights.keys().isdisjoint(tokens[position])
            for position in range(self._starts[index], self._starts[index + 1])
        )

    def _subject(
        self, plain: str, whole: str, weights: dict[str, float], typed: dict[str, str]
    ) -> list[str]:
        """The tokens of what a "what is X" question asks about; empty for other questions.
        `whole`: the message, backstory included, where a subject that only points back ("what
        is that site", "¿qué es eso?") may be named."""
        subject = self._text.definition_subject(plain)
        if subject is None or self._refers(subject.split()):
            before = self._named_before(whole.split())
            if before is not None:
                return self._named_in(before, whole.split(), weights, typed)
        if subject is None:
            return []
        return self._subject_tokens(subject, plain.split(), weights, typed)

    def _subject_tokens(
        self, subject: str, words: list[str], weights: dict[str, float], typed: dict[str, str]
    ) -> list[str]:
        frame = set(words).difference(subject.split()) | self._text.framing_words
        # A name joined from several words ("app store") is the subject's only when said in it:
        # "what's the ICE app that's listed in the app store" asks what the ICE app is.
        joined = {token for _, token in self._text.phrase_parts(subject)}
        return [
            token
            for token in weights
            if typed[token] not in frame and (typed[token] in words or token in joined)
        ]

    def _named_in(
        self, before: list[str], words: list[str], weights: dict[str, float], typed: dict[str, str]
    ) -> list[str]:
        """What a "what is it" asks about, of the words said `before` it: those of them that
        name what an entry's own questions ask what it is ("my sister got paperwork mentioning
        ice.gov/check-in, what is that site"; "…the 'ICE Check-In App' I saw in the app store,
        what is it?"), else the few words just before it ("a program called atd")."""
        said = self._subject_tokens(" ".join(before), words, weights, typed)
        named = [token for token in said if token in self._asked_name_tokens]
        if named:
            return named
        return self._subject_tokens(" ".join(before[-NAMED_BEFORE:]), words, weights, typed)

    def _named_before(self, words: list[str]) -> list[str] | None:
        """Of a question that ends asking what something named before it is ("i keep hearing
        about a program called atd, what is it exactly", "…se llama smartlink, ¿qué es?"): the
        words said before the "what is it"; None for other questions."""
        for start in range(len(words) - 2, 0, -1):
            asked = self._text.definition_subject(" ".join(words[start:]))
            if asked is not None and self._refers(asked.split()):
                return words[:start]
        return None

    def _refers(self, words: list[str]) -> bool:
        """Whether a subject only points at something named elsewhere: "it", "it exactly",
        "that site", or nothing but how it is asked ("¿qué es?", "¿qué es exactamente?")."""
        text = self._text
        pointing = not text.reference_words.isdisjoint(words) or text.kind_words.isdisjoint(words)
        return pointing and all(
            w in text.reference_words or w in text.framing_words or w in text.kind_words
            for w in words
        )

    def _defines_subject(self, index: int, subject: list[str], weights: dict[str, float]) -> int:
        """Whether the entry is asked what the subject is: one of the things its "what is"
        questions ask about and the subject mostly overlap, each way ("ice" is not the ICE
        Portal; "atd program" is ATD). 0: no; 1: through one of its keywords (its names);
        2: through one of its questions, or when there is no subject."""
        if not subject:
            return NAMED
        asked = sum(weights[token] for token in subject)
        idf = self._idf
        parts = self._name_parts.get(index, frozenset())
        for position, name in enumerate(self._defines.get(index, ())):
            if parts.issuperset(name):
                continue  # "what is cbp": a word of the entry's name "CBP One" names CBP
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
    ) -> tuple[float, float, float, frozenset[str]]:
        """(share of the question's weight the entry's questions cover, the same counting the
        words members ask it with, informativeness of the question's words the whole entry,
        answer included, lacks: 0 unless measure_missing, and those of its words that alone
        would leave too much unexplained)."""
        # Framing words ("what happens if", "how is it calculated") say how the question is
        # asked, not what about: they count for neither side, and a question of framing words
        # only ("what did it turn into") has nothing to cover.
        framed = {token for token in weights if self._frames(typed[token], token)}
        framing = sum(weights[token] for token in framed)
        if total <= framing:
            return 0.0, 0.0, 0.0, NOTHING
        asked = set(self._keywords[index]) | self._named(index, weights)
        for position in range(self._starts[index], self._starts[index + 1]):
            asked.update(self._tokens[position])
        unasked = [token for token in weights if token not in asked]
        if not unasked:
            return 1.0, 1.0, 0.0, NOTHING
        lacking = sum(weights[t] for t in unasked if t not in framed)
        coverage = 1 - lacking / (total - framing)
        # A word members ask the entry with (taught_words.py) covers part of its weight, for
        # the share the entry must cover to be answered with (not to choose among entries).
        taught = {t for t in unasked if t in self._taught_words[index] and self._told(typed[t], t)}
        told = TAUGHT_FACTOR * sum(weights[t] for t in unasked if t in taught and t not in framed)
        # So does a word that says what one of the entry's words says (equivalents.py).
        alike = self._said_alike(unasked, asked, typed) - taught
        told += EQUIVALENT_FACTOR * sum(weights[t] for t in alike if t not in framed)
        taught |= alike
        taught_coverage = coverage + told / (total - framing)
        if not measure_missing:
            return round(coverage, 3), round(taught_coverage, 3), 0.0, NOTHING
        # A word of one of the entry's longer names ("cbp" of "CBP One") is not explained by
        # its answer saying it: the entry is about the longer name's thing. Nor is a word an
        # entry about the bot says in passing, of a question that does not name the bot: "is
        # newsmax biased" asks about Newsmax, which the bot's neutrality answer only mentions.
        answer = set(self._answers[index]) - self._name_parts.get(index, frozenset())
        if index in self._about_bot and self._bot_tokens.isdisjoint(weights):
            answer = set()
        said = {t: self._informativeness(typed[t], t) * self._specific(t) for t in unasked}
        absent = [t for t in unasked if t not in answer]
        missing = sum(said[t] for t in absent)
        # …and explains what they say, when that leaves nothing informative unexplained (not
        # the share a question of many informative words may leave).
        if missing and (rest := sum(said[t] for t in absent if t not in taught)) < MISSING_LIMIT:
            missing = rest
            absent = [t for t in absent if t not in taught]
        # The words it lacks that alone would leave too much unexplained.
        lacks = frozenset(t for t in absent if said[t] >= MISSING_LIMIT)
        return round(coverage, 3), round(taught_coverage, 3), round(missing, 3), lacks

    def _said_alike(self, unasked: list[str], asked: set[str], typed: dict[str, str]) -> set[str]:
        """The question's tokens not among the entry's that one of its words says the same as
        (equivalents.py), when the word as typed says something and is a word of the language
        (the equivalents are words of general language, not names: "topic" may be explained
        by "issue" though another entry is asked about topics)."""
        equivalents, text = self._equivalents, self._text
        return {
            t
            for t in unasked
            if t in equivalents
            and not equivalents[t].isdisjoint(asked)
            and self._informativeness(typed[t], t) > 0.0
            and text.is_word(typed[t])
        }

    def _told(self, word: str, token: str) -> bool:
        """Whether a word members ask an entry with (taught_words.py) may explain it: a word
        of the language that says something, not one of its function words; and not a name the
        knowledge base asks other entries with ("newsmax" asks who reported the story, however
        often it is said beside another entry's words)."""
        said = self._informativeness(word, token)
        return (
            said > 0.0 and (said < 1.0 or token not in self._postings) and self._text.is_word(word)
        )

    def _similarities(self, normalized: str, indices: list[int]) -> list[float]:
        """For each entry, the rapidfuzz token-sort similarity of the question as read to the
        entry's closest question (0 at least): the entries' questions compared in one call,
        which sorts the question's words once instead of once per question."""
        starts, texts = self._starts, self._texts
        spans = [(starts[index], starts[index + 1]) for index in indices]
        compared = [text for start, end in spans for text in texts[start:end]]
        found = [0.0] * len(compared)
        for _, similarity, position in process.extract(
            normalized, compared, scorer=fuzz.token_sort_ratio, processor=None, limit=None
        ):
            found[position] = similarity
        best, offset = [], 0
        for start, end in spans:
            best.append(max(found[offset : offset + end - start], default=0.0))
            offset += end - start
        return best

    def _score(
        self,
        index: int,
        entry_cover: float,
        normalized: str,
        weights: dict[str, float],
        total: float,
        best_similarity: float,
    ) -> tuple[float, str]:
        """(score, the entry's question that matched best); `best_similarity`: the entry's
        (_similarities)."""
        keywords, answer = self._keywords[index], self._answers[index]
        known = {t: w * ANSWER_FACTOR for t, w in weights.items() if t in answer}
        known.update((t, w) for t, w in weights.items() if t in keywords)
        known.update((t, weights[t]) for t in self._named(index, weights))
        best_lexical, best_text = -1.0, ""
        texts, tokens, idf, text_weight = self._texts, self._tokens, self._idf, self._text_weight
        weight_of = weights.get
        for position in range(self._starts[index], self._starts[index + 1]):
            text = texts[position]
            if text == normalized:
                return 100.0, text
            covered = dict(known)
            shared_idf = 0.0
            for token in tokens[position]:
                weight = weight_of(token)
                if weight is not None:
                    covered[token] = weight
                    shared_idf += idf[token]
            phrase_weight = text_weight[position]
            lexical = QUESTION_COVER * sum(covered.values()) / total + PHRASE_COVER * (
                shared_idf / phrase_weight if phrase_weight else 0.0
            )
            if lexical > best_lexical:
                best_lexical, best_text = lexical, text
        score = 100 * (ENTRY_COVER * entry_cover + best_lexical) + SIMILARITY * best_similarity
        return round(score, 1), best_text
