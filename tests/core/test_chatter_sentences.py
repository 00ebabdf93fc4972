"""A reaction said as a sentence of its own around a question ("…nothing happens?? wild",
"how many enrolled? damn.") is chatter, as it is when it is the whole message: the sentence is
dropped before the question is read (chatter.without_chatter_sentences, round 21)."""

from __future__ import annotations

import pytest

from bot.core.chatter import strip_chatter, without_chatter_sentences
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import plain_words


def strip(text: str) -> str:
    return strip_chatter(plain_words(text), "en")


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("so nothing happens if you skip?? wild", "so nothing happens if you skip"),
        ("how many enrolled? damn.", "how many enrolled"),
        ("who reported it? or nah", "who reported it"),
        ("is the app real? crazy", "is the app real"),
        ("Wow. What is ATD?", "What is ATD"),
    ],
)
def test_a_sentence_of_chatter_is_dropped(message: str, kept: str) -> None:
    assert without_chatter_sentences(message, strip).strip() == kept


@pytest.mark.parametrize(
    "message",
    [
        "what is atd",  # one sentence: as it is
        "lol",  # nothing but chatter: as it is (nothing else to read)
        "who reported it? was it the post?",  # two questions: both kept
        "the 1.8 million. where is it from?",  # a decimal point is no sentence end
    ],
)
def test_other_messages_are_kept_whole(message: str) -> None:
    assert without_chatter_sentences(message, strip) == message or (
        # every sentence kept: the same words
        without_chatter_sentences(message, strip).split() == message.split()
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("so if u just dont check in nothing happens?? wild", "no-enforcement-quote"),
        ("so nothing happens if you skip an app check in?? insane", "no-enforcement-quote"),
        ("the app had glitches before launch? damn", "app-glitches"),
        ("how many people are on atd? wow.", "atd-numbers"),
        ("who broke the story first? crazy", "who-reported"),
    ],
)
def test_a_question_beside_a_reaction_is_answered(
    english: Matcher, question: str, expected: str
) -> None:
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


@pytest.mark.parametrize(
    "question",
    # Dropping the reaction leaves a question about nothing here: still no answer.
    ["who won the super bowl? wild", "how many people live in texas? crazy"],
)
def test_an_unknown_question_beside_a_reaction_is_not_answered(
    english: Matcher, question: str
) -> None:
    assert english.match(question).tier is not Tier.CONFIDENT
