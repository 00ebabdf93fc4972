"""Two entries told apart by what they ask (round 21, know21; issue 9, overlapping entries):
`app-how-it-works` is what a person does to check in through the app (device, steps, a selfie
or face scan as a step, how the app knows it is them); `ice-check-in-app` is the "ICE Check-In
App" as ICE lists it (what it is, whether it is official, the features its
listing names). Both answers give the listing's facial verification and geolocation, so the
kind of question decides. Words only, on the shipped knowledge base; the questions are this
file's own."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    "question",
    [
        "does the app scan your face to check you in",
        "do i need to take a selfie to check in through the app",
        "what do you do in the app to check in, scan your face?",
    ],
)
def test_how_a_person_checks_in_is_how_it_works(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) == "app-how-it-works"


@pytest.mark.parametrize(
    "question",
    [
        "is the ice check-in app an official ice app",
        "does the ice check-in app use facial recognition",
        "what is the ice check-in app",
    ],
)
def test_the_listed_app_itself_is_the_ice_check_in_app(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) == "ice-check-in-app"
