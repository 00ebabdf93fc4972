"""How common a word is in general language, from the wordfreq package.

wordfreq ships its word lists inside its wheel, so nothing is downloaded. Two uses:
- a word common in the language ("people", "work") says little about what is asked, while a
  rarer one ("population", "illegally", "daca") is content an answer has to explain;
- a string that is a real word is never "corrected" into a knowledge-base word.
Frequencies are on the Zipf scale: log10 of occurrences per billion words ("the" is about 7.7,
"app" 4.9, "daca" 3.0; 0 for a string the list does not have).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from bot.core.languages import SOURCE_LANGUAGE
from bot.core.sound_slips import language_slips
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


# Of two words a string is nearly as likely a slip of (their typing costs within NEAR_COST), one
# at least FAR_COMMONER Zipf commoner (ten times as used) is what was meant: "trubble" is
# "trouble" (4.8, two cheap slips) rather than "rubble" (3.4, one struck key).
NEAR_COST = 0.1
FAR_COMMONER = 1.0

# Accented words at least this common are also known by their folded form (see _folded).
FOLDED_MIN_ZIPF = 2.0


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "en") -> float:
    """How common `word` is, as the matcher reads it: folded ("aplicacion" is as common as
    "aplicación", though wordfreq counts the unaccented spelling apart)."""
    # Imported on first use: the import and the word list cost about 0.2 s, and a question
    # whose words an entry covers never needs them.
    from wordfreq import zipf_frequency

    frequency = float(zipf_frequency(word, language))
    if language == SOURCE_LANGUAGE or not word.isascii():
        return frequency  # English is written without accents (and folding its list is slow)
    return max(frequency, _folded(language).get(word, 0.0))


@lru_cache(maxsize=4)
def _folded(language: str) -> dict[str, float]:
    """The language's words at least FOLDED_MIN_ZIPF common, folded as questions are read, with
    the Zipf frequency of the commonest word folding to each."""
    from wordfreq import get_frequency_list

    folded: dict[str, float] = {}
    # wordfreq's list is bins of words, commonest first; bin i holds Zipf 9 - i/100.
    for centibels, words in enumerate(get_frequency_list(language)):
        frequency = 9 - centibels / 100
        if frequency < FOLDED_MIN_ZIPF:
            break
        for word in words:
            folded.setdefault(word if word.isascii() else fold(word), frequency)
    return folded


# A word's family (same_start) is looked for among at most this many words.
FAMILY_CANDIDATES = 200


@lru_cache(maxsize=4)
def _sorted_words(language: str) -> tuple[list[str], list[float]]:
    """_folded(language), sorted, for looking words up by their start."""
    folded = _folded(language)
    ordered = sorted(folded)
    return ordered, [folded[word] for word in ordered]


def same_start(start: str, language: str) -> list[tuple[str, float]]:
    """(word, Zipf frequency) of the language's words beginning with `start` (folded), at most
    FAMILY_CANDIDATES of them."""
    words, frequencies = _sorted_words(language)
    first = bisect.bisect_left(words, start)
    found = []
    for position in range(first, min(first + FAMILY_CANDIDATES, len(words))):
        if not words[position].startswith(start):
            break
        found.append((words[position], frequencies[position]))
    return found


def fold(word: str) -> str:
    """`word` without accents, as plain_words() reads it."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def is_word(word: str, language: str = "en") -> bool:
    """Whether `word` is a word of the language (as opposed to a typo or a made-up string)."""
    return zipf(word, language) >= WORD_ZIPF


# A string the word list has that is less than this many Zipf rarer than the word it would be
# corrected to is a rare word of its own, not a slip of that one: a misspelling is written a
# hundredth as often as its word at most ("borer" 2.5 beside "border" 4.7, "bidden" 1.8 beside
# "biden" 3.9), while "knockoff" (2.5) is no slip of "knockout" (3.6), nor "absentia" of
# "absentee", "dunking" of "ducking", "octopuses" of "octopus".
OWN_WORD_GAP = 2.0


def own_word(word: str, meant: str, language: str = "en") -> bool:
    """Whether `word`, rare as it is, is a word of its own rather than a typo of `meant`."""
    frequency = zipf(word, language)
    return frequency > 0 and zipf(meant, language) - frequency < OWN_WORD_GAP


# A word about as common (within this many Zipf) in every language the bot reads is a name or a
# word the languages share ("daca" 3.0 in English and Spanish, "houston" 4.4/3.8, "facebook"
# 4.9/5.0), not a word of one of them ("uncle" 4.5/2.6, "tech" 4.7/3.6, "abogada" 0/4.0).
SHARED_ZIPF_GAP = 1.0


def is_shared(word: str, languages: Iterable[str]) -> bool:
    """Whether `word` is used alike in all of `languages` (two at least, those wordfreq has):
    a name, or a word borrowed everywhere, rather than a word of one language."""
    frequencies = []
    for language in languages:
        try:
            frequencies.append(zipf(word, language))
        except LookupError:  # a language wordfreq has no list for says nothing
            continue
    return len(frequencies) > 1 and min(frequencies) >= max(frequencies) - SHARED_ZIPF_GAP


def is_rare(word: str, language: str = "en", frequency: float | None = None) -> bool:
    """Whether `word` is uncommon enough that, one letter from a function word, it is more
    likely a typo of that word ("herd", "tis") than meant ("wall", "form").
    `frequency`: the Zipf frequency to judge by, when not the word's own (its family's)."""
    return (zipf(word, language) if frequency is None else frequency) < RARE_WORD_ZIPF


def informativeness(word: str, language: str = "en", frequency: float | None = None) -> float:
    """0..1: how much a word says about what is asked. Numbers always say a lot.
    `frequency`: the Zipf frequency to judge by, when not the word's own (its family's)."""
    if any(character.isdigit() for character in word):
        return 1.0
    if frequency is None:
        frequency = zipf(word, language)
    share = (COMMON_ZIPF - frequency) / (COMMON_ZIPF - RARE_ZIPF)
    return min(1.0, max(0.0, share))


@lru_cache(maxsize=4)
def common_words(language: str) -> tuple[str, ...]:
    """The language's SPELLING_WORDS commonest words, folded as questions are read
    ("excepcion"), commonest first."""
    from wordfreq import top_n_list

    return tuple(dict.fromkeys(map(fold, top_n_list(language, SPELLING_WORDS, wordlist="small"))))


@lru_cache(maxsize=4)
def _speller(language: str) -> TypoCorrector:
    words = common_words(language)
    ranks = {word: len(words) - rank for rank, word in enumerate(words)}
    return TypoCorrector(ranks, language_slips(language))


def spelling(word: str, language: str = "en") -> str | None:
    """The common word of the language a string that is no word was probably meant to be
    ("puxhed" -> "pushed"), or None. For typos the knowledge base's own words do not explain.
    The cheapest slip wins, unless a word nearly as cheap is far commoner (NEAR_COST)."""
    found = _speller(language).candidates(word)
    if not found:
        return None
    best, cost = found[0]
    near = [known for known, other in found[1:] if round(other - cost, 6) <= NEAR_COST]
    commoner = max(near, key=lambda known: zipf(known, language), default=None)
    if commoner is not None and zipf(commoner, language) >= zipf(best, language) + FAR_COMMONER:
        return commoner
    return best
