"""A question someone is told to have asked, in the backstory, and a question the asker puts
after it (issue 11, round 17): "mi prima quiere saber si la app es obligatoria, ¿ya dijeron
cuántos se inscribieron?" asks how many enrolled; the cousin's question is backstory. When the
reported question is the only one ("mi papá me preguntó cómo se reporta uno"), or what follows
names nothing of its own ("¿tú sabes?", "¿me ayudas?"), the reported one is still what is
asked. Every example is new: none is from a question set."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        (
            "Mi prima quiere saber si la app es obligatoria, ¿ya dijeron cuántos se inscribieron?",
            "enrolled-45",
        ),
        (
            "mi tío quiere saber si ya no tiene que ir a la oficina. ¿la app tuvo fallas?",
            "app-glitches",
        ),
        (
            "mi compa quiere saber si le van a poner grillete, ¿qué es SmartLINK?",
            "smartlink",
        ),
        (
            "mis papás quieren saber si es seguro ir a la oficina; ¿están arrestando gente en "
            "los check-ins?",
            "check-in-arrests-2025",
        ),
        (
            "a mi suegra le preguntaron si la app es gratis, pero ¿cuántos se inscribieron?",
            "enrolled-45",
        ),
        (
            "mis vecinos me preguntan cuándo empieza lo de la app. ¿Apple ya la aprobó?",
            "apple-store",
        ),
    ],
)
def test_a_later_direct_question_is_what_is_asked(
    spanish: Matcher, message: str, entry: str
) -> None:
    assert confident_entry(spanish, message) == entry


def test_the_reported_question_is_then_backstory(spanish: Matcher) -> None:
    clauses = spanish._clauses(
        "mi tío quiere saber si ya no tiene que ir a la oficina. ¿la app tuvo fallas?"
    )
    assert [asks for _, asks in clauses] == [False, True]
    assert clauses[0][0].startswith("mi tio")


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # the reported question alone, or beside a question that names nothing of its own
        ("me preguntaron cuántas personas están en ATD, ¿tú sabes?", "atd-numbers"),
        (
            "mi primo quiere saber si lo pueden arrestar en el check-in, ¿me ayudas?",
            "check-in-arrests-2025",
        ),
        ("mi hermana quiere saber si la app ya salió en la tienda de Apple", "apple-store"),
        # …or beside one that only asks it again, answered by no entry alone
        (
            "en mi iglesia me preguntan en qué quedó lo de la app de ICE, ¿cómo va la cosa ahora?",
            "where-things-stand",
        ),
        (
            "mi suegro quiere saber cuántos se inscribieron en la app, ¿ya hay números?",
            "enrolled-45",
        ),
    ],
)
def test_the_reported_question_alone_is_still_asked(
    spanish: Matcher, message: str, entry: str
) -> None:
    assert confident_entry(spanish, message) == entry


@pytest.mark.parametrize(
    "message",
    [
        "mi mamá quiere saber si la app es obligatoria, ¿ustedes saben?",
        "mi esposo me preguntó cuántos se inscribieron en la app, ¿me echas la mano?",
    ],
)
def test_a_later_question_of_no_content_leaves_it_asked(spanish: Matcher, message: str) -> None:
    clauses = spanish._clauses(message)
    assert any(asks and plain.startswith(("si", "cuantos")) for plain, asks in clauses)
