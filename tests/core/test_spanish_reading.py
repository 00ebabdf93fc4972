"""Reading Spanish as members write it: English names spelt by ear, slang for the topic's words,
talk around the question, and sentences that only give context."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def spanish() -> Matcher:
    return Matcher(shipped_entries(), language="es")


@pytest.mark.parametrize("heard", ["ise", "ais", "aiz"])
def test_an_english_name_spelt_as_heard_is_read_as_the_name(spanish: Matcher, heard: str) -> None:
    # "ise" is in wordfreq's Spanish list (2.8), but far rarer than the name "ice" in English.
    assert spanish.query_tokens(f"la cita de {heard}") == spanish.query_tokens("la cita de ICE")


def test_names_are_heard_only_for_english_words_and_real_words_stay(spanish: Matcher) -> None:
    es = analysis("es")
    assert es.heard_keys("ice") == ("ais",)
    assert es.heard_keys("apple") == ("apel",)
    assert es.heard_keys("ciudad") == ()  # a Spanish word is spelt as it sounds
    # "hice" sounds like "ice" read in Spanish, but it is a common word: it stays.
    assert "ice" not in spanish.query_tokens("lo hice con la app")


def test_seeing_is_how_a_question_is_asked_not_what_about(spanish: Matcher) -> None:
    assert spanish.query_tokens("el portal para ver las audiencias") == spanish.query_tokens(
        "el portal para las audiencias"
    )
