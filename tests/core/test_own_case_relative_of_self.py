"""Factcheck 19: a relative's question passed on that names what was or will be done to them, or
their own check-in, in words of its own, keeps the own-case notice (all had it at 765d105 or are
the same kind); a relative asking about the app or the news in general still gets none."""

from __future__ import annotations

import pytest

from bot.core.own_case import detect

THEIR_CASE = [
    "my husband wants to know how long they can hold him",
    "my brother wants to know if ice is arresting people at check-ins, he has one tomorrow",
    "my brother wants to know how he checks in with the app",
    "my uncle wonders why ice took his son at the check-in",
    "my son asks when they will let his father out",
]
IN_GENERAL = [
    "my mom wants to know how the app works",
    "my mom wants to know if the app tracks people",
    "my brother wants to know how people check in with the app",
    "my dad wants to know if ice will let people check in by phone",
    "my mom asks whether they took the app down",
    "my mom wants to know if she has the right article",
]


@pytest.mark.parametrize("question", THEIR_CASE)
def test_a_relatives_own_case_in_their_question_keeps_the_notice(question: str) -> None:
    found = detect(question)
    assert found is not None and found.language == "en", question


@pytest.mark.parametrize("question", IN_GENERAL)
def test_a_relatives_general_question_gets_none(question: str) -> None:
    assert detect(question) is None, question
