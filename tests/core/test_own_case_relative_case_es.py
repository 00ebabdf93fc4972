"""Round 18 (factcheck18): a relative's question passed on in Spanish that asks what happens to
them or what they should do, or names their own cita/caso/abogado, keeps the own-case notice
(each had it at 04a8125 and lost it in round 18); the news questions passed on still get none."""

from __future__ import annotations

import pytest

from bot.core.own_case import detect


@pytest.mark.parametrize(
    "question",
    [
        "mi prima quiere saber qué pasa si no se presenta a su cita",
        "mi tío quiere saber qué hacer porque perdió su cita con ICE",
        "mi prima quiere saber si su abogado puede ayudarla con la app",
        "mi novio quiere saber si ya perdió su caso por faltar",
        "mi papá pregunta qué pasa si no contesta la app",
    ],
)
def test_a_relatives_own_case_passed_on_keeps_the_notice(question: str) -> None:
    assert detect(question) is not None, question


@pytest.mark.parametrize(
    "question",
    [
        "mi prima quiere saber cuántos se inscribieron",
        "mi prima quiere saber qué pasa con la app",
        "mi prima quiere saber qué hace la app",
        "mi prima quiere saber quién es su fuente",
    ],
)
def test_a_news_question_passed_on_still_gets_none(question: str) -> None:
    assert detect(question) is None, question
