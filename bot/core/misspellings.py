"""Reading the words of a question as the words meant: strings that are no words corrected
to the knowledge base's words (typos.py) or to the language's, names spelt by ear read as the
words they sound like, diminutives as their base word. A real word is never corrected into a
knowledge-base word ("daca" is not "data"), unless the correction completes one of the domain's
names, or it is a slip of a function word where nothing else fits (_short_slip, _asked_slip).
"""

from __future__ import annotations

from bot.core.commonness import own_word, zipf
from bot.core.entry_index import EntryIndex
from bot.core.typos import CHEAP, FULL_EDIT, MIN_LENGTH

# A string the word list has at least this often (Zipf) is a word of its own whenever the word it
# would be corrected to is a whole edit or more away (a letter struck far from the right one, an
# extra key nowhere near it): "pitot" (1.95) is no "pilot", "vole" (2.6) no "vote", "dolt" no
# "dont". Misspellings written that often are slips of the likeliest kinds ("chek" 2.3, "appel"
# 2.5, "borer" 2.5: a letter dropped or swapped); the rare costly ones are rarer ("critisism" 1.1,
# "sinse" 1.1): _own_word.
FAR_SLIP_ZIPF = 1.5

# Three-letter strings are corrected too, but only into function words ("wer", "wil", "fro").
SHORTEST_TYPO = 3
# A correction keeps a listed form's meaning when it opens with the correction's stem of at
# least this many letters ("levantarian" with "levant" of "levantaron"; "uscis" is not "us" of
# "uses"): _keeps_form.
FAMILY_STEM = 5
# Words that start what a question asks about, beside the language's reference words ("it",
# "they"): after "how does", "what did" (_asked_slip).
_SUBJECT_STARTS = frozenset("the a an i you u we he she my your their our his her".split())


