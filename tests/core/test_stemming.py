"""How words are reduced to match keys, in English and Spanish: which forms meet, which stay
apart, and that a stem the knowledge base knows never makes a misspelling or a real word into
something else."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def english() -> Matcher:
    return Matcher(shipped_entries())


@pytest.fixture(scope="module")
def spanish() -> Matcher:
    return Matcher(shipped_entries(), language="es")


def test_a_name_spelt_by_ear_is_the_name_even_when_it_is_another_words_stem(
    spanish: Matcher,
) -> None:
    # "apel" is "apple" as heard, and also the stem of "apelación" (the appeal the knowledge
    # base tells of): a string that is no word and sounds just like a name is the name.
    es = spanish._text
    assert es.stem("apelacion") == es.stem("apel")
    assert spanish.query_tokens("la tienda de apel") == spanish.query_tokens("la tienda de apple")
    # The appeal itself is still the appeal.
    assert spanish.query_tokens("hubo apelación") != spanish.query_tokens("hubo apple")


def test_a_rare_form_of_a_known_word_keeps_its_reading(english: Matcher) -> None:
    # "Inc's" is read "incs": one edit from "ins", but its stem is the knowledge base's "inc".
    assert english.query_tokens("BI Inc's smartlink") == english.query_tokens("BI Inc smartlink")
