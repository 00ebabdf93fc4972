"""Overlapping entries reworked so each asks one thing (round 16, issue 9 and 11), on the
shipped knowledge base, words only; new phrasings, not from any set.

Whether border figures count the same person more than once (yes or no: they count events) is
what encounters-vs-apprehensions answers; how many unique people or repeat crossers there were
is unique-people's question. The tuning sets' labels split them so."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def matchers() -> dict[str, Matcher]:
    entries = shipped_entries()
    return {code: Matcher(entries, language=code) for code in ("en", "es")}


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        (
            "en",
            "do the cbp numbers count the same migrant more than once?",
            "encounters-vs-apprehensions",
        ),
        (
            "es",
            "¿las cifras de la frontera cuentan a la misma persona varias veces?",
            "encounters-vs-apprehensions",
        ),
        ("en", "how many unique people were there, not counting repeats?", "unique-people"),
        (
            "es",
            "¿cuántas personas distintas hubo, sin contar a los que cruzaron varias veces?",
            "unique-people",
        ),
    ],
)
def test_counting_twice_and_how_many_unique_go_to_their_own_entries(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected
