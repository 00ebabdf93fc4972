"""Remembered answers: the same question text is matched once, and a change to the knowledge
(here or in another process) forgets every remembered answer."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine

QUESTION = "How many migrants were enrolled?"
NEW_ANSWER = (
    "The New York Post reported, citing unnamed sources, that 45 migrants were enrolled (reworded)."
)


async def test_the_same_text_is_matched_once(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = engine.answer(QUESTION)
    monkeypatch.setattr(engine, "_match", lambda question: pytest.fail("matched again"))
    assert engine.answer(QUESTION) is first


async def test_a_change_forgets_remembered_answers(engine: Engine) -> None:
    before = engine.answer(QUESTION)
    assert before.entry_id == "enrolled-45"
    await engine.edit_entry("enrolled-45", {"answer": NEW_ANSWER}, author="t", reason="reword")
    assert engine.answer(QUESTION).text == NEW_ANSWER


async def test_the_cache_is_bounded(engine: Engine) -> None:
    engine.answer_cache_size = 3
    for n in range(10):
        engine.answer(f"question number {n} about the app")
    assert len(engine._answers) == 3
