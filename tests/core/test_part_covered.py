"""No confident answer from an entry that covers only part of the question (round 14, issue 9):
causes found by listing every wrong confident answer on the tuning sets. The examples here are
new, not from those sets."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier


def _answer(matcher: Matcher, question: str) -> str | None:
    result = matcher.match(question)
    return result.best.entry_id if result.tier is Tier.CONFIDENT and result.best else None


@pytest.mark.parametrize(
    "question",
    [
        "is newsmax biased",
        "the new york post is not exactly neutral",
        "are the sources biased",
    ],
)
def test_a_word_about_the_bot_said_of_something_else_is_not_the_bots_entry(
    english: Matcher, question: str
) -> None:
    # "biased", "neutral" are asked of the bot, whose neutrality answer only mentions Newsmax,
    # the Post, its sources: said of those, the question is not about the bot.
    assert _answer(english, question) != "bot-neutral"


@pytest.mark.parametrize(
    "question",
    ["are you biased", "is this bot neutral", "is this bot biased in favor of the nypost"],
)
def test_asked_of_the_bot_its_neutrality_is_still_answered(english: Matcher, question: str) -> None:
    assert _answer(english, question) == "bot-neutral"


def test_a_sentence_said_beside_a_question_does_not_answer_the_message(
    english: Matcher,
) -> None:
    # "…since this came out." shares "came" and "since" with the 7 million entry ("how many
    # came in since Biden"), but it is said, not asked: the question is the second sentence.
    message = "Been a while since this came out. bot, what's the current status of the ice app?"
    assert english.match("how many came in since biden took office").tier is Tier.CONFIDENT
    assert _answer(english, message) != "apprehended-7-million"


def test_a_claim_said_before_is_that_true_is_still_what_is_asked(english: Matcher) -> None:
    # The second part asks nothing of its own: the sentence said before it is the question.
    assert (
        _answer(english, "ICE is replacing check-ins with an app. Is that true?")
        == "app-replaces-in-person"
    )
