"""Reading a question against an index: which of its words count, how much each weighs, and
the word typed for each (matcher.py ranks entries on them).

Strings that are not words are corrected to words the knowledge base uses (typos.py), or read
as the word they sound like in the language; real words never are (commonness.py).
"""

from __future__ import annotations

from bot.core.entry_index import EntryIndex

# A word the knowledge base never uses weighs by how informative it is in general language
# (commonness.py): fully from UNKNOWN_FULL on ("population", "won"), less below it ("whole",
# "hope", "lot"), never under UNKNOWN_FLOOR of the full weight.
UNKNOWN_FULL = 0.6
UNKNOWN_FLOOR = 0.4
CORRECTED_FACTOR = 0.8  # a typo-corrected word counts a little less than a typed one


class QuestionReader(EntryIndex):
    """An index that can read a question into weighted tokens."""

    def _weighted_tokens(self, plain: str) -> tuple[dict[str, float], dict[str, str], str]:
        """Each distinct query token with its weight, the word typed for it, and the question
        as read (its typos corrected); `plain` is the output of plain_words().

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
                if (homophone := self._sounds_like(word)) is not None:
                    words[position] = homophone
                    corrected.add(homophone)
                    continue
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
        read = " ".join(words) if corrected else plain
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
            if token not in weights:
                weight = self.weight(token)
                if token not in self._idf:
                    said = self._informativeness(word, token) / UNKNOWN_FULL
                    weight *= min(1.0, max(UNKNOWN_FLOOR, said))
                weights[token] = weight * factor
                typed[token] = word
        return weights, typed, read

    def _sounds_like(self, word: str) -> str | None:
        """The word a string that is no word sounds like, if any: the knowledge base's, else a
        common word of the language ("exepcion" is "excepcion", never "eleccion"). A real word
        is only read as a function word that sounds the same and is far commoner ("tubo" as
        "tuvo", "halla" as "haya"), as English reads "herd" as "heard"."""
        text = self._text
        key = text.sound_key(word)
        if key is None:
            return None
        found = self._sounds.get(key)
        if text.is_word(word):
            # …or, a rare one, as the knowledge base's word it sounds like ("sita" as "cita").
            if found is not None and (found in text.stopwords or text.is_rare(word)):
                return found if text.commoner(found, word) else None
            return None
        if found is None:  # a word the knowledge base lacks: its meaning then counts
            return text.sounds_like(word)
        return found if found != word else None

    def query_tokens(self, question: str) -> list[str]:
        """The tokens a question is matched on; empty when it has nothing to match."""
        plain = self._text.strip_chatter(self._text.plain_words(question))
        tokens = list(self._weighted_tokens(plain)[0])
        normalized = self._text.join_phrases(plain)
        if not tokens and normalized in self._exact:
            return normalized.split()
        return tokens
