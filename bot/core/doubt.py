"""Reading doubt in a question: doubt about the report as a whole, or about one claim in it.

"is this just propaganda", "sounds made up, is there anything official backing it", "¿esto
es falso?" doubt the whole report: the entry asked "is this confirmed" answers them, whatever
other entry happens to share a word ("backing", "Newsmax"). "is the glitch stuff real",
"is the pilot program part verified" doubt one claim, named in words of its own: that claim's
entry answers, since every answer says how it is sourced (one_question.py). "should we trust
the Post on this", "is newsmax even credible" doubt an outlet alone: no entry judges one, and
the entry asked which outlet reported (who, citing what sources) answers, or none.

What marks doubt and what names the report as a whole are language data
(`bot/locales/<code>/doubt.toml`), read into the language's tokens, beside the doubt tokens its
synonyms already give ("real", "rumor", "made up"). A language without the file reads doubt
from its doubt tokens alone, and no question as doubt about the whole report.
"""

from __future__ import annotations

import enum
import functools
import tomllib
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from typing import Protocol

from bot.core import languages

DOUBT_FILE = "doubt.toml"
LISTS = ("marks", "whole", "around", "trust", "outlets", "called", "whose", "labels", "back")
# How many words that say nothing may stand between a word of trust and the outlet it judges
# ("trust [the] post", "is newsmax [even] credible", "is the post [a] reliable source").
BESIDE = 3


class Doubt(enum.Enum):
    NONE = "none"
    WHOLE = "whole"  # doubt about the report as a whole
    CLAIM = "claim"  # doubt about one claim, named in words of its own
    OUTLET = "outlet"  # whether to trust an outlet: "is newsmax even credible"


class Reader(Protocol):
    code: str
    doubt_tokens: frozenset[str]

    def normalize(self, text: str) -> str: ...
    def content_tokens(self, normalized: str) -> list[str]: ...


@dataclass(frozen=True)
class DoubtWords:
    marks: frozenset[str]  # tokens that doubt, the language's doubt tokens included
    core: frozenset[str]  # the language's doubt tokens: "real", "rumor", "confirmed"
    whole: frozenset[str]  # tokens naming the report as a whole
    around: frozenset[str] = frozenset()  # its outlets, who could confirm it
    trust: frozenset[str] = frozenset()  # doubt that may be about an outlet: "legit", "trust"
    outlets: frozenset[str] = frozenset()  # the outlets among `around`: "newsmax", "paper"
    called: frozenset[str] = frozenset()  # what an outlet is called when judged: "source"
    whose: frozenset[str] = frozenset()  # words, not tokens, making an outlet's word no outlet's
    # what an outlet is called when judged as a whole, as words: "propaganda", ("fake", "news")
    labels: tuple[tuple[str, ...], ...] = ()
    back: frozenset[str] = frozenset()  # words, not tokens, pointing back at what was named


def _tokens(reader: Reader, words: str) -> frozenset[str]:
    return frozenset(
        t for word in words.split() for t in reader.content_tokens(reader.normalize(word))
    )


@functools.cache
def doubt_file(code: str) -> tuple[str, ...] | None:
    """The language's lists as written (marks, whole, around, trust, outlets, called, whose,
    labels, back); None without the file."""
    path = languages.LOCALES_DIR / code / DOUBT_FILE
    if not path.exists():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(str(data.get(k, "")) for k in LISTS)


def doubt_words(reader: Reader) -> DoubtWords:
    """The language's words of doubt and of the whole report, as its tokens."""
    raw = doubt_file(reader.code)
    if raw is None:
        return DoubtWords(reader.doubt_tokens, reader.doubt_tokens, frozenset())
    marks, whole, around, trust, outlets, called = (_tokens(reader, words) for words in raw[:6])
    whose = frozenset(raw[6].split())
    said = (reader.normalize(label).split() for label in raw[7].split(","))
    labels = tuple(tuple(words) for words in said if words)
    back = frozenset(raw[8].split())
    return DoubtWords(
        reader.doubt_tokens | marks,
        reader.doubt_tokens,
        whole,
        around,
        trust,
        outlets,
        called,
        whose,
        labels,
        back,
    )


