"""Reading a question against an index: which of its words count, how much each weighs, and
the word typed for each (ranking.py ranks entries on them).

Misspelt words are read as the words meant first (misspellings.py); the backstory clauses
around a question, for what they leave of it (backstory_reading.py).
"""

from __future__ import annotations

import re

from bot.core.backstory_reading import BackstoryReader
from bot.core.chatter import (
    backstory_words,
    indirect_question,
    rewrite,
    tells_backstory,
    without_chatter_sentences,
    without_relative,
)
from bot.core.clauses import asked_directly, parts_at, place_part
from bot.core.languages import languages
from bot.core.remembered import remembered

# A word the knowledge base never uses weighs by how informative it is in general language
# (commonness.py): fully from UNKNOWN_FULL on ("population", "won"), less below it ("whole",
# "hope", "lot"), never under UNKNOWN_FLOOR of the full weight.
UNKNOWN_FULL = 0.6
UNKNOWN_FLOOR = 0.4
CORRECTED_FACTOR = 0.8  # a typo-corrected word counts a little less than a typed one
# A word that only the context around a question uses (_read) weighs this share of its weight.
CONTEXT_FACTOR = 0.2


# A message's sentences end at "?", "!", a new line, or a full stop after a word (not inside
# "U.S." or "1.8"); inside one, a comma, colon, semicolon or dash may start a question
# ("my friend sent me this, where is it from"); so does an opening question mark, which says
# so whatever the words ("mi tío usa smartlink, ¿eso qué es?").
_SENTENCE_END = re.compile(r"(\?+|[!\n]+|(?<=[^\W\d_]{2})[\"'\u2019\u201d)]?\.(?=\s|$))")
_OPENING_MARK = "\u00bf"


class ContextWord(str):
    """A word typed in the backstory around a question ("I volunteer with asylum seekers.")
    rather than in the question itself: it says less about what is asked."""

    __slots__ = ()


