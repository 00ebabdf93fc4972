"""Chat shorthand, slang and remarks around a clear question (issues 9 and 11, round 13): said
plainly by the `rewrites` and `chatter` of bot/locales/en/language.toml and the domain's
vocabulary, so the bare question is answered; what only looks alike is left as typed (Spanish:
test_spanish_reading.py)."""

from __future__ import annotations

import pytest

from bot.core.chatter import strip_chatter
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import plain_words


def read(text: str) -> str:
    return strip_chatter(plain_words(text), "en")


@pytest.mark.parametrize(
    ("typed", "as_read"),
    [
        # ghosting what one is due at is skipping it
        ("what if my cousin ghosts the check-in", "what if my cousin skip the check in"),
        ("can people just ghost the app", "can people just skip the app"),
        # chat spellings of plain words
        ("is the pilot still going rn", "is the pilot still going right now"),
        ("is the pilot still going these days", "is the pilot still going right now"),
        ("is it a pilot at the moment", "is it a pilot right now"),
        ("as of now is it a pilot", "right now is it a pilot"),
        ("how many these days", "how many right now"),
        ("how many days did the order take", "how many days did the order take"),
        ("how many were caught b4 the rule", "how many were caught before the rule"),
        ("encounters each yr", "encounters each year"),
        ("the same people again n again", "the same people again and again"),
        ("did anyone talk abt it", "did anyone talk about it"),
        # "wtf is X", "X wtf is that", "X is what exactly"
        ("wtf is cbp home", "what is cbp home"),
        ("ice portal wtf is that", "what is ice portal"),
        ("the ice portal is what exactly", "what is the ice portal"),
        # Border Patrol's initials
        ("bp arrests by year", "border patrol arrests by year"),
        # a thing that breaks fails
        ("did the portal break down", "did the portal glitch"),
        ("i heard it keeps breaking", "i heard it keeps glitch"),
        # money trouble said as a need
        ("my uncle cant afford one, where can he go", "my uncle cant afford where can he go"),
        ("money is tight, any free lawyers", "cant afford any free lawyers"),
        # who wants the answer, said after the question
        ("is it in chicago yet, my aunt in chicago wants to know", "is it in chicago yet"),
        ("he says its over, is that what the story said", "he says its over is that right"),
    ],
)
def test_english_shorthand_is_read_plainly(typed: str, as_read: str) -> None:
    assert read(typed) == as_read


@pytest.mark.parametrize(
    "typed",
    [
        "what is ghost mode",  # the critics' word, not skipping
        "can you break down the numbers",  # a figure broken down
        "does the app break the law",
        "wtf is this real",  # doubt: "wtf" is only a reaction
        "how does it work what is it",  # a question of its own before "what is it"
        "my aunt wants to know about smartlink",  # not the end of the message
    ],
)
def test_what_only_looks_like_shorthand_is_not_rewritten(typed: str) -> None:
    as_read = read(typed)
    assert "skip" not in as_read and "glitch" not in as_read
    assert not as_read.startswith("what is this")
    assert as_read.split()[-1] == plain_words(typed).split()[-1]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what happens if someone ghosts their check in", "no-enforcement-quote"),
        ("did the ice app break down before launch", "app-glitches"),
        ("people getting snatched at their ice appointments?", "check-in-arrests-2025"),
        ("swb apprehensions by fiscal yr", "swb-apprehensions"),
        ("which cities got picked for the tryout", "pilot-cities-unknown"),
    ],
)
def test_english_shorthand_reaches_the_entry(english: Matcher, question: str, entry: str) -> None:
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "my cousin says skipping an app check in has zero consequences, "
            "is that what the article says?",
            "no-enforcement-quote",
        ),
        (
            "my coworker says the app lets migrants go off the grid, is that what the post claims",
            "anonymity-claim",
        ),
    ],
)
def test_is_that_what_the_article_says_asks_whether_the_claim_passed_on_is_right(
    english: Matcher, question: str, entry: str
) -> None:
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry
