"""Spanish as it is really asked (issue 11, round 16): the forms of a verb Snowball leaves
apart read as one ("va a poder", "podrá" and "podría"; "se caía", "se cayó" and "se cae"), the
function words English has as stopwords ("acá" as "aquí", "sepa" as "sabe", "tendría",
"debería", "tantos"), "orden ejecutiva" in the singular joined as the plural was, and what the
asker heard of an amount after asking how many (bot/locales/es/language.toml,
equivalents.toml). Every example is new: none is from a question set."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.equivalents import equivalents
from bot.core.matcher import Matcher, Tier

SPANISH = analysis("es")


def tokens(text: str) -> list[str]:
    plain = SPANISH.strip_chatter(SPANISH.plain_words(text))
    return SPANISH.content_tokens(SPANISH.normalize(plain))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("quién va a poder usar la app", "quién podría usar la app"),
        ("quién podrá usar la app", "quién podría usar la app"),
        ("la app se caía", "la app se cae"),
        ("la app se cayó", "la app se cae"),
        ("la app se ha caído", "la app se cae"),
        ("la orden ejecutiva de junio", "las órdenes ejecutivas de junio"),
    ],
)
def test_forms_of_one_verb_or_name_read_alike(one: str, other: str) -> None:
    assert tokens(one) == tokens(other)


def test_the_executive_order_in_the_singular_is_one_token() -> None:
    assert tokens("la orden ejecutiva de junio") == tokens("la eo de junio")


@pytest.mark.parametrize(
    ("said", "bare"),
    [
        ("ya llegó la app acá", "ya llegó la app"),
        ("sin que nadie sepa de ellos", "sin que nadie de ellos"),
        ("quién tendría que reportarse", "quién que reportarse"),
        ("por qué debería confiar en la app", "por qué confiar en la app"),
        ("por qué tuvo tantas fallas", "por qué tuvo fallas"),
    ],
)
def test_function_words_say_nothing(said: str, bare: str) -> None:
    assert tokens(said) == tokens(bare)


@pytest.mark.parametrize(
    "said",
    [
        "cuántos se inscribieron en la app, oí que fueron bien poquitos",
        "cuántos se inscribieron en la app, me dijeron q muy pocos",
    ],
)
def test_hearsay_of_the_amount_after_how_many_is_dropped(said: str) -> None:
    assert tokens(said) == tokens("cuántos se inscribieron en la app")


def test_an_amount_asked_about_is_kept() -> None:
    # Not hearsay after the question: the amount is what is asked.
    assert tokens("se inscribieron muy pocos?") != tokens("se inscribieron?")


def test_forms_of_salir_say_what_sale_says_for_coverage_only() -> None:
    said = equivalents("es")
    assert SPANISH.stem("sale") in said[SPANISH.stem("salio")]
    # …and a launch may be said as the app coming out ("antes de salir").
    assert SPANISH.stem("salir") in said[SPANISH.stem("lanzarla")]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("¿quiénes van a poder reportarse con la app de ICE?", "app-who-can-use"),
        ("oigan, ¿es cierto que la aplicación de ICE se cayó?", "app-glitches"),
        ("wey, ¿cuántos batos se inscribieron en la app? oí q bien poquitos", "enrolled-45"),
        ("¿las oficinas de ICE están colapsadas?", "ice-offices-underwater"),
    ],
)
def test_such_questions_are_answered(spanish: Matcher, question: str, expected: str) -> None:
    result = spanish.match(question)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == expected


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        ("los que cruzaron dos o tres veces", "los que cruzaron varias veces"),
        ("los que cruzan 2 o 3 veces", "los que cruzan varias veces"),
        ("a los chamacos que llegan solitos", "a los niños no acompañados"),
        ("los menores que viajan solos", "los niños no acompañados"),
        ("¿alguien llevó a la corte la regla de asilo?", "¿alguien demandó la regla de asilo?"),
        ("lo llevaron a juicio", "lo demandaron"),
        ("¿todavía tiene que ir en persona?", "¿tiene que ir en persona?"),
    ],
)
def test_idioms_read_as_said_plainly(said: str, plain: str) -> None:
    assert tokens(said) == tokens(plain)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "¿cuántas personas distintas son, sin contar a las que cruzan 3 o 4 veces?",
            "unique-people",
        ),
        ("¿a los chamacos que cruzan solos también les aplica la proclamación?", "eo-exceptions"),
        ("¿alguien llevó a juicio la proclamación de junio?", "eo-litigation"),
    ],
)
def test_idiom_questions_are_answered(spanish: Matcher, question: str, expected: str) -> None:
    result = spanish.match(question)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == expected


@pytest.mark.parametrize("word", ["lanzarla", "descargarlo", "usandola", "reportarse"])
def test_a_verb_with_a_pronoun_written_onto_it_is_a_word(word: str) -> None:
    assert SPANISH.is_word(word)


@pytest.mark.parametrize("word", ["lanzarxla", "zzzarla", "arla"])
def test_other_strings_ending_like_a_pronoun_are_not(word: str) -> None:
    assert not SPANISH.is_word(word)


def test_a_launch_said_with_a_pronoun_is_explained_by_the_app_coming_out(
    spanish: Matcher,
) -> None:
    result = spanish.match("¿es cierto que la app tenía errores antes de lanzarla?")
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == "app-glitches"
