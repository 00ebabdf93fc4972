"""A message of two questions, one answered: the answer says, in the asker's language, that the
rest of the message is not in the knowledge base."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.console import render_answer
from bot.core.answers import UNANSWERED_PART_NOTE, message
from bot.core.engine import Engine
from bot.core.matcher import Tier
from testkit.labelled import KNOWLEDGE


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    async with Engine.open(tmp_path / "db.sqlite3", KNOWLEDGE) as opened:
        yield opened


@pytest.mark.parametrize(
    ("question", "language", "said"),
    [
        ("Who can use the check-in app, and does it work on a smartwatch?", "en", "knowledge base"),
        (
            "¿Quién puede usar la app y cuánto cuesta el plan de datos?",
            "es",
            "base de conocimientos",
        ),
    ],
)
async def test_the_answer_to_one_question_of_two_says_the_rest_is_not_covered(
    engine: Engine, question: str, language: str, said: str
) -> None:
    answer = engine.answer(question)
    assert answer.tier is Tier.CONFIDENT and answer.entry_id == "app-who-can-use"
    assert answer.language == language
    assert answer.unanswered_note == message(UNANSWERED_PART_NOTE, language)
    assert said in answer.unanswered_note
    assert answer.to_json()["unanswered_note"] == answer.unanswered_note
    assert answer.unanswered_note in render_answer(answer)[0].replace("\n", " ")


async def test_a_question_answered_whole_carries_no_such_note(engine: Engine) -> None:
    answer = engine.answer("Who can use the check-in app?")
    assert answer.tier is Tier.CONFIDENT
    assert answer.unanswered_note is None and answer.to_json()["unanswered_note"] is None