class QuestionReader(BackstoryReader):
    """An index that can read a question into weighted tokens."""

    def _weighted_tokens(
        self, plain: str, context: frozenset[str] = frozenset()
    ) -> tuple[dict[str, float], dict[str, str], str]:
        """Each distinct query token with its weight, the word typed for it, and the question
        as read (its misspelt words read as meant: misspellings.py); `plain` is the output of
        plain_words(). The dicts are the caller's own to change.
        """
        weights, typed, read = self._tokens_read(plain, context)
        return dict(weights), dict(typed), read

    @remembered
    def _tokens_read(
        self, plain: str, context: frozenset[str]
    ) -> tuple[dict[str, float], dict[str, str], str]:
        """_weighted_tokens, remembered: one ask reads its question more than once."""
        words, corrected, based = self._corrected(plain)
        read = " ".join(words) if corrected or based else plain
        if corrected:
            # A slip corrected may complete an idiom said plainly (chatter.py's rewrites, run
            # before on the words as typed): "get in trubble" is "get in trouble", facing
            # consequences.
            read = rewrite(read, languages()[self.language].rewrites)
        joined = self._text.join_phrases(read)
        weights: dict[str, float] = {}
        typed: dict[str, str] = {}
        for word, token in self._text.content_words(joined):
            # A word of English no entry's questions use ("cities", quoted in answers) is
            # matched with the entries' English words.
            if token not in self._postings:
                borrowed = self._text.borrowed_tokens(word)
                if borrowed == [] and token not in self._idf:
                    continue  # an English function word ("is", "the")
                token = next((t for t in borrowed or () if t in self._idf), token)
            factor = CORRECTED_FACTOR if word in corrected else 1.0
            if word in context:
                factor *= CONTEXT_FACTOR
                word = ContextWord(word)
            if token not in weights:
                weight = self.weight(token)
                if token not in self._idf:
                    said = self._informativeness(word, token) / UNKNOWN_FULL
                    weight *= min(1.0, max(UNKNOWN_FLOOR, said))
                weights[token] = weight * factor
                typed[token] = word
        return weights, typed, read

    def _informativeness(self, word: str, token: str) -> float:
        """How much a question word an entry lacks says (EntryIndex); a word of the context
        around the question (ContextWord) says CONTEXT_FACTOR of that."""
        said = super()._informativeness(word, token)
        return said * CONTEXT_FACTOR if isinstance(word, ContextWord) else said

    @remembered
    def _read(self, question: str) -> tuple[str, frozenset[str]]:
        """The question as matched (its plain words without chatter) and the words of it that
        are only context.

        A message often carries its question beside clauses that say who asks and why: "I
        volunteer with asylum seekers. What would the check-in look like for them?", "my friend
        sent me this on whatsapp, where does it come from?". A clause that asks ends with a
        question mark or opens as a question; one that tells of the asker or the people around
        them (chatter.py) is backstory. Its words of the language that no entry uses are
        dropped (an answer need not explain "volunteer" or "uncle"); names, numbers and the
        knowledge base's words stay (_without_backstory). When the question has content of its
        own, those count as context: for less (CONTEXT_FACTOR), though they may still say whom
        the question is about. A question with no content of its own ("is that right?", "what
        even is that", "¿eso qué es?") asks about what the backstory says, which then counts in
        full (what someone is reported to say, when it reports: _leaning); so does all context
        that is no backstory ("In Chicago, how many enrolled?", "my laptop keeps crashing, how
        do I fix it"), and a message with no clause that asks. Beside
        a question with content of its own, the people it tells of are context wherever they
        stand ("mi cuñado dice que…, ¿usted qué sabe?").
        """
        text = self._text
        # A sentence of chatter alone ("…nothing happens?? wild") is no part of what is asked.
        kept = without_chatter_sentences(
            question, lambda sentence: text.strip_chatter(text.plain_words(sentence))
        )
        whole = text.strip_chatter(text.plain_words(kept))
        # The people a message tells of ("mi cuñado dice que…", "a mi mamá le pusieron…") are
        # never what it asks: wherever they stand, those no entry speaks of are context.
        people = frozenset(
            word
            for word in backstory_words(whole, self.language)
            if (tokens := text.tokens_of([word])) and not self._known(tokens[0], word)
        )
        clauses = self._clauses(question)
        told = [not asks and tells_backstory(plain, self.language) for plain, asks in clauses]
        asking = [plain for plain, asks in clauses if asks]
        if not asking:
            return whole, frozenset()
        if not any(told):
            return whole, people
        leaning = not any(self._own_content(plain) for plain in asking)
        if leaning:
            return self._leaning(clauses, told)
        read = [
            self._without_backstory(plain) if backstory else plain
            for (plain, _), backstory in zip(clauses, told, strict=True)
        ]
        asked = {
            word
            for plain, backstory in zip(read, told, strict=True)
            if not backstory
            for word in plain.split()
        }
        context = {word for plain in read for word in plain.split()} - asked
        return " ".join(plain for plain in read if plain), frozenset(context) | people

    def _clauses(self, question: str) -> list[tuple[str, bool]]:
        """(plain words without chatter, whether it asks) for each clause of a message."""
        return [(plain, asks) for plain, asks, _ in self._clauses_at(question)]

    @remembered
    def _clauses_at(self, question: str) -> tuple[tuple[str, bool, int], ...]:
        """_clauses', each with where it starts in `question`."""
        text = self._text
        language = languages()[self.language]
        found: list[tuple[str, bool, int]] = []
        marked: list[int] = []  # the clauses that ask only by the question mark ending them
        reported: list[int] = []  # the clauses someone is told to have asked (indirect_question)
        pieces = _SENTENCE_END.split(question)
        offset = 0
        for sentence, end in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
            # (its parts, whether it asks, whether it is backstory told after a question, where)
            clauses: list[tuple[list[str], bool, bool, int]] = []
            told_asked: set[int] = set()  # which of them someone is told to have asked
            # …each part split where someone is told to have asked what follows ("…y me
            # preguntó cómo se reporta uno"): that is a question, whatever ends the sentence
            placed = [
                (start, part, piece, indirect)
                for start, part in parts_at(sentence)
                for piece, indirect in indirect_question(text.plain_words(part), self.language)
            ]
            parts = [part for _, part, _, _ in placed]
            condition: tuple[str, int] | None = None  # a condition held for the question after
            for number, (start, part, piece, indirect) in enumerate(placed):
                plain = text.strip_chatter(piece)
                if not plain:
                    continue
                # An opening question mark says where the question starts: a clause before it
                # in its sentence asks only when it opens as a question, not for a question
                # word within ("tengo miedo porque mi cuñado…, ¿es cierto que…?": "porque" is
                # "because" there).
                marked_later = any(p.lstrip().startswith(_OPENING_MARK) for p in parts[number:])
                asks = (
                    indirect
                    or part.lstrip().startswith(_OPENING_MARK)
                    or (
                        plain.partition(" ")[0] in text.question_openers
                        if marked_later
                        else self._asks(plain)
                    )
                )
                # Backstory told after the question ("what's cbp one again, my cousin used it
                # in 2023") is a clause of its own, as it would be before the question, when it
                # opens as the asker tells of themselves or their own ("my", "I"): "who said
                # it, someone named or anonymous" goes on asking, and so does one that asks
                # within ("i need to know how many use it", "i mean does it track you"). A
                # function word may come first ("…, a mi cuñado le hicieron instalar esa app",
                # "and my aunt used it").
                first, _, rest = plain.partition(" ")
                first_word = first
                if first not in language.first_person and first in text.stopwords:
                    first = rest.partition(" ")[0]
                after = (
                    not asks
                    and bool(clauses)
                    and clauses[-1][1]
                    and first in language.first_person
                    and language.asks_within.isdisjoint(plain.split())
                    and tells_backstory(plain, self.language)
                )
                if condition is not None:
                    held, held_at = condition
                    condition = None
                    if asks:  # "if he did it through this app, what would it look like"
                        plain, start = f"{held} {plain}", held_at
                    else:
                        place_part(clauses, held, False, False, offset + held_at)
                # A condition said before a question in its sentence is the question's, not
                # the backstory's before it ("my uncle has his check-in next month, if he did
                # it through this app, what would the process look like?"): `conditions`.
                if not asks and number < len(placed) - 1 and first_word in language.conditions:
                    condition = (plain, start)
                    continue
                place_part(clauses, plain, asks, after, offset + start)
                if indirect:
                    told_asked.add(len(clauses) - 1)
            if condition is not None:
                place_part(clauses, condition[0], False, False, offset + condition[1])
            for position, (words, asks, after, start) in enumerate(clauses):
                last = position == len(clauses) - 1
                asked = asks or (last and "?" in end and not after)
                if asked and not asks:
                    marked.append(len(found))
                if position in told_asked:
                    reported.append(len(found))
                found.append((" ".join(words), asked, start))
            offset += len(sentence) + len(end)
        # What someone said, told with a question mark, before a question ("someone in another
        # server said the NYC office is booked for years?? is that true"): the claim asked
        # about, backstory as it would be with a full stop.
        for index in marked:
            plain, _, start = found[index]
            if any(asks for _, asks, _ in found[index + 1 :]) and self._hearsay(plain):
                found[index] = (plain, False, start)
        return tuple(asked_directly(found, reported, self._stands_alone))

    def _stands_alone(self, plain: str) -> bool:
        """Whether a question (plain words) asks something of its own, alone: here, has content
        of its own; the matcher also asks that an entry answer it alone (one_question.py)."""
        return self._own_content(plain)

    def _hearsay(self, plain: str) -> bool:
        """Whether a clause only tells what someone said or the asker heard or read: backstory
        ("someone in another server", "my cousin", "I") before a reporting word ("said",
        "heard"), and no informative word an entry uses but those ("my cousin has to report
        to ICE and someone told her…" tells more than who said it; "in another server",
        "at work" do not)."""
        language = languages()[self.language]
        words = plain.split()
        said = next((n for n, word in enumerate(words) if word in language.reporting), None)
        if said is None or not tells_backstory(" ".join(words[:said]), self.language):
            return False
        teller = self._text.content_words(" ".join(words[:said]))
        return not any(
            word not in language.backstory
            and token in self._idf
            and self._informativeness(word, token) >= UNKNOWN_FULL
            for word, token in teller
        )

    def _asks(self, plain: str) -> bool:
        """Whether a clause opens as a question: with a question word, or asks who, where,
        when, why, which or how many within its first words ("if not where can I get help")."""
        words = plain.split()
        return bool(words) and (
            words[0] in self._text.question_openers
            or bool(self._text.question_kind(without_relative(words, self.language)))
        )

    def _own_content(self, plain: str) -> bool:
        """Whether a clause asks about something of its own: a word the knowledge base uses
        that is not chatter-like, framing or doubt ("is that true", "how common is that")."""
        text = self._text
        for word, token in text.content_words(text.join_phrases(plain)):
            if token in text.weak_tokens or token in text.doubt_tokens:
                continue
            if token in text.never_missing or word in text.framing_words:
                continue
            if token in self._idf:
                return True
        return False

    def query_tokens(self, question: str) -> list[str]:
        """The tokens a question is matched on; empty when it has nothing to match."""
        plain, context = self._read(question)
        tokens = list(self._weighted_tokens(plain, context)[0])
        normalized = self._text.join_phrases(plain)
        if not tokens and normalized in self._exact:
            return normalized.split()
        return tokens
