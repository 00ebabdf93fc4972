"""Factcheck 20: "sí" written for "si" ("qué pasa sí falto") is the member's own "if I miss",
and so is a plain "si" after "él", "ella" or "usted" that does not begin the clause ("qué pasa
con él si falto"): the notice. An emphatic "sí" after a third person who begins the clause
("ella sí faltó, según el artículo") stays news: no notice."""

from __future__ import annotations

import pytest

from bot.core.own_case import detect

OWN = [
    "que pasa sí falto",
    "que pasa sí llego tarde",
    "¿qué pasa con él si falto?",
    "hablé con ella, si falto qué pasa?",
    "¿qué me recomienda usted si falto a la cita?",
]

NEWS = [
    "ella sí faltó, según el artículo",
    "la gente si falto a las citas segun el post",
    "¿es cierto que la gente sí faltó a sus citas?",
    "¿la abogada que entrevistaron sí usó su nombre?",
    "alguien sí faltó a su cita según la noticia?",
]


@pytest.mark.parametrize("question", OWN)
def test_own_if_gets_the_notice(question: str) -> None:
    found = detect(question)
    assert found is not None and found.language == "es", question


@pytest.mark.parametrize("question", NEWS)
def test_emphatic_si_of_a_third_person_is_news(question: str) -> None:
    assert detect(question) is None, question


def test_reporting_on_the_news_every_week_is_no_case() -> None:
    assert detect("i report on ice every week for my newspaper, what did the post say?") is None
    assert detect("i report to ice every month, will the app change that?") is not None


@pytest.mark.parametrize(
    "question",
    ["¿alguien dijo que se usó la app en el piloto?", "¿dónde se usó la aplicación primero?"],
)
def test_the_app_used_said_with_se_is_news(question: str) -> None:
    # "usó" folds to "uso", "I use": after "se" it is the app being used, no one's case.
    assert detect(question) is None, question


def test_ones_own_use_of_the_app_still_gets_the_notice() -> None:
    assert detect("ya uso la app para mis citas, ¿está bien?") is not None
