"""Turning what people type into comparable text and tokens.

Discord markup, accents, emoji, zero-width and direction-control characters, stretched letters
and punctuation are removed; words are lower-cased, lightly stemmed and mapped onto the
domain's canonical vocabulary (see vocabulary.py), so "application", "apps" and "app" meet.
Plain ASCII text, which is almost everything, takes a fast path: building an index normalises
every question of every entry.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.core.vocabulary import PHRASE_WORDS, PHRASES, STOPWORDS, SYNONYMS

_DISCORD_MARKUP = re.compile(
    r"<a?:\w+:\d+>"  # custom emoji
    r"|<@[!&]?\d+>"  # user and role mentions
    r"|<#\d+>"  # channel mentions
    r"|</[\w -]+:\d+>"  # slash-command mentions
    r"|<t:\d+(?::\w)?>"  # timestamps
    r"|@(?:everyone|here)\b"
    r"|https?://\S+"
)
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TRIPLED = re.compile(r"(\w)\1\1")
_STRETCHED = re.compile(r"(\w)\1{2,}")
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_APOSTROPHE = re.compile(r"(?<=\w)['’`](?=\w)")
_NON_WORD = re.compile(r"[^\w.]+|_+|(?<!\d)\.|\.(?!\d)")
# ASCII punctuation (and "_") to spaces, for text with no digits, where "." never survives.
_ASCII_PUNCTUATION = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", b" " * 32)
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
    text = clean(text)
    ascii_only = text.isascii()
    text = text.lower() if ascii_only else _strip_accents(text).casefold()
    if _TRIPLED.search(text):
        text = _STRETCHED.sub(r"\1\1", text)
    if "'" in text or "`" in text or not ascii_only:
        text = _APOSTROPHE.sub("", text)
    if ascii_only and not _DIGIT.search(text):
        text = text.encode("ascii").translate(_ASCII_PUNCTUATION).decode("ascii")
    else:
        text = _NON_WORD.sub(" ", _THOUSANDS.sub("", text))
    return " ".join(text.split())


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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A small suffix stripper: enough to join plurals and verb forms, never below 3 letters."""
    if len(word) <= 3 or not word.isalpha():
        return SYNONYMS.get(word, word)
    if word in SYNONYMS:
        return SYNONYMS[word]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and not word.endswith("ss" if suffix == "s" else "\0"):
            candidate = word[: -len(suffix)] + replacement
            if len(candidate) >= (4 if suffix == "ly" else 3):
                word = candidate
                break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "stopp" (from "stopped") -> "stop"
    return SYNONYMS.get(word, word)


def content_tokens(normalized: str) -> list[str]:
    """The meaningful tokens of normalised text, stemmed and canonicalised, in order."""
    return [token for _, token in content_words(normalized)]


def content_words(normalized: str) -> list[tuple[str, str]]:
    """(word as written, its token) for each meaningful word of normalised text, in order."""
    words = []
    for word in normalized.split():
        if word in STOPWORDS:
            continue
        token = stem(word)
        if token and token not in STOPWORDS:
            words.append((word, token))
    return words
