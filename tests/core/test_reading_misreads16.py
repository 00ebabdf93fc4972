"""Questions round 16's reading data misread, found by its fact-check (knowledge/FACTCHECK.md,
"Round 16 changes"): a person's own case must keep the own-case notice, and words with another
common sense must not carry a confident answer about something else. None of these questions is
from a benchmark set."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.own_case import detect
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    "question",
    [
        "will i be arrested by agents",
        "can i be detained by officers",
        "can my son be my interpreter at court",
        "can i be my own lawyer",
        "can i miss work for court",
        "will i lose my job for court",
        "what if i didn't check in",
        "what if i haven't checked in",
        "what if i hadn't checked in",
        "¿mi hijo puede ser mi intérprete en la corte?",
        "¿puedo faltar al trabajo para la corte?",
    ],
)
def test_own_cases_keep_the_notice(question: str) -> None:
    assert detect(question) is not None


@pytest.mark.parametrize(
    ("question", "not_answered_with"),
    [
        ("what happens if i haven't got the app", "no-enforcement-quote"),
        ("what if i haven't downloaded the app", "apple-store"),
        ("will the app be back after a few days", "which-app-is-it"),
    ],
)
def test_english_words_with_another_sense(
    english: Matcher, question: str, not_answered_with: str
) -> None:
    assert confident_entry(english, question) != not_answered_with


@pytest.mark.parametrize(
    ("question", "not_answered_with"),
    [
        ("la app colapsó, ¿qué hago?", "ice-offices-underwater"),
        ("¿qué pasa si falto 2 o 3 veces?", "unique-people"),
    ],
)
def test_spanish_words_with_another_sense(
    spanish: Matcher, question: str, not_answered_with: str
) -> None:
    assert confident_entry(spanish, question) != not_answered_with
