"""Turning what people type into comparable text and tokens.

Discord markup, accents, emoji, zero-width and direction-control characters, stretched letters
and punctuation are removed; words are lower-cased, lightly stemmed (one rule for every word:
_strip) and mapped onto the domain's canonical vocabulary (see synonyms.py, vocabulary.py), so
"application", "apps" and "app" meet.
Plain ASCII text, which is almost everything, takes a fast path: building an index normalises
every question of every entry.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.core.question_shapes import (
    HOW_LONG,
    HOW_MANY,
    HOW_TO,
    HOW_TO_DOUBT,
    HOW_TO_OPENINGS,
    QUESTION_KINDS,
)
from bot.core.synonyms import SYNONYMS
from bot.core.vocabulary import (
    PHRASE_TOKENS,
    PHRASE_WORDS,
    PHRASES,
    STOPWORDS,
)

_DISCORD_MARKUP = re.compile(
    r"<a?:\w+:\d+>"  # custom emoji
    r"|<@[!&]?\d+>"  # user and role mentions
    r"|<#\d+>"  # channel mentions
    r"|</[\w -]+:\d+>"  # slash-command mentions
    r"|<t:\d+(?::\w)?>"  # timestamps
    r"|@(?:everyone|here)\b"
    r"|(?<![\w@])@(?i:\w*bot)\b"  # a bot addressed by name as text ("@bot", "@policybot")
    r"|https?://\S+"
)
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")  # letters only: "soooo", never "100,000"
_DIGIT_OR_TRIPLED = re.compile(r"\d|(\w)\1\1")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
# Numbers written short: "7m" and "1.8m" are "7 million" and "1.8 million", "100k" is "100000".
_SHORT_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(k|m|bn)(?![\w.])")
_APOSTROPHE = re.compile(r"(?<=\w)['’`](?=\w)")
_NON_WORD = re.compile(r"[^\w.]+|_+|(?<!\d)\.|\.(?!\d)")
# ASCII punctuation, "_" and control characters to spaces, for text with no digits (where
# "." never survives).
_ASCII_NON_WORD = bytes(range(32)) + b"\x7f!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_ASCII_PUNCTUATION = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
_PHRASE = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(f"(?P<p{i}>{pattern})" for i, (pattern, _) in enumerate(PHRASES))
    + r")\b"
)
_PHRASE_REPLACEMENTS = {f"p{i}": replacement for i, (_, replacement) in enumerate(PHRASES)}
# Unicode categories dropped by clean(): format (zero-width, bidi overrides), control,
# surrogate and private-use characters.
_INVISIBLE = frozenset({"Cf", "Cc", "Cs", "Co"})


def clean(text: str) -> str:
    """Remove Discord markup and invisible characters; keep the words as typed."""
    if "<" in text or "@" in text or "http" in text:
        text = _DISCORD_MARKUP.sub(" ", text)
    if text.isascii():
        return _ASCII_CONTROL.sub(" ", text).strip()
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        ch if unicodedata.category(ch) not in _INVISIBLE or ch in "\n\t" else " " for ch in text
    ).strip()


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _join_phrase(match: re.Match[str]) -> str:
    return _PHRASE_REPLACEMENTS[match.lastgroup or ""]


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower-case words separated by single spaces, with domain phrases joined."""
    return join_phrases(plain_words(text))


@lru_cache(maxsize=65536)
def plain_words(text: str) -> str:
    """Like normalize(), but with the domain phrases left as the words typed."""
    return " ".join(word_list(text))


def word_list(text: str) -> list[str]:
    """The words of plain_words(text), as a list."""
    ascii_only = text.isascii()
    if ascii_only:  # what clean() does, for ASCII: the steps below drop control characters
        if "<" in text or "@" in text or "http" in text:
            text = _DISCORD_MARKUP.sub(" ", text)
        text = text.lower()
    else:
        text = _strip_accents(clean(text)).casefold()
    # One search decides the path: most text has neither digits nor stretched letters.
    unusual = not ascii_only or _DIGIT_OR_TRIPLED.search(text) is not None
    if unusual:
        text = _STRETCHED.sub(r"\1\1", text)
    if "'" in text or "`" in text or not ascii_only:
        text = _APOSTROPHE.sub("", text)
    if unusual:
        text = _THOUSANDS.sub("", text)
        if _SHORT_NUMBER.search(text) is not None:
            text = _SHORT_NUMBER.sub(_long_number, text)
        text = _NON_WORD.sub(" ", text)
    else:
        text = text.encode("ascii").translate(_ASCII_PUNCTUATION).decode("ascii")
    return text.split()


def _long_number(match: re.Match[str]) -> str:
    number, unit = match.groups()
    if unit == "k":
        thousands = float(number) * 1000
        return str(int(thousands)) if thousands.is_integer() else match.group()
    return f"{number} {'billion' if unit == 'bn' else 'million'}"


def join_phrases(words: str) -> str:
    """Rewrite the domain's multi-word names in space-separated words as single tokens."""
    if PHRASE_WORDS.isdisjoint(words.split()):
        return words
    return _PHRASE.sub(_join_phrase, words)


def phrase_parts(words: str) -> list[tuple[str, str]]:
    """(word, the token its phrase becomes) for each word inside a domain phrase."""
    if PHRASE_WORDS.isdisjoint(words.split()):
        return []
    return [
        (word, _PHRASE_REPLACEMENTS[match.lastgroup or ""])
        for match in _PHRASE.finditer(words)
        for word in match.group().split()
    ]


