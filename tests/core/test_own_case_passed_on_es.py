"""A relative's question passed on in Spanish ("mi prima quiere saber si…", "mis papás
preguntan…", issue 11, round 18): it is the relative's question, not a sign of the asker's case.
It gets the own-case notice when it asks about the relative's case — what they may, must or
will have to do, what may be done to them, whether the app is obligatory for them — as English
"can she", "does he have to" do; a news question passed on ("cuántos se inscribieron", "quién
publicó la noticia") does not. Every example is new: none is from a question set."""

from __future__ import annotations

import pytest

from bot.core.own_case import detect


@pytest.mark.parametrize(
    "question",
    [
        "mi mamá quiere saber cuánta gente está en la app",
        "mi tía quiere saber si la app de ICE es real",
        "mi papá quiere saber en qué ciudades está el piloto de la app",
        "mi prima quiere saber si la app reemplaza los check-ins",
        "mis papás quieren saber cuántos se inscribieron en la app",
        "mis tíos preguntan en qué ciudades está la app",
        "mi hermana quiere saber si la app ya salió en la tienda de Apple",
    ],
)
def test_a_news_question_passed_on_by_a_relative_gets_no_notice(question: str) -> None:
    assert detect(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "mi hermano quiere saber si puede usar la app en vez de ir",
        "mi cuñado quiere saber si le toca reportarse con la app",
        "mi novio quiere saber si califica para usar la app",
        "mi mamá pregunta si va a tener que llevar el grillete",
        "mis papás quieren saber si pueden hacer el check-in desde el celular",
        "mi primo quiere saber si le pueden poner grillete",
        "mi prima quiere saber si la app es obligatoria",
        "mi tía quiere saber si es obligatorio usar la app",
        "mi esposa quiere saber si tiene que ir a su cita",
        "mi abuela me preguntó si la pueden deportar por faltar a una cita",
        "mis papás quieren saber si los pueden arrestar en la cita",
    ],
)
def test_a_relatives_question_about_their_case_keeps_the_notice(question: str) -> None:
    found = detect(question)
    assert found is not None, question
    assert found.language == "es"
