"""Conversation around a question: greetings, thanks, addressing the bot, hedges, filler and
internet shorthand. It says nothing about what is asked, so it is dropped before matching.
What is left may still ask about the bot itself as "you" ("what even are you", "who made
you", "are you biased"): that "you" is read as the word for the bot, which entries about the
bot use, so a question with no other content word still says what it asks about.

Slang is then said plainly, in the words the entries ask with (`rewrites` in the same file:
"smartlink whats the deal w it" reads "what is smartlink"), in the message's own language only.

The lists are data, one per language: `chatter` in bot/locales/<code>/language.toml, regular
expressions over text as plain_words() leaves it (lower case, no punctuation, apostrophes
removed: "i'm" is "im"), each matched between word boundaries. This module is the mechanism.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

from bot.core.languages import languages


class _ChatterLists(Mapping[str, tuple[str, ...]]):
    """Each language's chatter patterns, by code: its `chatter` list in language.toml, read
    from the language data when asked, so a language without one is not in it."""

    def _lists(self) -> dict[str, tuple[str, ...]]:
        return {code: data.chatter for code, data in languages().items() if data.chatter}

    def __getitem__(self, language: str) -> tuple[str, ...]:
        return self._lists()[language]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lists())

    def __len__(self) -> int:
        return len(self._lists())


CHATTER: Mapping[str, tuple[str, ...]] = _ChatterLists()


def tells_backstory(plain: str, language: str = "en") -> bool:
    """Whether a clause (plain words) speaks of the asker or the people around them: it has
    one of its language's backstory words (`backstory` in bot/locales/<code>/language.toml)."""
    data = languages().get(language)
    return data is not None and not data.backstory.isdisjoint(plain.split())


def backstory_words(plain: str, language: str = "en") -> frozenset[str]:
    """The words of `plain` that tell of the asker or the people around them ("cuñado",
    "cousin"): its language's backstory words."""
    data = languages().get(language)
    return frozenset() if data is None else data.backstory.intersection(plain.split())


def without_relative(words: list[str], language: str = "en") -> list[str]:
    """A clause's words (plain) without the word that opens a relative clause on the asker's
    own people: "my friend [who's] a law student says…", "mi primo [que] vive en Houston dice…"
    tell of someone; that "who" asks nothing. Such a word follows one of the language's
    backstory words said as the asker's own (a `first_person` word before it: "my", "our"),
    so "chat who reported this" keeps its "who". The words are the language's `relatives`."""
    data = languages().get(language)
    if data is None:
        return words
    return [
        word
        for at, word in enumerate(words)
        if not (at >= 2 and words[at - 1] in data.backstory and words[at - 2] in data.first_person)
        or word not in data.relatives
    ]


# Where a sentence of a message ends: a question or exclamation mark, a line break, or a full
# stop after a word (not a decimal point: "1.8"); as clauses.py splits sentences.
_SENTENCE_END = re.compile(r"[?!\n]+|(?<=[^\W\d_]{2})[\"'\u2019\u201d)]?\.(?=\s|$)")


def without_chatter_sentences(text: str, strip: Callable[[str], str]) -> str:
    """`text` without its sentences that are all chatter, as `strip` (plain words in, plain
    words without chatter out) reads each alone: "so if u skip the check in nothing
    happens?? wild", "how many enrolled? damn." A reaction said as a sentence of its own is
    chatter by the patterns anchored to where a sentence starts or ends ("wild", "or nah",
    "damn"), which the whole message, read as one run of words, leaves in. `text` itself when
    it is one sentence, or when no sentence is left."""
    pieces = [piece for piece in _SENTENCE_END.split(text) if piece.strip()]
    if len(pieces) < 2:
        return text
    asked = [piece for piece in pieces if strip(piece)]
    if not asked or len(asked) == len(pieces):
        return text
    return " ".join(asked)


@lru_cache(maxsize=8)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{phrase})" for phrase in phrases)
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def chatter_spans(plain: str, language: str = "en") -> list[tuple[int, int]]:
    """Where in `plain` the language's `chatter` patterns match (start, end), in order."""
    data = languages().get(language)
    if data is None or not data.chatter:
        return []
    return [match.span() for match in _pattern(data.chatter).finditer(plain)]


