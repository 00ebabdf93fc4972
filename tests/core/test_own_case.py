"""The own-case detector on our own development examples (benchmarks/questions/own-case-dev.tsv,
own-case-dev2.tsv … own-case-dev6.tsv).

The blind set (own-case.tsv) is never read here: it is measured once by `benchmarks.own_case`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.core.own_case import detect, fold
from bot.core.own_case_data import OwnCaseDataError, expand

QUESTIONS = Path(__file__).resolve().parents[2] / "benchmarks" / "questions"
DEV_SETS = tuple(
    QUESTIONS / f"own-case-{name}.tsv" for name in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
)


def _rows(path: Path) -> list[tuple[str, bool, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert next(reader) == ["question", "own_case", "language"]
        return [(q, own == "yes", language) for q, own, language in reader]


ROWS = [row for path in DEV_SETS for row in _rows(path)]


@pytest.mark.parametrize("path", DEV_SETS, ids=lambda path: path.name)
def test_each_development_set_is_balanced(path: Path) -> None:
    rows = _rows(path)
    own = [r for r in rows if r[1]]
    news = [r for r in rows if not r[1]]
    assert len(own) >= 40 and len(news) >= 40
    assert {r[2] for r in own} == {r[2] for r in news} == {"en", "es"}


@pytest.mark.parametrize(("question", "language"), [(q, lang) for q, own, lang in ROWS if own])
def test_own_case_questions_are_recognised_in_their_language(question: str, language: str) -> None:
    found = detect(question)
    assert found is not None, question
    assert found.language == language


@pytest.mark.parametrize("question", [q for q, own, _ in ROWS if not own])
def test_news_questions_are_not_own_case(question: str) -> None:
    assert detect(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "I heard 45 people enrolled, true?",
        "can we talk about the app?",
        "what can I ask you?",
        "Can I trust what ICE says?",
        "¿Podemos hablar de la app?",
    ],
)
def test_first_person_words_alone_do_not_make_a_question_own_case(question: str) -> None:
    assert detect(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "I'm a lawyer; my client's check-in is on Friday, can she use the app?",
        "I volunteer with asylum seekers, a woman I help has a hearing next week",
        "Soy voluntaria y una señora que ayudo tiene cita con ICE",
        "mi cliente perdió su cita, ¿qué puede hacer?",
        "una de mis clientas no mandó su foto ayer, ¿qué debe hacer?",
        "mis clientas tienen cita con ICE el lunes, ¿pueden usar la app?",
    ],
)
def test_a_lawyers_or_volunteers_question_about_a_client_gets_the_notice(question: str) -> None:
    # The answer may reach the client, whose check-in is at stake.
    assert detect(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "I missed the news about the ICE app, what happened?",
        "my friend was telling me about the ICE app, is it real?",
        "Help me find the Guardian article about arrests at check-ins",
        "Why do I keep hearing about ghost mode?",
        "Should he resign over the app, the ICE chief?",
        "se me olvidó el nombre del periódico que publicó lo de la app",
        "no fui a la conferencia, ¿qué dijo ICE sobre la app?",
        "a mi mamá le mandaron un video sobre la app, ¿es falso?",
        "estoy preocupada por las noticias sobre arrestos en citas de ICE",
        "¿Qué hago para leer el artículo del Post sobre ICE?",
    ],
)
def test_past_tense_fear_and_family_words_about_the_news_are_not_own_case(question: str) -> None:
    assert detect(question) is None


def test_case_punctuation_and_accents_do_not_matter() -> None:
    assert detect("TENGO CITA CON ICE") == detect("tengo cita con ice")
    assert detect("Mi mamá tiene cita") is not None
    assert detect("mi mama tiene cita") is not None
    assert detect("I’ve got a check-in") is not None  # typographic apostrophe


def test_empty_and_blank_text_are_not_own_case() -> None:
    assert detect("") is None
    assert detect("   ") is None


def test_word_lists_expand_inside_rules_and_bad_names_are_refused() -> None:
    words = {"kin": ["son", "daughter"], "mine": "my <<kin>>", "loop": "<<loop>>"}
    assert expand(" <<mine>> ", words) == " my (?:son|daughter) "
    with pytest.raises(OwnCaseDataError, match="no word list 'cousin'"):
        expand("<<cousin>>", words)
    with pytest.raises(OwnCaseDataError, match="names itself"):
        expand("<<loop>>", words)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("apointment", "appointment"),
        ("imigration", "immigration"),
        ("tommorow", "tomorrow"),
        ("abogao", "abogado"),
        ("deportasion", "deportacion"),
    ],
)
def test_a_misspelt_case_word_is_read_as_meant(typed: str, meant: str) -> None:
    assert fold(f"my {typed}") == f" my {meant} "


@pytest.mark.parametrize("word", ["appoint", "hearth", "lawn", "officers", "deporte", "cita"])
def test_real_words_are_never_corrected(word: str) -> None:
    assert fold(word) == f" {word} "
