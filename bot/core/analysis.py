"""How the matcher reads text in one language: words, joined phrases, stopwords, stems.

English keeps its hand-made normaliser (normalize.py, vocabulary.py). Every other language is
read from its data folder (`bot/locales/<code>/language.toml`): accent and ñ folding and the
markup clean-up are shared with English, stopwords, phrases and synonyms are data, and stems
come from the Snowball stemmer named there. So a third language is a data folder, not code.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

import snowballstemmer

from bot.core import normalize as english
from bot.core.chatter import strip_chatter
from bot.core.commonness import informativeness, is_rare, is_word, spelling
from bot.core.languages import SOURCE_LANGUAGE, Language, language
from bot.core.vocabulary import FRAMING_WORDS, STOPWORDS, WEAK_TOKENS

_CACHE = 65536


class TextAnalysis(Protocol):
    """What the matcher needs to know about a language."""

    code: str
    stopwords: frozenset[str]
    weak_tokens: frozenset[str]
    never_missing: frozenset[str]  # tokens an entry may lack and still answer: framing words
    framing_words: frozenset[str]  # the same, as typed: they count for no side of coverage

    def strip_chatter(self, plain: str) -> str: ...
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


class EnglishAnalysis:
    """The English normaliser as a TextAnalysis."""

    code = SOURCE_LANGUAGE
    stopwords = STOPWORDS
    weak_tokens = WEAK_TOKENS
    never_missing = WEAK_TOKENS | frozenset(english.stem(word) for word in FRAMING_WORDS)
    framing_words = FRAMING_WORDS

    def strip_chatter(self, plain: str) -> str:
        return strip_chatter(plain, SOURCE_LANGUAGE)

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


class DataAnalysis:
    """A language read from its data: shared folding, its stopwords, phrases, synonyms, stems."""

    def __init__(self, data: Language) -> None:
        self.code = data.code
        self.stopwords = data.stopwords
        self.weak_tokens = data.weak_tokens
        self._synonyms = data.synonyms
        self._stemmer = snowballstemmer.stemmer(data.snowball)
        self._trailing = data.stem_trailing
        self._loanwords = data.loanwords
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
        self.stem = functools.lru_cache(maxsize=_CACHE)(self._stem)
        self.normalize = functools.lru_cache(maxsize=_CACHE)(self._normalize)
        self.plain_words = functools.lru_cache(maxsize=_CACHE)(self._plain_words)
        self.never_missing = self.weak_tokens | frozenset(map(self.stem, data.framing_words))
        self.framing_words = frozenset(data.framing_words)
        chatter = "|".join(f"(?:{pattern})" for pattern in data.chatter)
        self._chatter = re.compile(rf"(?<![a-z0-9])(?:{chatter})(?![a-z0-9])") if chatter else None

    def strip_chatter(self, plain: str) -> str:
        """`plain` without greetings, thanks and filler (the language's `chatter` patterns)."""
        if self._chatter is None:
            return plain
        stripped = " ".join(self._chatter.sub(" ", plain).split())
        return " ".join(self._chatter.sub(" ", stripped).split())

    # Questions mix in English ("la app de ICE", "el check-in"): a word is a word in either
    # language, and the English words the language borrows are as common as they are in English.
    def is_word(self, word: str) -> bool:
        return is_word(word, self.code) or is_word(word, SOURCE_LANGUAGE)

    def is_rare(self, word: str) -> bool:
        return is_rare(word, self.code) and is_rare(word, SOURCE_LANGUAGE)

    def spelling(self, word: str) -> str | None:
        return spelling(word, self.code)

    def question_kind(self, words: list[str]) -> str:
        """Only English knows its question words yet: a near tie is not settled by kind."""
        return ""

    def informativeness(self, word: str) -> float:
        source = SOURCE_LANGUAGE if word in self._loanwords else self.code
        return informativeness(word, source)

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
        stemmed = self._stemmer.stemWord(word)
        # Snowball finds some suffixes only by their accent ("inscribió"); accents are folded
        # first, so a final vowel left on a long stem is dropped to meet the accented form.
        if len(stemmed) > 5 and stemmed[-1] in self._trailing:
            stemmed = stemmed[:-1]
        return self._synonyms.get(stemmed, stemmed)

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


@functools.cache
def analysis(code: str) -> TextAnalysis:
    """The matcher's reading of language `code`."""
    if code == SOURCE_LANGUAGE:
        return EnglishAnalysis()
    return DataAnalysis(language(code))