def strip_chatter(plain: str, language: str = "en", own: bool = True) -> str:
    """`plain` (output of plain_words) without the conversation around the question: the
    language's `chatter` patterns (none for a language without them). When the text is in
    that language (`own`), its slang is then said plainly (`rewrites`: "smartlink whats the
    deal w it" is "what is smartlink") and the bot asked about as "you" is read as the bot
    (read_addressed); another language's chatter is dropped from a message, but its slang
    and its "you" are never read in it."""
    data = languages().get(language)
    phrases = data.chatter if data is not None else ()
    stripped = plain
    if phrases:
        pattern = _pattern(phrases)
        stripped = " ".join(pattern.sub(" ", plain).split())
        if stripped != plain:
            # A second pass catches what the first uncovered at the start: "hey bot so like…".
            stripped = " ".join(pattern.sub(" ", stripped).split())
    if not own or data is None:
        return stripped
    return read_addressed(rewrite(stripped, data.rewrites), language)


@lru_cache(maxsize=8)
def _rewrites(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])"), replacement)
        for pattern, replacement in rules
    )


def rewrite(plain: str, rules: tuple[tuple[str, str], ...]) -> str:
    """`plain` with each of a language's `rewrites` (pattern, replacement) applied in order:
    slang and idioms said in the words the knowledge base asks with."""
    for pattern, replacement in _rewrites(rules):
        plain = pattern.sub(replacement, plain)
    return " ".join(plain.split())


@lru_cache(maxsize=8)
def _addressed(phrases: tuple[str, ...]) -> re.Pattern[str]:
    # Each pattern's group "bot" renamed, so that several can be alternatives of one pattern.
    alternatives = "|".join(
        "(?:" + phrase.replace("(?P<bot>", f"(?P<bot{number}>") + ")"
        for number, phrase in enumerate(phrases)
    )
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def read_addressed(plain: str, language: str = "en") -> str:
    """`plain` (chatter stripped) with the bot asked about as "you" read as the language's
    word for the bot (`addressed` and `bot_word` in its language.toml): "what even are you"
    reads "what even are bot", "who set your politics" reads "who set bot politics". A "you"
    that means anyone ("what happens if you skip a check-in") or that only asks to be told
    ("can you tell me", chatter) is left alone."""
    data = languages().get(language)
    if data is None or not data.addressed or not plain:
        return plain
    pattern = _addressed(data.addressed)

    def bot(match: re.Match[str]) -> str:
        text, start = match.group(), match.start()
        for name, value in match.groupdict().items():
            if value is not None and name.startswith("bot"):
                begin, end = match.span(name)
                return text[: begin - start] + data.bot_word + text[end - start :]
        return text

    return pattern.sub(bot, plain)


@lru_cache(maxsize=8)
def _asked_of(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


def indirect_question(plain: str, language: str = "en") -> list[tuple[str, bool]]:
    """`plain` (plain words) split where someone is told to have asked what follows (`asked_of`
    in the language's file: "mi papá no sabe de tecnología y [me preguntó] cómo se reporta uno",
    "soy voluntaria y [la gente me pregunta] si…"): (what is told before, False) and (the
    question asked, True), when both have words; else [(plain, False)]."""
    data = languages().get(language)
    if data is None or not data.asked_of:
        return [(plain, False)]
    found = _asked_of(data.asked_of).search(plain)
    if found is None:
        return [(plain, False)]
    told, asked = plain[: found.start()].strip(), plain[found.end() :].strip()
    return [(told, False), (asked, True)] if told and asked else [(plain, False)]


@lru_cache(maxsize=8)
def _media(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})(?![a-z0-9])")


def seen_at_opening(claim: list[str], language: str = "en") -> int:
    """How many of a reported claim's first words (plain) say where it was seen or heard, not
    what it claims (`media` in the language's file: "[a headline that] ICE check-ins…", "[en
    facebook que] la app…")."""
    data = languages().get(language)
    if data is None or not data.media:
        return 0
    found = _media(data.media).match(" ".join(claim))
    return len(found.group().split()) if found is not None else 0