class MisspellingReader(EntryIndex):
    """An index that reads a question's misspelt words as the words meant."""

    def _corrected(self, plain: str) -> tuple[list[str], set[str], bool]:
        """The words of `plain` as meant, the corrected ones among them, and whether a
        diminutive was read as its base word.

        Strings that are not words are corrected first (even when their stem is known, if they
        sound just like another knowledge-base word or are one likely slip from one:
        _mistyped), so a corrected word can still join its phrase ("appel store" -> "appstore");
        failing a knowledge-base word, to a common word of the language ("puxhed" -> "pushed"),
        whose meaning then counts. A real word is never corrected into a knowledge-base word
        ("daca" is not "data"), unless the correction completes one of the domain's names ("pres
        confrence" -> "press conference"); a rare one may be read as a function word ("herd" as
        "heard", "tis" as "this"; "wall" is not "all").
        """
        corrected: set[str] = set()
        words = plain.split()
        real: list[tuple[int, str]] = []
        text = self._text
        # Words that already form one of the domain's names with their neighbours ("esmar
        # link", "cbp uan") are read as typed: correcting one would break the name.
        named = {word for word, _ in text.phrase_parts(plain)}
        based = False  # whether a diminutive was read as its base word
        for position, word in enumerate(words):
            token = text.stem(word)
            if (
                word not in text.stopwords
                and word not in named
                and (token not in self._idf or self._mistyped(word))
            ):
                if token in text.stopwords:
                    continue  # shorthand for a function word ("xk" is "porque")
                if (base := self._base_form(word)) is not None:
                    words[position] = base
                    based = True
                    continue
                if (homophone := self._sounds_like(word)) is not None:
                    words[position] = homophone
                    corrected.add(homophone)
                    continue
                fixed = self._typos.correct(word, SHORTEST_TYPO)
                if (
                    fixed is not None
                    and len(word) < MIN_LENGTH
                    and not self._short_slip(word, fixed)
                ):
                    fixed = None
                if fixed is not None and (
                    self._keeps_form(word, fixed) or self._own_word(word, fixed)
                ):
                    fixed = None
                if fixed is not None and not text.is_word(word):
                    # …but a common word of the language one likely slip away, where the
                    # knowledge base's word is a whole edit away, is what was meant ("storie"
                    # is "stories", not the knowledge base's "store")
                    likelier = text.spelling(word)
                    if (
                        likelier is not None
                        and self._typos.cost(word, fixed) >= FULL_EDIT
                        and self._typos.cost(word, likelier) <= CHEAP
                    ):
                        fixed = None
                if fixed is None:
                    fixed = None if text.is_word(word) else text.spelling(word)
                    if fixed is not None and self._own_word(word, fixed):
                        fixed = None
                    if fixed is not None and not self._keeps_form(word, fixed):
                        words[position] = fixed  # a typo of a word the knowledge base lacks
                        corrected.add(fixed)
                elif (
                    not text.is_word(word)
                    or (fixed in text.stopwords and text.is_rare(word))
                    or self._asked_slip(words, position, fixed)
                ):
                    words[position] = fixed
                    corrected.add(fixed)
                elif fixed not in text.stopwords and text.has_phrase_words([fixed, *words]):
                    real.append((position, fixed))  # "executive oder": it completes a name
        for position, fixed in real:
            before = self._text.join_phrases(" ".join(words))
            trial = [*words[:position], fixed, *words[position + 1 :]]
            if len(self._text.join_phrases(" ".join(trial)).split()) < len(before.split()):
                words = trial
                corrected.add(fixed)
        return words, corrected, based

    def _keeps_form(self, word: str, meant: str) -> bool:
        """Whether a string too rare to count as a word, but one the language's word list has,
        is read as typed rather than as `meant`. Where a language is spelt as it sounds
        (typos.TypoCorrector.by_ear), its speakers misspell by ear or by one likely slip (CHEAP:
        "siudades", "alguein"); a costlier change of a form written often enough to be listed
        is another word ("brincan" is no "brindan", "uscis" no "uses"): a language that
        inflects spreads a word over many forms, each rare alone. Read as another form of
        itself ("levantarian" as "levantaron": FAMILY_STEM), it keeps its meaning, and is."""
        text = self._text
        return (
            self._typos.by_ear
            and not text.is_word(word)
            and zipf(word, self.language) > 0
            and self._typos.cost(word, meant) > CHEAP
            and not (len(stem := text.stem(meant)) >= FAMILY_STEM and word.startswith(stem))
        )

    def _own_word(self, word: str, meant: str) -> bool:
        """Whether a string too rare to count as a word is still one of its own, not a typo of
        `meant` (commonness.own_word: "knockoff" is no "knockout"), or one the word list has
        often enough that `meant`, a whole edit away, is not what a slip makes of it
        (FAR_SLIP_ZIPF: "pitot" is no "pilot"). A function word is what a rare string one slip
        from it means all the same ("howd" is "hows", "ppls" "pls"). A language spelt as it
        sounds spreads its words over rarer forms: _keeps_form judges those."""
        text = self._text
        return (
            not self._typos.by_ear  # there, _keeps_form decides
            and not text.is_word(word)
            and meant not in text.stopwords
            and (
                own_word(word, meant, self.language)
                or (
                    zipf(word, self.language) >= FAR_SLIP_ZIPF
                    and self._typos.cost(word, meant) >= FULL_EDIT
                )
            )
        )

    def _mistyped(self, word: str) -> bool:
        """Whether a string whose stem the knowledge base knows is still a misspelling: it is
        neither a word the knowledge base writes nor a word of the language, and it is one cheap
        slip from (_slip), or sounds just like, a knowledge-base word with another stem. Stems
        are cut short, and a name spelt by ear may be one: "apel" ("apple" as Spanish speakers
        hear it) is also the stem of "apelación"; "lifed" strips to "life". A string a costlier
        edit from a word keeps its stem's reading ("incs", from "Inc's", is not "ins")."""
        text = self._text
        if not word.isalpha() or self._typos.knows(word) or text.is_word(word):
            return False
        slip = self._slip(word)
        if slip is not None and text.stem(slip) != text.stem(word):
            return True  # one slip from a word with another stem ("lifed" is "lifted")
        key = text.sound_key(word)
        heard = None if key is None else self._sounds.get(key)
        return heard is not None and text.stem(heard) != text.stem(word)

    def _slip(self, word: str) -> str | None:
        """The knowledge base's word a string that is no word is one slip of the likeliest
        kinds from (typos.CHEAP: a dropped vowel or letter, a doubled letter, a swap), if any.
        Such a string is read as that word even when its stem is one the knowledge base knows:
        "lifed" strips to "life", but was "lifted"; "stor" is "store"."""
        text = self._text
        if len(word) < MIN_LENGTH or text.is_word(word) or self._typos.knows(word):
            return None
        found = self._typos.candidates(word)
        if not found or found[0][1] > CHEAP:
            return None
        # Of the likeliest, one with the string's own stem keeps its reading ("stor" is "store"
        # as much as "story": it stays "store")
        stem = text.stem(word)
        likeliest = [known for known, cost in found if cost == found[0][1]]
        return next((known for known in likeliest if text.stem(known) == stem), likeliest[0])

    def _short_slip(self, word: str, fixed: str) -> bool:
        """Whether a string of three letters is read as `fixed`: only as a function word no
        shorter, one likely slip away ("wer" is "were", "wil" "will", "fro" "for"; "tps" is
        not "ths", nor "won" "on")."""
        return (
            fixed in self._text.stopwords
            and len(fixed) >= len(word)
            and self._typos.cost(word, fixed) <= CHEAP
        )

    def _asked_slip(self, words: list[str], position: int, fixed: str) -> bool:
        """Whether a real word is a slip of the verb that asks, where only that verb fits:
        two of its letters swapped from a word that opens questions, right after a question word
        and before the subject asked about ("how dose the app work", "what dose it do"; never
        "what dose of ..."). A real word is otherwise never corrected."""
        text = self._text
        if position == 0 or position + 1 >= len(words) or fixed not in text.question_openers:
            return False
        if sorted(words[position]) != sorted(fixed):
            return False  # only two letters swapped: "who won the" is not "who wont the"
        before, after = words[position - 1], words[position + 1]
        return (
            before in text.question_openers
            and (after in text.reference_words or after in _SUBJECT_STARTS)
            and self._typos.cost(words[position], fixed) <= CHEAP
        )

    def _base_form(self, word: str) -> str | None:
        """The word a diminutive the knowledge base lacks is made from ("poquitos" is "pocos",
        "ahorita" is "ahora"), when the knowledge base uses it or it is a function word, and it
        is far commoner than the diminutive ("visita" is no "visa")."""
        text = self._text
        for base in text.base_forms(word):
            known = base in text.stopwords or text.stem(base) in self._idf
            if known and text.commoner(base, word):
                return base
        return None

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
