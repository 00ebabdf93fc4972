"""Doubt about a claim whose subject no entry knows (round 16): "is it true the subway in nyc is
free" doubts a claim about the subway, not the NYC launch, though the claim's other words
("nyc") are the knowledge base's. A word no entry uses, said of a claim's word ("the weather in
nyc", "el metro de nueva york"), names what the claim is about (one_question.py); the claims the
knowledge base holds, judged in words it never uses ("feels inflated"), are still answered."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry

# Each was answered confidently with nyc-rollout (or another entry naming the place) before.
CLAIMS_ABOUT_ELSE = [
    "my friend said the weather in nyc will be bad all week. is that true",
    "my friend said the weather in nyc will be bad all week?? is that true",
    "is the weather in nyc bad all week or is that fake",
    "the weather in nyc is bad all week, is that true?",
    "is it true that the subway in nyc is free now",
    "is it true the mayor of houston resigned",
    "someone said the traffic in nyc is worse than ever, is that real",
    "is it true that the rent in nyc went up again or is that a rumor",
]


@pytest.mark.parametrize("question", CLAIMS_ABOUT_ELSE)
def test_a_claim_about_something_else_is_not_answered(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) is None


@pytest.mark.parametrize(
    "question",
    [
        "¿es cierto que el metro de nueva york es gratis?",
        "¿es verdad que el clima en nueva york va a estar feo toda la semana?",
    ],
)
def test_spanish_claim_about_something_else(spanish: Matcher, question: str) -> None:
    assert confident_entry(spanish, question) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("the 7 million apprehended thing feels inflated, is it accurate", "apprehended-7-million"),
        ("is it true the nyc ice office is booked till 2032??", "ice-offices-underwater"),
        ("the 45 enrolled number seems made up, where's it from", "enrolled-45"),
        (
            "is ice really swapping in person check ins for a phone app or is that a made up "
            "headline",
            "app-replaces-in-person",
        ),
    ],
)
def test_claims_of_the_knowledge_base_judged_in_other_words(
    english: Matcher, question: str, expected: str
) -> None:
    assert confident_entry(english, question) == expected


def test_spanish_claim_of_the_knowledge_base(spanish: Matcher) -> None:
    question = "¿es cierto que las oficinas de ICE están reventadas o es exageración del artículo?"
    assert confident_entry(spanish, question) == "ice-offices-underwater"
