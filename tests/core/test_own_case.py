"""The own-case detector on our own development examples (benchmarks/questions/own-case-dev.tsv).

The blind set (own-case.tsv) is never read here: it is measured once by `benchmarks.own_case`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.core.own_case import Language, detect

DEV = Path(__file__).resolve().parents[2] / "benchmarks" / "questions" / "own-case-dev.tsv"


def _rows() -> list[tuple[str, bool, str]]:
    with DEV.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert next(reader) == ["question", "own_case", "language"]
        return [(q, own == "yes", language) for q, own, language in reader]


ROWS = _rows()


def test_the_development_set_is_balanced() -> None:
    own = [r for r in ROWS if r[1]]
    news = [r for r in ROWS if not r[1]]
    assert len(own) >= 40 and len(news) >= 40
    assert {r[2] for r in own} == {r[2] for r in news} == {"en", "es"}


@pytest.mark.parametrize(("question", "language"), [(q, lang) for q, own, lang in ROWS if own])
def test_own_case_questions_are_recognised_in_their_language(question: str, language: str) -> None:
    found = detect(question)
    assert found is not None, question
    assert found.language is Language(language)


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


def test_case_punctuation_and_accents_do_not_matter() -> None:
    assert detect("TENGO CITA CON ICE") == detect("tengo cita con ice")
    assert detect("Mi mamá tiene cita") is not None
    assert detect("mi mama tiene cita") is not None
    assert detect("I’ve got a check-in") is not None  # typographic apostrophe


def test_empty_and_blank_text_are_not_own_case() -> None:
    assert detect("") is None
    assert detect("   ") is None
