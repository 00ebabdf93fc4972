"""Words questions are asked with that say the same as an entry's (equivalents.py): general
synonymy counts for whether an entry explains a question, never to rank it.

A clear question whose right entry ranks first was held at "did you mean" when one of its
informative words ("handle", "guidance", "title") is in none of the entry's questions or
keywords although it means what one of them says ("answer", "advice", "headline"). Neighbouring
questions keep their own words, and a number the entry does not say still counts against it."""

from __future__ import annotations

import tomllib

import pytest

from bot.core.analysis import analysis
from bot.core.equivalents import FILE, equivalents, read_groups
from bot.core.languages import LOCALES_DIR, languages
from bot.core.matcher import Matcher, Tier
from bot.core.taught_words import TaughtWords
from testkit.labelled import shipped_entries


def token(word: str, language: str = "en") -> str:
    (found,) = analysis(language).content_tokens(word)
    return found


@pytest.fixture(scope="module")
def english() -> Matcher:
    # Without the taught questions' words (taught_words.py), so that only equivalents speak.
    return Matcher(shipped_entries(), taught=TaughtWords())


@pytest.fixture(scope="module")
def spanish() -> Matcher:
    return Matcher(shipped_entries(), language="es", taught=TaughtWords())


def test_groups_are_read_into_tokens_each_way() -> None:
    found = read_groups(["eligible qualify", "title headline"], analysis("en"))
    assert token("qualify") in found[token("eligible")]
    assert token("eligible") in found[token("qualify")]
    assert token("headline") in found[token("titles")]
    assert token("eligible") not in found[token("headline")]


def test_numbers_doubt_and_lone_words_are_left_out() -> None:
    found = read_groups(["2019 year", "hoax rumor myth", "alone"], analysis("en"))
    assert "2019" not in found
    assert token("year") not in found  # its only equivalent was a number
    assert token("hoax") not in found
    assert token("alone") not in found


@pytest.mark.parametrize("code", sorted(languages()))
def test_every_shipped_group_reads_into_equivalents(code: str) -> None:
    """Each line of a language's file gives at least two different tokens: a line that reads
    as one (two spellings of one stem, a word the vocabulary maps elsewhere) is a defect."""
    path = LOCALES_DIR / code / FILE
    if not path.exists():
        pytest.skip(f"{code} has no equivalents")
    groups = tomllib.loads(path.read_text(encoding="utf-8"))["groups"]
    text = analysis(code)
    for group in groups:
        assert read_groups([group], text), f"{code}: {group!r} says nothing the same"
    assert equivalents(code)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What kinds of questions can this bot handle?", "about-this-bot"),
        ("Can I use your answers as legal guidance for my own immigration case?", "legal-advice"),
        ("what did the new york post title its story on this", "original-headline-unknown"),
        (
            "how many actual different people, not counting people who crossed twice",
            "unique-people",
        ),
    ],
)
def test_a_word_saying_what_the_entry_says_frees_a_clear_question(
    english: Matcher, question: str, expected: str
) -> None:
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


def test_spanish_equivalents_free_a_clear_question(spanish: Matcher) -> None:
    result = spanish.match(
        "La aplicación va a empezar como programa de prueba o para todos de una vez?"
    )
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "pilot-select-cities"


def test_equivalents_count_for_coverage_never_for_the_score(english: Matcher) -> None:
    asked = "What kinds of questions can this bot handle?"
    (with_them,) = english.rank(asked, limit=1)
    saved = english._equivalents
    try:
        english._equivalents = {}
        (without,) = english.rank(asked, limit=1)
    finally:
        english._equivalents = saved
    assert with_them.score == without.score
    assert with_them.coverage == without.coverage
    assert with_them.taught_coverage > without.taught_coverage
    assert with_them.missing < without.missing


@pytest.mark.parametrize(
    "question",
    [
        "how many people are in the US illegally",
        "what is the population of Houston",
        "when does the apple store close",
        "what is DACA",
        "what is the parole program for ukrainians",
        # "permit" the noun is not "allowed": a work permit is not who may use the app.
        "How does an asylum seeker get a work permit?",
        "what is the date today",
        "what is the headline of the new york times today",
        "is ice allowed to enter my home",
        "how big is texas",
        # A year the entry does not say still counts against it.
        "What kinds of questions could this bot handle in 2019?",
    ],
)
def test_neighbouring_questions_stay_unanswered(english: Matcher, question: str) -> None:
    assert english.match(question).tier is not Tier.CONFIDENT
