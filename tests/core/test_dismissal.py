"""Doubt said as an alternative or a judgement beside the question (bot/core/dismissal.py)."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.languages import LanguageDataError, _dismissal
from bot.core.matcher import Matcher, Tier


def read(question: str, code: str = "en") -> str:
    text = analysis(code)
    return text.strip_chatter(text.plain_words(question))


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("is the 'zero consequences' quote real or just a hit-piece line?", "zero consequences"),
        ("are the glitch stories legit or just spin to make the app look bad?", "glitch stories"),
        ("is the 'arrested at check-in' thing real or is it fearmongering?", "arrested at"),
        ("has DHS confirmed the app story, or is it all anonymous sourcing?", "dhs confirmed"),
        ("is the enrolment figure true or did they make it up", "enrolment figure"),
    ],
)
def test_the_alternative_that_dismisses_a_claim_is_dropped(question: str, read_as: str) -> None:
    plain = read(question)
    assert read_as in plain
    assert plain.endswith(("real", "legit", "true", "story")), plain


def test_doubt_about_the_whole_story_drops_its_alternative_too() -> None:
    assert read("is this legit or just a rumor going around?") == "is this legit"
    assert read("is it true or just right wing media stuff") == "is it true"


def test_what_is_left_without_doubt_of_its_own_reads_as_doubt() -> None:
    # "officially" asks whether it is true, but says no doubt itself: the gossip meant it.
    assert read("did ICE announce the app officially or is it all gossip from insiders") == (
        "did ice announce the app officially rumor"
    )


@pytest.mark.parametrize(
    "question",
    [
        "is it only in houston or nationwide",
        "is the app real or is it cbp one",  # an alternative of its own, not a dismissal
        "is the app legit or a scam",  # "scam" asks whether it is safe
        "is the earth flat or is that fake",  # no word asking whether it is true comes first
        "is newsmax legit or just rumors",  # one name is no claim: left for the matcher
        "is the pilot real or just a test run in two cities and more",  # too long a tail
    ],
)
def test_other_alternatives_are_kept(question: str) -> None:
    text = analysis("en")
    plain = text.plain_words(question)
    assert read(question) == text.strip_chatter(plain) and " or " in read(question)


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("sounds like rage bait, did ice confirm the app", "rumor did ice confirm the app"),
        ("smells like a newsmax fever dream. did ice confirm it", "rumor did ice confirm it"),
        ("sounds like the app is down", "sounds like the app is down"),  # no verdict in it
        # The longest verdict is taken whole: "fake news", not "fake" leaving "news" behind.
        ("who are the sources? sounds like fake news", "who are the sources rumor"),
    ],
)
def test_a_judgement_beside_the_question_reads_as_doubt(question: str, read_as: str) -> None:
    assert read(question) == read_as


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        (
            "ICE lo anunció oficialmente o son puros chismes de gente de adentro?",
            "ice lo anuncio oficialmente rumor",
        ),
        (
            "es verdad lo del ghost mode o es propaganda de los antiinmigrantes",
            "es verdad lo del ghost mode",
        ),
        ("es solo en nueva york o en todo el pais", "es solo en nueva york o en todo el pais"),
    ],
)
def test_spanish_reads_doubt_the_same_way(question: str, read_as: str) -> None:
    assert read(question, "es") == read_as


@pytest.mark.parametrize(
    "raw",
    [
        "not a table",
        {"asks_true": ["real"], "alternative": "or", "means": "rumor"},  # nothing dismisses
        {"asks_true": ["real"], "alternative": "", "means": "rumor", "dismissive": ["fake"]},
        {"asks_true": ["real"], "alternative": "or", "means": "two words", "dismissive": ["x"]},
        {"asks_true": "real", "alternative": "or", "means": "rumor", "dismissive": ["fake"]},
    ],
)
def test_bad_dismissal_data_is_refused(raw: object) -> None:
    with pytest.raises(LanguageDataError):
        _dismissal(raw)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("are the glitch reports real or just gossip from insiders", "app-glitches"),
        ("is the zero consequences quote real or just a hit piece", "no-enforcement-quote"),
    ],
)
def test_doubt_about_one_claim_with_a_dismissal_is_answered_by_its_entry(
    shipped: Matcher, question: str, expected: str
) -> None:
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


@pytest.mark.parametrize(
    "question",
    [
        "is ICE legit or just fearmongering",
        "is the app legit or just a scam",
        "is CBP One safe or just spyware",
        "is the ICE app legit or just a scam",
        "is the ny post legit or just a tabloid",
    ],
)
def test_asking_whether_something_is_safe_or_trusted_gets_no_confident_answer(
    shipped: Matcher, question: str
) -> None:
    assert shipped.match(question).tier is not Tier.CONFIDENT
