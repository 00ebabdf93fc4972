"""The chatter list: conversation around a question is dropped, the question is kept."""

from __future__ import annotations

import pytest

from bot.core.chatter import CHATTER, strip_chatter
from bot.core.normalize import plain_words


def stripped(text: str) -> str:
    return strip_chatter(plain_words(text))


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("yo bot lmk how many ppl signed up for the app fr", "how many ppl signed up for the app"),
        ("ok but real talk was the launch a flop", "was the launch a flop"),
        (
            "sorry if this is dumb but is this confirmed or just rumors",
            "is this confirmed or just rumors",
        ),
        ("hey bot, quick q: who reported this?", "who reported this"),
        ("hi! thanks for the help earlier. who are the sources?", "who are the sources"),
        ("good morning, can you tell me what the ICE portal is?", "what the ice portal is"),
        ("not sure if you know this but what is smartlink", "what is smartlink"),
        ("hey guys so like um what is cbp one", "what is cbp one"),
        ("i was wondering if the app is approved lol", "the app is approved"),
        ("thank you so much! what is ATD?", "what is atd"),
        ("@policybot who are the sources ngl tbh smh", "who are the sources"),
        ("my aunt keeps saying stuff about this 45 enrolled? asking for a friend", "45 enrolled"),
        ("lol wait so is the app real", "is the app real"),
        ("hi, I hope you can help, did the app crash?", "did the app crash"),
        ("did it glitch or what", "did it glitch"),
        ("thanks for all the answers! is it still happening?", "is it still happening"),
    ],
)
def test_conversation_around_a_question_is_dropped(typed: str, question: str) -> None:
    assert stripped(typed) == question


@pytest.mark.parametrize("typed", ["thanks bot", "lol", "hi there", "ty!", "ok", "hello everyone"])
def test_a_message_of_only_chatter_leaves_nothing(typed: str) -> None:
    assert stripped(typed) == ""


@pytest.mark.parametrize(
    "question",
    [
        "is this bot biased",
        "what is policybot",
        "is this real or fake",
        "is it true that ice uses an app",
        "who said the app is a hit",
        "what is the threshold in the border rule",
        "what is the difference between what and which",
    ],
)
def test_words_that_carry_the_question_are_kept(question: str) -> None:
    assert stripped(question) == plain_words(question)


def test_a_language_without_a_list_is_left_alone() -> None:
    assert "xx" not in CHATTER
    assert strip_chatter("hola gracias", language="xx") == "hola gracias"
