"""A "which" question about people asks who (question_form.asks_who, issue 9): "which groups
are exempt" is answered by the entry asked "who is exempt", when no candidate is asked "which
…" itself; "which cities", "which contractor" still ask for no person."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher
from bot.core.question_form import asks_who
from bot.core.question_shapes import WHICH
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    ("question", "people"),
    [
        ("which groups are exempt", True),
        ("which migrant groups are exempt", True),  # past one word
        ("hey which people can still apply", True),
        ("which cities are in the pilot", False),
        ("which contractor built the app", False),
        ("which city has the most migrants", False),  # the noun after "which" is not people
    ],
)
def test_which_people_asks_who(question: str, people: bool) -> None:
    words = question.split()
    assert asks_who(analysis("en"), words, WHICH) is people


def test_only_a_which_question_asks_who() -> None:
    english = analysis("en")
    assert not asks_who(english, "which groups are exempt".split(), "")
    assert not asks_who(english, "who are the groups".split(), "who")
    assert asks_who(analysis("es"), "cuales grupos quedan exentos".split(), WHICH)


@pytest.mark.parametrize(
    "question",
    [
        "Which groups aren't covered by the June 2024 asylum restrictions?",
        "which groups are exempted from the june border rule",
        "which migrant groups does the june order not apply to",
    ],
)
def test_which_groups_is_answered_by_the_entry_asked_who(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) == "eo-exceptions"


@pytest.mark.parametrize(
    "question",
    [
        "which migrants can use the check-in app",  # an entry asked "which migrants …" still wins
        "which immigrants get to check in by phone",
    ],
)
def test_an_entry_asked_which_keeps_its_which_questions(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) == "app-who-can-use"


@pytest.mark.parametrize(
    "question",
    [
        "which contractor built the ice check in app",
        "which groups support trump",
        "which people live in new york",
        "which groups are suing over the asylum rule in texas",
    ],
)
def test_neighbouring_which_questions_stay_unanswered(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) is None
