"""Spanish asks a way to do something with the verb itself, in the first person (round 16,
issue 9): "¿cómo actualizo el iOS de mi iPhone?", "¿cómo publico mi app en la App Store?". The
how-to rule (asked_request.py) read "cómo puedo / hago para VERB" only, so the entry about the
ICE app in the App Store answered them through "iPhone" and "App Store". Now the verb is read too,
and only an entry asked with it (its infinitive: "actualizar", "pedir" of "pido") answers. None of
these questions is from a benchmark set.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry

# A way to do something no entry explains: "did you mean" at most.
FIRST_PERSON_HOW = [
    "¿cómo actualizo el iOS de mi iPhone?",
    "cómo actualizo el iOS de mi iPhone? me sale error",
    "cómo publico mi app en la app store",
    "cómo subo mi app a la app store",
    "cómo pruebo la app en mi iphone",
    "cómo lanzo mi app en la app store",
    "cómo registro mi app en la app store",
    "cómo programo una app para iphone",
    "cómo creo una app para la app store",
    "cómo pago una app en la app store",
    "cómo compro apps en la app store",
    "cómo reporto una app falsa en la app store",
    "cómo vendo mi app en la app store",
    "cómo cobro por mi app en la app store",
    "cómo diseño una app para iphone",
    "cómo actualizo mi app en la app store",
    "cómo actualizo el sistema de mi iphone",
    "como actualizo el ios",
    "cómo instalo juegos en mi iphone",
    "cómo regalo una app en la app store",
    "cómo borro apps de mi iphone",
    "cómo escondo apps en mi iphone",
    "cómo entro a la app store sin cuenta",
    "cómo cierro sesión en la app store",
    "cómo actualizo mi celular",
    "cómo instalo la app en mi computadora",
    "cómo cambio el idioma de mi iphone",
    "cómo saco una cita en el consulado mexicano",
    "cómo renuevo mi pasaporte",
    "cómo borro mi cuenta de apple",
    "cómo reinicio mi celular",
    "cómo pongo mi foto en discord",
    "cómo obtengo mi número de seguro social",
    "cómo traduzco mi acta de nacimiento",
    "cómo desbloqueo mi iphone",
]


@pytest.mark.parametrize("question", FIRST_PERSON_HOW)
def test_a_first_person_how_to_no_entry_is_asked_is_not_answered(
    spanish: Matcher, question: str
) -> None:
    assert confident_entry(spanish, question) is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("¿Cómo reporto una respuesta equivocada?", "report-error"),
        ("¿cómo aviso si el bot me dio una respuesta equivocada?", "report-error"),
        ("cómo descargo la app", "apple-store"),
        ("cómo descargo la app de ICE", "apple-store"),
        ("cómo encuentro un abogado gratis", "legal-help"),
        ("¿cómo consigo ayuda legal gratis?", "legal-help"),
        ("cómo cambio mi dirección en el portal de ICE", "ice-portal"),
    ],
)
def test_a_first_person_how_to_its_entry_is_asked_stays_answered(
    spanish: Matcher, question: str, entry: str
) -> None:
    assert confident_entry(spanish, question) == entry


def verb_forms(matcher: Matcher, question: str) -> tuple[str, ...]:
    plain, context = matcher._read(question)
    _, typed, _ = matcher._weighted_tokens(plain, context)
    return matcher._first_person_verb(question, plain.split(), typed)


def test_the_first_person_verb_and_its_infinitive_are_read(spanish: Matcher) -> None:
    tokens = spanish._text.tokens_of
    assert set(tokens(["actualizar"])) <= set(verb_forms(spanish, "cómo actualizo el ios"))
    assert set(tokens(["pedir"])) <= set(verb_forms(spanish, "cómo pido asilo"))
    assert set(tokens(["renovar"])) <= set(verb_forms(spanish, "cómo renuevo mi permiso"))
    assert set(tokens(["conseguir"])) <= set(verb_forms(spanish, "cómo consigo un abogado"))
    # not a first person: a past tense with its accent, a noun, another opening
    assert verb_forms(spanish, "cómo informó el diario lo de la app") == ()
    assert verb_forms(spanish, "cómo todo empezó") == ()
    assert verb_forms(spanish, "qué actualizo primero") == ()
