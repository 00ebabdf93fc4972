"""Paths past the plain confident bar (round 14, issues 9 and 11): a message of several
questions answered through one part, a backstory before the question, doubt said as a verdict,
"what is X" answered by X's own entry, and the bot addressed as "you". Each is tried with
out-of-scope look-alikes of its trigger, which it must not answer confidently, beside the
in-scope phrasings it exists for.

Two-in-one: a message that first asks what something no entry names is ("what is DACA") asks
the rest about that thing ("…and who can apply"); a part only said ("i'm on ATD.") is why the
question beside it is asked, not a question of its own.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier


def confident(matcher: Matcher, question: str) -> str | None:
    result = matcher.match(question)
    return result.best.entry_id if result.tier is Tier.CONFIDENT and result.best else None


@pytest.mark.parametrize(
    "question",
    [
        "what is DACA and who can apply",
        "what is daca and can i still apply",
        "what is daca and is it still around",
        "what is TPS and how many people have it",
        "what is DACA and when does it end",
    ],
)
def test_what_an_unknown_thing_is_then_a_bare_question_is_not_answered(
    english: Matcher, question: str
) -> None:
    assert confident(english, question) is None


def test_what_an_unknown_thing_is_then_a_bare_question_in_spanish(spanish: Matcher) -> None:
    assert confident(spanish, "qué es el TPS y quién lo puede pedir") is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what is ATD and how many people are in it", "atd-what-is"),
        ("what is DACA, and how many people are on ATD", "atd-numbers"),
        ("what's the ICE Portal and can I pay fines on it", "ice-portal"),
    ],
)
def test_a_later_part_naming_a_thing_of_its_own_is_still_answered(
    english: Matcher, question: str, entry: str
) -> None:
    assert confident(english, question) == entry


@pytest.mark.parametrize(
    "question",
    [
        "i'm on ATD. can i get a work permit?",
        "my cousin is on ATD. how do I get a green card?",
    ],
)
def test_a_part_only_said_is_not_answered_beside_an_unanswered_question(
    english: Matcher, question: str
) -> None:
    assert confident(english, question) is None


def test_a_part_only_said_beside_an_answered_question(english: Matcher) -> None:
    assert confident(english, "i'm on ATD. how many people are in it?") == "atd-numbers"


# Out-of-scope look-alikes of each path's trigger that no path answers today: kept so.
LOOKALIKES_EN = [
    # the bot addressed as "you"
    "how much do you cost",
    "are you available in french",
    "what's your favorite color",
    "who do you think will win the election",
    "what do you think of trump",
    "where are your servers",
    "can you speak chinese",
    "are you married",
    "do you like tacos",
    "are you smarter than siri",
    # "what is X"
    "what is ICE's budget",
    "what is DACA",
    "what is SmartLINK's stock price",
    "what is the new york post",
    "what is title 42",
    "what is a green card",
    "what is ATD's budget",
    "what is the H-1B visa",
    # doubt said as a verdict
    "is this weather app fake",
    "is the moon landing fake",
    "is the covid vaccine a hoax",
    "is the election rigged",
    "is fox news legit",
    "is it confirmed that the lakers traded lebron",
    "is the tps extension confirmed",
    "is the rumor about mass deportations true",
    # two in one, backstory
    "how many people live in Houston and is the app there",
    "who won the election and did the app launch",
    "my mom lost her passport, what do I do",
    "my uncle is in detention. how much is bail?",
]

LOOKALIKES_ES = [
    "cuánto cuestas",
    "tienes novia",
    "qué opinas de trump",
    "por quién vas a votar",
    "qué es DACA",
    "qué es el presupuesto de ICE",
    "qué es la visa H-1B",
    "es falso lo del apagón",
    "es verdad que va a llover mañana",
    "es cierto que van a quitar el DACA",
    "mi primo usa smartlink. puede viajar a méxico?",
]


@pytest.mark.parametrize("question", LOOKALIKES_EN)
def test_english_lookalikes_of_each_path_are_not_answered(english: Matcher, question: str) -> None:
    assert confident(english, question) is None


@pytest.mark.parametrize("question", LOOKALIKES_ES)
def test_spanish_lookalikes_of_each_path_are_not_answered(spanish: Matcher, question: str) -> None:
    assert confident(spanish, question) is None