def has_phrase_words(words: list[str]) -> bool:
    """Whether split words may contain a domain phrase (a fast pre-check)."""
    return not PHRASE_WORDS.isdisjoint(words)


_SUFFIXES = (
    ("ational", "ate"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", "ment"),
    ("nesses", ""),
    ("ness", ""),
    ("ingly", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("sses", "ss"),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)


# word -> its token, or "" for a word that carries no meaning; filled as words are seen.
_TOKENS: dict[str, str] = {}
_TOKENS_KEPT = 500_000


def _token(word: str) -> str:
    token = "" if word in STOPWORDS else stem(word)
    if token in STOPWORDS:
        token = ""
    if len(_TOKENS) < _TOKENS_KEPT:
        _TOKENS[word] = token
    return token


# Words whose ending only looks like a suffix: "news" is not "new", "bias" not "bia".
_WHOLE_WORDS = frozenset("news bias atlas canvas always perhaps various".split())
# "us" in "used", never "th" in "thing" nor "ne" in "need".
_VOWEL_CONSONANT = re.compile(r"[aeiou][^aeiouy]").fullmatch
# An "s" after these is part of the word: "status", "crisis", "class".
_NOT_PLURAL = ("us", "is", "ss")


def _strip(word: str) -> str:
    """A small suffix stripper, the same for every word: enough to join plurals and verb forms,
    never below 3 letters. A final "e" the stripping may have taken is dropped everywhere, so
    "ignore", "ignores" and "ignored" meet, and so do "phone" and "phones"."""
    if len(word) <= 3 or not word.isalpha() or word in _WHOLE_WORDS:
        return word
    for suffix, replacement in _SUFFIXES:
        if not word.endswith(suffix) or (suffix == "s" and word.endswith(_NOT_PLURAL)):
            continue
        candidate = word[: -len(suffix)] + replacement
        if len(candidate) == 2 and suffix in ("ed", "es", "ing") and _VOWEL_CONSONANT(candidate):
            candidate += "e"  # "used", "uses", "using": the "e" was the word's ("use")
        if len(candidate) >= (4 if suffix == "ly" else 3):
            word = candidate
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "stopp" (from "stopped") -> "stop"
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    return word


# Synonyms by their stripped form too: a synonym reaches every form of its word ("sources",
# "sourced" are "source"), and a canonical word's own forms are that word ("phones" is
# "phone"). The word's own entry wins where two strip alike. Not for stems of three letters
# or fewer, which other words strip to ("note" to "not"): those reach their plural only.
_CANONICAL = frozenset(SYNONYMS.values())
_STEM_SYNONYMS: dict[str, str] = {}
for _word, _canonical in [*SYNONYMS.items(), *((c, c) for c in SYNONYMS.values())]:
    if len(_stripped := _strip(_word)) > 3:
        _STEM_SYNONYMS.setdefault(_stripped, _canonical)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's token: its synonym (looked up as typed, as a plural, then by its stripped
    form), else its stripped form."""
    synonym = SYNONYMS.get(word) or (SYNONYMS.get(word[:-1]) if word.endswith("s") else None)
    if synonym is not None:
        return synonym
    if word in PHRASE_TOKENS or word in _CANONICAL:
        return word  # a domain name already joined ("appstore"), or a canonical word ("true")
    stripped = _strip(word)
    return _STEM_SYNONYMS.get(stripped, stripped)


def content_tokens(normalized: str) -> list[str]:
    """The meaningful tokens of normalised text, stemmed and canonicalised, in order."""
    return tokens_of(normalized.split())


def tokens_of(words: list[str]) -> list[str]:
    """content_tokens() of text already split into words."""
    known = _TOKENS.get
    tokens = [known(word) for word in words]
    if None in tokens:
        tokens = [
            _token(word) if token is None else token
            for word, token in zip(words, tokens, strict=True)
        ]
    return [token for token in tokens if token]


def content_words(normalized: str) -> list[tuple[str, str]]:
    """(word as written, its token) for each meaningful word of normalised text, in order."""
    pairs = [(word, _TOKENS.get(word)) for word in normalized.split()]
    pairs = [(word, _token(word) if token is None else token) for word, token in pairs]
    return [(word, token) for word, token in pairs if token]


# "what time", "which day": a question asking when.
_WHAT = ("what", "wat", "which")
_TIMES = [["time"], ["day"], ["date"], ["year"], ["month"]]


def question_kind(words: list[str]) -> str:
    """What a question asks for, from its first words: "who", "when" (also "what time",
    "what day"), "where", "why", "how many" or "how long"; "" when none of its first four words says
    ("unnamed sources, so who said it")."""
    for position, word in enumerate(words[:4]):
        if word in ("how", "hw") and words[position + 1 : position + 2] in (["many"], ["much"]):
            return HOW_MANY
        if word in ("how", "hw") and words[position + 1 : position + 2] == ["long"]:
            return HOW_LONG
        if (
            word in ("how", "hw")
            and words[position + 1 : position + 3] in HOW_TO_OPENINGS
            and words[position + 3 : position + 4] not in HOW_TO_DOUBT
        ):
            return HOW_TO
        if word in _WHAT and words[position + 1 : position + 2] in _TIMES:
            return "when"  # "what time does it open", "what day is the check-in"
        kind = QUESTION_KINDS.get(word)
        if kind is not None:
            return kind
    return ""
