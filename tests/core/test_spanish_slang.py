"""Spanish as it is typed across Mexico, Central America and the Caribbean: slang for the
topic's words, filler around the question, shorthand, diminutives, misspelt names and Spanglish
(bot/locales/es/language.toml, read by question_reading.py). Every example here is new: none is
from a question set."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.language_detect import detect_language
from bot.core.matcher import Matcher, Tier


@pytest.mark.parametrize(
    ("slang", "plain"),
    [
        ("¿cómo jala la app de ICE?", "¿cómo funciona la app de ICE?"),
        ("la app está bien chafa", "la app tiene fallas"),
        ("ya tronó la aplicación", "ya falló la aplicación"),
        ("cuántos manes hay en ATD", "cuánta gente hay en ATD"),
        ("cuántos se apuntaron en la app", "cuántos se inscribieron en la app"),
        ("a cuántos metieron a la app", "a cuántos inscribieron en la app"),
        ("cuántos se dieron de alta en la app", "cuántos se inscribieron en la app"),
        ("el licenciado dice que la app es para todos", "el abogado dice que la app es para todos"),
        ("la tobillera de ATD", "el grillete de ATD"),
        ("cuánta gente anda en ATD", "cuánta gente está en ATD"),
        ("los que cruzaron al otro lado", "los que cruzaron a estados unidos"),
        ("la app sin papeles", "la app indocumentados"),
        ("un abogado que no me cobre un ojo de la cara", "un abogado barato"),
        ("el lunes voy a firmar a ICE", "el lunes check-in en ICE"),
    ],
)
def test_slang_for_the_topics_words_reads_as_the_word(
    spanish: Matcher, slang: str, plain: str
) -> None:
    assert spanish.query_tokens(slang) == spanish.query_tokens(plain)


@pytest.mark.parametrize(
    ("asked", "bare"),
    [
        ("q onda con la app de ICE", "la app de ICE"),
        ("la neta, ¿la app ya salió?", "¿la app ya salió?"),
        ("a ver si alguien sabe cuándo sale la app xfa", "cuándo sale la app"),
        ("no manches, ¿7 millones?", "¿7 millones?"),
        ("chamo, ¿esa vaina ya está en la app store?", "¿ya está en la app store?"),
        ("no te lo tomes a mal pero eres abogado?", "eres abogado?"),
        ("hola de nuevo, cuántos se inscribieron?", "cuántos se inscribieron?"),
        ("me suena a propaganda", "propaganda"),
        ("eso quiere decir que la app es para todos?", "la app es para todos?"),
        ("porfa, ¿la app ta fallando?", "¿la app está fallando?"),
        # chatter12: "alguien q me explique", "no hay bronca", "a poco", "bien feo / qué gacho".
        ("alguien q me explique qué es el ATD", "qué es el ATD"),
        ("que alguien me explique cuántos se inscribieron", "cuántos se inscribieron"),
        ("¿quién publicó la nota? sin bronca si no sabes", "¿quién publicó la nota? si no sabes"),
        ("a poco ya no hay que ir a la oficina?", "ya no hay que ir a la oficina?"),
        (
            "está bien feo lo de los arrestos, ¿arrestan en el check-in?",
            "lo de los arrestos, ¿arrestan en el check-in?",
        ),
        ("qué gacho, ¿la app se cae mucho?", "¿la app se cae mucho?"),
        ("oye bot, ps q es smartlink wey", "qué es smartlink"),
        ("oigan, la neta ¿es cierto lo de la app o q?", "¿es cierto lo de la app?"),
        ("perdón que insista, pero ¿la app ya salió?", "¿la app ya salió?"),
        ("antes de preguntarte algo, ¿tú eres abogado?", "¿tú eres abogado?"),
    ],
)
def test_slang_filler_around_a_question_is_dropped(spanish: Matcher, asked: str, bare: str) -> None:
    assert spanish.query_tokens(asked) == spanish.query_tokens(bare)


def test_an_apology_for_asking_is_chatter(spanish: Matcher) -> None:
    text = spanish._text
    asked = "disculpa la pregunta, pero ¿la app ya salió?"
    assert text.strip_chatter(text.plain_words(asked)) == "la app ya salio"


def test_what_a_name_means_keeps_its_quiere_decir() -> None:
    es = analysis("es")
    assert es.definition_subject(es.strip_chatter("que quiere decir atd")) == "atd"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("kien dijo eso", "quién dijo eso"),
        ("xk pospusieron la app", "por qué pospusieron la app"),
        ("¿el cheking es por la app?", "¿el check-in es por la app?"),
        ("¿el chek in es por la app?", "¿el check-in es por la app?"),
        ("ke es el CBP uan", "qué es CBP One"),
        ("qué es el esmar link", "qué es SmartLINK"),
        ("la ap ya esta en la apstore de apel?", "la app ya esta en la app store?"),
        ("quién publicó eso, el nueyork post?", "quién publicó eso, el New York Post?"),
    ],
)
def test_shorthand_and_misspelt_names_read_as_meant(
    spanish: Matcher, typed: str, meant: str
) -> None:
    assert spanish.query_tokens(typed) == spanish.query_tokens(meant)


def test_a_shorthand_question_word_still_says_what_is_asked() -> None:
    es = analysis("es")
    assert es.question_kind("kien lo dijo".split()) == "who"
    assert es.question_kind("xk lo pospusieron".split()) == "why"


@pytest.mark.parametrize(
    ("diminutive", "plain"),
    [
        ("cuántos están en ATD ahorita", "cuántos están en ATD ahora"),
        ("el numerito exacto de la proclamación", "el número exacto de la proclamación"),
        ("fueron poquitos los inscritos", "fueron pocos los inscritos"),
        ("los 7 milloncitos", "los 7 millones"),
    ],
)
def test_a_diminutive_reads_as_its_word(spanish: Matcher, diminutive: str, plain: str) -> None:
    assert spanish.query_tokens(diminutive) == spanish.query_tokens(plain)


def test_a_word_is_read_as_a_diminutive_only_of_a_far_commoner_known_word(
    spanish: Matcher,
) -> None:
    es = analysis("es")
    assert "visa" in es.base_forms("visita")  # a candidate…
    assert spanish._base_form("visita") is None  # …but "visita" is the commoner word
    assert spanish._base_form("poquitos") == "pocos"
    assert spanish._base_form("cafecito") is None  # the knowledge base never speaks of coffee


def test_signing_is_not_reporting_to_ice(spanish: Matcher) -> None:
    assert "checkin" in spanish.query_tokens("voy a firmar a ICE el lunes")
    assert "checkin" not in spanish.query_tokens("cuándo firmó Biden la proclamación")
    assert "checkin" not in spanish.query_tokens("Biden va a firmar una orden")


def test_the_app_that_does_not_work_still_works_badly(spanish: Matcher) -> None:
    # "anda en" is "is in"; "no anda" is "does not work".
    assert "funcion" in spanish.query_tokens("la app no anda en mi celular")
    assert "funcion" not in spanish.query_tokens("cuánta gente anda en ATD")


def test_applying_for_asylum_is_not_the_app(spanish: Matcher) -> None:
    assert "app" not in spanish.query_tokens("puedo aplicar para asilo")
    assert spanish.query_tokens("puedo aplicar para asilo") == spanish.query_tokens(
        "puedo pedir asilo"
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("la neta no entiendo, ¿cómo jala el check-in con la app de ICE?", "app-how-it-works"),
        ("wey, ¿cuántos se apuntaron en la app al final?", "enrolled-45"),
        ("q onda, la app de ICE anda bien chafa o q?", "app-glitches"),
        ("chamo, ¿esa vaina ya está en la app store?", "apple-store"),
        ("xfa alguien sabe q es el CBP uan", "cbp-one"),
        ("ke es el esmar link", "smartlink"),
        ("quien saco la noticia primero, el nueyork post?", "who-reported"),
        ("¿cuánta raza anda en ATD ahorita?", "atd-numbers"),
        ("mano, ¿dónde hay un licenciado de inmigración que no cobre mucho?", "legal-help"),
        ("¿la migra me puede agarrar si voy a firmar?", "check-in-arrests-2025"),
    ],
)
def test_slang_questions_are_answered(spanish: Matcher, question: str, expected: str) -> None:
    result = spanish.match(question)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == expected


@pytest.mark.parametrize(
    "question",
    ["wey ¿q onda con el clima hoy?", "la neta, ¿dónde venden los mejores tacos de Houston?"],
)
def test_slang_around_an_unrelated_question_answers_nothing(
    spanish: Matcher, question: str
) -> None:
    assert spanish.match(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("check in por app?", "es"),
        ("cbp one sirve?", "es"),
        ("el check-in es online?", "es"),
        ("what is the ice check in app", "en"),
        ("how many checked in online", "en"),
    ],
)
def test_english_words_spanish_borrows_do_not_make_a_short_question_english(
    question: str, expected: str
) -> None:
    found = detect_language(question)
    assert found.code == expected and not found.ambiguous
