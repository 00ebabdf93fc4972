"""The words members ask an entry with (taught_words.py): what counts as one, and what it frees.

A clear question whose right entry ranks first was held at "did you mean" when one of its
informative words ("selfie", "currently") is in none of the entry's questions, although members
who ask that entry use it. Such a word now counts for the coverage rules (not for ranking); a
neighbouring question keeps its own words, and numbers, doubt and the words of a second question
never count."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher, Tier
from bot.core.taught_data import Example
from bot.core.taught_words import TaughtWords, language_of, shipped_words
from testkit.labelled import shipped_entries


def token(word: str, language: str = "en") -> str:
    text = analysis(language)
    (found,) = text.content_tokens(word)
    return found


def words(*examples: tuple[str, str, str]) -> TaughtWords:
    return TaughtWords(
        tuple(Example(s, q, tuple(e.split("|")) if e else ()) for s, q, e in examples)
    )


def of(taught: TaughtWords, entry_id: str, language: str = "en") -> frozenset[str]:
    (found,) = taught.of_entries(language, [entry_id])
    return found


def test_a_word_of_two_sets_is_the_entrys_and_of_one_set_is_not() -> None:
    taught = words(
        ("a-en", "how many people are currently on atd", "atd-numbers"),
        ("b-en", "atd numbers currently?", "atd-numbers"),
        ("b-en", "how many are on atd lately", "atd-numbers"),
        ("c-en", "how many are on atd lately", ""),  # out of scope: speaks for no entry
    )
    found = of(taught, "atd-numbers")
    assert token("currently") in found
    assert token("lately") not in found
    assert of(taught, "enrolled-45") == frozenset()


def test_numbers_doubt_and_a_second_questions_words_never_count() -> None:
    taught = words(
        ("a-en", "how many were on atd in 2019, is that fake", "atd-numbers"),
        ("b-en", "atd in 2019 fake?", "atd-numbers"),
        ("a-en", "how many are in atd and how much does it cost per day", "atd-numbers"),
        ("b-en", "how many in ATD? and what does it cost?", "atd-numbers"),
    )
    found = of(taught, "atd-numbers")
    assert "2019" not in found
    assert token("fake") not in found
    assert token("cost") not in found


def test_a_word_another_entry_is_asked_with_as_often_tells_neither() -> None:
    taught = words(
        ("a-en", "when will the border rule drop", "eo-lift-conditions"),
        ("b-en", "when does the limit drop", "eo-lift-conditions"),
        ("c-en", "when does it drop for good", "eo-lift-conditions"),
        ("a-en", "what day did the order drop", "eo-dates"),
        ("b-en", "did the proclamation drop in june", "eo-dates"),
        ("a-en", "is it a selfie thing", "app-how-it-works"),
        ("b-en", "do you send a selfie", "app-how-it-works"),
        ("c-en", "selfie or video?", "app-how-it-works"),
        ("d-en", "selfie at the check in office?", "app-replaces-in-person"),
    )
    assert token("drop") not in of(taught, "eo-lift-conditions")  # 3 sets against 2
    assert token("selfie") in of(taught, "app-how-it-works")  # 3 sets against 1


def test_leaving_out_a_set_and_its_questions() -> None:
    taught = words(
        ("a-en", "how many people are currently on atd", "atd-numbers"),
        ("b-en", "atd numbers currently?", "atd-numbers"),
        ("c-en", "atd numbers currently?", "atd-numbers"),
    )
    assert token("currently") in of(taught.leaving_out([], {"a-en"}), "atd-numbers")
    assert token("currently") not in of(
        taught.leaving_out(["ATD numbers currently"]), "atd-numbers"
    )


def test_the_language_of_a_set() -> None:
    assert language_of("blind7-es") == "es"
    assert language_of("blind7-en") == "en"
    assert language_of("blind-2026") == "en"
    assert language_of("heldout") == "en"


def test_spanish_examples_speak_for_the_spanish_index_only() -> None:
    taught = words(
        ("a-es", "¿quiénes van a poder usar la app?", "app-who-can-use"),
        ("b-es", "¿quiénes van a poder usar la aplicación?", "app-who-can-use"),
    )
    assert token("poder", "es") in of(taught, "app-who-can-use", "es")
    assert of(taught, "app-who-can-use", "en") == frozenset()


CURRENTLY = words(
    ("a-en", "how many people are currently on atd", "atd-numbers"),
    ("b-en", "how many migrants are currently in atd", "atd-numbers"),
)


def test_a_word_members_ask_the_entry_with_frees_a_clear_question() -> None:
    question = "How many people are currently on ATD?"
    held = Matcher(shipped_entries(), taught=TaughtWords()).match(question)
    assert held.tier is not Tier.CONFIDENT
    freed = Matcher(shipped_entries(), taught=CURRENTLY).match(question)
    assert freed.tier is Tier.CONFIDENT and freed.best is not None
    assert freed.best.entry_id == "atd-numbers"


@pytest.mark.parametrize(
    "question",
    [
        "how many people are currently in the US illegally",
        "how many people were on ATD in 2019",
        "what is the population of Houston currently",
    ],
)
def test_the_word_frees_no_neighbouring_question(question: str) -> None:
    result = Matcher(shipped_entries(), taught=CURRENTLY).match(question)
    assert result.tier is not Tier.CONFIDENT, result.best


@pytest.fixture(scope="module")
def with_shipped() -> Matcher:
    return Matcher(shipped_entries(), taught=shipped_words())


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("so how do u check in w the app, like a selfie or what", "app-how-it-works"),
        ("did anyone sue over the asylum ban thing?", "eo-litigation"),
        ("need a cheap immigration lawyer, any ideas where to look", "legal-help"),
    ],
)
def test_shipped_words_free_clear_questions(
    with_shipped: Matcher, question: str, entry_id: str
) -> None:
    held = Matcher(shipped_entries(), taught=TaughtWords()).match(question)
    assert held.tier is not Tier.CONFIDENT
    result = with_shipped.match(question)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == entry_id


@pytest.mark.parametrize(
    "question",
    [
        "how many people are in the US illegally",
        "what is the population of Houston",
        "when does the apple store close",
        "what is DACA",
        "how big is the immigration court backlog",  # "big" of "big cities": ICE offices
        "how much does an ankle monitor cost ice per day",  # "…and what does ATD cost"
        "newsmax is biased, should i believe this",  # "newsmax" asks who reported it
        "when did the june thing drop",  # "drop": lifted, or published?
    ],
)
def test_shipped_words_free_no_neighbouring_question(with_shipped: Matcher, question: str) -> None:
    result = with_shipped.match(question)
    assert result.tier is not Tier.CONFIDENT, result.best
