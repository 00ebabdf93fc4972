"""Usage over a chosen period: most-asked entries, the unanswered rate and the helpful ratio,
counting only questions asked in the period (and the votes on their answers)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


async def test_stats_over_a_period_count_only_that_period(
    open_engine: Callable[[], Any], tmp_path: Path
) -> None:
    async with open_engine() as engine:
        old = await engine.ask("how many migrants were enrolled?")
        await engine.record_feedback(old.question_id, "ann", True)
        await engine.ask("what is the capital of France?")
        new = await engine.ask("how many crossers were apprehended under Biden?")
        await engine.record_feedback(new.question_id, "ann", False)
        await engine.record_feedback(new.question_id, "bob", True)
        await engine.ask("what is the weather in Paris")
    with sqlite3.connect(tmp_path / "db" / "test.sqlite3") as raw:
        raw.execute(
            "UPDATE questions SET asked_at = '2020-01-01T00:00:00+00:00' WHERE id IN (?, ?)",
            (old.question_id, old.question_id + 1),
        )
    async with open_engine() as engine:
        ever = await engine.period_stats()
        assert (ever.asked, ever.confident, ever.helpful, ever.unhelpful) == (4, 2, 2, 1)
        assert ever.unanswered_rate == pytest.approx(0.5)
        assert ever.helpful_ratio == pytest.approx(2 / 3)
        assert {entry for entry, *_ in ever.top} == {"enrolled-45", "apprehended-7m"}
        month = await engine.period_stats(30)
        assert (month.asked, month.confident, month.helpful, month.unhelpful) == (2, 1, 1, 1)
        assert month.top == (("apprehended-7m", 1, 1, 1),)
        assert month.unanswered_rate == pytest.approx(0.5)
        assert month.helpful_ratio == pytest.approx(0.5)


async def test_an_empty_period_has_no_rates(engine: Any) -> None:
    stats = await engine.period_stats(7)
    assert stats.asked == 0 and stats.unanswered_rate is None and stats.helpful_ratio is None


async def test_stats_are_split_by_the_language_asked_in(engine: Any) -> None:
    await engine.ask("how many migrants were enrolled?")
    await engine.ask("what is the weather in Paris")
    spanish = await engine.ask("¿Cuántos migrantes se inscribieron en la aplicación?")
    stats = await engine.period_stats()
    by_language = {code: (asked, answered) for code, asked, answered, _, _ in stats.by_language}
    assert by_language["en"] == (2, 1)
    assert by_language[spanish.language][0] == 1 and spanish.language == "es"
