"""Misspelt words (round 12): the likeliest slip wins, and real words stay as typed."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.normalize import stem
from bot.core.typos import CHEAP, TypoCorrector, typing_cost
from tests.core.test_matcher import entry


@pytest.mark.parametrize(
    ("typed", "likely", "unlikely"),
    [
        ("portl", "portal", "port"),  # a dropped vowel, not an extra key far from the others
        ("lawer", "lawyer", "later"),  # a dropped letter, not a key far from the right one
        ("wher", "where", "when"),
        ("storie", "stories", "store"),
        ("lifed", "lifted", "life"),  # a dropped letter, not a key struck beside another
    ],
)
def test_a_dropped_letter_is_likelier_than_a_far_key(
    typed: str, likely: str, unlikely: str
) -> None:
    assert typing_cost(typed, likely) < typing_cost(typed, unlikely)
    # …and the corrector picks it though the other word is used more
    assert TypoCorrector({unlikely: 100, likely: 1}).correct(typed) == likely


def test_two_slips_of_the_likeliest_kinds_count_as_one_edit() -> None:
    assert typing_cost("procces", "process") <= 1  # a doubled "c", a dropped "s"
    assert TypoCorrector({"process": 1}).correct("procces") == "process"
    # …but two far keys in a short word are no correction
    assert TypoCorrector({"process": 1}).correct("prikess") is None


def test_a_swap_and_a_neighbouring_key_are_cheap_slips() -> None:
    assert typing_cost("dose", "does") <= CHEAP
    assert typing_cost("reprot", "report") <= CHEAP
    assert typing_cost("tesr", "test") < typing_cost("tesk", "test")  # r is beside t, k is not


def test_three_letters_are_corrected_only_when_asked() -> None:
    corrector = TypoCorrector({"were": 5, "for": 5})
    assert corrector.correct("wer") is None  # the default shortest is four letters
    assert corrector.correct("wer", 3) == "were"


KNOWLEDGE = [
    entry(
        "how-it-works",
        "How does the check-in app work?",
        "What does the ICE check-in app do?",
        answer="An answer about how the app works.",
    ),
    entry("who-can-use", "Who can use the check-in app?", answer="An answer about who."),
    entry("portal", "What is the ICE portal for?", answer="An answer about the portal."),
    entry(
        "lifted",
        "When will the border restrictions be lifted?",
        answer="An answer about when they are lifted.",
    ),
    entry("who-reported", "Who reported this story?", answer="The Post reported the story."),
    entry("apple-store", "Is the app in the App Store?", answer="An answer about the store."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(KNOWLEDGE)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is the ice portl for", "portal"),  # not "port"
        ("when do the restricions get lifed", "lifted"),  # "lifed" strips to "life"
        ("who can use the chekin app", "who-can-use"),  # a slip of a joined name
        ("who reportd this storie", "who-reported"),  # "stories", not the "store" it knows
        ("how dose the chek in app work", "how-it-works"),  # "dose" where only "does" fits
    ],
)
def test_a_slip_is_read_as_the_word_meant(matcher: Matcher, question: str, expected: str) -> None:
    ranked = matcher.rank(question, 1)
    assert ranked and ranked[0].entry_id == expected


def test_joined_names_are_corrected_as_one_word(matcher: Matcher) -> None:
    assert "checkin" in matcher.query_tokens("who can use the chekin app")
    # a slip of a word with the string's own stem keeps that reading: "stor" is not "story"
    assert stem("story") not in matcher.query_tokens("is it in the app stor")


def test_short_strings_become_only_function_words(matcher: Matcher) -> None:
    assert matcher.query_tokens("wer they lifted") == matcher.query_tokens("were they lifted")
    assert matcher.query_tokens("wil it be lifted") == matcher.query_tokens("will it be lifted")
    assert "won" in matcher.query_tokens("who won the election")  # a real word, not "wont"
    assert "tps" in matcher.query_tokens("what is tps")  # not the shorthand "ths"


def test_a_real_word_is_corrected_only_where_nothing_else_fits(matcher: Matcher) -> None:
    # "dose" after a question word and before "the", "it": the verb that asks ("does")
    dose = stem("dose")
    assert dose not in matcher.query_tokens("how dose the app work")
    # …elsewhere it is the word typed, never turned into a knowledge-base word
    assert dose in matcher.query_tokens("what dose of it is needed")
    assert dose in matcher.query_tokens("is one dose enough")
    assert stem("hole") in matcher.query_tokens("how big is the hole in the border wall")


def test_a_real_word_is_never_corrected_into_a_knowledge_base_word() -> None:
    data = Matcher([entry("data", "Where does the CBP data come from?")])
    assert data.query_tokens("daca") == ["daca"]
    assert data.query_tokens("population") == [stem("population")]
    assert data.query_tokens("dtaa") == ["data"]  # a string that is no word is corrected
