"""How common a word is in general language, from the wordfreq package.

wordfreq ships its word lists inside its wheel, so nothing is downloaded. Two uses:
- a word common in the language ("people", "work") says little about what is asked, while a
  rarer one ("population", "illegally", "daca") is content an answer has to explain;
- a string that is a real word is never "corrected" into a knowledge-base word.
Frequencies are on the Zipf scale: log10 of occurrences per billion words ("the" is about 7.7,
"app" 4.9, "daca" 3.0; 0 for a string the list does not have).
"""

from __future__ import annotations

from functools import lru_cache

from bot.core.typos import TypoCorrector

# A string at least this common is a word, not a typo ("presser" 2.8, "daca" 3.0, "tps" 2.8;
# typos such as "appel" 2.5, "goverment" 2.7, "lauch" 1.6 and "stroy" 1.5 fall below).
WORD_ZIPF = 2.7
# Typos of general-language words are corrected against this many of its commonest words.
SPELLING_WORDS = 30_000
# Informativeness falls from 1 (at RARE_ZIPF and below) to 0 (at COMMON_ZIPF and above).
# A word rarer than this that is one letter from a function word is read as a typo of it.
RARE_WORD_ZIPF = 4.0
COMMON_ZIPF = 6.5
RARE_ZIPF = 4.5


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "en") -> float:
    # Imported on first use: the import and the word list cost about 0.2 s, and a question
    # whose words an entry covers never needs them.
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language))


def is_word(word: str, language: str = "en") -> bool:
    """Whether `word` is a word of the language (as opposed to a typo or a made-up string)."""
    return zipf(word, language) >= WORD_ZIPF


def is_rare(word: str, language: str = "en") -> bool:
    """Whether `word` is uncommon enough that, one letter from a function word, it is more
    likely a typo of that word ("herd", "tis") than meant ("wall", "form")."""
    return zipf(word, language) < RARE_WORD_ZIPF


def informativeness(word: str, language: str = "en") -> float:
    """0..1: how much a word says about what is asked. Numbers always say a lot."""
    if any(character.isdigit() for character in word):
        return 1.0
    share = (COMMON_ZIPF - zipf(word, language)) / (COMMON_ZIPF - RARE_ZIPF)
    return min(1.0, max(0.0, share))


@lru_cache(maxsize=4)
def _speller(language: str) -> TypoCorrector:
    from wordfreq import top_n_list

    words = top_n_list(language, SPELLING_WORDS, wordlist="small")
    return TypoCorrector({word: len(words) - rank for rank, word in enumerate(words)})


def spelling(word: str, language: str = "en") -> str | None:
    """The common word of the language a string that is no word was probably meant to be
    ("puxhed" -> "pushed"), or None. For typos the knowledge base's own words do not explain."""
    return _speller(language).correct(word)
