"""Spanish as it is written (issue 11, round 14): chatter spelt by ear is chatter, polite
preambles and thanks around a question are dropped, backstory told after a question is told
apart from it, tags like "¿…o todavía no?" ask nothing, and slang is read plainly."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.heard_chatter import read_heard_chatter
from bot.core.matcher import Matcher, Tier


def stripped(text: str) -> str:
    spanish = analysis("es")
    return spanish.strip_chatter(spanish.plain_words(text))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("kiero saber de la app", "de la app"),
        ("kisiera saber ke es smartlink", "ke es smartlink"),
        ("grasias por la ayuda ke es smartlink", "ke es smartlink"),
    ],
)
def test_chatter_spelt_by_ear_is_dropped(typed: str, read: str) -> None:
    assert stripped(typed) == read


def test_only_chatter_is_read_by_ear_before_it_is_dropped() -> None:
    # "fayas" sounds like "fallas", but no chatter covers it: the misspelling reader, which
    # knows the knowledge base's words, reads it later; "ubo" ("hubo") likewise.
    spanish = analysis("es")
    assert read_heard_chatter("ubo fayas con la app", "es", spanish) == "ubo fayas con la app"
    assert read_heard_chatter("kiero saber", "es", spanish) == "quiero saber"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Quisiera saber, si no es mucha molestia, qué es SmartLINK", "que es smartlink"),
        ("Gracias por responder tan rápido. Otra cosa que me quedó, ¿qué es ATD?", "que es atd"),
        ("Oye amigo, gracias por lo de antes. Una pregunta más, ¿qué es ATD?", "que es atd"),
        ("perdón si ya lo preguntaron antes, ¿qué es ATD?", "que es atd"),
        ("¿ya está confirmado lo de la app o todavía no?", "ya esta confirmado lo de la app"),
        ("bro cuál es la diferencia, me hago bolas", "cual es la diferencia"),
        (
            "compa y lo de la inmigración va a pesar en las elecciones o q",
            "lo de la inmigracion va a pesar en las elecciones",
        ),
        ("¿qué es el ICE portal? me explica", "que es el ice portal"),
        ("el umbral es de 2500 al día o cómo es la vaina", "el umbral es de 2500 al dia"),
        ("…se llama SmartLINK, ¿qué es eso?", "se llama smartlink que es eso"),
    ],
)
def test_polite_preambles_and_tags_are_dropped(typed: str, read: str) -> None:
    assert stripped(typed) == read


def test_a_real_question_about_bother_is_kept() -> None:
    # "molestia" asked about, not asked leave with
    assert "molestia" in stripped("¿la app es una molestia para los migrantes?")


def test_ice_falling_on_someone_is_no_app_crash() -> None:
    read = stripped("si no te reportas x la app te cae la migra o no pasa nada")
    assert "cae" not in read.split()
    assert "se cae la app" in stripped("se cae la app")


def test_is_it_confirmed_or_not_yet_is_asked_whether_confirmed(spanish: Matcher) -> None:
    result = spanish.match("¿ya está confirmado lo de la app o todavía no?")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "is-it-confirmed"


def test_backstory_after_the_question_may_open_with_a_preposition(spanish: Matcher) -> None:
    # "…, a mi cuñado le hicieron instalar esa app": told of the asker's own, not asked
    result = spanish.match("qué es eso de SmartLINK, a mi cuñado le hicieron instalar esa app")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "smartlink"


def test_stem_changing_verbs_meet_their_other_forms() -> None:
    spanish = analysis("es")
    assert spanish.stem("migración") == spanish.stem("inmigración")
    assert spanish.stem("repiten") == spanish.stem("repetidos")
    assert spanish.stem("consigue") == spanish.stem("conseguir")


def test_and_opening_a_question_after_a_pal_is_dropped_but_not_within() -> None:
    assert stripped("wey y si la raza no se reporta en la app") == (
        "si la gente no se reporta en la app"
    )
    assert stripped("encuentros y detenciones son lo mismo") == (
        "encuentros y detenciones son lo mismo"
    )
