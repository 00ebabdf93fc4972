"""General-language word frequencies (wordfreq's lists, shipped in its wheel)."""

from __future__ import annotations

import pytest

from bot.core.commonness import informativeness, is_rare, is_shared, is_word, spelling


@pytest.mark.parametrize("word", ["daca", "population", "houston", "parole", "close", "tps"])
def test_real_words_are_words(word: str) -> None:
    assert is_word(word)


@pytest.mark.parametrize("word", ["enroled", "migrnts", "smratlink", "appel", "lauch", "aproved"])
def test_typos_are_not_words(word: str) -> None:
    assert not is_word(word)


def test_rare_words_say_more_than_common_ones() -> None:
    assert informativeness("illegally") > informativeness("population") > informativeness("the")
    assert informativeness("daca") == 1.0
    assert informativeness("people") < 0.2


@pytest.mark.parametrize("number", ["2004", "45", "1.8", "100k"])
def test_numbers_always_count(number: str) -> None:
    assert informativeness(number) == 1.0


def test_rare_words_near_a_function_word_are_typos_of_it_common_ones_are_not() -> None:
    assert is_rare("herd") and is_rare("tis")
    assert not is_rare("wall") and not is_rare("form")


@pytest.mark.parametrize(
    ("typed", "meant"), [("puxhed", "pushed"), ("politicalyl", "politically"), ("sennd", "send")]
)
def test_typos_of_common_words_are_spelled_out(typed: str, meant: str) -> None:
    assert spelling(typed) == meant


def test_a_name_is_used_alike_in_every_language_a_word_of_one_is_not() -> None:
    for name in ("daca", "houston", "queens", "facebook"):
        assert is_shared(name, ("en", "es")), name
    for word in ("uncle", "roommate", "tech", "lawyer", "abogada", "cunado"):
        assert not is_shared(word, ("en", "es")), word
    assert not is_shared("daca", ("en",))  # one language alone cannot tell
    assert is_shared("daca", ("en", "xx", "es"))  # a language wordfreq lacks says nothing
