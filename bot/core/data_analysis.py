"""A language other than English read from its data folder (`bot/locales/<code>/language.toml`):
shared folding, its stopwords, phrases, synonyms, chatter and Snowball stems."""

from __future__ import annotations

import functools
import math
import re

import snowballstemmer

from bot.core import normalize as english
from bot.core.chatter import strip_chatter
from bot.core.clauses import clause_break, clauses, definition_subject, definitions
from bot.core.commonness import (
    WORD_ZIPF,
    common_words,
    informativeness,
    is_rare,
    is_word,
    same_start,
    spelling,
    zipf,
)
from bot.core.dismissal import drop_dismissal
from bot.core.heard_chatter import read_heard_chatter
from bot.core.languages import SOURCE_LANGUAGE, Language

CACHE_SIZE = 65536
# The shortest word read as a plural (data_analysis.DataAnalysis._singular).
PLURAL_LENGTH = 5
# A singular is read for a plural only when at most this many Zipf units (about three times)
# rarer than it: a much rarer form is another word ("ordene", "universidade").
SINGULAR_RARER = 0.5
# A word this many Zipf units more common in English than in the question's language is read as
# English in that language's questions ("la press conference", "el pilot program"): about ten
# times as common.
BORROWED_LEAD = 1.0
# A real word is read as a function word it sounds like only when that one is this many Zipf
# units (ten times) more common.
COMMONER = 1.0
# A Snowball ending this long or longer (a gerund's "ando") may have been read in a word whose
# last accent was folded away ("demandó").
ENDING_LOST = 3
# Tokens of an entry's English words in another language's index start with this, so they
# never mix with that language's own tokens.
BORROWED = "en:"


