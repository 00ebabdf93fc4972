"""A name many entries share does not decide which of them a "who" question asks (round 17,
issue 9): "ICE check-in app" is the store app's name and how members name the reported app, so
every entry about the app scores alike on it, and the kind of question tells them apart. Words
only, on the shipped knowledge; wordings of our own, not from any set."""

from __future__ import annotations

import pytest

from bot.core.confidence import CLOSE_CALL, Candidate, Thresholds, close_call_choice
from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    "question",
    [
        "who can use the ICE check-in app?",
        "who can check in with the ice check-in app",
        "who uses the ice check in app",
        "who will get to use the ICE check-in app",
    ],
)
def test_who_of_the_app_by_its_name_is_who_can_use_it(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) == "app-who-can-use"


@pytest.mark.parametrize(
    "question", ["can anybody use the ice check-in app", "can any migrant use the ice check in app"]
)
def test_whether_anyone_may_use_the_app_by_its_name_is_who_can_use_it(
    english: Matcher, question: str
) -> None:
    # app-who-can-use is asked so with the app's full name too, as the entries on its other
    # sides are ("is nyc using the ice check-in app"): the name no longer tips the scale.
    assert confident_entry(english, question) == "app-who-can-use"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The entries asked "who" about something else keep their own questions.
        ("who said the ice check-in app has no enforcement", "no-enforcement-quote"),
        ("who reported the ice check-in app story", "who-reported"),
        ("who can use the check-in app", "app-who-can-use"),
    ],
)
def test_other_who_questions_naming_the_app_keep_their_entries(
    english: Matcher, question: str, expected: str
) -> None:
    assert confident_entry(english, question) == expected


def _candidate(entry_id: str, score: float, **fields: object) -> Candidate:
    return Candidate(entry_id, entry_id, score, entry_id, asks_kind=True, **fields)  # type: ignore[arg-type]


def test_the_one_entry_asked_the_kind_about_the_question_wins_the_close_call() -> None:
    best = _candidate("named-only", 90.0)
    asked = _candidate("asked-who", 90.0 - CLOSE_CALL / 2, alike=True, alike_about=True)
    other = _candidate("asked-who-else", 88.0, alike=True)
    assert close_call_choice([best, other, asked], Thresholds()) is asked


def test_the_best_stays_when_it_covers_only_part_of_the_question() -> None:
    # "who are the sources in the article": half of it is the article's, half the sources'.
    best = _candidate("named-only", 90.0, coverage=0.6)
    asked = _candidate("asked-who", 84.5, coverage=0.6, alike=True, alike_about=True)
    assert close_call_choice([best, asked], Thresholds()) is best


def test_no_choice_when_two_entries_are_asked_the_kind_about_the_question() -> None:
    best = _candidate("named-only", 90.0)
    first = _candidate("asked-who", 89.0, alike=True, alike_about=True)
    second = _candidate("asked-who-too", 88.0, alike=True, alike_about=True)
    assert close_call_choice([best, first, second], Thresholds()) is None


@pytest.mark.parametrize(
    "question", ["who can sign up for the ICE check-in app", "who can sign up for the app"]
)
def test_who_can_sign_up_is_who_can_use_it(english: Matcher, question: str) -> None:
    # "sign up" is also enrolled-45's word (how many signed up); asked who CAN, it is eligibility.
    assert confident_entry(english, question) == "app-who-can-use"


def test_how_many_signed_up_stays_the_enrolment_figure(english: Matcher) -> None:
    assert confident_entry(english, "how many people signed up for the app") == "enrolled-45"
