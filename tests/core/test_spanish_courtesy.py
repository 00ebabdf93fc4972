"""Spanish courtesy and shortened words (issue 11, round 15): asking leave ("disculpa la
molestia", "una consulta", "les quería hacer una pregunta") and where a claim was heard ("eso
dicen en la tele", "vi que…") are dropped around the question; "la tele" is television, not
the phone; available somewhere is being there; "alternativas a la detención" is ATD however it
is spelt; a preterite whose accent was folded ("demandó") is no gerund; not checking in ("si no
hace el check-in", "si no te reportas") is skipping it, not doing it."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher, Tier
from bot.core.taught_words import TaughtWords
from testkit.labelled import shipped_entries


def stripped(text: str) -> str:
    spanish = analysis("es")
    return spanish.strip_chatter(spanish.plain_words(text))


def tokens(text: str) -> list[str]:
    spanish = analysis("es")
    return spanish.content_tokens(spanish.normalize(stripped(text)))


def untaught() -> Matcher:
    """The Spanish matcher without the words members asked with (taught_words.py)."""
    return Matcher(shipped_entries(), language="es", taught=TaughtWords(()))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Disculpa la molestia, ¿cuándo empieza la app?", "cuando empieza la app"),
        ("disculpen las molestias pero cuándo empieza la app", "cuando empieza la app"),
        ("perdón por la molestia, qué es SmartLINK", "que es smartlink"),
        ("Hola, una consulta: ¿qué es SmartLINK?", "que es smartlink"),
        ("tengo una consulta rápida, qué es SmartLINK", "que es smartlink"),
        ("les quería hacer una pregunta, ¿qué es SmartLINK?", "que es smartlink"),
        ("Oye, una pregunta nomás... ¿qué es SmartLINK?", "que es smartlink"),
        ("Gracias por la info de antes. ¿Qué es SmartLINK?", "que es smartlink"),
        ("¿la app te deja esconderte? eso dicen en la tele", "la app te deja esconderte"),
        (
            "vi que ICE iba a dar una rueda de prensa, ¿por qué no la dio?",
            "ice iba a dar una rueda de prensa por que no la dio",
        ),
    ],
)
def test_courtesy_and_where_it_was_heard_are_dropped(typed: str, read: str) -> None:
    assert stripped(typed) == read


@pytest.mark.parametrize(
    "asked",
    [
        "¿hay alguna consulta gratis con un abogado?",
        "cuánto cuesta una consulta con un abogado",
        "una consulta con un abogado de inmigración dónde la consigo",
    ],
)
def test_a_consultation_asked_about_is_kept(asked: str) -> None:
    assert "consult" in tokens(asked)


def test_the_tele_is_television_not_the_phone() -> None:
    spanish = analysis("es")
    phone = spanish.stem("teléfono")
    assert phone not in tokens("la tele dijo que la app ya salió")
    assert phone in tokens("¿el check-in se hace desde el cel?")


def test_available_somewhere_is_being_there() -> None:
    assert "dispon" not in tokens("¿la app ya está disponible en la tienda de Apple?")
    # …but not whether it is out at all
    assert "dispon" in tokens("¿ya está disponible la app?")


@pytest.mark.parametrize(
    "typed",
    ["alternativas a la detención", "alternatibas a detencion", "alternativas a la detensión"],
)
def test_alternatives_to_detention_is_atd_however_spelt(typed: str) -> None:
    assert tokens(f"cuántos están en {typed}") == ["atd"]


def test_a_store_asked_about_as_available_there_answers() -> None:
    result = untaught().match("¿ya está disponible en la tienda de Apple esa aplicación?")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "apple-store"


def test_a_preterite_whose_accent_was_folded_is_no_gerund() -> None:
    # "demandó" is folded to "demando", which Snowball read as a gerund of no verb ("dem")
    spanish = analysis("es")
    assert spanish.stem("demando") == spanish.stem("demandaron") == spanish.stem("demanda")
    # …while a gerund of a verb keeps its stem
    assert spanish.stem("usando") == spanish.stem("usar")
    assert spanish.stem("reportando") == spanish.stem("reportarse")


def test_not_checking_in_is_skipping_it() -> None:
    matcher = untaught()
    result = matcher.match("¿qué pasa si mi tío no hace el check-in en la app?")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "no-enforcement-quote"
    # …and doing it is not: the negation, a stopword, once made the two one question
    doing = matcher.match("¿cómo hago el check-in en la app?")
    assert doing.best is not None
    assert doing.tier is not Tier.CONFIDENT or doing.best.entry_id != "no-enforcement-quote"


@pytest.mark.parametrize(
    ("told", "asked"),
    [
        (
            "soy maestro y mis alumnos me preguntan si la inmigración va a pesar en las elecciones",
            "la inmigracion va a pesar en las elecciones",
        ),
        (
            "trabajo con una organización y quería preguntar cuánta gente está en ATD",
            "cuanta gente esta en atd",
        ),
        (
            # (how things are going read as where they stand: language.toml's rewrites)
            "estoy ayudando a una familia y quiero entender cómo están las cosas con la app",
            "situacion actual con la app",
        ),
    ],
)
def test_the_question_after_who_asks_starts_where_it_is_said_to(told: str, asked: str) -> None:
    assert analysis("es").clauses(told)[-1] == asked


def test_a_trial_programme_is_a_pilot() -> None:
    assert "pilot" in tokens("¿la app va a empezar como programa de prueba?")
    # …but not any trial: "una prueba de vida" is no pilot
    assert "pilot" not in tokens("¿la app pide una prueba de vida?")
