"""Spanish as it is really typed (issue 11, round 13): words spelt by ear are cheap slips,
SMS shorthand reads as its word, and a real Spanish form is not corrected into another word."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [
        (
            "que siudades tienen el programa piloto de la app",
            "que ciudades tienen el programa piloto de la app",
        ),
        ("es sierto que la aplicasion tubo fayas", "es cierto que la aplicacion tuvo fallas"),
    ],
)
def test_a_question_spelt_by_ear_scores_as_spelt_right(
    spanish: Matcher, typed: str, spelt: str
) -> None:
    # Its similarity to an entry's question is measured on the question as read, not as typed
    # (only its corrected words weigh a little less).
    by_ear, right = spanish.rank(typed)[0], spanish.rank(spelt)[0]
    assert by_ear.entry_id == right.entry_id
    assert abs(by_ear.score - right.score) <= 1.0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("que siudades estan en el programa piloto de la app?", "pilot-cities-unknown"),
        ("como se reporta uno en la aplicasion, con el selular?", "app-how-it-works"),
    ],
)
def test_questions_spelt_by_ear_are_answered(spanish: Matcher, typed: str, expected: str) -> None:
    result = spanish.match(typed)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == expected
