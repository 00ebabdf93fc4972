"""No confident answer from an entry that does not answer the question: causes found by listing
every wrong confident answer on the tuning sets (examples here are new, not from those sets)."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier


def test_a_name_whose_stem_is_another_word_keeps_its_weight(spanish: Matcher) -> None:
    # "canada" stems to "can", an English word so common it would say nothing.
    canada = spanish._informativeness("canada", spanish._text.stem("canada"))
    assert canada == pytest.approx(spanish._text.informativeness("canada"))
    assert canada > 0.6
    # An inflected form is still read through its stem ("phones" as "phone").
    assert spanish._informativeness("personas", "person") <= spanish._text.informativeness(
        "personas"
    )


@pytest.mark.parametrize(
    "question",
    [
        "¿cuántos migrantes entraron desde Canadá el año pasado?",
        "cuanta gente vive en canada",
    ],
)
def test_a_question_about_a_place_no_entry_covers_is_not_answered(
    spanish: Matcher, question: str
) -> None:
    assert spanish.match(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("es", "¿cuánto tarda una audiencia de asilo?"),
        ("es", "cuanto tiempo dura un caso de asilo en la corte"),
        ("en", "how long does an asylum hearing take?"),
    ],
)
def test_how_long_is_a_kind_of_its_own_and_no_entry_is_asked_it(
    spanish: Matcher, english: Matcher, language: str, question: str
) -> None:
    matcher = spanish if language == "es" else english
    assert matcher._text.question_kind(matcher._text.plain_words(question).split()) == "how long"
    assert matcher.match(question).tier is not Tier.CONFIDENT


def test_how_many_still_asks_how_many_in_spanish(spanish: Matcher) -> None:
    assert spanish._text.question_kind(["cuantos", "migrantes", "se", "inscribieron"]) == (
        "how many"
    )
    assert spanish.match("¿cuántos migrantes se inscribieron en la app?").tier is Tier.CONFIDENT
