"""No confident answer from an entry that covers only part of the question (round 14, issue 9):
causes found by listing every wrong confident answer on the tuning sets. The examples here are
new, not from those sets."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier
from testkit.answers import confident_entry


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
    assert confident_entry(english, question) != "bot-neutral"


@pytest.mark.parametrize(
    "question",
    ["are you biased", "is this bot neutral", "is this bot biased in favor of the nypost"],
)
def test_asked_of_the_bot_its_neutrality_is_still_answered(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) == "bot-neutral"


def test_a_sentence_said_beside_a_question_does_not_answer_the_message(
    english: Matcher,
) -> None:
    # "…since this came out." shares "came" and "since" with the 7 million entry ("how many
    # came in since Biden"), but it is said, not asked: the question is the second sentence.
    message = "Been a while since this came out. bot, what's the current status of the ice app?"
    assert english.match("how many came in since biden took office").tier is Tier.CONFIDENT
    assert confident_entry(english, message) != "apprehended-7-million"


def test_a_claim_said_before_is_that_true_is_still_what_is_asked(english: Matcher) -> None:
    # The second part asks nothing of its own: the sentence said before it is the question.
    assert (
        confident_entry(english, "ICE is replacing check-ins with an app. Is that true?")
        == "app-replaces-in-person"
    )


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "is ice ending face to face check ins and using an app"),
        ("en", "no more face-to-face check ins with ice?"),
        ("es", "¿ICE ya no va a pedir reportarse cara a cara?"),
    ],
)
def test_face_to_face_is_in_person_not_a_face_scan(
    english: Matcher, spanish: Matcher, language: str, question: str
) -> None:
    matcher = spanish if language == "es" else english
    assert confident_entry(matcher, question) == "app-replaces-in-person"


def test_a_face_scanned_is_still_the_apps_face_check(english: Matcher) -> None:
    assert confident_entry(english, "does the ice app scan your face") == "ice-check-in-app"


@pytest.mark.parametrize(
    "question",
    [
        "did somebody who is not anonymous say migrants really used the app",
        "has anybody that isnt anonymous confirmed people used the check-in app",
    ],
)
def test_someone_not_anonymous_is_someone_on_the_record(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) == "attorney-pilot-clients"


def test_a_plan_that_goes_ahead_happens_not_a_booking_far_ahead(english: Matcher) -> None:
    # "go ahead" is not the "ahead" of "how far ahead is the new york office booked".
    assert confident_entry(english, "did the ice app in new york go ahead") == "nyc-rollout"
    assert (
        confident_entry(english, "how far ahead are appointments at the new york ice office booked")
        == "ice-offices-underwater"
    )


@pytest.mark.parametrize(
    "question",
    [
        "what needs to happen before the june 2024 border limits are turned off",
        "when is the asylum shutdown going to be switched off",
    ],
)
def test_restrictions_switched_off_are_lifted_whatever_verb_comes_between(
    english: Matcher, question: str
) -> None:
    assert confident_entry(english, question) == "eo-lift-conditions"
