"""How the matcher reads text in one language: words, joined phrases, stopwords, stems.

This module says what a reading is (TextAnalysis) and picks one per language (`analysis`).
English keeps its hand-made normaliser (normalize.py, vocabulary.py, question_shapes.py).
Every other language is read from its data folder (`bot/locales/<code>/language.toml`, see
data_analysis.py): accent and ñ folding and the markup clean-up are shared with English,
stopwords, phrases and synonyms are data, and stems come from the Snowball stemmer named there.
So a third language is a data folder, not code.
"""

from __future__ import annotations

import functools
from typing import Protocol

from bot.core import normalize as english
from bot.core.chatter import strip_chatter
from bot.core.clauses import clause_break, clauses, definition_subject, definitions
from bot.core.commonness import informativeness, is_rare, is_word, spelling, zipf
from bot.core.data_analysis import CACHE_SIZE, COMMONER, DataAnalysis
from bot.core.dismissal import drop_dismissal
from bot.core.languages import SOURCE_LANGUAGE, language
from bot.core.question_shapes import (
    CLAUSE_BREAK,
    DEFINITION_ENDS,
    DEFINITION_PATTERNS,
    KIND_WORDS,
    QUESTION_OPENERS,
    REFERENCE_WORDS,
    YES_NO_OPENERS,
)
from bot.core.vocabulary import (
    DOUBT_TOKENS,
    FRAMING_WORDS,
    STOPWORDS,
    WEAK_TOKENS,
)


class TextAnalysis(Protocol):
    """What the matcher needs to know about a language."""

    code: str
    stopwords: frozenset[str]
    weak_tokens: frozenset[str]
    doubt_tokens: frozenset[str]  # doubt about a claim: "real", "rumor", "made up"
    never_missing: frozenset[str]  # tokens an entry may lack and still answer: framing words
    framing_words: frozenset[str]  # the same, as typed: they count for no side of coverage
    definition_ends: frozenset[str]  # a "what is X" question opens or ends with one of these
    question_openers: frozenset[str]  # words a question opens with (empty: not known)
    yes_no_openers: frozenset[str]  # words a yes/no question opens with (question_form.py)
    subject_openers: frozenset[str]  # …or its subject, before such a word (other languages)
    reference_words: frozenset[str]  # "it", "that": a subject named elsewhere
    kind_words: frozenset[str]  # "site", "app": said with one, still named elsewhere

    def strip_chatter(self, plain: str) -> str: ...
    def definition_subject(self, plain: str) -> str | None: ...
    def clauses(self, text: str) -> list[str]: ...
    def is_word(self, word: str) -> bool: ...
    def is_rare(self, word: str) -> bool: ...
    def spelling(self, word: str) -> str | None: ...
    def question_kind(self, words: list[str]) -> str: ...
    def informativeness(self, word: str) -> float: ...
    def word_list(self, text: str) -> list[str]: ...
    def plain_words(self, text: str) -> str: ...
    def join_phrases(self, words: str) -> str: ...
    def phrase_parts(self, words: str) -> list[tuple[str, str]]: ...
    def has_phrase_words(self, words: list[str]) -> bool: ...
    def normalize(self, text: str) -> str: ...
    def stem(self, word: str) -> str: ...
    def tokens_of(self, words: list[str]) -> list[str]: ...
    def content_tokens(self, normalized: str) -> list[str]: ...
    def content_words(self, normalized: str) -> list[tuple[str, str]]: ...
    def borrowed_tokens(self, word: str) -> list[str] | None: ...
    def sound_key(self, word: str) -> str | None: ...
    def heard_keys(self, word: str) -> tuple[str, ...]: ...
    def sounds_like(self, word: str) -> str | None: ...
    def base_forms(self, word: str) -> list[str]: ...
    def commoner(self, word: str, than: str) -> bool: ...


class EnglishAnalysis:
    """The English normaliser as a TextAnalysis."""

    code = SOURCE_LANGUAGE
    stopwords = STOPWORDS
    weak_tokens = WEAK_TOKENS
    doubt_tokens = DOUBT_TOKENS
    never_missing = WEAK_TOKENS | frozenset(english.stem(word) for word in FRAMING_WORDS)
    framing_words = FRAMING_WORDS
    definition_ends = DEFINITION_ENDS
    question_openers = QUESTION_OPENERS
    yes_no_openers = YES_NO_OPENERS
    subject_openers: frozenset[str] = frozenset()
    reference_words = REFERENCE_WORDS
    kind_words = KIND_WORDS

    @staticmethod
    def strip_chatter(plain: str) -> str:
        return _english_strip_chatter(plain)

    def definition_subject(self, plain: str) -> str | None:
        return definition_subject(_ENGLISH_DEFINITIONS, DEFINITION_ENDS, plain)

    def clauses(self, text: str) -> list[str]:
        return clauses(self, _ENGLISH_CLAUSE_BREAK, text)

    def is_word(self, word: str) -> bool:
        return is_word(word, SOURCE_LANGUAGE)

    def is_rare(self, word: str) -> bool:
        return is_rare(word, SOURCE_LANGUAGE)

    def spelling(self, word: str) -> str | None:
        return spelling(word, SOURCE_LANGUAGE)

    question_kind = staticmethod(english.question_kind)

    def informativeness(self, word: str) -> float:
        return informativeness(word, SOURCE_LANGUAGE)

    word_list = staticmethod(english.word_list)
    plain_words = staticmethod(english.plain_words)
    join_phrases = staticmethod(english.join_phrases)
    phrase_parts = staticmethod(english.phrase_parts)
    has_phrase_words = staticmethod(english.has_phrase_words)
    normalize = staticmethod(english.normalize)
    stem = staticmethod(english.stem)
    tokens_of = staticmethod(english.tokens_of)
    content_tokens = staticmethod(english.content_tokens)
    content_words = staticmethod(english.content_words)

    def borrowed_tokens(self, word: str) -> list[str] | None:
        return None  # English borrows from no other language here

    def sound_key(self, word: str) -> str | None:
        return None  # English spelling says little about sound

    def heard_keys(self, word: str) -> tuple[str, ...]:
        return ()

    def sounds_like(self, word: str) -> str | None:
        return None

    def base_forms(self, word: str) -> list[str]:
        return []  # English diminutives ("doggy") are not how questions are asked here

    def commoner(self, word: str, than: str) -> bool:
        return zipf(word) >= zipf(than) + COMMONER


@functools.lru_cache(maxsize=CACHE_SIZE)
def _english_strip_chatter(plain: str) -> str:
    """Chatter dropped, and the alternative dismissing a claim (dismissal.py)."""
    return drop_dismissal(strip_chatter(plain, SOURCE_LANGUAGE), SOURCE_LANGUAGE, EnglishAnalysis())


_ENGLISH_DEFINITIONS = definitions(DEFINITION_PATTERNS)
_ENGLISH_CLAUSE_BREAK = clause_break(CLAUSE_BREAK)


@functools.cache
def analysis(code: str) -> TextAnalysis:
    """The matcher's reading of language `code`."""
    if code == SOURCE_LANGUAGE:
        return EnglishAnalysis()
    return DataAnalysis(language(code))