def read_doubt(
    tokens: Iterable[str],
    words: DoubtWords,
    aside: frozenset[str],
    topical: Callable[[str], bool],
    points_elsewhere: bool,
    told: bool = False,
    judged: bool = False,
    labelled: frozenset[str] = frozenset(),
) -> tuple[Doubt, frozenset[str]]:
    """How a question (its tokens) doubts, and the words naming what it doubts. `aside`: tokens
    that say how a question is asked (framing, weak words); `topical(token)`: whether a token
    is a word of the topic any entry may use ("ice", "app"), which names no claim (a word the
    knowledge base never uses is not topical: "is the moon landing fake" doubts no claim here);
    `points_elsewhere`: the question says "this", "it" (the report, when nothing else is named);
    `told`: it names what an outlet says ("can I believe what the Post says"): the report;
    `judged`: a word of trust stands beside an outlet (judges_outlet); `labelled`: the tokens
    of a label said of an outlet ("newsmax is propaganda", "the post is fake news": labelled)."""
    said = set(tokens)
    if words.marks.isdisjoint(said) and not labelled:
        return Doubt.NONE, frozenset()
    rest = said - words.marks - words.whole - words.around - aside
    named = frozenset(t for t in rest if not topical(t))
    # Only whether to trust an outlet, or what to call it, said of the outlet, and nothing else
    # named ("should we trust the Post on this", "is the ny post a reliable source", "is
    # newsmax propaganda", "the post is a tabloid, why would I believe it"): not the report's
    # doubt (not "can I trust newsmax's report"), nor a claim's ("is the post reliable on the
    # glitches").
    if (
        (judged or labelled)
        and not told
        and (words.trust | labelled).issuperset(said & words.marks)
        and named <= words.called | labelled
        and words.whole.isdisjoint(said - labelled)
    ):
        return Doubt.OUTLET, frozenset()
    if words.marks.isdisjoint(said):
        return Doubt.NONE, frozenset()
    if named or not words.whole:
        # Only the language's own words of doubt doubt a claim: "official", "proof" beside
        # other words ("what did the ICE official say") ask about something else.
        claim = not words.core.isdisjoint(said)
        return (Doubt.CLAIM, named) if claim else (Doubt.NONE, frozenset())
    reported = points_elsewhere or not words.whole.isdisjoint(said)
    if words.around.isdisjoint(said):
        # Asked only whether to trust a thing the topic names, with nothing naming the report
        # ("is ICE legit", "can I trust the app"), the doubt is about that thing, not the report.
        if rest and not reported and words.trust.issuperset(said & words.marks):
            return Doubt.CLAIM, named
        return Doubt.WHOLE, named
    # Beside an outlet, doubt that asks only whether to trust ("is this from a legit outlet")
    # may be about the outlet, unless it is what the outlet says; an outlet alone ("is newsmax
    # a hoax") names no report.
    if told and not rest:
        return Doubt.WHOLE, named
    if words.trust.issuperset(said & words.marks):
        return Doubt.CLAIM, named
    return (Doubt.WHOLE if reported else Doubt.CLAIM), named


def judges_outlet(
    words: list[str], doubt: DoubtWords, tokens: Callable[[str], list[str]], idle: frozenset[str]
) -> bool:
    """Whether a question (its plain words) says a word of trust of an outlet: the two at most
    BESIDE words apart, with only words that say nothing between (no token, or one of `idle`:
    weak words, "even", "actually"). "can I trust newsmax", "is the post even reliable"; not
    "newsmax is biased, should I believe this" (what is believed is "this"), nor "is my post
    legit": after a word of `whose`, an outlet's word names someone's post."""
    read = [frozenset(tokens(word)) for word in words]
    outlets = _outlets(words, read, doubt)
    trusting = [at for at, t in enumerate(read) if t and t <= doubt.trust]
    return any(_beside(read, at, at + 1, outlets, idle, ()) for at in trusting)


def outlet_labels(
    words: list[str],
    doubt: DoubtWords,
    tokens: Callable[[str], list[str]],
    idle: frozenset[str],
    pointing: Iterable[str],
) -> frozenset[str]:
    """The tokens of the labels (`doubt.labels`) a question (its plain words) says of an
    outlet, as judges_outlet reads a word of trust: "is newsmax propaganda", "the ny post is a
    tabloid", "is the post fake news". A word pointing elsewhere between (`pointing`: "this",
    "it") says the label of that: "newsmax ran it, is this propaganda" labels the report.
    Doubt said besides the label, of no word pointing back at the outlet (`doubt.back`: "it",
    "them"), doubts what it is said of: "newsmax is biased, should I believe this" the report,
    not "the post is a tabloid, why would I believe it"."""
    read = [frozenset(tokens(word)) for word in words]
    outlets = _outlets(words, read, doubt)
    pointing = frozenset(pointing)
    stops = {at for at, word in enumerate(words) if word in pointing}
    said: set[str] = set()
    for label in doubt.labels:
        for at in range(len(words) - len(label) + 1):
            end = at + len(label)
            if tuple(words[at:end]) == label and _beside(read, at, end, outlets, idle, stops):
                said.update(t for word in read[at:end] for t in word)
    besides = {t for word in read for t in word if t in doubt.marks} - said
    if besides and doubt.back.isdisjoint(words):
        return frozenset()
    return frozenset(said)


def _outlets(words: list[str], read: list[frozenset[str]], doubt: DoubtWords) -> set[int]:
    """Where a question names an outlet: not after a word of `whose` ("is my post legit")."""
    return {
        at
        for at, t in enumerate(read)
        if t and t <= doubt.outlets and not (at and words[at - 1] in doubt.whose)
    }


def _beside(
    read: list[frozenset[str]],
    start: int,
    end: int,
    outlets: set[int],
    idle: frozenset[str],
    stops: Container[int],
) -> bool:
    """Whether an outlet stands at most BESIDE words before `start` or after `end`, with only
    words that say nothing between (and none of `stops`)."""
    for near, step in ((start - 1, -1), (end, 1)):
        edge = start if step < 0 else end - 1
        while 0 <= near < len(read) and abs(near - edge) <= BESIDE + 1:
            if near in outlets:
                return True
            if near in stops or (read[near] and not read[near] <= idle):
                break
            near += step
    return False


def asks_whole_doubt(tokens: Iterable[str], words: DoubtWords) -> bool:
    """Whether an entry's question (its tokens) asks only whether the report is true: doubt and
    nothing but words of the whole report ("is this confirmed", "is the story legit")."""
    said = set(tokens)
    known = words.marks | words.whole | words.around
    return bool(said) and not words.marks.isdisjoint(said) and said <= known
