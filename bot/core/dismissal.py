"""Doubt said as an alternative: "is the 'zero consequences' quote real or just a hit piece?",
"are the glitch stories legit or just spin?", "¿es verdad o es puro chisme de TikTok?".

After words asking whether a claim is true ("real", "legit", "confirmed"), the alternative a
member offers ("or just fearmongering") says what they suspect, not what they ask about: its
words ("hit piece", "spin", "TikTok") are none of the claim's, and an entry that lacks them
still answers. It is dropped with the chatter, so the question reads "is the quote real":
doubt about one claim, which the matcher answers with that claim's entry (one_question.py). A
judgement beside the question ("sounds like rage bait") is read as one word of doubt.

The words are language data (`[dismissal]` in bot/locales/<code>/language.toml). Only an
alternative at the end of the text that belittles ("or just …", "o puro …") or is one word of
dismissal ("or is it spin") is dropped: "is it only in Houston or nationwide" keeps its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from bot.core.doubt import doubt_words
from bot.core.languages import Dismissal, languages

MOST_BETWEEN = 12  # words between the doubt and the alternative: "is it true that … or just spin"
MOST_BELITTLED = 8  # words of a belittled alternative: "or just spin to make the app look bad"
MOST_JUDGED = 3  # words before its verdict: "sounds like a newsmax fever dream"


# A group of plain alternatives, no group inside: "(?:fake|false|fake news)".
_PLAIN_GROUP = re.compile(r"\(\?:([^()]*)\)")


def _longest_first(alternatives: list[str]) -> str:
    return "|".join(sorted(alternatives, key=len, reverse=True))


def _any(parts: tuple[str, ...]) -> str:
    """One alternation of the language's patterns, longer alternatives first at every level:
    the regular expression takes the first that fits, and "fake" would leave the "news" of
    "fake news" behind."""
    ordered = [
        _PLAIN_GROUP.sub(lambda m: f"(?:{_longest_first(m[1].split('|'))})", p) for p in parts
    ]
    return f"(?:{_longest_first(ordered)})"


def dismissal_pattern(data: Dismissal) -> re.Pattern[str]:
    """The language's dismissal as one expression over plain words; group "dismissal" is it."""
    said = []
    if data.belittling:
        said.append(f"{_any(data.belittling)}(?: [a-z0-9]+){{1,{MOST_BELITTLED}}}")
    if data.dismissive:
        said.append(_any(data.dismissive))
    return _alternative_after(data, data.asks_true, tuple(said))


def dismissive_pattern(data: Dismissal) -> re.Pattern[str] | None:
    """After words that ask whether something is so only beside a dismissive alternative
    ("did it actually happen or is that a myth"), that alternative, as dismissal_pattern;
    None for a language without such words."""
    if not data.asks_so or not data.dismissive:
        return None
    # …belittled or not: "or is it all hearsay", "or just a myth".
    belittled = f"(?:{_any(data.belittling)} )?" if data.belittling else ""
    return _alternative_after(data, data.asks_so, (f"{belittled}{_any(data.dismissive)}",))


def _alternative_after(
    data: Dismissal, asking: tuple[str, ...], said: tuple[str, ...]
) -> re.Pattern[str]:
    opening = f"(?:{_any(data.openings)} )?" if data.openings else ""
    return re.compile(
        rf"\b{_any(asking)}\b(?: [a-z0-9]+){{0,{MOST_BETWEEN}}}?"
        rf"(?P<dismissal> {data.alternative} {opening}{_any(said)})$"
    )


def judgement_pattern(data: Dismissal) -> re.Pattern[str] | None:
    """A judgement said beside the question ("sounds like a Newsmax fever dream"), ending in a
    dismissive word, as one expression over plain words."""
    if not data.judging or not data.dismissive:
        return None
    return re.compile(
        rf"\b{_any(data.judging)}(?: [a-z0-9]+){{0,{MOST_JUDGED}}}? {_any(data.dismissive)}\b"
    )


@dataclass(frozen=True)
class _Doubt:
    dismissals: tuple[re.Pattern[str], ...]
    judgement: re.Pattern[str] | None
    means: str


@lru_cache(maxsize=8)
def _patterns(language: str) -> _Doubt | None:
    data = languages().get(language)
    if data is None or data.dismissal is None:
        return None
    found = data.dismissal
    also = dismissive_pattern(found)
    dismissals = (dismissal_pattern(found), *((also,) if also is not None else ()))
    return _Doubt(dismissals, judgement_pattern(found), found.means)


class Reader(Protocol):
    """The part of a language's reading that telling a claim from doubt needs."""

    code: str
    doubt_tokens: frozenset[str]

    def normalize(self, text: str) -> str: ...
    def informativeness(self, word: str) -> float: ...
    def join_phrases(self, words: str) -> str: ...
    def content_tokens(self, normalized: str) -> list[str]: ...


def drop_dismissal(plain: str, language: str, reader: Reader) -> str:
    """`plain` (plain words) with a judgement beside the question read as the word of doubt it
    means ("sounds like rage bait" -> "rumor"), and without the alternative that dismisses the
    claim asked about ("is the quote real or just a hit piece") or the story ("is this legit
    or just a rumor"), unless the claim is one word ("is newsmax legit or just rumors": one
    name is no claim, and is left to the matcher). When what is left says no doubt of its own
    ("did ICE announce it officially or is it all gossip"), the alternative is read as the
    word of doubt, unless what is left asks whether it is so in words of its own ("did it
    actually happen or is that a myth": the second of the language's `dismissals`)."""
    doubt = _patterns(language)
    if doubt is None:
        return plain
    if doubt.judgement is not None:
        plain = doubt.judgement.sub(doubt.means, plain)
    found, asks_so = None, False
    for index, pattern in enumerate(doubt.dismissals):
        found, asks_so = pattern.search(plain), index > 0
        if found is not None:
            break
    if found is None:
        return plain
    kept = plain[: found.start("dismissal")]
    tokens = set(reader.content_tokens(reader.join_phrases(kept)))
    left = tokens - reader.doubt_tokens
    words = doubt_words(reader)
    report = words.whole | words.around
    # "is newsmax legit or just rumors": one name of the report is no claim, nor one common
    # word ("is the app legit or just a scam" asks whether the app is safe); one rare word is
    # ("is the glitch stuff real or just anti biden spin").
    if len(left) == 1 and (
        not report or left <= report or reader.informativeness(next(iter(left))) < 1.0
    ):
        return plain
    if reader.doubt_tokens.isdisjoint(tokens) and not asks_so:
        return f"{kept} {doubt.means}"
    # What is left after words that ask whether it is so ("did biden actually sign it") asks
    # it: read as doubt, an entry asked whether the story is true would outrank the claim's.
    return kept
