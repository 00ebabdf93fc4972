"""Spanish: detecting the question's language, reading Spanish text, and answering in Spanish."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.core.analysis import analysis
from bot.core.commonness import informativeness, zipf
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError
from bot.core.language_detect import detect_language
from bot.core.matcher import Matcher, MatchResult, Tier
from bot.core.models import Entry
from bot.core.routing import route
from testkit.labelled import shipped_entries

from .conftest import write_knowledge

ENROLLED_ES = {
    "question": "¿Cuántos migrantes se inscribieron en la aplicación?",
    "paraphrases": ["cuántas personas se registraron en la app", "solo 45 inscritos?"],
    "keywords": ["inscritos", "registrados"],
    "answer": "El New York Post informó, citando una fuente anónima, que los funcionarios solo "
    "lograron inscribir a 45 migrantes de cientos por problemas técnicos.",
}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many migrants were enrolled?", "en"),
        ("cuantos migrantes se inscribieron", "es"),
        ("¿Es asesoría legal?", "es"),
        ("la app de ICE es real?", "es"),
        ("el check in de ICE ahora es por app?", "es"),
        ("is the ice app legit", "en"),
        ("can i use the app for my checkin", "en"),
    ],
)
def test_the_language_is_detected_per_question(question: str, expected: str) -> None:
    found = detect_language(question)
    assert found.code == expected and not found.ambiguous


@pytest.mark.parametrize("question", ["CBP One?", "SmartLINK", "45?"])
def test_an_ambiguous_question_follows_the_askers_language(question: str) -> None:
    assert detect_language(question, "es") == detect_language(question, "es")
    assert detect_language(question, "es").code == "es"
    assert detect_language(question, "en").code == "en"
    assert detect_language(question).ambiguous


def test_spanish_text_is_folded_stemmed_and_stripped_of_stopwords() -> None:
    spanish = analysis("es")
    tokens = spanish.content_tokens(spanish.normalize("¿Cuántos MIGRANTES se inscribieron?"))
    assert tokens == spanish.content_tokens(spanish.normalize("cuantos migrante se inscribio"))
    assert "cuant" not in tokens and "se" not in tokens
    assert spanish.content_tokens(spanish.normalize("la app de ICE")) == ["app", "ice"]
    assert spanish.content_tokens(spanish.normalize("año")) == spanish.content_tokens(
        spanish.normalize("ano")
    )


def _entries(entries: list[dict[str, Any]]) -> list[Entry]:
    data = copy.deepcopy(entries)
    data[0]["translations"] = {"es": ENROLLED_ES}
    return [Entry.model_validate(item) for item in data]


def test_the_spanish_index_reads_spanish_words_and_keeps_the_three_tiers(
    entries: list[dict[str, Any]],
) -> None:
    matcher = Matcher(_entries(entries), language="es")
    assert matcher.match("¿cuántas personas se inscribieron en la app?").tier is Tier.CONFIDENT
    assert matcher.match("cuantas personas se inscrivieron en la aplicacion").best is not None
    assert matcher.match("¿cuál es la capital de Francia?").tier is Tier.NONE


@pytest.fixture
async def spanish_engine(tmp_path: Path, entries: list[dict[str, Any]]) -> AsyncIterator[Engine]:
    entries[0] = dict(entries[0], translations={"es": ENROLLED_ES})
    write_knowledge(tmp_path / "kb", entries)
    async with Engine.open(tmp_path / "db.sqlite3", tmp_path / "kb") as engine:
        yield engine


async def test_a_spanish_question_gets_a_spanish_answer_warning_and_sources(
    spanish_engine: Engine,
) -> None:
    answer = await spanish_engine.ask("¿cuántos migrantes se inscribieron en la app?")
    assert answer.tier is Tier.CONFIDENT and answer.entry_id == "enrolled-45"
    assert answer.language == "es" and answer.translated
    assert answer.text == ENROLLED_ES["answer"]
    assert answer.warning is not None and "fuentes anónimas" in answer.warning
    assert answer.citations[0].text.startswith("New York Post, 12 de julio de 2024, citando")
    assert answer.status_label == "Publicado, sin confirmación oficial"
    assert answer.question_id is not None


async def test_an_untranslated_entry_answers_in_english_with_a_note_in_spanish(
    spanish_engine: Engine,
) -> None:
    answer = spanish_engine.answer("¿cuántos cruzaron la frontera? 7 millones detenidos")
    if answer.tier is not Tier.CONFIDENT:  # the fixture's entry may only be suggested
        answer = spanish_engine.answer_for_entry("apprehended-7m", language="es") or answer
    assert answer.language == "es" and not answer.translated
    assert answer.answer_language == "en" and answer.text is not None
    assert answer.not_translated_note is not None and "inglés" in answer.not_translated_note
    assert answer.to_json()["note"] == answer.not_translated_note


async def test_no_answer_is_said_in_the_question_language_and_queued_with_it(
    spanish_engine: Engine,
) -> None:
    answer = await spanish_engine.ask("¿cuál es la capital de Francia?")
    assert answer.tier is Tier.NONE and answer.message is not None
    assert answer.message.startswith("Eso no está en mi base de conocimientos")
    (queued,) = await spanish_engine.unanswered()
    assert queued.language == "es"


async def test_english_questions_are_unchanged(spanish_engine: Engine) -> None:
    answer = spanish_engine.answer("how many migrants were enrolled?")
    assert answer.language == "en" and answer.entry_id == "enrolled-45"
    assert answer.text is not None and answer.text.startswith("The New York Post")
    assert answer.to_json()["language"] == "en"


async def test_teaching_a_spanish_question_adds_a_spanish_paraphrase(
    spanish_engine: Engine,
) -> None:
    asked = await spanish_engine.ask("¿los funcionarios contaron a los inscritos uno por uno?")
    if asked.tier is Tier.CONFIDENT:
        pytest.skip("answered already; nothing to teach")
    assert asked.question_id is not None and asked.language == "es"
    await spanish_engine.teach(asked.question_id, "enrolled-45", author="mod")
    entry = spanish_engine.entry("enrolled-45")
    assert entry is not None
    assert asked.question in entry.translations["es"].paraphrases
    assert asked.question not in entry.paraphrases


async def test_a_spanish_question_cannot_be_taught_to_an_untranslated_entry(
    spanish_engine: Engine,
) -> None:
    asked = await spanish_engine.ask("¿cuál es la capital de Francia?")
    assert asked.question_id is not None
    with pytest.raises(KnowledgeError, match="no 'es' translation yet"):
        await spanish_engine.teach(asked.question_id, "apple-store", author="mod")


class _Fixed:
    """A stand-in index that gives one result whatever it is asked."""

    def __init__(self, tier: Tier) -> None:
        self.result = MatchResult(tier, ())

    def match(self, question: str) -> MatchResult:
        return self.result


def test_an_unclear_question_tries_the_other_index_and_keeps_the_reply_language() -> None:
    english, spanish = _Fixed(Tier.CONFIDENT), _Fixed(Tier.NONE)
    matchers: Any = {"en": english, "es": spanish}
    routed = route(matchers, "CBP One?", preferred="es")
    assert routed.language == "es" and routed.matcher is english
    clear = route(matchers, "¿qué es la aplicación de CBP One para los migrantes?")
    assert clear.language == "es" and clear.matcher is spanish  # a clear question stays put


def test_spanish_reads_what_is_questions_and_question_kinds_from_its_data() -> None:
    spanish = analysis("es")
    assert spanish.definition_subject("que significa ice") == "ice"
    assert spanish.definition_subject("que es el ice portal") == "ice portal"
    assert spanish.definition_subject("cuantos migrantes se inscribieron") is None
    assert spanish.question_kind("cuantos migrantes se inscribieron".split()) == "how many"
    assert spanish.question_kind("quien publico la noticia".split()) == "who"
    assert spanish.question_kind("por que la cancelaron".split()) == "why"  # two words
    assert spanish.question_kind("que porque".split()) == "why"
    assert spanish.question_kind("en que momento se levantan".split()) == "when"
    assert spanish.definition_subject("en que consiste el programa atd") == "programa atd"
    assert spanish.clauses("¿cuántos se inscribieron y cuándo empieza?") == [
        "cuantos se inscribieron",
        "cuando empieza",
    ]


def test_english_words_in_a_spanish_question_are_read_as_english() -> None:
    spanish = analysis("es")
    assert spanish.borrowed_tokens("cities") == ["en:city"]
    assert spanish.borrowed_tokens("is") == []  # an English function word
    assert spanish.borrowed_tokens("ciudades") is None
    assert analysis("en").borrowed_tokens("cities") is None


def test_spanglish_meets_the_entries_english_words_and_nothing_else() -> None:
    matcher = Matcher(shipped_entries(), language="es")
    answered = matcher.match("la press conference del launch la cancelaron por que?")
    assert answered.tier is Tier.CONFIDENT and answered.best is not None
    assert answered.best.entry_id == "launch-postponed"
    # An English word no entry uses still counts as unexplained.
    assert matcher.match("la app de ICE funciona con bitcoin wallets?").tier is not Tier.CONFIDENT


def test_a_misspelling_that_sounds_like_a_word_is_read_as_it_a_real_word_rarely() -> None:
    spanish = analysis("es")
    assert spanish.sound_key("fayas") == spanish.sound_key("fallas")
    assert spanish.sound_key("siudades") == spanish.sound_key("ciudades")
    assert spanish.sounds_like("exepcion") == "excepcion"  # not "eleccion", two letters off
    matcher = Matcher(shipped_entries(), language="es")
    assert matcher.query_tokens("la app tuvo fayas") == matcher.query_tokens("la app tuvo fallas")
    # A real word stays ("sierra" is not the knowledge base's "cierra")…
    assert "sierr" in matcher.query_tokens("la app sierra")
    # …unless it sounds like a function word ten times commoner ("tubo" as "tuvo"), or is rare
    # and sounds like a word of the knowledge base ten times commoner ("sita" as "cita").
    assert matcher.query_tokens("la app tubo fallas") == matcher.query_tokens("la app fallas")
    assert matcher.query_tokens("la sita con ice") == matcher.query_tokens("la cita con ice")


def test_unaccented_spanish_words_are_as_common_as_accented_ones() -> None:
    assert zipf("aplicacion", "es") == zipf("aplicación", "es")
    assert zipf("aplicacion", "en") < 3  # English is not folded


def test_a_spanish_word_is_as_common_as_its_family() -> None:
    spanish = analysis("es")
    # "funciona" alone is rarer than "works"; with "funcionar", "funcionan" … it is not.
    assert spanish.informativeness("funciona") < informativeness("funciona", "es") - 0.2
    assert spanish.informativeness("android") == 1.0  # a rare word stays informative
    matcher = Matcher(shipped_entries(), language="es")
    assert matcher.match("¿la app de ICE funciona en Android?").tier is not Tier.CONFIDENT


def test_spanish_doubt_about_one_claim_is_answered_by_that_claims_entry() -> None:
    spanish = analysis("es")
    assert {"verd", "hoax", "confirm"} <= spanish.doubt_tokens  # read from its language data
    matcher = Matcher(shipped_entries(), language="es")
    doubted = matcher.match("es real lo del ghost mode o es pura mentira?")
    assert doubted.tier is Tier.CONFIDENT and doubted.best is not None
    assert doubted.best.entry_id == "ghost-mode-criticism"


def test_thanks_or_a_greeting_to_the_bot_is_chatter() -> None:
    spanish = analysis("es")
    assert spanish.strip_chatter("gracias bot y quienes son las fuentes") == (
        "quienes son las fuentes"
    )
    assert spanish.strip_chatter("queriamos saber si la app es gratis") == "la app es gratis"
    assert spanish.strip_chatter("mi tia me mando esto por whatsapp que es la app") == (
        "que es la app"
    )
    assert spanish.strip_chatter("perdon la ignorancia pero es gratis") == "pero es gratis"


def test_applies_is_not_the_app() -> None:
    matcher = Matcher(shipped_entries(), language="es")
    assert "app" in matcher.query_tokens("la aplicacion de ice")
    assert "app" not in matcher.query_tokens("a quienes se les aplica la proclamacion")


def test_english_chatter_around_a_spanish_question_is_dropped() -> None:
    spanish = analysis("es")
    assert spanish.strip_chatter("hey guys quick question tuvo fallas la app anyone know") == (
        "tuvo fallas la app"
    )


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "What is CBP One, and what is SmartLINK?"),
        ("es", "que es SmartLINK y que es CBP One?"),
    ],
)
def test_two_what_is_questions_are_answered_by_an_entry_asked_one_of_them(
    language: str, question: str
) -> None:
    # The entry comparing the apps covers both names but is asked what neither is.
    answered = Matcher(shipped_entries(), language=language).match(question)
    assert answered.tier is Tier.CONFIDENT and answered.best is not None
    assert answered.best.entry_id in {"cbp-one", "smartlink"}
