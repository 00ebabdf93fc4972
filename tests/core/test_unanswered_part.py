"""A message of two questions, one answered: the answer says, in the asker's language, that the
rest of the message is not in the knowledge base."""

from __future__ import annotations

import pytest

from bot.console import render_answer
from bot.core.answers import UNANSWERED_PART_NOTE, message
from bot.core.engine import Engine
from bot.core.matcher import Tier


@pytest.mark.parametrize(
    ("question", "language", "said"),
    [
        ("Who can use the check-in app, and does it play music?", "en", "knowledge base"),
        (
            "¿Quién puede usar la app y cuánto cuesta el plan de datos?",
            "es",
            "base de conocimientos",
        ),
    ],
)
async def test_the_answer_to_one_question_of_two_says_the_rest_is_not_covered(
    shipped_engine: Engine, question: str, language: str, said: str
) -> None:
    answer = shipped_engine.answer(question)
    assert answer.tier is Tier.CONFIDENT and answer.entry_id == "app-who-can-use"
    assert answer.language == language
    assert answer.unanswered_note == message(UNANSWERED_PART_NOTE, language)
    assert said in answer.unanswered_note
    assert answer.to_json()["unanswered_note"] == answer.unanswered_note
    assert answer.unanswered_note in render_answer(answer)[0].replace("\n", " ")


async def test_a_question_answered_whole_carries_no_such_note(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("Who can use the check-in app?")
    assert answer.tier is Tier.CONFIDENT
    assert answer.unanswered_note is None and answer.to_json()["unanswered_note"] is None


@pytest.mark.parametrize(
    "question",
    [
        "when does it end? is the student loan pause over?",
        "when does it start? is the DACA renewal portal down?",
        "how many people use it? what about the IRS free file app?",
        "is it safe? what about the new TSA facial recognition app at airports?",
    ],
)
async def test_a_question_saying_it_of_what_another_names_is_not_answered_alone(
    shipped_engine: Engine, question: str
) -> None:
    """ "it" is what the other question names, which no entry speaks of: answering the vague
    question alone ("when does it end" by when the border order ends) would be wrong."""
    assert shipped_engine.answer(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    "question",
    [
        # "who reported it" is answered too: the rest is more than one part.
        "how many were enrolled? who reported it? and what's the weather in houston?",
        # The smartwatch part has entries to offer (CLOSE): it is not "not in the knowledge base".
        "Who can use the check-in app, and does it work on a smartwatch?",
    ],
)
async def test_no_note_unless_one_part_is_answered_and_the_rest_matches_nothing(
    shipped_engine: Engine, question: str
) -> None:
    answer = shipped_engine.answer(question)
    assert answer.tier is Tier.CONFIDENT
    assert answer.unanswered_note is None
