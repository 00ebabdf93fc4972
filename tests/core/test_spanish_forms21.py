"""Spanish as people write it (issue 11, round 21). Each kind with new examples of its own, none
from a question set:

- a yes/no question told from a "which" one, as English tells "is it just a trial" from
  "which cities is the trial in" (question_form.py): Spanish says yes/no by its opening verb
  ("¿es solo…?", "¿va a…?") or its subject and then such a verb ("la app es…?"), and "qué
  ciudades", "qué lugares" ask which, as English "what cities" does. A "which cities" question
  saying "prueba" goes to the entry on the unknown list of cities, a yes/no one to the entry on
  whether it is a pilot;
- a verdict said first, then the claim it judges, with the kind of rumor after the word of doubt
  ("¿es invento republicano eso de que…?"): the kind is no claim, and the claim's entry answers,
  as it does "¿es invento eso de que…?" (language.toml `rewrites`, doubt.py)."""

from __future__ import annotations

import pytest

from bot.core.chatter import strip_chatter
from bot.core.matcher import Matcher
from bot.core.question_form import question_form
from bot.core.question_shapes import WHICH, YES_NO
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("es solo una prueba en algunas ciudades", YES_NO),
        ("va a empezar en todo el pais", YES_NO),
        ("la app es para todos", YES_NO),
        ("lo de la app es puro piloto", YES_NO),
        ("que ciudades tienen la app", WHICH),
        ("la app en que ciudades esta", WHICH),
        ("como es que funciona la app", ""),
        ("lista de ciudades de la app", ""),
        ("la gente que usa la app es mucha", ""),
    ],
)
def test_spanish_question_forms(spanish: Matcher, question: str, form: str) -> None:
    assert question_form(spanish._text, question.split()) == form


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # which cities the trial ("prueba") is in: the unknown list of pilot cities
        ("¿en qué ciudades es la prueba?", "pilot-cities-unknown"),
        ("cuáles ciudades están en la prueba?", "pilot-cities-unknown"),
        ("que ciudades estan en la prueba de la app?", "pilot-cities-unknown"),
        # whether it is only a trial in some cities: the pilot
        ("¿es una prueba nada más en unas ciudades?", "pilot-select-cities"),
        ("la app es solo una prueba en unas ciudades?", "pilot-select-cities"),
        ("¿va a arrancar como prueba en algunas ciudades?", "pilot-select-cities"),
    ],
)
def test_which_cities_the_trial_is_in_is_told_from_whether_it_is_one(
    spanish: Matcher, message: str, expected: str
) -> None:
    assert confident_entry(spanish, message) == expected


@pytest.mark.parametrize(
    ("plain", "read"),
    [
        (
            "es invento republicano eso de que la app se cae",
            "es invento eso de que la app se cae",
        ),
        (
            "no sera mentira de los democratas lo del check in por app",
            "no sera mentira lo del check in por app",
        ),
        ("es puro chisme gringo que la app tuvo fallas", "es puro chisme que la app tuvo fallas"),
        # …not without words between, nor an alternative offered
        ("es mentira que ya no hay que ir", "es mentira que ya no hay que ir"),
        ("es propaganda o verdad eso de la app", "es propaganda o verdad eso de la app"),
    ],
)
def test_the_kind_of_rumor_after_a_verdict_said_first_is_no_claim(plain: str, read: str) -> None:
    assert strip_chatter(plain, "es") == read


def test_a_verdict_said_first_doubts_the_claim_after_it(spanish: Matcher) -> None:
    message = "¿es invento republicano eso de que la app se cae a cada rato?"
    assert confident_entry(spanish, message) == "app-glitches"