class DataAnalysis:
    """A language read from its data: shared folding, its stopwords, phrases, synonyms, stems."""

    def __init__(self, data: Language) -> None:
        self.code = data.code
        self.stopwords = data.stopwords
        self.weak_tokens = data.weak_tokens
        self.doubt_tokens = data.doubt_tokens
        self.question_openers = data.question_openers
        self.yes_no_openers = data.yes_no_openers
        self.subject_openers = data.subject_openers
        self.reference_words = data.reference_words
        self.kind_words = data.kind_words
        self._synonyms = data.synonyms
        self._stemmer = snowballstemmer.stemmer(data.snowball)
        self._trailing = data.stem_trailing
        self._opening = data.stem_opening
        self._accent_lost = data.accent_lost
        self._verb_endings = data.verb_endings
        self._clitics = data.clitics
        self._clitic_hosts = data.clitic_hosts
        self._loanwords = data.loanwords
        self._sounds = [(re.compile(pattern), new) for pattern, new in data.sound_alike]
        self._english_sounds = [(re.compile(pattern), new) for pattern, new in data.english_sounds]
        self._diminutives = [(re.compile(pattern), new) for pattern, new in data.diminutives]
        self._plurals = [(re.compile(pattern), new) for pattern, new in data.plurals]
        phrases = data.phrases
        self._replacements = {f"p{i}": token for i, (_, token) in enumerate(phrases)}
        self._phrase = (
            re.compile(
                r"(?<![a-z0-9])(?:"
                + "|".join(f"(?P<p{i}>{pattern})" for i, (pattern, _) in enumerate(phrases))
                + r")\b"
            )
            if phrases
            else None
        )
        # Every word a phrase pattern may start with: text without one skips the phrase pass.
        self._phrase_words = frozenset(
            word for pattern, _ in phrases for word in re.findall(r"[a-z0-9]+", pattern)
        )
        self.stem = functools.lru_cache(maxsize=CACHE_SIZE)(self._stem)
        self.sound_key = functools.lru_cache(maxsize=CACHE_SIZE)(self._sound_key)
        self.normalize = functools.lru_cache(maxsize=CACHE_SIZE)(self._normalize)
        self.plain_words = functools.lru_cache(maxsize=CACHE_SIZE)(self._plain_words)
        self.strip_chatter = functools.lru_cache(maxsize=CACHE_SIZE)(self._strip_chatter)
        self.never_missing = self.weak_tokens | frozenset(map(self.stem, data.framing_words))
        self.framing_words = frozenset(data.framing_words)
        self._definitions = definitions(data.definitions)
        self.definition_ends = data.definition_ends
        self._question_kinds = data.question_kinds
        self._clause_break = clause_break(data.clause_break)

    def _strip_chatter(self, plain: str) -> str:
        """`plain` without greetings, thanks and filler: the language's `chatter` patterns, then
        English's, which members mix in ("thanks!", "pls", "lol", "anyone know?"); and the
        alternative that dismisses a claim asked about ("o es puro chisme": dismissal.py).
        Chatter spelt by ear ("kiero saber") is first read as the chatter it is
        (heard_chatter.py)."""
        plain = strip_chatter(read_heard_chatter(plain, self.code, self), self.code)
        if self.code != SOURCE_LANGUAGE:
            # English chatter mixed in is dropped; its slang and "you" are not read in Spanish.
            plain = strip_chatter(plain, SOURCE_LANGUAGE, own=False)
        return drop_dismissal(plain, self.code, self)

    def definition_subject(self, plain: str) -> str | None:
        return definition_subject(self._definitions, self.definition_ends, plain)

    def clauses(self, text: str) -> list[str]:
        return clauses(self, self._clause_break, text, chatter_first=False)

    # Questions mix in English ("la app de ICE", "el check-in"): a word is a word in either
    # language, and the English words the language borrows are as common as they are in English.
    def is_word(self, word: str) -> bool:
        return (
            is_word(word, self.code)
            or is_word(word, SOURCE_LANGUAGE)
            or self._verb_with_clitic(word)
        )

    def _verb_with_clitic(self, word: str) -> bool:
        """Whether `word` is a verb form with a pronoun written onto it (the language's
        `clitics` after one of its `clitic_hosts`: "lanzarla", "bajarlo"), the form a word of
        the language: word lists have few of these, each rare, though any verb takes them."""
        for clitic in self._clitics:
            host = word[: -len(clitic)]
            if word.endswith(clitic) and host.endswith(self._clitic_hosts) and len(host) > 3:
                return is_word(host, self.code)
        return False

    def is_rare(self, word: str) -> bool:
        """Judged, like informativeness, by the word's family: "cuñado" (3.8) is rarer than
        "herd" is in English, but "cuñado", "cuñada" and "cuñados" together are not, and a
        member who writes of one is no more mistyping "cuando" than one writing "herd"."""
        family = self._family_zipf(word) if word.isalpha() else None
        return is_rare(word, self.code, family) and is_rare(word, SOURCE_LANGUAGE)

    def spelling(self, word: str) -> str | None:
        return spelling(word, self.code)

    def question_kind(self, words: list[str]) -> str:
        """What a question asks for, from the first of its first three words that says (the
        language's `question_kinds`, which may name two or three words: "por que", "en que
        momento"), the longest first; "" when none does (or the one found names no kind: "en
        que consiste" asks what something is, not which)."""
        kinds = self._question_kinds
        for position in range(min(3, len(words))):
            for size in (3, 2, 1):
                kind = kinds.get(" ".join(words[position : position + size]))
                if kind is not None:
                    return kind
        return ""

    def informativeness(self, word: str) -> float:
        if word in self._loanwords or self._is_english(word):
            return informativeness(word, SOURCE_LANGUAGE)
        return informativeness(word, self.code, self._family_zipf(word))

    @functools.lru_cache(maxsize=CACHE_SIZE)  # noqa: B019 - one instance per language
    def _family_zipf(self, word: str) -> float:
        """How common the word's family is: all the words of the language sharing its stem
        ("funciona", "funcionar", "funcionan" …). A language that inflects more than English
        spreads a word's uses over many forms, each rarer than the one English form, so a form's
        own frequency would make "funciona" (4.9) sound more particular than "works" (5.0) and
        "work" together; the family's (5.7) does not."""
        stem = self._stemmer.stemWord(word)
        total = sum(
            10 ** (frequency - 9)
            for other, frequency in same_start(stem, self.code)
            if other == word or self._stemmer.stemWord(other) == stem
        )
        return max(math.log10(total) + 9 if total else 0.0, zipf(word, self.code))

    def _is_english(self, word: str) -> bool:
        return zipf(word, SOURCE_LANGUAGE) >= zipf(word, self.code) + BORROWED_LEAD

    def _sound_key(self, word: str) -> str | None:
        """What `word` sounds like, by the language's `sound_alike` rules ("fayas" and "fallas",
        "siudad" and "ciudad" sound alike); None when the language has none."""
        if not self._sounds:
            return None
        for pattern, new in self._sounds:
            word = pattern.sub(new, word)
        return word

    def heard_keys(self, word: str) -> tuple[str, ...]:
        """For an English word the knowledge base uses (a name: "ice", "apple"), the sound keys
        of the ways this language's speakers spell it as they hear it ("ais", "apel"), by the
        language's `english_sounds` rules; empty for the language's own words."""
        if not self._english_sounds or not word.isalpha():
            return ()
        if zipf(word, SOURCE_LANGUAGE) <= zipf(word, self.code):
            return ()  # more this language's than English ("app" and "apple" are English)
        heard = word
        for pattern, new in self._english_sounds:
            heard = pattern.sub(new, heard)
        key = self.sound_key(heard)
        return () if key is None or key == self.sound_key(word) else (key,)

    def base_forms(self, word: str) -> list[str]:
        """The words `word` may be a diminutive of, by the language's `diminutives` rules
        ("poquitos" -> "pocos", "milloncitos" -> "millon", "ahorita" -> "ahora"), in order."""
        found = []
        for pattern, new in self._diminutives:
            base, changed = pattern.subn(new, word)
            if changed and base != word and base not in found:
                found.append(base)
        return found

    def commoner(self, word: str, than: str) -> bool:
        """Whether `word` is far (COMMONER Zipf units) more common than `than`, each as common
        as it is in this language or in English, which questions mix in: "ise" (2.8 in Spanish)
        is rare beside the name "ice" (5.0 in English), though Spanish writing seldom uses it."""
        return self._either_zipf(word) >= self._either_zipf(than) + COMMONER

    def _either_zipf(self, word: str) -> float:
        return max(zipf(word, self.code), zipf(word, SOURCE_LANGUAGE))

    def sounds_like(self, word: str) -> str | None:
        """The common word of the language (wordfreq's) that `word` sounds like, if any."""
        if not self._sounds:
            return None
        found = self._common_sounds().get(self.sound_key(word) or "")
        return found if found != word else None

    @functools.cache  # noqa: B019 - one instance per language, kept for the process
    def _common_sounds(self) -> dict[str, str]:
        sounds: dict[str, str] = {}
        for word in common_words(self.code):  # commonest first
            sounds.setdefault(self.sound_key(word) or "", word)
        return sounds

    def borrowed_tokens(self, word: str) -> list[str] | None:
        """A word of English in a question of this language ("cities", "launch", "is"), as the
        English index reads it, its tokens marked BORROWED (none for an English function word);
        None for a word that is not English. The index knows each entry's English words so."""
        if not word.isalpha() or not self._is_english(word):
            return None
        return [BORROWED + token for token in english.tokens_of([word])]

    # folding and words: the same as English (accents and ñ fold, markup and emoji go)
    def word_list(self, text: str) -> list[str]:
        return english.word_list(text)

    def _plain_words(self, text: str) -> str:
        return " ".join(self.word_list(text))

    def _normalize(self, text: str) -> str:
        return self.join_phrases(self.plain_words(text))

    def has_phrase_words(self, words: list[str]) -> bool:
        return self._phrase is not None and not self._phrase_words.isdisjoint(words)

    def join_phrases(self, words: str) -> str:
        if self._phrase is None or not self.has_phrase_words(words.split()):
            return words
        return self._phrase.sub(lambda m: self._replacements[m.lastgroup or ""], words)

    def phrase_parts(self, words: str) -> list[tuple[str, str]]:
        if self._phrase is None or not self.has_phrase_words(words.split()):
            return []
        return [
            (word, self._replacements[match.lastgroup or ""])
            for match in self._phrase.finditer(words)
            for word in match.group().split()
        ]

    def _stem(self, word: str) -> str:
        if word in self._synonyms:
            return self._synonyms[word]
        if not word.isalpha() or word in self._replacements.values():
            return word
        word = self._singular(word)
        if word in self._synonyms:
            return self._synonyms[word]
        stemmed = self._accented_stem(word, self._snowball(word))
        # Snowball finds some suffixes only by their accent ("inscribió"); accents are folded
        # first, so a final vowel left on a long stem is dropped to meet the accented form.
        if len(stemmed) > 5 and stemmed[-1] in self._trailing:
            stemmed = stemmed[:-1]
        return self._synonyms.get(stemmed, stemmed)

    def _accented_stem(self, word: str, stemmed: str) -> str:
        """`stemmed` (the Snowball stem of folded `word`), or the stem of `word` with its last
        letter accented (the language's `accent_lost`) when folding took that accent: Snowball
        read the plain word as having a long ending that leaves no verb ("demandó" folded to
        "demando", read as a gerund: "dem", no "demar"), and the accented word leaves one
        ("demand": "demandar"). A real gerund ("usando": "usar") is left as it is."""
        accented = self._accent_lost.get(word[-1:])
        if accented is None or len(word) - len(stemmed) < ENDING_LOST or self._verb(stemmed):
            return stemmed
        other = self._snowball(word[:-1] + accented)
        return other if len(other) > len(stemmed) and self._verb(other) else stemmed

    def _verb(self, stem: str) -> bool:
        return any(is_word(stem + ending, self.code) for ending in self._verb_endings)

    def _singular(self, word: str) -> str:
        """The singular `word` is the plural of (the language's `plurals`): the first word of
        the language they give that is no stopword and not much rarer than `word` (within
        SINGULAR_RARER: "ordenes" is read as "orden", not the verb "ordene"); `word` itself
        when none is, or when shorter than PLURAL_LENGTH ("mes", "pais", "tres")."""
        if len(word) < PLURAL_LENGTH:
            return word
        floor = max(WORD_ZIPF, zipf(word, self.code) - SINGULAR_RARER)
        for pattern, new in self._plurals:
            single = pattern.sub(new, word)
            if single != word and single not in self.stopwords and zipf(single, self.code) >= floor:
                return single
        return word

    def _snowball(self, word: str) -> str:
        """The Snowball stem, with the language's `stem_opening`: Spanish Snowball looks for a
        verb's or noun's ending only after the word's first syllable, which for a word opening
        with a vowel is one letter later than for one opening with a consonant ("usa", "abre",
        "alta" keep theirs, while "casa", "pide", "sale" lose them). Stemmed as if it opened with
        a consonant, such a word loses its ending as the rest do ("usa", "usan", "usar" and
        "uso" meet), and its other regions are unchanged."""
        opening = self._opening if word[0] in "aeiou" else ""
        stemmed: str = self._stemmer.stemWord(opening + word)
        return stemmed[len(opening) :]

    def _token(self, word: str) -> str:
        if word in self.stopwords:
            return ""
        token = self.stem(word)
        return "" if token in self.stopwords else token

    def tokens_of(self, words: list[str]) -> list[str]:
        return [token for word in words if (token := self._token(word))]

    def content_tokens(self, normalized: str) -> list[str]:
        return self.tokens_of(normalized.split())

    def content_words(self, normalized: str) -> list[tuple[str, str]]:
        return [(word, token) for word in normalized.split() if (token := self._token(word))]
