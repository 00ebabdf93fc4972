"""Doubt about an outlet alone ("is newsmax even credible", "should we trust the Post on this"):
no entry judges an outlet; the entry asked which outlet reported says who reported and on what
sources, and answers it; never an entry that only shares "post" or "source" (doubt.py,
one_question.py). Words only, on the shipped knowledge base; the questions are this file's own."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.confidence import Tier
from bot.core.doubt import Doubt, DoubtWords, doubt_words, judges_outlet, read_doubt
from bot.core.matcher import Matcher
from testkit.answers import confident_entry

WORDS = DoubtWords(
    marks=frozenset({"hoax", "true"}),
    core=frozenset({"hoax", "true"}),
    whole=frozenset({"story", "report"}),
    around=frozenset({"newsmax", "post", "official"}),
    trust=frozenset({"true"}),
    outlets=frozenset({"newsmax", "post"}),
    called=frozenset({"source"}),
    whose=frozenset({"my", "this"}),
)
TOKENS = {"trust": "true", "credible": "true", "newsmax": "newsmax", "post": "post"}
TOKENS |= {"report": "report", "bias": "bias", "source": "source", "glitch": "glitch"}
IDLE = frozenset({"even"})


def _tokens(word: str) -> list[str]:
    return [TOKENS[word]] if word in TOKENS else ([word] if word == "even" else [])


def _topical(token: str) -> bool:
    return token in {"ice", "app"}


@pytest.mark.parametrize(
    ("question", "judged"),
    [
        ("should we trust the post on this", True),
        ("is newsmax even credible", True),  # an idle word between
        ("newsmax bias should i trust this", False),  # what is trusted is "this"
        ("is my post credible", False),  # someone's post, not the outlet
        ("trust the report newsmax ran", False),  # a word saying something between
    ],
)
def test_a_word_of_trust_said_of_an_outlet(question: str, judged: bool) -> None:
    assert judges_outlet(question.split(), WORDS, _tokens, IDLE) is judged


@pytest.mark.parametrize(
    ("tokens", "judged", "reading"),
    [
        (["true", "post"], True, Doubt.OUTLET),
        (["true", "post", "source"], True, Doubt.OUTLET),  # "a reliable source"
        (["true", "post"], False, Doubt.CLAIM),  # trust not said of it: as before
        (["true", "post", "report"], True, Doubt.CLAIM),  # "trust newsmax's report": as before
        (["true", "post", "glitch"], True, Doubt.CLAIM),  # a claim named
        (["hoax", "newsmax"], True, Doubt.CLAIM),  # doubt beyond trust: as before
    ],
)
def test_trust_in_an_outlet_alone_is_read_apart(
    tokens: list[str], judged: bool, reading: Doubt
) -> None:
    found = read_doubt(tokens, WORDS, frozenset(), _topical, False, judged=judged)[0]
    assert found is reading


def test_english_and_spanish_name_their_outlets() -> None:
    english, spanish = doubt_words(analysis("en")), doubt_words(analysis("es"))
    assert {"newsmax", "nypost"} <= english.outlets and "this" in english.whose
    assert {"newsmax", "nypost"} <= spanish.outlets and "este" in spanish.whose


@pytest.mark.parametrize(
    "question",
    [
        "should we trust the Post on this",
        "is newsmax even credible",
        "is the ny post a reliable source",
        "can i really trust the new york post",
        "is newsmax trustworthy at all",
        "honestly is the post a legit paper",
    ],
)
def test_doubt_about_an_outlet_is_answered_by_who_reported(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) == "who-reported"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("is this post legit", None),  # a post, not the Post: held as before
        ("is my post reliable", None),
        ("is the post reliable on the glitches", "app-glitches"),  # a claim named
        ("who are the sources the post used", "who-are-the-sources"),  # no doubt: as asked
        ("is this story confirmed", "is-it-confirmed"),
        ("is the washington post reliable", None),  # another outlet: no entry's
    ],
)
def test_look_alikes_keep_their_reading(english: Matcher, question: str, entry: str | None) -> None:
    assert confident_entry(english, question) == entry


def test_outlet_doubt_is_held_rather_than_answered_by_another_entry(english: Matcher) -> None:
    # When the entry asked which outlet reported is not among its candidates, the question is
    # held ("did you mean"), never answered confidently by another entry.
    result = english._outlet_answer("zzz", english.match("who are the sources"), 3)
    assert result.tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("is newsmax credible, and how many people enrolled", "who-reported"),
        ("is the post legit, and is the app on iphone", "who-reported"),
        ("how many people enrolled, and is newsmax credible", "enrolled-45"),
    ],
)
def test_of_two_questions_an_outlets_doubt_asked_first_is_answered(
    english: Matcher, question: str, first: str
) -> None:
    assert confident_entry(english, question) == first
